package dev.triage.report.html;

import dev.triage.config.InvalidInputException;
import dev.triage.diagnose.Fmt;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Several run folders side by side ({@code triage compare}): their results, their validation curves and
 * the settings in which they differ, as one HTML page ({@link #html()}) and as text ({@link #text()}).
 */
public final class Comparison {
    /** Settings every run folder has its own value of: not differences worth showing. */
    private static final Set<String> PER_FOLDER = Set.of("output.dir", "output.name");
    private final List<ComparedRun> runs;

    private Comparison(List<ComparedRun> runs) {
        this.runs = List.copyOf(runs);
    }

    public static Comparison of(List<Path> dirs) {
        if (dirs.size() < 2) {
            throw new InvalidInputException("compare needs two or more run folders (got " + dirs.size() + ")");
        }
        List<ComparedRun> read = new ArrayList<>();
        for (Path d : dirs) {
            read.add(ComparedRun.read(d));
        }
        return new Comparison(read);
    }

    public String html() {
        return ComparePage.render(runs, differences());
    }

    /** The runs one per line (epochs, validation metric, test metrics), then the settings that differ. */
    public String text() {
        StringBuilder sb = new StringBuilder("runs compared\n");
        for (ComparedRun r : runs) {
            sb.append("  ").append(dev.triage.data.Text.printable(r.name(), 200)).append(": ")
                    .append(Html.text(r.report().path("metrics"), "epochs_run").isEmpty() ? r.curves().epochs("epoch").length
                            : Html.text(r.report().path("metrics"), "epochs_run"))
                    .append(" epochs, val_").append(r.regression() ? "rmse " : "accuracy ").append(Fmt.num(r.validationMetric()))
                    .append(test(r)).append('\n');
        }
        Map<String, List<String>> diff = differences();
        sb.append(diff.isEmpty() ? "  the runs have the same settings\n" : "settings that differ\n");
        diff.forEach((k, values) -> sb.append("  ").append(k).append(": ").append(dev.triage.data.Text.printable(
                String.join(" | ", values), 500)).append('\n'));
        return sb.toString();
    }

    private static String test(ComparedRun r) {
        var t = r.report().path("metrics").path("test");
        String key = r.regression() ? "rmse" : "accuracy";
        return t.has(key) ? ", test " + key + " " + Fmt.num(Html.num(t.get(key))) : "";
    }

    /** Keys whose values are not the same in every run, each with the value per run ("(not set)" where absent). */
    Map<String, List<String>> differences() {
        List<Map<String, String>> all = runs.stream().map(ComparedRun::settings).toList();
        Set<String> keys = new LinkedHashSet<>();
        all.forEach(m -> keys.addAll(m.keySet()));
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String k : keys) {
            List<String> values = all.stream().map(m -> m.getOrDefault(k, "(not set)")).toList();
            if (!PER_FOLDER.contains(k) && values.stream().anyMatch(v -> !Objects.equals(v, values.get(0)))) {
                out.put(k, values);
            }
        }
        return out;
    }
}
