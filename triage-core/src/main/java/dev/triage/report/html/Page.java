package dev.triage.report.html;

/** The frame of every page Triage writes: one file, inline style, no script, nothing fetched, a header with navigation. */
final class Page {
    private Page() {
    }

    /** The document up to and including the opening of {@code <main>}; {@code nav} is ready HTML (links). */
    static String open(String title, String subtitle, String nav) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
                + "<title>" + Html.esc(title) + "</title>\n<style>" + Style.CSS + "</style>\n</head>\n<body>\n"
                + "<header><h1>" + Html.esc(title) + "</h1><p class=\"small\">" + Html.esc(subtitle) + "</p>\n"
                + (nav.isEmpty() ? "" : "<nav>" + nav + "</nav>") + "</header>\n<main>\n";
    }

    static String close() {
        return "</main>\n</body>\n</html>\n";
    }
}
