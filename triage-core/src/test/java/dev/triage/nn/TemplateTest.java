package dev.triage.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The float64 engine is generated from the float32 sources; a float literal there would lose precision. */
class TemplateTest {
    private static final Pattern FLOAT_LITERAL = Pattern.compile("(?<![\\w.])\\d+(\\.\\d*)?([eE][-+]?\\d+)?[fF]\\b");

    @Test
    void float32SourcesHaveNoFloatLiteralSuffixes() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/java/dev/triage/nn/f32"))) {
            for (Path f : files.toList()) {
                String code = Files.readString(f).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
                assertThat(FLOAT_LITERAL.matcher(code).find()).as(f + " contains a literal like 0.5f").isFalse();
            }
        }
    }

    @Test
    void theGeneratedFloat64EngineExists() {
        assertThat(Engines.create(new NetworkSpec(1, java.util.List.of(new LayerSpec(1, dev.triage.config.Activation.IDENTITY,
                0, false, dev.triage.config.Init.ZEROS, 1, 0, 1)), dev.triage.config.Loss.MSE, 0.01, 1),
                OptimizerSpec.of(dev.triage.config.Optimizer.SGD), dev.triage.config.DType.FLOAT64, 1).dtype())
                .isEqualTo(dev.triage.config.DType.FLOAT64);
    }
}
