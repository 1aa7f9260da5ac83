package dev.triage.session;

import dev.triage.config.RunConfig;
import dev.triage.data.DataPreparation;
import dev.triage.data.PreparedData;
import dev.triage.diagnose.Doctor;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Rules;
import dev.triage.nn.NetworkSpec;
import dev.triage.probe.BaselineRunner;
import dev.triage.probe.DataProfiler;
import dev.triage.probe.SetupFacts;
import dev.triage.probe.log.RunLog;
import dev.triage.report.AtomicOutputs;
import dev.triage.report.ColumnTable;
import dev.triage.report.FindingPrinter;
import dev.triage.report.ReportData;
import dev.triage.report.SkippedCheck;
import dev.triage.report.Summary;
import dev.triage.train.ConfigResolution;
import dev.triage.train.ModelBuilder;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code triage check}: profiles the data, runs every data check and fits the baselines, without
 * training. Prints the column table, the findings worst first and the baselines; writes the JSON report.
 */
public final class CheckSession {
    private CheckSession() {
    }

    public static SessionResult check(RunConfig cfg, SessionOptions o) {
        PreparedData data = DataPreparation.prepare(cfg.data());
        RunConfig resolved = ConfigResolution.resolve(cfg, data.target());
        NetworkSpec net = ModelBuilder.network(resolved, data.target(), data.preprocessor().width());
        RunLog log = new RunLog();
        log.setSetup(SetupFacts.of(resolved, net, data, Runtime.getRuntime().maxMemory()));
        log.setData(DataProfiler.profile(data));
        log.setBaselines(BaselineRunner.run(data, resolved.data().split().seed()));
        Doctor doctor = new Doctor(Rules.dataRules(), resolved.doctor().disable().stream()
                .filter(id -> Rules.dataRules().stream().anyMatch(r -> r.id().equals(id))).toList());
        doctor.check(Phase.DATA, log);
        List<Finding> findings = doctor.findings();
        ReportData report = new ReportData("check", Reports.data(data, resolved.data().path().toString()), resolved.tree(),
                findings, log.baselines(), null, null, null, List.<SkippedCheck>of());
        print(report, log, o.out());
        AtomicOutputs.writeReport(report, null, o.json());
        return new SessionResult(report);
    }

    private static void print(ReportData report, RunLog log, PrintStream out) {
        out.println("data: " + report.data().path() + " (" + report.data().rows() + " rows, target " + report.data().target()
                + ", " + report.data().task() + ")");
        out.print(ColumnTable.render(log.data()));
        out.println(report.findings().isEmpty() ? "no findings" : "findings (worst first):");
        FindingPrinter printer = new FindingPrinter(out);
        report.findings().forEach(printer::print);
        Summary.print(report, out);
    }
}
