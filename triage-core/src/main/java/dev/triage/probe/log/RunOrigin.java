package dev.triage.probe.log;

/**
 * Where a run log comes from: the framework that trained the run and the names it gave the loss and the
 * optimizer (Triage's own runs: {@link #TRIAGE}, names null). Reports show the framework's names, so a
 * PyTorch user reads {@code MSELoss}, not {@code mse}.
 */
public record RunOrigin(String framework, String frameworkVersion, String lossName, String optimizerName) {
    public static final RunOrigin TRIAGE = new RunOrigin("triage", null, null, null);

    public boolean foreign() {
        return !"triage".equals(framework);
    }
}
