package dev.triage.probe.telemetry;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Names and settings shared by the writer and the reader of the run-log format. */
public final class Telemetry {
    /** The value of the first record's {@code format} field. */
    public static final String FORMAT = "triage-telemetry";
    /** The newest version this build writes and reads. */
    public static final int VERSION = 1;
    /** The run log's name in a Triage run folder. */

    /**
     * NaN and infinities travel as the strings "NaN", "Infinity", "-Infinity" (JSON has no literal for
     * them); bare NaN tokens from lenient writers are accepted on reading; unknown fields are ignored so
     * writers can add their own.
     */
    static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Telemetry() {
    }
}
