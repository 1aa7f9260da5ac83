package dev.triage.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.config.InvalidInputException;
import dev.triage.report.JsonReport;
import dev.triage.report.ReportData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report's pieces: escaping, axes, downsampling, charts, and a whole report from a run folder. */
class HtmlReportTest {
    private static final String HOSTILE = "<script>alert(1)</script>";

    @TempDir
    Path dir;

    @Test
    void escapesMarkupAndControlCharacters() {
        assertThat(Html.esc(HOSTILE + "\u001b[31m\"'&")).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;\\u001b[31m&quot;&#39;&amp;");
        assertThat(Html.esc(null)).isEmpty();
    }

    @Test
    void logAxisTicksArePowersOfTenAndLinearTicksAreRound() {
        Axis log = Axis.of(2e-5, 3e-2, true, 0, 100);
        assertThat(log.ticks()).containsExactly(1e-5, 1e-4, 1e-3, 1e-2, 1e-1);
        assertThat(log.px(1e-5)).isEqualTo(0.0);
        assertThat(log.px(1e-1)).isEqualTo(100.0);
        assertThat(log.plottable(0)).isFalse();
        Axis lin = Axis.of(0, 1, false, 0, 100);
        assertThat(lin.ticks()).containsExactly(0.0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0);
        assertThat(lin.label(1.5)).isEqualTo("1.5");
    }

    @Test
    void downsamplingKeepsSpikesAndGapsOfLongSeries() {
        double[] y = new double[20_000];
        Arrays.fill(y, 1.0);
        y[12_345] = 1e6;
        y[15_000] = Double.NaN;
        int[] idx = Downsample.indices(y, Axis.of(0.5, 1e6, false, 0, 1));
        assertThat(idx.length).isLessThanOrEqualTo(Downsample.LIMIT / 2 * 3);
        assertThat(idx).contains(12_345, -1);
        int[] shortOnes = Downsample.indices(new double[] {1, Double.NaN, 3}, Axis.of(1, 3, false, 0, 1));
        assertThat(shortOnes).containsExactly(0, -1, 2);
    }

    @Test
    void chartsReportWhatTheyDrewAndSayWhenEmpty() {
        int n = 12_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = Math.exp(-i / 3000.0);
        }
        String svg = new LineChart("loss", "Loss", "step", "loss", true).series("train", x, y, "#000", "line").render();
        Matcher m = Pattern.compile("data-points=\"(\\d+)\" data-drawn=\"(\\d+)\"").matcher(svg);
        assertThat(m.find()).isTrue();
        assertThat(Integer.parseInt(m.group(1))).isEqualTo(n);
        assertThat(Integer.parseInt(m.group(2))).isBetween(100, Downsample.LIMIT);
        String empty = new LineChart("x", "X", "s", "v", true).series("none", new double[] {1}, new double[] {-1}, "#000", "line")
                .render();
        assertThat(empty).contains("class=\"empty\"").doesNotContain("<svg");
    }

    @Test
    void aWholeReportFromARunFolderShowsUserStringsAsText() throws Exception {
        ReportData data = dev.triage.report.GoldenReportTest.fixture();
        Files.writeString(dir.resolve("report.json"), JsonReport.render(data).replace("alcohol", HOSTILE.replace("\"", "")));
        Files.writeString(dir.resolve("signals.json"), """
                {"setup":{"layers":[{"units":8,"activation":"RELU"},{"units":1,"activation":"IDENTITY"}]},
                 "data":{"columns":[{"name":"<script>alert(1)</script>","numeric":true,"count":3,"missing":0,"infinite":0,
                   "distinct":3,"summary":{"min":1,"median":2,"max":3,"mean":2,"std":1}}]},
                 "epochs":[{"epoch":1,"step":10,"learningRate":0.01,"trainLoss":1.0,"validationLoss":1.2,"validationMetric":0.9},
                           {"epoch":2,"step":20,"learningRate":0.01,"trainLoss":0.5,"validationLoss":"NaN","validationMetric":0.7}],
                 "probes":[{"step":1,"gradNorm":[1.0,0.5],"weightNorm":[2,1],"updateNorm":[0.002,0.001],"actStd":[1,1],
                            "deadFraction":[0.1,null]}],
                 "step_numbers":[1,2,3],"step_losses":[1.2,1.1,"NaN"]}
                """);
        String html = HtmlReport.render(RunFiles.read(dir));
        assertThat(html).doesNotContain(HOSTILE).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(html).contains("data-chart=\"loss\"", "data-chart=\"update-ratio\"", "data-chart=\"predicted-vs-actual\"",
                "data-code=\"TRAIN_NAN_LOSS\"", "data-marker=\"TRAIN_NAN_LOSS");
        assertThat(html).doesNotContain("http://", "https://");
        assertThat(HtmlReport.write(dir)).exists();
    }

