package dev.triage.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Every finding, worst first: severity, code, when, where, the message, its evidence and remedies. */
final class FindingsSection {
    private static final Map<String, Integer> RANK = Map.of("error", 0, "warning", 1, "info", 2);

    private FindingsSection() {
    }

    static String render(JsonNode report) {
        List<JsonNode> findings = new ArrayList<>();
        report.path("findings").forEach(findings::add);
        if (findings.stream().noneMatch(f -> f.has("caused_by"))) {
            // reports written before causes were linked: worst first
            findings.sort(Comparator.comparingInt(f -> RANK.getOrDefault(Html.text(f, "severity"), 3)));
        }
        boolean repaired = report.path("repair").path("attempted").asBoolean(false);
        StringBuilder sb = new StringBuilder("<section id=\"findings\">\n<h2>Findings").append(repaired ? " of the original run" : "")
                .append(" (").append(findings.size()).append(")</h2>\n");
        if (repaired) {
            sb.append(remaining(report.path("repair").path("final_findings")));
        }
        if (findings.isEmpty()) {
            sb.append("<p>No findings: every check that could run stayed quiet.</p>\n");
        } else {
            sb.append("<table class=\"findings\">\n<tr><th>severity</th><th>code</th><th>when</th><th>where</th>"
                    + "<th>what Triage saw</th><th>remedies, in order: the change each makes</th></tr>\n");
            findings.forEach(f -> sb.append(row(f)));
            sb.append("</table>\n");
        }
        sb.append(notRun(report.path("checks_not_run")));
        return sb.append("</section>\n").toString();
    }

    private static String row(JsonNode f) {
        String severity = Html.text(f, "severity");
        String cause = f.path("caused_by").isTextual() ? f.get("caused_by").asText() : null;
        StringBuilder sb = new StringBuilder("<tr class=\"finding ").append(Html.esc(severity)).append(cause == null ? "" : " consequence")
                .append("\" data-code=\"")
                .append(Html.esc(Html.text(f, "code"))).append("\"><td><span class=\"sev ").append(Html.esc(severity)).append("\">")
                .append(Html.esc(severity)).append("</span></td><td><code>").append(Html.breakable(Html.text(f, "code")))
                .append("</code><br><span class=\"small\">").append(Html.esc(Html.text(f, "rule"))).append("</span></td><td>")
                .append(Html.esc(when(f))).append("</td><td>").append(Html.esc(Html.text(f, "where"))).append("</td><td>")
                .append(cause == null ? "" : "<span class=\"cause\">&#8627; a consequence of <code>"
                        + Html.breakable(cause.replaceAll("@$", "")) + "</code></span><br>")
                .append(Html.esc(Html.text(f, "message"))).append(evidence(f.path("evidence"))).append("</td><td>");
        return sb.append(RemedyDiff.cell(f)).append("</td></tr>\n").toString();
    }

    /** After a repair: which findings the final run still has. */
    private static String remaining(JsonNode last) {
        StringBuilder sb = new StringBuilder("<p class=\"remaining\">After the repair: ");
        if (last.isEmpty()) {
            return sb.append("no finding remains.</p>\n").toString();
        }
        for (JsonNode f : last) {
            sb.append("<span class=\"sev ").append(Html.esc(Html.text(f, "severity"))).append("\">").append(Html.esc(Html.text(f, "code")))
                    .append("</span> ");
        }
        return sb.append("remain (details in the final run's folder).</p>\n").toString();
    }

    static String when(JsonNode f) {
        String phase = Html.text(f, "phase");
        if (f.path("epoch").isNumber()) {
            return phase + ", epoch " + f.get("epoch").asText() + (f.path("step").isNumber() ? ", step " + f.get("step").asText() : "");
        }
        return phase;
    }

    private static String evidence(JsonNode ev) {
        if (!ev.isObject() || ev.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("<dl class=\"evidence\">");
        ev.fields().forEachRemaining(e -> sb.append("<dt>").append(Html.breakable(e.getKey())).append("</dt><dd>")
                .append(Html.num(Html.num(e.getValue()))).append("</dd>"));
        return sb.append("</dl>").toString();
    }

    private static String notRun(JsonNode skipped) {
        if (!skipped.isArray() || skipped.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("<details><summary>Checks that could not run (").append(skipped.size())
                .append(")</summary><ul class=\"small\">");
        skipped.forEach(s -> sb.append("<li><code>").append(Html.esc(Html.text(s, "rule"))).append("</code>: ")
                .append(Html.esc(Html.text(s, "reason"))).append("</li>"));
        return sb.append("</ul></details>\n").toString();
    }
}
