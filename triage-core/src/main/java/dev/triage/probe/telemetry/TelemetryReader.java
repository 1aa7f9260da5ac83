package dev.triage.probe.telemetry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.triage.config.InvalidInputException;
import dev.triage.probe.log.RunLog;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.io.InputStreamReader;

/**
 * Reads a {@code triage-telemetry} file into a {@link RunLog}. The first record must be a {@code run}
 * record of version {@value Telemetry#VERSION}; a garbled line is an error naming the line, except the
 * very last one, which a crashed run may have left half written: the log is read up to it.
 */
public final class TelemetryReader {
    private TelemetryReader() {
    }

    /** The result: the run log, and whether the last line was cut off (the run crashed while writing it). */
    public record Result(RunLog log, int records, boolean truncated) {
    }

    public static Result read(Path file) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)))) {
            return read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + ": no such file; pass a run log written by a Triage probe or run folder");
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(file + ": not UTF-8 text; a triage-telemetry run log is UTF-8 JSON Lines");
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot be read (" + e.getMessage() + "); check its permissions");
        }
    }

    static Result read(BufferedReader in, String name) throws IOException {
        RecordSink sink = null;
        int lineNo = 0;
        int records = 0;
        String pendingError = null;
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            if (pendingError != null) {
                throw new InvalidInputException(pendingError);
            }
            String where = name + ":" + lineNo;
            JsonNode node;
            try {
                node = Telemetry.JSON.readTree(line);
            } catch (JsonProcessingException e) {
                pendingError = where + ": not a complete JSON record (" + e.getOriginalMessage()
                        + "); each line of a run log is one JSON object (see docs/telemetry.md)";
                continue;
            }
            Fields f = new Fields(where, node);
            if (!node.isObject()) {
                throw new InvalidInputException(where + ": a line holds " + node.getNodeType().name().toLowerCase()
                        + ", not a JSON object; each line of a run log is one record (see docs/telemetry.md)");
            }
            if (sink == null) {
                sink = new RecordSink(RecordSink.header(f));
            } else {
                sink.accept(f);
            }
            records++;
        }
        if (sink == null) {
            if (pendingError != null) {
                throw new InvalidInputException(pendingError);
            }
            throw new InvalidInputException(name + ": the file is empty; a run log starts with a run record"
                    + " {\"type\":\"run\",\"format\":\"triage-telemetry\",\"version\":1,...}");
        }
        return new Result(sink.finish(), records, pendingError != null);
    }

    /** Whether a file's first line looks like a run log (for format detection). */
    public static boolean looksLikeTelemetry(String firstLine) {
        return firstLine.contains("\"" + Telemetry.FORMAT + "\"");
    }
}