    @Test
    void remediesAreConfigDiffsAndSettingsAreWhatTheUserSet() throws Exception {
        Files.writeString(dir.resolve("report.json"), JsonReport.render(dev.triage.report.GoldenReportTest.fixture()));
        String html = HtmlReport.render(RunFiles.read(dir));
        Matcher scale = Pattern.compile("data-remedy=\"SCALE_FEATURES\">.*?</div>").matcher(html);
        assertThat(scale.find()).isTrue();
        assertThat(scale.group()).contains("<code>data.<wbr>preprocess.<wbr>scale</code>", "class=\"old\">none<", "class=\"new\">standard<",
                "--set data.preprocess.scale=standard");
        assertThat(html).containsPattern("data-remedy=\"ROBUST_SCALE_FEATURES\">.*?class=\"action\">nothing to change<");
        assertThat(html).containsPattern("data-remedy=\"LOWER_LEARNING_RATE\">.*?class=\"action\">lower the learning rate");
        Matcher settings = Pattern.compile("<table class=\"config\" data-settings=\"1\">.*?</table>", Pattern.DOTALL).matcher(html);
        assertThat(settings.find()).isTrue();
        assertThat(settings.group()).contains("<code>data.preprocess.scale</code></td><td>none</td><td>standard</td>")
                .doesNotContain("learning_rate");
        assertThat(html).containsPattern("Chosen by Triage: <code>training.learning_rate</code> = 0.05");
    }

    @Test
    void aDivergedSeriesIsClippedAndAnnotatedInsteadOfStretchingTheAxis() {
        double[] x = {1, 2, 3, 4};
        String svg = new LineChart("loss", "Loss", "step", "loss", true).clipAbove(1000)
                .series("batch loss", x, new double[] {1.2, 0.9, 3e4, 2.9e53}, "#000", "line").render();
        assertThat(svg).contains("data-clipped=\"1000.0\"", "▲ clipped above 1000", "the highest is 2.900e+53 (batch loss, step 4)")
                .doesNotContain(">1e53<", ">1e10<");
        String calm = new LineChart("loss", "Loss", "step", "loss", true).clipAbove(1000)
                .series("batch loss", x, new double[] {1.2, 0.9, 0.8, 0.7}, "#000", "line").render();
        assertThat(calm).doesNotContain("data-clipped", "clipped above");
    }

    @Test
    void stepsTickAsWholeNumbersFractionsSpanZeroToOneAndCloseMarkersTakeRows() {
        String svg = new LineChart("dead", "Dead", "step", "fraction", false).range(0, 1)
                .series("layer 1", new double[] {1, 2, 3}, new double[] {0.1, 0.15, 0.12}, "#000", "line")
                .marker(2, "TRAIN_DEAD_RELU: ...", "error").marker(2.01, "TRAIN_UPDATE_RATIO: ...", "error").render();
        assertThat(svg).contains(">0</text>", ">1</text>", ">0.2</text>", ">0.8</text>").doesNotContain(">1.5</text>", ">2.5</text>");
        Matcher y = Pattern.compile("<g class=\"marker error\"[^>]*><line[^>]*/><text x=\"[0-9.]+\" y=\"([0-9.]+)\"").matcher(svg);
        assertThat(y.find()).isTrue();
        String first = y.group(1);
        assertThat(y.find()).isTrue();
        assertThat(y.group(1)).as("the second label goes a row lower").isNotEqualTo(first);
    }

    @Test
    void theBatchLossIsSmoothedWithTheRawSeriesFaint() throws Exception {
        aWholeReportFromARunFolderShowsUserStringsAsText();
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).containsPattern("class=\"series faint\" [^>]*data-series=\"batch loss\"")
                .containsPattern("class=\"series line\" [^>]*data-series=\"batch loss \\(smoothed\\)\"");
        String dead = html.substring(html.indexOf("<figure class=\"chart\" id=\"chart-dead\">"));
        assertThat(dead.substring(0, dead.indexOf("</figure>"))).as("fractions on 0..1").contains(">0</text>", ">1</text>");
        assertThat(Smooth.ema(new double[] {1, 1, 100, 1, 1}, true)[2]).isLessThan(10);
        assertThat(Smooth.ema(new double[] {1, Double.NaN, 3}, false)).containsExactly(1, Double.NaN, 3);
    }

    @Test
    void aFolderWithoutAReportIsRefusedWithAHint() {
        assertThatThrownBy(() -> RunFiles.read(dir)).isInstanceOf(InvalidInputException.class).hasMessageContaining("report.json");
    }

    @Test
    void settingsAreComparedWithTheDefaults() {
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(java.util.Map.of("training",
                java.util.Map.of("learning_rate", 0.05, "optimizer", "adam")));
        List<ConfigDiff.Change> changes = ConfigDiff.changes(tree, false);
        assertThat(changes).extracting(ConfigDiff.Change::key).containsExactly("training.learning_rate");
        assertThat(changes.get(0).defaultValue()).isEqualTo("0.001");
    }
}
