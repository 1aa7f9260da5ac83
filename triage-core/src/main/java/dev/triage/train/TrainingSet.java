package dev.triage.train;

import dev.triage.data.Encoded;
import dev.triage.data.TargetEncoding;
import dev.triage.nn.EngineData;

/**
 * The data a training loop works on: the training rows, and the validation rows (null when the
 * validation split is empty) with their encoded form for metrics.
 */
public record TrainingSet(EngineData train, EngineData validation, Encoded validationEncoded, TargetEncoding target) {
    public boolean hasValidation() {
        return validation != null && validation.rows() > 0;
    }
}
