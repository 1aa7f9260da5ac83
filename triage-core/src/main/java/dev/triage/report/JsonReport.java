package dev.triage.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.config.TriageVersion;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Remedy;
import dev.triage.probe.log.BaselineResult;
import dev.triage.probe.log.Baselines;
import dev.triage.repair.RemedyChange;
import dev.triage.repair.RepairTrial;
import dev.triage.train.TaskMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Builds the JSON report of docs/findings.md. Numbers that are not finite are written as null, so
 * the output is strict JSON.
 */
public final class JsonReport {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    public static String render(ReportData r) {
        try {
            return JSON.writeValueAsString(build(r)) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode build(ReportData r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("triage_version", TriageVersion.current());
        root.put("command", r.command());
        if (r.data() != null) {
            root.set("data", data(r.data()));
        }
        root.set("config", r.config() == null ? JSON.createObjectNode() : JSON.valueToTree(r.config()));
        if (r.userSettings() != null) {
            root.set("user_settings", JSON.valueToTree(r.userSettings()));
        }
        ArrayNode findings = root.putArray("findings");
        r.findings().forEach(f -> findings.add(finding(f, r.remedies().of(f))));
        root.set("baselines", baselines(r.baselines()));
        if (r.metrics() != null) {
            root.set("metrics", metrics(r.metrics()));
        }
        if (r.repair() != null) {
            root.set("repair", repair(r.repair(), r.remedies()));
        }
        root.put("run_dir", r.runDir());
        ArrayNode skipped = root.putArray("checks_not_run");
        r.skipped().forEach(s -> skipped.addObject().put("rule", s.rule()).put("reason", s.reason()));
        return root;
    }

    private static ObjectNode data(DataSummary d) {
        ObjectNode o = JSON.createObjectNode();
        o.put("path", d.path());
        o.put("rows", d.rows());
        o.put("features", d.features());
        o.put("task", d.task());
        o.put("target", d.target());
        o.put("train_rows", d.trainRows());
        o.put("validation_rows", d.validationRows());
        o.put("test_rows", d.testRows());
        o.put("test_path", d.testPath());
        if (!d.classes().isEmpty()) {
            ArrayNode c = o.putArray("classes");
            d.classes().forEach(c::add);
        }
        return o;
    }

    static ObjectNode finding(Finding f) {
        return finding(f, RemedyPlans.inWords(f));
    }

    /** A finding; {@code remedy_changes} gives each remedy (in the order of {@code remedies}) as its exact change. */
    static ObjectNode finding(Finding f, List<RemedyChange> plan) {
        ObjectNode o = JSON.createObjectNode();
        o.put("code", f.code());
        o.put("rule", f.rule());
        o.put("severity", f.severity().label());
        o.put("phase", f.phase().label());
        if (f.epoch() == null) {
            o.putNull("epoch");
        } else {
            o.put("epoch", f.epoch());
        }
        if (f.step() == null) {
            o.putNull("step");
        } else {
            o.put("step", f.step());
        }
        o.put("where", f.where());
        o.put("message", f.message());
        ObjectNode ev = o.putObject("evidence");
        f.evidence().asMap().forEach((k, v) -> num(ev, k, v));
        ArrayNode rem = o.putArray("remedies");
        f.remedies().forEach(x -> rem.add(x.name()));
        o.put("caused_by", f.causedBy());
        ArrayNode changes = o.putArray("remedy_changes");
        plan.forEach(c -> changes.add(remedyChange(c)));
        return o;
    }

    private static ObjectNode remedyChange(RemedyChange c) {
        ObjectNode o = JSON.createObjectNode();
        o.put("remedy", c.remedy().name());
        o.set("changes", JSON.valueToTree(c.changes()));
        if (c.isChange()) {
            o.set("before", JSON.valueToTree(c.before()));
            o.put("set", SetArguments.commandLine(c));
        } else {
            o.put("action", c.action());
        }
        return o;
    }

    private static ObjectNode baselines(Baselines b) {
        ObjectNode o = JSON.createObjectNode();
        if (b == null) {
            return o;
        }
        for (BaselineResult r : b.results()) {
            ObjectNode x = o.putObject(r.name());
            num(x, "val_" + r.metric(), r.validation());
            num(x, "test_" + r.metric(), r.test());
            num(x, "val_loss", r.validationLoss());
        }
        return o;
    }

    private static ObjectNode metrics(RunMetrics m) {
        ObjectNode o = JSON.createObjectNode();
        o.put("epochs_run", m.epochsRun());
        num(o, "train_loss", m.trainLoss());
        num(o, "val_loss", m.validationLoss());
        o.put("stop_reason", m.stopReason());
        if (m.restoredEpoch() > 0) {
            o.put("restored_epoch", m.restoredEpoch());
        }
        num(o, "train_seconds", m.trainSeconds());
        if (m.test() instanceof TaskMetrics.Regression t) {
            ObjectNode x = o.putObject("test");
            num(x, "rmse", t.rmse());
            num(x, "mae", t.mae());
            num(x, "r2", t.r2());
            ObjectNode sample = x.putObject("predicted_vs_actual");
            numbers(sample.putArray("predicted"), t.samplePredicted());
            numbers(sample.putArray("actual"), t.sampleActual());
        } else if (m.test() instanceof TaskMetrics.Classification t) {
            ObjectNode x = o.putObject("test");
            num(x, "accuracy", t.accuracy());
            num(x, "log_loss", t.logLoss());
            num(x, "macro_f1", t.macroF1());
            ArrayNode rows = x.putArray("confusion_matrix");
            for (int[] row : t.confusion()) {
                ArrayNode r = rows.addArray();
                for (int c : row) {
                    r.add(c);
                }
            }
        }
        return o;
    }

    private static ObjectNode repair(dev.triage.repair.RepairOutcome r, RemedyPlans plans) {
        ObjectNode o = JSON.createObjectNode();
        o.put("attempted", r.attempted());
        o.put("outcome", r.outcome().label());
        o.put("explanation", r.explanation());
        ArrayNode remaining = o.putArray("final_findings");
        r.finalFindings().forEach(f -> remaining.add(finding(f, plans.ofFinal(f))));
        ArrayNode trials = o.putArray("trials");
        for (RepairTrial t : r.trials()) {
            ObjectNode x = trials.addObject();
            x.put("trial", t.trial());
            ArrayNode rem = x.putArray("remedies");
            t.remedies().stream().map(Remedy::name).forEach(rem::add);
            num(x, "val_loss", t.validationLoss());
            if (t.metric() != null) {
                num(x, "val_" + t.metric(), t.validationMetric());
            }
            num(x, "test_metric", t.testMetric());
            x.put("kept", t.kept());
            x.put("reason", t.reason());
            x.put("run_dir", t.runDir());
        }
        return o;
    }

    private static void numbers(ArrayNode a, double[] values) {
        for (double v : values) {
            if (Double.isFinite(v)) {
                a.add(v);
            } else {
                a.addNull();
            }
        }
    }

    static void num(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }
}
