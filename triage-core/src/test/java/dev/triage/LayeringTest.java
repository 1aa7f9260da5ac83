package dev.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Guards the direction of dependencies (DEVELOPERS.md): each package uses only the packages before it,
 * every package says what it is in a package-info.java, and the library knows nothing of the command line.
 */
class LayeringTest {
    private static final List<String> LAYERS = List.of("config", "data", "nn", "train", "probe", "diagnose", "repair",
            "report", "session");
    private static final Pattern REFERENCE = Pattern.compile("dev\\.triage\\.(\\w+)");
    private static final Path MAIN = Path.of("src/main/java/dev/triage");

    @Test
    void everyPackageUsesOnlyTheLayersBeforeIt() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Map.Entry<Path, String> file : sources().entrySet()) {
            int own = LAYERS.indexOf(file.getValue());
            Matcher m = REFERENCE.matcher(Files.readString(file.getKey()));
            while (m.find()) {
                int used = LAYERS.indexOf(m.group(1));
                if (used > own) {
                    violations.add(file.getKey() + " uses dev.triage." + m.group(1));
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void everyPackageHasAPackageInfo() throws IOException {
        try (Stream<Path> dirs = Files.walk(MAIN)) {
            List<Path> missing = dirs.filter(Files::isDirectory).filter(d -> hasJava(d))
                    .filter(d -> !Files.exists(d.resolve("package-info.java"))).toList();
            assertThat(missing).isEmpty();
        }
    }

    @Test
    void theLibraryDoesNotDependOnTheCommandLine() throws IOException {
        for (Path f : sources().keySet()) {
            assertThat(Files.readString(f)).as(f.toString()).doesNotContain("picocli").doesNotContain("dev.triage.cli");
        }
    }

    private static boolean hasJava(Path d) {
        try (Stream<Path> s = Files.list(d)) {
            return s.anyMatch(p -> p.toString().endsWith(".java"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Every main source file with the top-level package it belongs to. */
    static Map<Path, String> sources() throws IOException {
        Map<Path, String> out = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
                Path rel = MAIN.relativize(p);
                if (rel.getNameCount() > 1) {
                    out.put(p, rel.getName(0).toString());
                }
            });
        }
        assertThat(out.values()).allMatch(LAYERS::contains);
        return out;
    }
}
