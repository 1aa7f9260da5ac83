package dev.triage.config;

import java.nio.file.Path;

/** {@code output}: where run folders go. {@code name} may be null (the config file's name is used). */
public record OutputConfig(Path dir, String name, CheckpointPolicy checkpoints) {
}
