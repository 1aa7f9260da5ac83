package dev.triage.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.probe.log.RunLog;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Writes a run log as JSON ({@code signals.json} in the run folder), for reports and for inspection. */
public final class RunLogJson {
    private RunLogJson() {
    }

    public static String render(RunLog log) {
        try {
            return JsonReport.JSON.writeValueAsString(tree(log));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The log as one JSON tree: the shape report.html's charts read. */
    public static ObjectNode tree(RunLog log) {
        ObjectNode o = JsonReport.JSON.createObjectNode();
        o.set("setup", JsonReport.JSON.valueToTree(log.setup()));
        o.set("data", JsonReport.JSON.valueToTree(log.data()));
        o.set("baselines", JsonReport.JSON.valueToTree(log.baselines()));
        o.set("init", JsonReport.JSON.valueToTree(log.init()));
        o.set("epochs", JsonReport.JSON.valueToTree(log.epochs()));
        o.set("probes", JsonReport.JSON.valueToTree(log.probes()));
        o.set("step_numbers", JsonReport.JSON.valueToTree(log.stepNumbers()));
        o.set("step_losses", JsonReport.JSON.valueToTree(log.stepLosses()));
        o.set("non_finite", JsonReport.JSON.valueToTree(log.nonFinite()));
        o.set("evaluation", JsonReport.JSON.valueToTree(log.evaluation()));
        return o;
    }
}
