package dev.wavecraft.devserver.testing;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.awaitility.core.ConditionTimeoutException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NotFoundException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * A real headless Chromium driven through its ChromeDriver, both from the system (Debian's
 * {@code chromium} and {@code chromium-driver}); nothing is ever downloaded, so Selenium Manager
 * never runs. Each instance is its own browser with a fresh profile. Without the browser the
 * tests are skipped, except under {@code CI=true}, where they fail.
 */
public final class HeadlessChromium implements AutoCloseable {

    /** Overridable with {@code -Dwavecraft.chromium=...} / {@code -Dwavecraft.chromedriver=...}. */
    public static final Path CHROMIUM = Path.of(System.getProperty("wavecraft.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER =
            Path.of(System.getProperty("wavecraft.chromedriver", "/usr/bin/chromedriver"));

    /**
     * Selenium warns at every start that it has no DevTools bindings for this Chromium version;
     * the tests use only WebDriver and ChromeDriver's own CDP pass-through, so that is noise.
     * (Held here because java.util.logging keeps loggers only weakly.)
     */
    private static final Logger DEVTOOLS_LOG = Logger.getLogger("org.openqa.selenium.devtools");

    static {
        DEVTOOLS_LOG.setLevel(Level.SEVERE);
    }

    /** How long a test waits for a condition in the page. */
    public static final Duration WAIT = Duration.ofSeconds(15);
    /** How often a condition in the page is checked: each check is a round trip through ChromeDriver. */
    private static final Duration PAGE_POLL = Duration.ofMillis(50);

    private final ChromeDriverService service;
    private final ChromeDriver driver;

    private HeadlessChromium(ChromeDriverService service, ChromeDriver driver) {
        this.service = service;
        this.driver = driver;
    }

    /**
     * Starts a browser with a fresh profile in {@code profile} (a {@code @TempDir}) and a window of
     * the given size. Skips the test, or fails it under {@code CI=true}, when the browser is missing.
     */
    public static HeadlessChromium start(Path profile, int width, int height) {
        return start(profile, width, height, false, List.of());
    }

    /**
     * A browser that also records its network events, for {@link #responseStatuses}: what the
     * server answered even when the page is not allowed to see it.
     */
    public static HeadlessChromium startRecordingNetwork(Path profile) {
        return start(profile, 1280, 900, true, List.of());
    }

    /**
     * A browser that resolves {@code host} to 127.0.0.1, so a page can be served from a name that is
     * not loopback (its Origin says {@code host}) by a server on this machine.
     */
    public static HeadlessChromium startResolvingToLoopback(Path profile, String host) {
        return start(profile, 1280, 900, false, List.of("--host-resolver-rules=MAP " + host + " 127.0.0.1"));
    }

    private static HeadlessChromium start(Path profile, int width, int height, boolean recordNetwork,
            List<String> extraArguments) {
        requireBrowser(System.getenv(), Files::isExecutable);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-dev-shm-usage",
                "--lang=en-US",
                "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile.toAbsolutePath());
        options.addArguments(extraArguments);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        if (recordNetwork) {
            logs.enable(LogType.PERFORMANCE, Level.ALL);
        }
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        try {
            return new HeadlessChromium(service, new ChromeDriver(service, options));
        } catch (RuntimeException e) {
            service.stop();
            throw e;
        }
    }

    public static HeadlessChromium start(Path profile) {
        return start(profile, 1280, 900);
    }

    /**
     * Skips (a JUnit assumption) when Chromium or ChromeDriver is missing, or fails when {@code CI}
     * is {@code true} in {@code environment}: CI must never pass by running no browser test.
     */
    static void requireBrowser(Map<String, String> environment, Predicate<Path> executable) {
        List<String> missing = new ArrayList<>();
        for (Path tool : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!executable.test(tool)) {
                missing.add(tool.toString());
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        String message = "Browser tests need " + String.join(" and ", missing)
                + " (Debian packages chromium and chromium-driver; .ci/run installs them)";
        if ("true".equalsIgnoreCase(environment.getOrDefault("CI", ""))) {
            fail(message);
        }
        assumeTrue(false, message);
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens {@code url} in this browser's window. */
    public HeadlessChromium open(String url) {
        driver.get(url);
        return this;
    }

    /** Waits (bounded by {@link #WAIT}) until {@code condition} gives a non-null, non-false value. */
    public <T> T await(String what, Function<WebDriver, T> condition) {
        return await(what, WAIT, condition);
    }

    /** Waits at most {@code timeout}, e.g. for a real build, until {@code condition} gives a non-null, non-false value. */
    public <T> T await(String what, Duration timeout, Function<WebDriver, T> condition) {
        try {
            return Waits.waitFor(what, timeout)
                    .pollInterval(PAGE_POLL)
                    // Not rendered yet, or a re-render replaced the element: look again.
                    .ignoreExceptionsMatching(e -> e instanceof NotFoundException
                            || e instanceof StaleElementReferenceException)
                    .until(() -> condition.apply(driver), value -> value != null && !Boolean.FALSE.equals(value));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + what
                    + "; the page logged " + consoleMessages(Level.ALL), e);
        }
    }

    /** Runs an asynchronous script: its last argument is the callback that ends it with a value. */
    public Object asyncScript(String script, Object... arguments) {
        return driver.executeAsyncScript(script, arguments);
    }

    /** A PNG of the window as it is now. */
    public byte[] screenshot() {
        return driver.getScreenshotAs(OutputType.BYTES);
    }

    /** A PNG of the whole page, below the window's bottom edge too. */
    public byte[] fullPageScreenshot() {
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true));
        return Base64.getDecoder().decode((String) shot.get("data"));
    }

    /** Lays the page out as on a screen of this size (a phone, say); Chromium's window cannot be that narrow. */
    public HeadlessChromium emulateViewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
        return this;
    }

