package dev.triage.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** Reads series out of {@code signals.json}: per-epoch and per-step values, and per-layer probe values. */
final class Signals {
    private final JsonNode root;

    Signals(JsonNode root) {
        this.root = root;
    }

    /** A field of every epoch point ({@code trainLoss}, {@code step}, ...), NaN where absent. */
    double[] epochs(String field) {
        JsonNode e = root.path("epochs");
        double[] out = new double[e.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Html.num(e.get(i).get(field));
        }
        return out;
    }

    double[] array(String field) {
        JsonNode a = root.path(field);
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Html.num(a.get(i));
        }
        return out;
    }

    /** A field of every probe point ({@code step}, {@code learningRate}). */
    double[] probes(String field) {
        JsonNode p = root.path("probes");
        double[] out = new double[p.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Html.num(p.get(i).get(field));
        }
        return out;
    }

    /** A per-layer array field of every probe point, for one layer; null when no probe recorded it. */
    double[] layer(String field, int layer) {
        JsonNode p = root.path("probes");
        double[] out = new double[p.size()];
        boolean any = false;
        for (int i = 0; i < out.length; i++) {
            JsonNode values = p.get(i).get(field);
            out[i] = values != null && values.isArray() && layer < values.size() ? Html.num(values.get(layer)) : Double.NaN;
            any |= !Double.isNaN(out[i]);
        }
        return any ? out : null;
    }

    int layers() {
        return root.path("setup").path("layers").size();
    }

    String activation(int layer) {
        return Html.text(root.path("setup").path("layers").path(layer), "activation").toLowerCase(Locale.ROOT);
    }

    /** "layer 2 (64 relu)" (1-based), "output (1 identity)" for the last. */
    String layerName(int layer) {
        JsonNode l = root.path("setup").path("layers").path(layer);
        String kind = Html.text(l, "units") + " " + activation(layer);
        return (layer == layers() - 1 ? "output" : "layer " + (layer + 1)) + " (" + kind + ")";
    }

    boolean empty() {
        return root.isMissingNode() || (root.path("epochs").isEmpty() && root.path("step_losses").isEmpty());
    }
}
