package dev.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's library example, compiled and run exactly as printed, so the documentation cannot rot. */
class ReadmeExampleTest {
    @TempDir
    Path dir;

    static String example() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher m = Pattern.compile("<!-- library-example: start -->\\s*```java\\n(.*?)```\\s*<!-- library-example: end -->",
                Pattern.DOTALL).matcher(readme);
        assertThat(m.find()).as("the README's library example between its markers").isTrue();
        return m.group(1);
    }

    @Test
    void theReadmeExampleCompilesAndRuns() throws Exception {
        Path src = dir.resolve("Example.java");
        Files.writeString(src, example());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = javac.run(null, null, err, "-d", dir.toString(), "-classpath", System.getProperty("java.class.path"),
                src.toString());
        assertThat(rc).as(err.toString(StandardCharsets.UTF_8)).isZero();

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            Method main = loader.loadClass("Example").getMethod("main", String[].class);
            main.invoke(null, (Object) new String[] {dir.resolve("runs").toString()});
        } finally {
            System.setOut(saved);
        }
        String out = printed.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("errors: false", "report.html", "prediction for a=1, b=1: ");
        double prediction = Double.parseDouble(out.substring(out.indexOf("b=1: ") + 5).trim().split("\\s")[0]);
        assertThat(prediction).isBetween(0.7, 1.3);
        try (var runs = Files.list(dir.resolve("runs"))) {
            List<Path> folders = runs.filter(Files::isDirectory).toList();
            assertThat(folders).hasSize(1);
            assertThat(folders.get(0).resolve("report.html")).isRegularFile();
        }
        assertThat(dir.resolve("runs").resolve("y-data.csv")).isRegularFile();
    }
}
