package dev.triage.report.html;

import com.fasterxml.jackson.databind.JsonNode;

/** The data profile: one row per column with its type, missing values, spread and distinct count. */
final class DataSection {
    /** Wider tables start folded. */
    private static final int OPEN_UP_TO = 40;

    private DataSection() {
    }

    static String render(JsonNode signals) {
        JsonNode columns = signals.path("data").path("columns");
        StringBuilder sb = new StringBuilder("<section id=\"data\">\n<h2>Data profile</h2>\n");
        if (columns.isEmpty()) {
            return sb.append("<p>No data profile was recorded.</p>\n</section>\n").toString();
        }
        sb.append("<details").append(columns.size() <= OPEN_UP_TO ? " open" : "").append("><summary>")
                .append(columns.size()).append(" columns</summary>\n<table class=\"profile\">\n<tr><th>column</th><th>type</th>"
                        + "<th>missing</th><th>min</th><th>median</th><th>max</th><th>mean</th><th>std</th><th>distinct</th>"
                        + "<th>notes</th></tr>\n");
        for (JsonNode c : columns) {
            sb.append(row(c));
        }
        sb.append("</table>\n</details>\n");
        return sb.append("</section>\n").toString();
    }

    private static String row(JsonNode c) {
        JsonNode s = c.path("summary");
        boolean numeric = c.path("numeric").asBoolean();
        long missing = c.path("missing").asLong() + c.path("infinite").asLong();
        StringBuilder sb = new StringBuilder("<tr").append(c.path("target").asBoolean() ? " class=\"target\"" : "").append("><td>")
                .append(Html.esc(Html.text(c, "name"))).append("</td><td>").append(numeric ? "numeric" : "text")
                .append(c.path("target").asBoolean() ? " (target)" : "").append("</td><td>").append(missing).append("</td>");
        for (String k : new String[] {"min", "median", "max", "mean", "std"}) {
            sb.append("<td>").append(numeric ? Html.num(Html.num(s.get(k))) : "").append("</td>");
        }
        sb.append("<td>").append(c.path("distinct").asLong()).append(c.path("distinctCapped").asBoolean() ? "+" : "").append("</td><td>");
        if (c.path("constantInTrain").asBoolean()) {
            sb.append("constant in training split; ");
        }
        if (c.path("infinite").asLong() > 0) {
            sb.append(c.path("infinite").asLong()).append(" infinite; ");
        }
        return sb.append("</td></tr>\n").toString();
    }
}
