package dev.wavecraft.maven.it;

import static dev.wavecraft.devserver.testing.Waits.waitFor;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A long-running goal such as {@code wavecraft:run} in a real Maven (the one running the
 * integration tests), offline against the integration tests' local repository. For
 * {@code verify.groovy} scripts; its output goes to {@code background-build.log} in the project.
 */
public final class BackgroundMaven implements AutoCloseable {

    /**
     * The script variable (invoker) or system property (failsafe) whose space-separated arguments
     * every background Maven gets after the test's own, e.g. {@code -Dwavecraft.incremental=false}
     * in the executions that run the hot-reload tests again with the whole module compiled.
     */
    public static final String EXTRA_ARGUMENTS = "wavecraft.it.mavenArguments";

    private static final Pattern READY = Pattern.compile("Wavecraft dev server running at http://127\\.0\\.0\\.1:(\\d+)/");
    /** What {@code run} says once its watcher is armed: a save before it may go unseen. */
    private static final String WATCHING = "Watching the sources";

    private final Process maven;
    private final Path log;
    private final CompletableFuture<Integer> port = new CompletableFuture<>();
    private final CompletableFuture<Void> watching = new CompletableFuture<>();
    private final List<ProcessHandle> started = new ArrayList<>();
    /** Everything Maven printed so far, line by line; the pump appends, the waits read. */
    private final StringBuffer printed = new StringBuffer();
    private volatile boolean ended;

    private BackgroundMaven(Process maven, Path log) {
        this.maven = maven;
        this.log = log;
    }

    /**
     * @param context the script's variables: {@code basedir}, {@code localRepositoryPath}, and the
     *     {@code itSettings} and {@code mainLocalRepository} the plugin's POM passes to scripts
     */
    public static BackgroundMaven start(Map<String, Object> context, String... goals) throws IOException {
        return startAt(context, ((File) context.get("basedir")).toPath(), goals);
    }

    /** As {@link #start(Map, String...)}, but in {@code module}, a folder of the script's project (a reactor's module). */
    public static BackgroundMaven startIn(Map<String, Object> context, String module, String... goals) throws IOException {
        return startAt(context, ((File) context.get("basedir")).toPath().resolve(module), goals);
    }

    private static BackgroundMaven startAt(Map<String, Object> context, Path directory, String... goals) throws IOException {
        return start(directory, ((File) context.get("localRepositoryPath")).toPath(),
                Path.of((String) context.get("itSettings")), Path.of((String) context.get("mainLocalRepository")),
                withExtraArguments((String) context.get(EXTRA_ARGUMENTS), goals));
    }

    private static String[] withExtraArguments(String extra, String... goals) {
        List<String> all = new ArrayList<>(List.of(goals));
        if (extra != null && !extra.isBlank()) {
            all.addAll(List.of(extra.trim().split("\\s+")));
        }
        return all.toArray(String[]::new);
    }

    /**
     * For failsafe tests: the repositories and settings come from the system properties the
     * plugin's POM gives them ({@code wavecraft.it.repo}, {@code wavecraft.it.settings},
     * {@code wavecraft.it.mainRepo}), and so may {@link #EXTRA_ARGUMENTS}.
     */
    public static BackgroundMaven start(Path basedir, String... goals) throws IOException {
        return start(basedir, Path.of(System.getProperty("wavecraft.it.repo")),
                Path.of(System.getProperty("wavecraft.it.settings")), Path.of(System.getProperty("wavecraft.it.mainRepo")),
                withExtraArguments(System.getProperty(EXTRA_ARGUMENTS), goals));
    }

