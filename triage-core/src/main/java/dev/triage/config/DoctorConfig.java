package dev.triage.config;

import java.util.List;

/** {@code doctor}: the diagnosis and repair switches. {@code checkEvery} 0 means auto. */
public record DoctorConfig(boolean enabled, boolean repair, int maxRepairTrials, List<String> disable, int checkEvery) {
    public DoctorConfig {
        disable = List.copyOf(disable);
    }
}
