package dev.triage.session;

import dev.triage.data.Text;
import dev.triage.config.DataConfig;
import dev.triage.config.RunConfig;
import dev.triage.data.DataPreparation;
import dev.triage.data.PreparedData;
import dev.triage.data.StreamingStats;
import dev.triage.data.Table;
import dev.triage.data.TableReader;
import dev.triage.data.Text;
import dev.triage.diagnose.Doctor;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Rules;
import dev.triage.nn.NetworkSpec;
import dev.triage.probe.BaselineRunner;
import dev.triage.probe.DataProfiler;
import dev.triage.probe.ExactProfiles;
import dev.triage.probe.SetupFacts;
import dev.triage.probe.log.RunLog;
import dev.triage.report.AtomicOutputs;
import dev.triage.report.ColumnTable;
import dev.triage.report.DataSummary;
import dev.triage.report.FindingPrinter;
import dev.triage.report.RemedyPlans;
import dev.triage.report.ReportData;
import dev.triage.report.SkippedCheck;
import dev.triage.report.Summary;
import dev.triage.report.UserSettings;
import dev.triage.train.ConfigResolution;
import dev.triage.train.ModelBuilder;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code triage check}: profiles the data, runs every data check and fits the baselines, without
 * training. Prints the column table, the findings worst first and the baselines; writes the JSON report.
 */
public final class CheckSession {
    private CheckSession() {
    }

    /** Files with more data rows than this are profiled in a streaming pass plus a random sample of this many rows. */
    public static final int SAMPLE_ROWS = 100_000;

    public static SessionResult check(RunConfig cfg, SessionOptions o) {
        return check(cfg, o, SAMPLE_ROWS);
    }

    /**
     * Memory stays bounded by the columns and {@code sampleRows}, not by the file: one streaming pass
     * gives exact counts and moments of every column; a file with more rows is read as a uniform random
     * sample of {@code sampleRows} rows for quantiles, splits, row-level checks and baselines.
     */
    public static SessionResult check(RunConfig cfg, SessionOptions o, int sampleRows) {
        OutputPaths.requireNotInput(o.json(), "--json", OutputPaths.inputsOf(cfg));
        DataConfig d = cfg.data();
        StreamingStats file = StreamingStats.read(d.path(), d.separator(), d.missing());
        StreamingStats test = d.testPath() == null ? null : StreamingStats.read(d.testPath(), d.separator(), d.missing());
        boolean sampled = file.rows() > sampleRows || (test != null && test.rows() > sampleRows);
        PreparedData data = sampled ? DataPreparation.prepare(d, table(d, d.path(), file, sampleRows),
                test == null ? null : table(d, d.testPath(), test, sampleRows)) : DataPreparation.prepare(d);
        if (sampled) {
            o.out().println("profiled all " + (file.rows() + (test == null ? 0 : test.rows())) + " rows in one streaming pass;"
                    + " quantiles, splits, row checks and baselines use a random sample of " + sampleRows + " rows per file;"
                    + " the split sizes in the summary are those of a run on the whole file");
        }
        RunConfig resolved = ConfigResolution.resolve(cfg, data.target());
        NetworkSpec net = ModelBuilder.network(resolved, data);
        RunLog log = new RunLog();
        log.setSetup(SetupFacts.of(resolved, net, data, Runtime.getRuntime().maxMemory()));
        log.setData(sampled ? ExactProfiles.apply(DataProfiler.profile(data), file, test) : DataProfiler.profile(data));
        log.setBaselines(BaselineRunner.run(data, resolved.data().split().seed()));
        Doctor doctor = new Doctor(Rules.dataRules(), resolved.doctor().disable().stream()
                .filter(id -> Rules.dataRules().stream().anyMatch(r -> r.id().equals(id))).toList());
        doctor.check(Phase.DATA, log);
        List<Finding> findings = doctor.findings();
        DataSummary summary = summary(data, resolved, file, test, sampled);
        ReportData report = new ReportData("check", summary, resolved.tree(),
                findings, log.baselines(), null, null, null, sampled ? List.of(new SkippedCheck("unseen-category",
                "the file was profiled from a random sample, whose split leaves rare categories out of training far more"
                        + " often than the file's own split does")) : List.<SkippedCheck>of())
                .withUserSettings(UserSettings.of(cfg)).withRemedies(RemedyPlans.of(findings, resolved, log));
        ColumnTable.PerFile perFile = test == null ? null
                : CheckFigures.perFile(file, test, log.data().columns().stream().map(c -> c.name()).toList());
        print(report, log, perFile, o.out());
        AtomicOutputs.writeReport(report, null, o.json());
        return new SessionResult(report);
    }

    /** The data in the report; after sampling, with the file's row count and the split sizes of a run on the whole file. */
    private static DataSummary summary(PreparedData data, RunConfig resolved, StreamingStats file, StreamingStats test,
                                       boolean sampled) {
        DataSummary s = Reports.data(data, resolved.data().path().toString());
        if (!sampled) {
            return s;
        }
        String target = resolved.data().target();
        int[] split = CheckFigures.splitSizes(CheckFigures.rowsWithTarget(file, target), resolved.data().split(),
                test == null ? -1 : CheckFigures.rowsWithTarget(test, target));
        return new DataSummary(s.path(), (int) Math.min(Integer.MAX_VALUE, file.rows()), s.features(), s.task(), s.target(),
                split[0], split[1], split[2], s.testPath(), s.classes());
    }

    private static Table table(DataConfig d, Path path, StreamingStats stats, int sampleRows) {
        return stats.rows() > sampleRows
                ? TableReader.readSample(path, d.separator(), d.missing(), stats.rows(), sampleRows, d.split().seed())
                : TableReader.read(path, d.separator(), d.missing());
    }

    private static void print(ReportData report, RunLog log, ColumnTable.PerFile perFile, PrintStream out) {
        out.println("data: " + Text.printable(report.data().path(), 500) + " (" + report.data().rows() + " rows, target " + Text.printable(report.data().target())
                + ", " + report.data().task() + ")");
        if (perFile != null) {
            out.println("test file: " + Text.printable(report.data().testPath(), 500) + " (" + perFile.rows()[1] + " rows); missing values are"
                    + " counted per file, the other figures cover both files");
        }
        out.print(ColumnTable.render(log.data(), perFile));
        out.println(report.findings().isEmpty() ? "no findings" : "findings (worst first):");
        FindingPrinter printer = new FindingPrinter(out);
        report.findings().forEach(f -> printer.print(f, report.remedies().of(f)));
        Summary.print(report, out);
    }
}