    /**
     * @param settingsTemplate the integration tests' settings, with {@code @localRepositoryUrl@}
     * @param mainLocalRepository the build's own local repository, where that URL points
     */
    public static BackgroundMaven start(Path basedir, Path localRepository, Path settingsTemplate,
            Path mainLocalRepository, String... goals) throws IOException {
        // The same settings as the invoker's own builds, so the artifacts they fetched count as available.
        Path settings = basedir.resolve("background-settings.xml");
        Files.writeString(settings, Files.readString(settingsTemplate)
                .replace("@localRepositoryUrl@", mainLocalRepository.toUri().toString()));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("maven.home"), "bin", "mvn").toString(),
                "-B", "-s", settings.toString(), "-Dmaven.repo.local=" + localRepository.toAbsolutePath()));
        command.addAll(List.of(goals));
        Process maven = new ProcessBuilder(command).directory(basedir.toFile()).redirectErrorStream(true).start();
        BackgroundMaven background = new BackgroundMaven(maven, basedir.resolve("background-build.log"));
        Thread pump = new Thread(background::pump, "background-maven-output");
        pump.setDaemon(true);
        pump.start();
        return background;
    }

    private void pump() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(maven.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                out.println(line);
                printed.append(line).append('\n');
                Matcher ready = READY.matcher(line);
                if (ready.find()) {
                    port.complete(Integer.parseInt(ready.group(1)));
                }
                if (line.contains(WATCHING)) {
                    watching.complete(null);
                }
            }
        } catch (IOException e) {
            port.completeExceptionally(e);
        } finally {
            ended = true;
            port.completeExceptionally(new AssertionError("Maven ended before the dev server was ready"));
            watching.completeExceptionally(new AssertionError("Maven ended before it watched the sources"));
        }
    }

    /** The port from the goal's "running at" line; fails with the build's output after {@code timeout}. */
    public int awaitDevServerPort(Duration timeout) {
        try {
            return port.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("No dev server URL within " + timeout + ": " + e + "\n" + output(), e);
        }
    }

    /**
     * The port once {@code run} also watches the project, so that a save from now on is seen; fails
     * with the build's output after {@code timeout}.
     */
    public int awaitWatching(Duration timeout) {
        int ready = awaitDevServerPort(timeout);
        try {
            watching.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("Not watching the sources within " + timeout + ": " + e + "\n" + output(), e);
        }
        return ready;
    }

    /**
     * Returns as soon as Maven has printed a line containing {@code text} (now or before); fails
     * with the build's output when Maven ends or {@code timeout} passes first.
     */
    public void awaitLine(String text, Duration timeout) {
        awaitOutput("a line with \"" + text + "\"", output -> output.contains(text), timeout);
    }

    /**
     * Returns as soon as Maven's output so far satisfies {@code condition}, with the time it was seen
     * (epoch milliseconds); fails with the output when Maven ends or {@code timeout} passes first.
     */
    public long awaitOutput(String what, Predicate<String> condition, Duration timeout) {
        try {
            waitFor(what + " in Maven's output", timeout).until(() -> condition.test(output()) || ended);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("No " + what + " within " + timeout + "\n" + output(), e);
        }
        long seenAt = System.currentTimeMillis();
        if (!condition.test(output())) {
            throw new AssertionError("Maven ended without " + what + "\n" + output());
        }
        return seenAt;
    }

    /** The forked dev-server JVM: the child of Maven's JVM that runs DevServerMain. */
    public ProcessHandle devServerProcess() {
        Optional<ProcessHandle> server = maven.descendants()
                .filter(process -> process.info().commandLine().orElse("").contains("DevServerMain"))
                .filter(BackgroundMaven::isRunning)
                .findFirst();
        if (server.isEmpty()) {
            throw new AssertionError("No DevServerMain process under Maven (pid " + maven.pid() + ")\n" + output());
        }
        started.add(server.get());
        return server.get();
    }

    /** Waits for a goal that ends by itself (such as compile); fails with its output if it fails. */
    public void awaitExit(Duration timeout) throws InterruptedException {
        if (!maven.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || maven.exitValue() != 0) {
            throw new AssertionError("Maven did not finish successfully within " + timeout + "\n" + output());
        }
    }

    /** Waits for Maven to end by itself; its exit code, or empty when it is still running after {@code timeout}. */
    public Optional<Integer> awaitEnd(Duration timeout) throws InterruptedException {
        return maven.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? Optional.of(maven.exitValue())
                : Optional.empty();
    }

    /** SIGKILL: Maven gets no chance to clean up, as when a terminal or CI runner is killed. */
    public void killMaven() throws InterruptedException {
        maven.destroyForcibly();
        maven.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGSTOP: Maven is frozen but its pipes stay open, as with Ctrl+Z or a stuck debugger. */
    public void suspendMaven() throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", "-STOP", Long.toString(maven.pid())).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IOException("kill -STOP " + maven.pid() + " failed with " + exit);
        }
    }

    /** Whether {@code process} has exited within {@code within}, polling its state. */
    public static boolean awaitGone(ProcessHandle process, Duration within) {
        try {
            waitFor("process " + process.pid() + " gone", within).until(() -> !isRunning(process));
            return true;
        } catch (ConditionTimeoutException stillRunning) {
            return false;
        }
    }

    /** Alive and not a zombie: an exited process whose new parent has not reaped it yet counts as gone. */
    static boolean isRunning(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        try {
            String text = Files.readString(stat);
            return text.charAt(text.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return Files.exists(stat.getParent());
        }
    }

    /** Everything Maven printed so far (also written to {@code background-build.log} in the project). */
    public String output() {
        return printed.toString();
    }

    /** Kills Maven and everything it started, and waits (bounded) until they are gone, so no files are held open. */
    @Override
    public void close() {
        List<ProcessHandle> all = new ArrayList<>(started);
        all.addAll(maven.descendants().toList());
        all.add(maven.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : all) {
            awaitGone(process, Duration.ofSeconds(10));
        }
    }
}
