package dev.triage.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this Triage build (from the Maven project version). */
public final class TriageVersion {
    private static final String VERSION = load();

    private TriageVersion() {
    }

    public static String current() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = TriageVersion.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
