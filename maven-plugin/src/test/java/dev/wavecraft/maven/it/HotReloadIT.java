package dev.wavecraft.maven.it;

import static dev.wavecraft.devserver.testing.RpcTestClient.valueParams;
import static dev.wavecraft.devserver.testing.Waits.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.wavecraft.devserver.testing.RpcTestClient;
import dev.wavecraft.devserver.testing.ScratchDirectory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The hot-reload loop end to end: a real {@code wavecraft:run} in the background on a copy of the
 * example, edited on disk as a developer would, observed over the WebSocket like a browser.
 * One server serves the whole class, so no test relies on what another left behind: each first
 * sets up the processor it starts from ({@link #serving}) and waits until nothing builds any more,
 * then saves a complete processor source of its own. Any test runs alone, and in any order.
 */
class HotReloadIT {

    private static final Duration BUILD_WAIT = Duration.ofSeconds(90);
    private static final Duration QUIET = Duration.ofMillis(1500);
    private static final String STYLE = "src/main/ui/style.css";
    private static final String EXTRA = "src/main/java/com/example/gain/extra/deeper/Extra.java";
    private static final String WIDTH = ", FloatParameter.of(\"width\", \"Width\", 0, 2, 1)";
    private static final String TILT = ", FloatParameter.of(\"tilt\", \"Tilt\", -1, 1, 0.25)";
    private static final String LATE = ", FloatParameter.of(\"late\", \"Late\", 0, 1, 0)";
    private static final String MIX = ", com.example.gain.extra.deeper.Extra.MIX";
    private static final List<String> BUSY = List.of("building", "reloading");

    @RegisterExtension
    static final WavecraftRunExtension RUN = WavecraftRunExtension.onTheExample()
            .preparedBy(project -> {
                project.write(ExampleCopy.PROCESSOR, processor(""));
                project.write(STYLE, "body { color: red; }");
            })
            .withArguments("-Dwavecraft.processorTimeout=3");

    /** Numbers the sources {@link #serving} saves, so that each differs from the file on disk. */
    private static int setups;

    @BeforeEach
    void forgetEarlierNotifications() {
        browser().drain();
    }

    @Test
    void addingAParameterListsItUnderAdded() {
        serving("", "gain", "bypass");

        save(processor(WIDTH));

        JsonObject changed = awaitNotification("parametersChanged");
        assertThat(strings(changed.getAsJsonArray("added"))).containsExactly("width");
        assertThat(ids()).containsExactly("gain", "bypass", "width");
    }

    @Test
    void aValueDialledInSurvivesAReloadAndANewParameterStartsAtItsDefault() {
        serving(WIDTH, "gain", "bypass", "width");
        browser().call("setParameter", valueParams("gain", -6.5));

        save(processor(WIDTH + TILT));

        assertThat(strings(awaitNotification("parametersChanged").getAsJsonArray("added"))).containsExactly("tilt");
        assertThat(browser().valueOf("gain")).isEqualTo(-6.5);
        assertThat(browser().valueOf("tilt")).isEqualTo(0.25);
    }

    @Test
    void aSyntaxErrorIsReportedWithFileAndLineWhileTheServerKeepsAnswering() throws Exception {
        serving(WIDTH + TILT, "gain", "bypass", "width", "tilt");

        save(processor("").replace("public List<Parameter> parameters() {", "public List<Parameter> parameters() { int x = ;"));

        JsonObject failed = awaitNotification("buildFailed");
        JsonObject diagnostic = failed.getAsJsonArray("diagnostics").get(0).getAsJsonObject();
        assertThat(diagnostic.get("file").getAsString()).isEqualTo(ExampleCopy.PROCESSOR);
        assertThat(diagnostic.get("line").getAsInt()).isEqualTo(8);
        assertThat(diagnostic.get("message").getAsString()).contains("illegal start of expression");
        assertThat(diagnostic.getAsJsonArray("frame")).anySatisfy(line -> {
            assertThat(line.getAsJsonObject().get("line").getAsInt()).isEqualTo(8);
            assertThat(line.getAsJsonObject().get("text").getAsString()).contains("int x = ;");
        });
        RUN.maven().awaitLine(ExampleCopy.PROCESSOR + ":8:", BUILD_WAIT); // the terminal may report after the browser
        assertThat(RUN.maven().output()).contains("Build failed (old code still running)");
        assertThat(browser().call("setParameter", valueParams("gain", -3)).has("result")).isTrue();
        assertThat(ids()).contains("tilt");
    }

    @Test
    void fixingTheErrorReloadsAndClearsIt() {
        serving(TILT, "gain", "bypass", "tilt");
        save(processor("").replace("return List.of(", "return List.of(undefined, "));
        awaitNotification("buildFailed");
        assertThat(reloadStatus().get("lastError").getAsString()).contains(ExampleCopy.PROCESSOR);

        save(processor(""));

        awaitNotification("reloadCompleted");
        JsonObject status = reloadStatus();
        assertThat(status.get("state").getAsString()).isEqualTo("idle");
        assertThat(status.has("lastError")).isFalse();
        assertThat(ids()).containsExactly("gain", "bypass");
    }

    @Test
    void tenSavesWithinOneSecondBuildAtMostTwiceAndEndWithTheLastOne() throws Exception {
        serving("", "gain", "bypass");

        for (int i = 1; i <= 10; i++) {
            save(processor(", FloatParameter.of(\"rate\", \"Save " + i + "\", 0, 1, 0)"));
            Thread.sleep(90);
        }

        int builds = 0;
        for (JsonObject started = browser().notificationOrNull("buildStarted", BUILD_WAIT); started != null;
                started = browser().notificationOrNull("buildStarted", Duration.ofSeconds(8))) {
            builds++;
        }
        assertThat(builds).isBetween(1, 2);
        assertThat(nameOf("rate")).isEqualTo("Save 10");
    }

    @Test
    void editorSavesByTempFileAndRenameArePickedUpAndSwapFilesAloneBuildNothing() throws Exception {
        serving("", "gain", "bypass");

        Path file = RUN.project().file(ExampleCopy.PROCESSOR);
        // JetBrains safe write: temp file, old renamed away, temp renamed into place, old deleted.
        Path temp = file.resolveSibling("GainProcessor.java___jb_tmp___");
        Path old = file.resolveSibling("GainProcessor.java___jb_old___");
        Files.writeString(temp, processor(", BoolParameter.of(\"safe\", \"Safe write\", true)"));
        Files.move(file, old);
        Files.move(temp, file);
        Files.delete(old);
        assertThat(strings(awaitNotification("parametersChanged").getAsJsonArray("added"))).contains("safe");

        // vim: the original renamed to a backup, a probe file, the new content written, the backup deleted.
        Path backup = file.resolveSibling("GainProcessor.java~");
        Files.move(file, backup);
        Files.writeString(file.resolveSibling("4913"), "");
        Files.delete(file.resolveSibling("4913"));
        Files.writeString(file, processor(", BoolParameter.of(\"vim\", \"Vim write\", true)"));
        Files.delete(backup);
        assertThat(strings(awaitNotification("parametersChanged").getAsJsonArray("added"))).contains("vim");

        browser().drain();
        Files.writeString(file.resolveSibling(".GainProcessor.java.swp"), "swap file of an editor");
        assertThat(browser().notificationOrNull("buildStarted", QUIET)).isNull();
    }

    @Test
    void aClassWrittenIntoANewPackageDirectoryAtOnceIsCompiledAndLoaded() throws Exception {
        // The package directory must be new, also when the test of a deleted class left it behind.
        ScratchDirectory.deleteTree(RUN.project().file("src/main/java/com/example/gain/extra"));
        serving("", "gain", "bypass");

        writeExtra();
        save(processor(MIX));

        assertThat(awaitIds()).contains("mix");
    }

    @Test
    void aDeletedClassIsGoneFromTheNextGeneration() throws Exception {
        writeExtra();
        serving(MIX, "gain", "bypass", "mix");
        assertThat(RUN.project().file("target/classes/com/example/gain/extra/deeper/Extra.class")).exists();

        RUN.project().delete(EXTRA);
        save(processor(""));

        assertThat(strings(awaitNotification("parametersChanged").getAsJsonArray("removed"))).contains("mix");
        assertThat(RUN.project().file("target/classes/com/example/gain/extra/deeper/Extra.class")).doesNotExist();
    }

    @Test
    void aDependencyAddedToThePomReachesTheProcessorWithoutRestartingMaven() {
        serving("", "gain", "bypass");

        RUN.project().edit("pom.xml", "  <dependencies>", """
                  <dependencies>
                    <dependency>
                      <groupId>com.google.code.gson</groupId>
                      <artifactId>gson</artifactId>
                      <version>2.13.2</version>
                    </dependency>""");
        save(processor(", FloatParameter.of(\"json\", com.google.gson.JsonParser.parseString(\"\\\"From Gson\\\"\").getAsString(), 0, 1, 0)"));

        assertThat(nameOfEventually("json")).isEqualTo("From Gson");
    }

    @Test
    void aHangingStaticInitialiserOrAThrowingConstructorLeavesTheOldGenerationServing() {
        // The old generation has a parameter the failing sources lack, so its ids show it still serves.
        serving(WIDTH, "gain", "bypass", "width");
        List<String> before = ids();

        save(processor("").replace("public final class GainProcessor implements Processor {",
                "public final class GainProcessor implements Processor {\n    static { try { new java.util.concurrent.CountDownLatch(1).await(); } catch (InterruptedException e) { throw new IllegalStateException(e); } }"));
        JsonObject hung = awaitNotification("reloadFailed");
        assertThat(hung.get("message").getAsString()).contains("com.example.gain.GainProcessor", "did not finish within 3000 ms");
        assertThat(ids()).isEqualTo(before);

        save(processor("").replace("public List<Parameter> parameters() {",
                "public GainProcessor() { throw new IllegalStateException(\"no wavetable\"); }\n    public List<Parameter> parameters() {"));
        JsonObject thrown = awaitNotification("reloadFailed");
        assertThat(thrown.get("message").getAsString()).contains("com.example.gain.GainProcessor", "no wavetable");
        assertThat(ids()).isEqualTo(before);
        assertThat(browser().call("setParameter", valueParams("gain", -1)).has("result")).isTrue();
    }

    @Test
    void aTouchWithoutAContentChangeBuildsNothingAndCountsAsSkipped() throws Exception {
        serving("", "gain", "bypass");
        int skippedBefore = skipped();
        browser().drain();

        RUN.project().touch(ExampleCopy.PROCESSOR);

        assertThat(browser().notificationOrNull("buildStarted", QUIET)).isNull();
        assertThat(waitFor("the touch counted as skipped", Duration.ofSeconds(10))
                .until(HotReloadIT::skipped, skipped -> skipped > skippedBefore)).isEqualTo(skippedBefore + 1);
    }

    @Test
    void aValueSetWhileABuildAndReloadRunIsKept() {
        serving("", "gain", "bypass");

        save(processor(LATE));
        awaitNotification("buildStarted");

        browser().call("setParameter", valueParams("gain", -12));

        awaitNotification("reloadCompleted");
        assertThat(browser().valueOf("gain")).isEqualTo(-12);
    }

    @Test
    void rollbackBringsBackThePreviousParameterList() {
        serving(LATE, "gain", "bypass", "late");

        save(processor(LATE + ", FloatParameter.of(\"extra\", \"Extra\", 0, 1, 0)"));
        awaitNotification("reloadCompleted");

        browser().call("rollback", null);

        assertThat(ids()).containsExactly("gain", "bypass", "late");
    }

    @Test
    void aChangedFileOfTheUiFolderReachesBrowsersWithoutABuild() throws Exception {
        awaitNothingBuilding();

        RUN.project().write(STYLE, "body { color: blue; }");

        JsonObject changed = awaitNotification("uiChanged");
        assertThat(strings(changed.getAsJsonArray("files"))).containsExactly("/ui/style.css");
        assertThat(browser().notificationOrNull("buildStarted", QUIET)).isNull();
        HttpResponse<String> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + RUN.port() + "/ui/style.css")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(served.body()).isEqualTo("body { color: blue; }");
        RUN.maven().awaitLine("UI changed: " + STYLE, BUILD_WAIT);
    }

    /** The example's processor with gain and bypass, then {@code extraParameters} (each led by a comma). */
    private static String processor(String extraParameters) {
        return """
                package com.example.gain;

                import dev.wavecraft.api.*;
                import java.util.List;

                public final class GainProcessor implements Processor {
                    static final FloatParameter GAIN = FloatParameter.of("gain", "Gain", -60, 12, 0).withUnit("dB");
                    public List<Parameter> parameters() {
                        return List.of(GAIN, BoolParameter.of("bypass", "Bypass", false)%s);
                    }
                    public void process(AudioBlock block, ParameterValues values) {
                    }
                }
                """.formatted(extraParameters);
    }

    /**
     * Sets up the processor a test starts from: saves it with {@code extraParameters} (and a
     * numbered comment, so the save always differs from the file and builds), waits until it is
     * live and nothing builds any more, checks its parameters and forgets the notifications so far.
     */
    private static void serving(String extraParameters, String... ids) {
        save(processor(extraParameters) + "// set up " + ++setups + "\n");
        awaitNotification("reloadCompleted");
        awaitNothingBuilding();
        assertThat(reloadStatus().get("state").getAsString()).as("reload state of the set-up processor")
                .isEqualTo("idle");
        assertThat(ids()).as("parameters of the set-up processor").containsExactly(ids);
        browser().drain();
    }

    /**
     * Returns once no build or reload runs and none starts within {@link #QUIET} (the debounce is
     * far shorter), so that one begun by an earlier test is over; skips the notifications meanwhile.
     */
    private static void awaitNothingBuilding() {
        waitFor("no build or reload running, and none starting within " + QUIET, BUILD_WAIT)
                .until(() -> !BUSY.contains(reloadStatus().get("state").getAsString())
                        && browser().notificationOrNull("buildStarted", QUIET) == null);
    }

    private static void writeExtra() {
        RUN.project().write(EXTRA, """
                package com.example.gain.extra.deeper;
                import dev.wavecraft.api.FloatParameter;
                public final class Extra {
                    public static final FloatParameter MIX = FloatParameter.of("mix", "Mix", 0, 1, 0.5);
                }
                """);
    }

    private static void save(String source) {
        RUN.project().save(ExampleCopy.PROCESSOR, source);
    }

    private static RpcTestClient browser() {
        return RUN.browser();
    }

    private static JsonObject awaitNotification(String method) {
        return browser().notification(method, BUILD_WAIT).getAsJsonObject("params");
    }

    private static List<String> awaitIds() {
        awaitNotification("reloadCompleted");
        return ids();
    }

    private static List<String> ids() {
        return browser().parameterIds();
    }

    private static JsonArray parameters() {
        return browser().call("getAllParameters", null).getAsJsonObject("result").getAsJsonArray("parameters");
    }

    private static String nameOf(String id) {
        for (JsonElement parameter : parameters()) {
            if (parameter.getAsJsonObject().get("id").getAsString().equals(id)) {
                return parameter.getAsJsonObject().get("name").getAsString();
            }
        }
        return null;
    }

    /** The name once a reload has brought the parameter (a POM change may take two builds). */
    private static String nameOfEventually(String id) {
        for (int reloads = 0; reloads < 3 && nameOf(id) == null; reloads++) {
            awaitNotification("reloadCompleted");
        }
        return nameOf(id);
    }

    private static JsonObject reloadStatus() {
        return browser().call("getReloadStatus", null).getAsJsonObject("result");
    }

    private static int skipped() {
        return reloadStatus().getAsJsonObject("stats").get("skipped").getAsInt();
    }

    private static List<String> strings(JsonArray array) {
        List<String> strings = new ArrayList<>();
        array.forEach(item -> strings.add(item.getAsString()));
        return strings;
    }
}
