/**
 * The calibration harness: generates populations of healthy and faulty runs from the shared datasets,
 * trains them through the library ({@code TrainSession}), and measures every rule's false-alarm and
 * detection rates, whether root causes are ranked first and whether repair restores the run
 * (docs/calibration.md). Not part of the library; depends on triage-core only.
 */
package dev.triage.calibrate;
