package dev.triage.report.html;

/** The report's style sheet, inline so the file stands alone; a print block keeps charts whole on paper. */
final class Style {
    static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;margin:0;background:#f6f7f9}
            header{background:#20262e;color:#fff;padding:12px 24px}header h1{margin:0;font-size:20px}
            header .small{color:#c9d1d9}nav a{color:#9ecbff;margin-right:14px;text-decoration:none}
            main{max-width:1180px;margin:0 auto;padding:8px 24px 40px}
            section{background:#fff;border:1px solid #d8dee4;border-radius:6px;padding:8px 18px 14px;margin:16px 0}
            h2{font-size:17px;margin:8px 0 10px}
            table{border-collapse:collapse;margin:6px 0 10px;font-size:13px}
            th,td{border-bottom:1px solid #e4e8ec;padding:4px 8px;text-align:left;vertical-align:top}
            caption{text-align:left;font-weight:600;padding:4px 0}
            .cols{display:flex;flex-wrap:wrap;gap:28px}
            .small{font-size:12px;color:#57606a}.note{font-size:12px;color:#57606a;margin:2px 0 0}
            .verdict{padding:8px 12px;border-radius:5px;font-weight:600}
            .verdict.ok{background:#e6f4ea;color:#1a7f37}.verdict.warning{background:#fff4d6;color:#7d5200}
            .verdict.error{background:#fde7e9;color:#b3261e}
            .sev{display:inline-block;padding:1px 7px;border-radius:9px;font-size:12px;font-weight:600}
            .sev.error{background:#fde7e9;color:#b3261e}.sev.warning{background:#fff4d6;color:#7d5200}
            .sev.info{background:#e8f0fe;color:#1a56c4}
            table.findings td:nth-child(5){max-width:430px}
            tr.consequence td:first-child{padding-left:22px}tr.consequence{opacity:.85}.cause{font-size:12px;color:#555;overflow-wrap:anywhere}
            table{max-width:100%}table.findings{width:100%}table.facts td{overflow-wrap:anywhere}
            table.findings{table-layout:fixed}table.findings td{overflow-wrap:anywhere}
            table.findings th:nth-child(1){width:88px}table.findings .sev{white-space:nowrap}table.findings th:nth-child(2){width:17%}
            table.findings th:nth-child(3){width:10%}table.findings th:nth-child(4){width:11%}table.findings th:nth-child(6){width:30%}
            .remedy{margin:0 0 8px}.remedy code.name{font-weight:600}.remedy p.action{margin:2px 0;font-size:12px;color:#57606a}
            table.diff{margin:2px 0;font-size:12px}table.diff td{border:none;padding:1px 4px 1px 0}
            table.diff td.old{color:#b3261e;text-decoration:line-through}table.diff td.new{color:#1a7f37;font-weight:600}
            code.set{display:block;font-size:11px;color:#57606a;overflow-wrap:anywhere}
            dl.evidence{display:grid;grid-template-columns:auto 1fr;gap:0 10px;margin:6px 0 0;font-size:12px;color:#57606a}
            dl.evidence dt{font-family:ui-monospace,monospace}dl.evidence dd{margin:0;white-space:nowrap}
            figure.chart{margin:12px 0 18px}figure.chart figcaption{font-weight:600;margin-bottom:4px}
            figure.chart svg{width:100%;max-width:880px;height:auto;display:block}
            figure.square svg{max-width:440px}
            svg text{font-size:11px;fill:#444}svg text.axis{font-size:12px;fill:#222}
            svg .plot{fill:#fff;stroke:#c8ced6}svg .grid{stroke:#eef0f3}
            svg .series{fill:none;stroke-width:1.6}svg .series.faint{stroke-width:0.8;opacity:.55}
            svg .series.dashed{stroke-dasharray:5 3}
            svg .band{fill:#2ca02c;opacity:.09}svg .target{stroke:#2ca02c;stroke-dasharray:4 3}
            svg .marker line{stroke:#b3261e;stroke-dasharray:2 2}svg .marker text{fill:#b3261e;font-size:10px}
            svg .marker.warning line{stroke:#b07b00}svg .marker.warning text{fill:#b07b00}
            svg .marker.info line{stroke:#1a56c4}svg .marker.info text{fill:#1a56c4}
            svg .marker.good line{stroke:#1a7f37;stroke-dasharray:none}svg .marker.good text{fill:#1a7f37}
            svg .clip-edge{stroke:#b3261e;stroke-dasharray:1 3}svg text.clip{fill:#b3261e;font-size:10px}
            svg .dots circle{fill:#1f77b4;opacity:.45}
            .legend{font-size:12px;display:flex;flex-wrap:wrap;gap:4px 16px;margin-top:2px}
            .swatch{display:inline-block;width:18px;border-top:2px solid;margin-right:5px;vertical-align:middle}
            .swatch.dashed{border-top-style:dashed}.swatch.faint{opacity:.6}
            .swatch.band{border-top:8px solid rgba(44,160,44,.25)}.swatch.marker{border-top:2px dotted #b3261e}
            table.confusion td{text-align:right;min-width:38px}
            table.compare td{text-align:right}table.compare td.best{font-weight:700}table.settings td{text-align:left}
            tr.target td{font-weight:600}tr.dropped td{color:#57606a}
            .empty{color:#57606a;font-style:italic}
            code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12px}
            @media print{body{background:#fff}header{background:#fff;color:#000}nav{display:none}
            section{border:none;break-inside:avoid-page}figure.chart{break-inside:avoid}details{display:block}}
            """;

    private Style() {
    }
}
