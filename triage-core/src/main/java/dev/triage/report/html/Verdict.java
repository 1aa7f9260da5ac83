package dev.triage.report.html;

import com.fasterxml.jackson.databind.JsonNode;

/** One sentence on how the run went, from its findings and repair outcome. */
record Verdict(String cssClass, String text) {
    static Verdict of(JsonNode report) {
        JsonNode repair = report.path("repair");
        if (repair.path("attempted").asBoolean(false)) {
            String outcome = Html.text(repair, "outcome");
            String css = switch (outcome) {
                case "repaired" -> "ok";
                case "unrepairable" -> "error";
                default -> "warning";
            };
            String label = outcome.isEmpty() ? "Repair" : Character.toUpperCase(outcome.charAt(0)) + outcome.substring(1);
            return new Verdict(css, label + ": " + Html.text(repair, "explanation"));
        }
        int errors = count(report, "error");
        int warnings = count(report, "warning");
        if (errors > 0) {
            return new Verdict("error", errors + " error(s) and " + warnings + " warning(s): this run has problems that"
                    + " make its results unreliable. See the findings and their remedies below, or train with --repair.");
        }
        if (warnings > 0) {
            return new Verdict("warning", "No errors; " + warnings + " warning(s) worth a look.");
        }
        return new Verdict("ok", "No problems found.");
    }

    private static int count(JsonNode report, String severity) {
        int n = 0;
        for (JsonNode f : report.path("findings")) {
            n += severity.equals(Html.text(f, "severity")) ? 1 : 0;
        }
        return n;
    }
}
