package dev.triage.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.diagnose.Evidence;
import dev.triage.diagnose.Finding;
import dev.triage.diagnose.Phase;
import dev.triage.diagnose.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Findings that one check returns print in the order they happened, not in the order of the rules. */
class FindingOrderTest {
    private static Finding at(String code, Phase phase, Integer epoch, Long step) {
        return new Finding(code, "r", Severity.ERROR, phase, epoch, step, null, code, Evidence.empty(), List.of());
    }

    @Test
    void byPhaseThenStep() {
        List<Finding> ordered = Diagnosis.inOrder(List.of(at("LATE", Phase.TRAINING, 9, 90L), at("END", Phase.EVALUATION, null, null),
                at("EARLY", Phase.TRAINING, 1, 3L), at("CONFIG", Phase.CONFIG, null, null)));
        assertThat(ordered).extracting(Finding::code).containsExactly("CONFIG", "EARLY", "LATE", "END");
    }
}
