/**
 * The command line: parses arguments with picocli, calls a session of the core library, prints, and
 * maps the result to the exit codes of docs/findings.md (0, 1, 2 bad input, 3 repair failed,
 * 4 internal error). No training or diagnosis logic lives here.
 */
package dev.triage.cli;
