/**
 * Sessions: the jobs a user asks for (train, check, predict, sanity, lr-find, bench, demo), each
 * from a configuration to its outputs and report. This is the library's entry point; the command
 * line only parses arguments and calls it.
 *
 * <p>Top layer of the library: may use every other package.
 */
package dev.triage.session;
