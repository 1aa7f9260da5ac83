package dev.triage.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.diagnose.Remedy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/findings.md lists every remedy with the change it makes: a new remedy without a row fails here. */
class RemedyDocsTest {
    @Test
    void everyRemedyHasARowWithItsChange() throws Exception {
        String docs = Files.readString(Path.of("../docs/findings.md"));
        String table = docs.substring(docs.indexOf("## Remedies: the change each makes"));
        for (Remedy r : Remedy.values()) {
            assertThat(table).as(r.name()).containsPattern("(?m)^\\| `" + r.name() + "` \\| [^|]*\\S[^|]*\\| [^|]*\\S[^|]*\\|$");
        }
    }
}
