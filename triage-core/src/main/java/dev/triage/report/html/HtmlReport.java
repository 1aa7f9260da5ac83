package dev.triage.report.html;

import dev.triage.train.AtomicFiles;
import dev.triage.train.RunFolder;
import java.nio.file.Path;

/**
 * Writes {@code report.html} for a run folder: one file, no script, no network, readable at 1280×800
 * and printable. Drawn only from the files in the folder, so it can be redrawn at any time with
 * {@code triage report RUN_DIR}.
 */
public final class HtmlReport {

    private HtmlReport() {
    }

    /** Reads the run folder and writes its report atomically; returns the report's path. */
    public static Path write(Path runDir) {
        String html = render(RunFiles.read(runDir));
        Path out = new RunFolder(runDir).reportHtml();
        AtomicFiles.write(out, html);
        return out;
    }

    static String render(RunFiles run) {
        StringBuilder sb = new StringBuilder(64 * 1024);
        String title = "Triage report: " + run.dir().getFileName();
        String nav = "<a href=\"#summary\">Summary</a> <a href=\"#findings\">Findings</a> <a href=\"#training\">Training</a>"
                + " <a href=\"#layers\">Layers</a> <a href=\"#predictions\">Predictions</a> <a href=\"#data\">Data</a>"
                + (run.report().path("repair").path("attempted").asBoolean(false) ? " <a href=\"#repair\">Repair</a>" : "");
        sb.append(Page.open(title, "triage " + Html.text(run.report(), "triage_version") + " · " + Html.text(run.report(), "command")
                + " · " + Html.text(run.report(), "run_dir"), nav));
        sb.append(SummarySection.render(run));
        sb.append(FindingsSection.render(run.report()));
        sb.append(RepairSection.render(run));
        sb.append(CurveSections.render(run));
        sb.append(LayerSection.render(run));
        sb.append(PredictionSection.render(run.report()));
        sb.append(DataSection.render(run.signals()));
        return sb.append(Page.close()).toString();
    }
}
