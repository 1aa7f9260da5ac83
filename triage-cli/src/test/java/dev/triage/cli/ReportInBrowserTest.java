package dev.triage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Generates report.html from real runs (healthy, NaN, repaired), a comparison page and an lr-find chart,
 * and opens each in Debian's headless Chromium: every chart has its data drawn, the findings are listed,
 * nothing is logged as an error, a hostile column name is shown as text, a diverged loss is clipped
 * rather than stretching the axis, every table fits a 900 px wide window, and a full-page screenshot
 * lands in target/screenshots.
 * Without /usr/bin/chromium the test is skipped, unless TRIAGE_BROWSER_TESTS=required (as .ci/run sets).
 */
class ReportInBrowserTest {
    /** Debian's chromium; -Dtriage.chromium=/nowhere shows the skip on a machine that has it. */
    private static final Path CHROMIUM = Path.of(System.getProperty("triage.chromium", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final String HOSTILE = "<script>alert(1)</script>";
    private static ChromeDriver browser;

    @TempDir
    static Path dir;

    @BeforeAll
    static void openBrowser() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!present && "required".equals(System.getenv("TRIAGE_BROWSER_TESTS"))) {
            throw new AssertionError("TRIAGE_BROWSER_TESTS=required but " + CHROMIUM + " or " + DRIVER
                    + " is missing: apt-get install chromium chromium-driver");
        }
        if (!present) {
            return; // each test is then skipped by name (an assumption in @BeforeAll would report "Tests run: 0")
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,800");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
    }

    @BeforeEach
    void needsTheBrowser() {
        Assumptions.assumeTrue(browser != null, "skipped: Debian's chromium and chromium-driver are not installed"
                + " (TRIAGE_BROWSER_TESTS=required makes this a failure)");
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aHealthyRunWithAHostileColumnName() throws Exception {
        Path data = dir.resolve("iris-hostile.csv");
        List<String> lines = Files.readAllLines(CliRun.dataset("iris.csv"));
        lines.set(0, lines.get(0).replace("sepal_width_cm", HOSTILE));
        Files.write(data, lines);
        Path run = train("healthy", 0, "--data", data.toString(), "--target", "species", "--task", "classification", "--epochs", "60");
        open(run, "healthy");
        assertDrawn("loss", "metric", "gradients", "update-ratio", "activations", "dead");
        assertThat(browser.findElements(By.cssSelector("table.confusion td"))).hasSize(9);
        assertThat(browser.findElement(By.id("data")).getText()).contains(HOSTILE);
        assertThat(browser.findElements(By.tagName("script"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector(".verdict")).getText()).doesNotContain("error(s)");
    }

    @Test
    void aRunThatTurnsNaN() throws Exception {
        Path run = train("nan", 1, "--data", CliRun.dataset("wine_quality_red.csv").toString(), "--target", "quality",
                "--epochs", "10", "--lr", "0.05", "--set", "training.optimizer=sgd", "--set", "data.preprocess.scale=none");
        open(run, "nan");
        assertThat(codes()).contains("TRAIN_NAN_LOSS", "DATA_UNSCALED");
        assertDrawn("loss", "gradients");
        assertThat(browser.findElements(By.cssSelector("svg[data-chart=loss] g.marker"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("svg[data-chart=predicted-vs-actual], p[data-chart=predicted-vs-actual]")))
                .isNotEmpty();
        WebElement loss = browser.findElement(By.cssSelector("svg[data-chart=loss]"));
        assertThat(loss.getAttribute("data-clipped")).as("the diverged loss is clipped").isNotNull();
        assertThat(Double.parseDouble(loss.getAttribute("data-clipped"))).isLessThan(1e8);
        assertThat(browser.findElement(By.cssSelector("#chart-loss p.note.clipped")).getText()).contains("the highest is");
    }

    @Test
    void aComparisonOfTwoRuns() throws Exception {
        Path slow = train("cmp-slow", 0, "--data", CliRun.dataset("iris.csv").toString(), "--target", "species", "--task",
                "classification", "--epochs", "30", "--lr", "0.0003");
        Path fast = train("cmp-fast", 0, "--data", CliRun.dataset("iris.csv").toString(), "--target", "species", "--task",
                "classification", "--epochs", "30", "--lr", "0.01");
        Path page = dir.resolve("compare.html");
        CliRun r = CliRun.of("compare", slow.toString(), fast.toString(), "--out", page.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        openPage(page, "compare");
        assertDrawn("compare-val-loss", "compare-val-metric");
        assertThat(browser.findElements(By.cssSelector("svg[data-chart='compare-val-metric'] path[data-series]"))).hasSize(2);
        assertThat(browser.findElements(By.cssSelector("table.settings tr[data-key='training.learning_rate'] td"))).hasSize(3);
        assertThat(browser.findElements(By.cssSelector("#results table.compare tr:first-child th"))).hasSize(3);
        assertThat(browser.findElements(By.cssSelector("#results td.best"))).isNotEmpty();
    }

    @Test
    void anLrFindChart() throws Exception {
        CliRun r = CliRun.of("lr-find", "--data", CliRun.dataset("wine_quality_red.csv").toString(), "--target", "quality",
                "--set", "output.dir=" + dir.resolve("lr"));
        assertThat(r.exit()).as(r.err()).isZero();
        Path folder;
        try (var s = Files.list(dir.resolve("lr"))) {
            folder = s.findFirst().orElseThrow();
        }
        openPage(folder.resolve("lr_find.html"), "lr-find");
        assertDrawn("lr-find");
        List<String> marks = browser.findElements(By.cssSelector("svg[data-chart='lr-find'] g.marker")).stream()
                .map(e -> e.getAttribute("data-marker")).toList();
        assertThat(marks).anyMatch(m -> m.startsWith("suggested=")).anyMatch(m -> m.startsWith("diverged="));
        List<String> ticks = browser.findElements(By.cssSelector("svg[data-chart='lr-find'] text.tick")).stream()
                .map(WebElement::getText).toList();
        assertThat(ticks).as("a log axis of rates").contains("1e-7", "1e-3", "10");
    }

    @Test
    void aRepairedRun() throws Exception {
        Path run = train("repaired", 0, "--data", CliRun.dataset("wine_quality_red.csv").toString(), "--target", "quality",
                "--epochs", "20", "--lr", "0.05", "--set", "training.optimizer=sgd", "--set", "data.preprocess.scale=none",
                "--repair");
        open(run, "repaired");
        assertThat(codes()).contains("TRAIN_NAN_LOSS");
        assertDrawn("repair", "loss", "gradients", "predicted-vs-actual");
        assertThat(browser.findElement(By.cssSelector(".verdict")).getText()).startsWith("Repaired");
        assertThat(browser.findElements(By.cssSelector("table.trials tr.kept"))).isNotEmpty();
    }

    /** Trains into a folder named {@code name}; the run must end with {@code exit}. */
    private Path train(String name, int exit, String... args) throws Exception {
        String[] all = new String[args.length + 5];
        all[0] = "train";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--set";
        all[args.length + 2] = "output.dir=" + dir.resolve(name);
        all[args.length + 3] = "--set";
        all[args.length + 4] = "output.name=" + name;
        CliRun r = CliRun.of(all);
        assertThat(r.exit()).as(r.err()).isEqualTo(exit);
        try (var s = Files.list(dir.resolve(name))) {
            Path run = s.filter(Files::isDirectory).findFirst().orElseThrow();
            assertThat(run.resolve("report.html")).exists();
            return run;
        }
    }

    private void open(Path run, String name) throws Exception {
        openPage(run.resolve("report.html"), name);
        assertThat(browser.getTitle()).startsWith("Triage report");
    }

    private void openPage(Path page, String name) throws Exception {
        browser.get(page.toUri().toString());
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).toList();
        assertThat(errors).as("console errors").isEmpty();
        fitsAt900(name);
        screenshot(name);
    }

    /** In a 900 px wide window nothing overflows sideways: tables wrap instead. */
    private static void fitsAt900(String name) {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(900, 800));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        Number overflow = (Number) js.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Number tablesOut = (Number) js.executeScript("return [...document.querySelectorAll('section table')].filter(t =>"
                + " t.getBoundingClientRect().right > t.closest('section').getBoundingClientRect().right + 1).length");
        Object culprits = js.executeScript("const w = document.documentElement.clientWidth; return [...document.querySelectorAll("
                + "'body *')].filter(e => e.getBoundingClientRect().right > w + 1 && ![...e.children].some(c =>"
                + " c.getBoundingClientRect().right > w + 1)).slice(0, 5).map(e => e.tagName + '.' + e.className + ' '"
                + " + Math.round(e.getBoundingClientRect().width) + 'px ' + (e.textContent || '').slice(0, 80)).join(' | ')");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 800));
        assertThat(overflow.intValue()).as(name + ": sideways overflow at 900 px: " + culprits).isLessThanOrEqualTo(0);
        assertThat(tablesOut.intValue()).as(name + ": tables wider than their section at 900 px").isZero();
    }

    /** Each named chart has at least one drawn series with points. */
    private static void assertDrawn(String... charts) {
        for (String chart : charts) {
            List<WebElement> drawn = browser.findElements(By.cssSelector("svg[data-chart='" + chart + "'] [data-points]"));
            assertThat(drawn).as("series of chart " + chart).isNotEmpty();
            assertThat(drawn.stream().mapToInt(e -> Integer.parseInt(e.getAttribute("data-points"))).max().orElse(0))
                    .as("points drawn in chart " + chart).isPositive();
            WebElement svg = browser.findElement(By.cssSelector("svg[data-chart='" + chart + "']"));
            assertThat(svg.getSize().getWidth()).as("width of chart " + chart).isGreaterThan(300);
        }
    }

    private static List<String> codes() {
        return browser.findElements(By.cssSelector("tr.finding")).stream().map(e -> e.getAttribute("data-code")).toList();
    }

    private static void screenshot(String name) throws Exception {
        Number height = (Number) ((JavascriptExecutor) browser).executeScript("return document.body.scrollHeight");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, Math.min(16000, height.intValue() + 40)));
        byte[] png = browser.getScreenshotAs(OutputType.BYTES);
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 800));
        Path out = Path.of("target", "screenshots");
        Files.createDirectories(out);
        Files.write(out.resolve(name + ".png"), png);
        assertThat(png.length).isGreaterThan(10_000);
    }
}
