package dev.triage.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a YAML document into {@link ConfigNode}s that remember their line and column. Jackson's
 * streaming parser does the YAML; this class only keeps the locations its tree model would drop.
 */
public final class YamlSource {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlSource() {
    }

    /** Parses a file; {@code sourceName} is how messages name it. */
    public static ConfigNode read(Path file, String sourceName) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(sourceName + ": file not found; check the path");
        } catch (MalformedInputException e) {
            throw new InvalidInputException(sourceName + ": not UTF-8 text; save the file as UTF-8");
        } catch (IOException e) {
            throw new InvalidInputException(sourceName + ": cannot read (" + e.getMessage() + ")");
        }
        Path dir = file.toAbsolutePath().getParent();
        return parse(text, sourceName, dir);
    }

    /** Parses YAML text; an empty document is an error, the root must be a map. */
    public static ConfigNode parse(String text, String sourceName, Path baseDir) {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new InvalidInputException(sourceName + ": the file is empty; it needs at least data.path and data.target");
            }
            ConfigNode root = readValue(p, sourceName, baseDir);
            if (!root.isMap()) {
                throw new InvalidInputException(root.origin().describe()
                        + ": expected a map of sections (data:, model:, training:, ...), found " + root.describeKind());
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null ? sourceName : sourceName + ":" + loc.getLineNr();
            throw new InvalidInputException(where + ": invalid YAML (" + e.getOriginalMessage().lines().findFirst().orElse("")
                    + "); check indentation and quoting");
        } catch (IOException e) {
            throw new InvalidInputException(sourceName + ": cannot read (" + e.getMessage() + ")");
        }
    }

    private static ConfigNode readValue(JsonParser p, String source, Path base) throws IOException {
        JsonLocation loc = p.currentTokenLocation();
        ConfigNode.Origin origin = new ConfigNode.Origin(source, base, loc.getLineNr(), loc.getColumnNr());
        JsonToken t = p.currentToken();
        if (p instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            // the parser would hand over the anchor's name as if it were the value: refuse instead of misreading
            throw new InvalidInputException(source + ":" + loc.getLineNr() + ": a YAML alias (*" + p.getText()
                    + ") is not supported in a run configuration; write the value out in full");
        }
        switch (t) {
            case START_OBJECT:
                return readMap(p, source, base, origin);
            case START_ARRAY:
                List<ConfigNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(p, source, base));
                }
                return ConfigNode.list(items, origin);
            case VALUE_NUMBER_INT:
                return ConfigNode.scalar(p.getLongValue(), origin);
            case VALUE_NUMBER_FLOAT:
                return ConfigNode.scalar(p.getDoubleValue(), origin);
            case VALUE_TRUE:
                return ConfigNode.scalar(Boolean.TRUE, origin);
            case VALUE_FALSE:
                return ConfigNode.scalar(Boolean.FALSE, origin);
            case VALUE_NULL:
                return ConfigNode.scalar(null, origin);
            default:
                return ConfigNode.scalar(p.getText(), origin);
        }
    }

    private static ConfigNode readMap(JsonParser p, String source, Path base, ConfigNode.Origin origin) throws IOException {
        Map<String, ConfigNode> entries = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            int line = p.currentTokenLocation().getLineNr();
            p.nextToken();
            ConfigNode value = readValue(p, source, base);
            if (entries.containsKey(key)) {
                throw new InvalidInputException(source + ":" + line + ": key '" + key
                        + "' appears twice in the same section; keep one");
            }
            entries.put(key, value);
        }
        return ConfigNode.map(entries, origin);
    }
}
