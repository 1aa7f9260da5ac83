package dev.triage.report;

import dev.triage.config.ConfigBinder;
import dev.triage.config.ConfigNode;
import dev.triage.config.RunConfig;
import dev.triage.repair.RemedyPreview;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * The settings a user chose: the dotted keys of a configuration as given (before Triage fills in its
 * {@code auto} values and detected ones such as the thread count) whose values differ from the
 * defaults. The data file and target are left out: every run names them.
 */
public final class UserSettings {
    private static final Set<String> ALWAYS_GIVEN = Set.of("data.path", "data.target");

    private UserSettings() {
    }

    public static Map<String, Object> of(RunConfig asGiven) {
        Map<String, Object> given = RemedyPreview.flatten(asGiven.tree());
        Map<String, Object> set = RemedyPreview.difference(defaults(asGiven), given);
        set.keySet().removeAll(ALWAYS_GIVEN);
        return set;
    }

    /** The flattened defaults of a configuration naming only this data file and target. */
    static Map<String, Object> defaults(RunConfig like) {
        Map<String, Object> data = Map.of("path", like.data().path().toString(), "target", like.data().target());
        RunConfig minimal = ConfigBinder.bind(ConfigNode.fromJava(Map.of("data", data), ConfigNode.Origin.of("defaults", base(like))));
        return RemedyPreview.flatten(minimal.tree());
    }

    /** Relative default paths (output.dir: runs) resolve against the config file's folder, else the working directory. */
    private static Path base(RunConfig like) {
        String src = like.source() == null ? "" : like.source().replace(" (changed)", "");
        Path file = src.isBlank() || src.startsWith("command line") ? null : Path.of(src).toAbsolutePath();
        return file != null && file.getParent() != null && java.nio.file.Files.isRegularFile(file) ? file.getParent()
                : Path.of("").toAbsolutePath();
    }
}
