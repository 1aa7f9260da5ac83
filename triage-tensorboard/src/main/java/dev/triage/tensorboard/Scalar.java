package dev.triage.tensorboard;

/** One logged scalar: the event file's run folder (relative, "" for the top), its tag, step and value. */
record Scalar(String run, String tag, long step, double value, double wallTime) {
}
