package dev.triage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Help reads as sentences: command summaries end where their sentence ends, and no dotted key is split over lines. */
class HelpTextTest {
    private static final List<String> COMMANDS = List.of("train", "check", "sanity", "lr-find", "predict", "report", "diagnose",
            "compare", "bench", "demo");

    @Test
    void everyCommandSummaryIsAWholeSentence() {
        CliRun r = CliRun.of("--help");
        assertThat(r.exit()).isZero();
        List<String> lines = r.out().lines().toList();
        List<String> summaries = new ArrayList<>();
        for (String line : lines.subList(lines.indexOf("Commands:") + 1, lines.size())) {
            if (line.matches("  \\S.*")) {
                summaries.add(line.trim().replaceFirst("^\\S+\\s+", ""));
            } else {
                summaries.set(summaries.size() - 1, summaries.get(summaries.size() - 1) + " " + line.trim());
            }
        }
        assertThat(summaries).hasSize(COMMANDS.size() + 1);
        assertThat(summaries).allSatisfy(s -> assertThat(s).endsWith("."));
    }

    @Test
    void noDottedKeyOrWordIsBrokenAcrossLines() {
        for (String command : COMMANDS) {
            CliRun r = CliRun.of(command, "--help");
            assertThat(r.exit()).as(command).isZero();
            List<String> lines = r.out().lines().toList();
            for (int i = 1; i < lines.size(); i++) {
                boolean splitKey = lines.get(i - 1).matches(".*[a-z_*]\\.$") && lines.get(i).matches("\\s+[a-z_*].*");
                assertThat(splitKey).as(command + " --help: '" + lines.get(i - 1) + "' / '" + lines.get(i) + "'").isFalse();
            }
        }
    }
}
