package dev.triage.report.html;

import java.util.Set;

/**
 * Per-layer signals over the run: gradient norms and update:parameter ratios on log scales (the ratio
 * with its healthy band around 1e-3), activation spread, and the share of dead or saturated units.
 */
final class LayerSection {
    private static final Set<String> RELU_LIKE = Set.of("relu");
    private static final Set<String> SATURATING = Set.of("tanh", "sigmoid");

    private LayerSection() {
    }

    static String render(RunFiles run) {
        Signals s = new Signals(run.signals());
        StringBuilder sb = new StringBuilder("<section id=\"layers\">\n<h2>Layers</h2>\n");
        if (run.signals().path("probes").isEmpty()) {
            return sb.append("<p>No per-layer signals were recorded (the doctor was off, or the log came from elsewhere).</p>\n"
                    + "</section>\n").toString();
        }
        double[] steps = s.probes("step");
        double[] epochSteps = s.epochs("step");
        double[] epochs = s.epochs("epoch");
        LineChart grad = new LineChart("gradients", "Gradient norm per layer", "step", "‖gradient‖", true)
                .note("Exploding: norms growing by orders of magnitude. Vanishing: the first layers' norms far below the last's.");
        LineChart ratio = new LineChart("update-ratio", "Update : parameter ratio per layer", "step", "‖update‖ / ‖weights‖", true)
                .band(1e-4, 1e-2, 1e-3)
                .note("Healthy steps change weights by about a thousandth (line) and stay inside the band; far above: the"
                        + " learning rate is too high; far below: too low.");
        LineChart act = new LineChart("activations", "Activation standard deviation per layer", "step", "std of outputs", true)
                .note("Shrinking layer after layer: signals die out; growing: they explode.");
        LineChart dead = new LineChart("dead", "Dead ReLU units and saturated tanh/sigmoid units", "step", "fraction of units", false)
                .range(0, 1)
                .note("A dead unit outputs zero for every example in a batch; a saturated one sits in a flat tail of its curve.");
        for (int l = 0; l < s.layers(); l++) {
            String color = CurveSections.PALETTE[l % CurveSections.PALETTE.length];
            add(grad, s.layerName(l), steps, s.layer("gradNorm", l), color);
            add(ratio, s.layerName(l), steps, ratio(s, l), color);
            add(act, s.layerName(l), steps, s.layer("actStd", l), color);
            if (l < s.layers() - 1 && RELU_LIKE.contains(s.activation(l))) {
                add(dead, s.layerName(l) + " dead", steps, s.layer("deadFraction", l), color);
            } else if (l < s.layers() - 1 && SATURATING.contains(s.activation(l))) {
                add(dead, s.layerName(l) + " saturated", steps, s.layer("saturatedFraction", l), color);
            }
        }
        for (LineChart c : new LineChart[] {grad, ratio, act, dead}) {
            CurveSections.markers(c, run.report(), epochSteps, epochs, true);
            sb.append(c.render());
        }
        return sb.append("</section>\n").toString();
    }

    private static void add(LineChart c, String name, double[] x, double[] y, String color) {
        if (y != null) {
            c.series(name, x, y, color, "line");
        }
    }

    private static double[] ratio(Signals s, int layer) {
        double[] u = s.layer("updateNorm", layer);
        double[] w = s.layer("weightNorm", layer);
        if (u == null || w == null) {
            return null;
        }
        double[] out = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            out[i] = w[i] > 0 ? u[i] / w[i] : Double.NaN;
        }
        return out;
    }
}
