package dev.triage.report;

import dev.triage.repair.RemedyChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A remedy's configuration change as people apply it: {@code --set key=value} arguments for the
 * command line (quoted for a POSIX shell when needed) and the values as YAML text, as run.yaml and
 * {@code --set} read them.
 */
public final class SetArguments {
    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_./-]*");
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./,:=+@%\\[\\]-]+");
    private static final List<String> YAML_WORDS = List.of("true", "false", "null", "yes", "no", "on", "off", "y", "n", "~");

    private SetArguments() {
    }

    /** {@code --set a=1 --set b=[64,32]}; empty when the remedy is not a change. */
    public static String commandLine(RemedyChange c) {
        return arguments(c.changes()).stream().map(a -> "--set " + a).collect(Collectors.joining(" "));
    }

    /** One shell word per key: {@code key=value}, single-quoted when the value needs it. */
    public static List<String> arguments(Map<String, Object> changes) {
        List<String> out = new ArrayList<>();
        changes.forEach((k, v) -> out.add(shell(k + "=" + yaml(v))));
        return out;
    }

    /** A value as YAML flow text: {@code 0.001}, {@code [64,32]}, {@code {units: 64, activation: relu}}, {@code null}. */
    public static String yaml(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            String s = Numbers.sig(d, 6, 1e15);
            return s.contains(".") || s.contains("e") || !Double.isFinite(d) ? s : s + ".0";
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        if (v instanceof List<?> l) {
            return l.stream().map(SetArguments::yaml).collect(Collectors.joining(l.stream().anyMatch(x -> x instanceof Map)
                    ? ", " : ",", "[", "]"));
        }
        if (v instanceof Map<?, ?> m) {
            return m.entrySet().stream().map(e -> e.getKey() + ": " + yaml(e.getValue())).collect(Collectors.joining(", ", "{", "}"));
        }
        String s = v.toString();
        boolean plain = PLAIN_WORD.matcher(s).matches() && !YAML_WORDS.contains(s.toLowerCase(java.util.Locale.ROOT));
        return plain ? s : '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String shell(String word) {
        return SHELL_SAFE.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