    /** Back to the window's own size. */
    public HeadlessChromium clearViewport() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        return this;
    }

    /** Makes the page see {@code prefers-color-scheme: scheme} ("dark" or "light"), as a system setting would. */
    public HeadlessChromium preferColorScheme(String scheme) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
        return this;
    }

    /**
     * Runs {@code script} in every document this browser opens from now on, before the page's own
     * scripts: to stand in for a browser API the page uses (Web MIDI, say).
     */
    public HeadlessChromium beforeEachDocument(String script) {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", script));
        return this;
    }

    /** Runs a script in the page; see {@link JavascriptExecutor#executeScript}. */
    public Object script(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    /**
     * The HTTP status of each response the browser received for {@code url} since the last call,
     * including responses it then blocked from the page (only with {@link #startRecordingNetwork}).
     */
    public List<Integer> responseStatuses(String url) {
        Map<String, String> urls = new HashMap<>();
        List<JsonObject> received = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            JsonObject message = JsonParser.parseString(entry.getMessage()).getAsJsonObject().getAsJsonObject("message");
            String method = message.get("method").getAsString();
            JsonObject params = message.getAsJsonObject("params");
            if (method.equals("Network.requestWillBeSent")) {
                urls.put(params.get("requestId").getAsString(), params.getAsJsonObject("request").get("url").getAsString());
            } else if (method.equals("Network.responseReceivedExtraInfo")) {
                received.add(params);
            }
        }
        List<Integer> statuses = new ArrayList<>();
        for (JsonObject response : received) {
            if (url.equals(urls.get(response.get("requestId").getAsString()))) {
                statuses.add(response.get("statusCode").getAsInt());
            }
        }
        return statuses;
    }

    /** What the page logged at SEVERE (console.error, uncaught errors, failed loads) since the last call. */
    public List<String> severeConsoleMessages() {
        return consoleMessages(Level.SEVERE);
    }

    /** What the page logged at {@code level} or above since the last call (reading them forgets them). */
    public List<String> consoleMessages(Level level) {
        List<String> messages = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= level.intValue()) {
                messages.add(entry.getLevel() + " " + entry.getMessage());
            }
        }
        return messages;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }
}
