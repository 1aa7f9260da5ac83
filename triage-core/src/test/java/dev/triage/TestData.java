package dev.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared real datasets and faultbench scenarios (../shared beside the repository). */
public final class TestData {
    private TestData() {
    }

    public static Path shared() {
        String prop = System.getProperty("triage.shared");
        Path p = prop != null ? Path.of(prop) : Path.of("..", "..", "shared");
        if (!Files.isDirectory(p)) {
            p = Path.of("..", "shared");
        }
        assertThat(p.resolve("datasets")).as("the shared datasets folder (../shared/datasets)").isDirectory();
        return p.toAbsolutePath().normalize();
    }

    public static Path dataset(String name) {
        return shared().resolve("datasets").resolve(name);
    }

    public static Path scenario(String name) {
        return shared().resolve("faultbench").resolve(name);
    }
}
