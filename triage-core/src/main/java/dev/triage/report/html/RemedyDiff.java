package dev.triage.report.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.report.SetArguments;

/**
 * A finding's remedies in the report: each as a configuration diff (key, value now, value after) with
 * the {@code --set} arguments that make it, or, when no setting expresses it, what to do in words.
 */
final class RemedyDiff {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RemedyDiff() {
    }

    /** The remedies cell of a finding: from {@code remedy_changes}, or the bare names for older reports. */
    static String cell(JsonNode finding) {
        JsonNode plans = finding.path("remedy_changes");
        StringBuilder sb = new StringBuilder();
        if (!plans.isArray() || plans.isEmpty()) {
            for (JsonNode r : finding.path("remedies")) {
                sb.append("<code>").append(Html.esc(r.asText())).append("</code> ");
            }
            return sb.toString();
        }
        for (JsonNode p : plans) {
            sb.append(remedy(p));
        }
        return sb.toString();
    }

    private static String remedy(JsonNode p) {
        String name = Html.text(p, "remedy");
        StringBuilder sb = new StringBuilder("<div class=\"remedy\" data-remedy=\"").append(Html.esc(name)).append("\"><code class=\"name\">")
                .append(Html.breakable(name)).append("</code>");
        JsonNode changes = p.path("changes");
        if (!changes.isObject() || changes.isEmpty()) {
            return sb.append("<p class=\"action\">").append(Html.esc(Html.text(p, "action"))).append("</p></div>").toString();
        }
        sb.append("<table class=\"diff\">");
        changes.fields().forEachRemaining(e -> sb.append("<tr><td><code>").append(Html.breakable(e.getKey())).append("</code></td><td class=\"old\">")
                .append(Html.esc(yaml(p.path("before").get(e.getKey())))).append("</td><td class=\"arrow\">→</td><td class=\"new\">")
                .append(Html.esc(yaml(e.getValue()))).append("</td></tr>"));
        return sb.append("</table><code class=\"set\">").append(Html.esc(Html.text(p, "set"))).append("</code></div>").toString();
    }

    /** A JSON value as run.yaml would show it ({@code (not set)} when absent; a lone text without quotes, for reading). */
    static String yaml(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "(not set)";
        }
        if (v.isTextual()) {
            return v.asText();
        }
        try {
            return SetArguments.yaml(JSON.treeToValue(v, Object.class));
        } catch (JsonProcessingException e) {
            return v.toString();
        }
    }
}
