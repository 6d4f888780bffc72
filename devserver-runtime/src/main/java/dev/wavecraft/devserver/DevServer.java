package dev.wavecraft.devserver;

import dev.wavecraft.devserver.audio.AudioCounts;
import dev.wavecraft.devserver.audio.AudioEngine;
import dev.wavecraft.devserver.audio.AudioEvents;
import dev.wavecraft.devserver.audio.Rollback;
import dev.wavecraft.devserver.audio.OutputOpener;
import dev.wavecraft.devserver.chain.ChainStages;
import dev.wavecraft.devserver.compare.CompareController;
import dev.wavecraft.devserver.compare.CompareEvents;
import dev.wavecraft.devserver.control.ControlDispatcher;
import dev.wavecraft.devserver.control.ControlServer;
import dev.wavecraft.devserver.http.ClientRegistry;
import dev.wavecraft.devserver.http.DevHttpServer;
import dev.wavecraft.devserver.http.PortInUseException;
import dev.wavecraft.devserver.params.ParameterHost;
import dev.wavecraft.devserver.presets.PresetStore;
import dev.wavecraft.devserver.processor.LoadedProcessor;
import dev.wavecraft.devserver.processor.ProcessorLoadException;
import dev.wavecraft.devserver.processor.ProcessorLoader;
import dev.wavecraft.devserver.reload.Generation;
import dev.wavecraft.devserver.reload.GenerationManager;
import dev.wavecraft.devserver.reload.HistoryFile;
import dev.wavecraft.devserver.reload.KeptGenerations;
import dev.wavecraft.devserver.reload.ReloadCoordinator;
import dev.wavecraft.devserver.reload.retire.GlobalRegistrations;
import dev.wavecraft.devserver.rpc.AsyncRpcMethod;
import dev.wavecraft.devserver.rpc.AudioMethods;
import dev.wavecraft.devserver.rpc.AudioNotifier;
import dev.wavecraft.devserver.rpc.ChainMethods;
import dev.wavecraft.devserver.rpc.CompareMethods;
import dev.wavecraft.devserver.rpc.CompareNotifier;
import dev.wavecraft.devserver.rpc.NoteMethods;
import dev.wavecraft.devserver.rpc.ParameterChangedNotifier;
import dev.wavecraft.devserver.rpc.ParameterMethods;
import dev.wavecraft.devserver.rpc.PresetMethods;
import dev.wavecraft.devserver.rpc.ReloadMethods;
import dev.wavecraft.devserver.rpc.ReloadNotifier;
import dev.wavecraft.devserver.rpc.RpcDispatcher;
import dev.wavecraft.devserver.rpc.SessionMethods;
import dev.wavecraft.devserver.rpc.SessionNotice;
import dev.wavecraft.devserver.rpc.SpectrumMethods;
import dev.wavecraft.devserver.session.SessionFile;
import dev.wavecraft.devserver.session.SessionRecorder;
import dev.wavecraft.devserver.session.SessionRestore;
import dev.wavecraft.protocol.classpath.ProjectClasspath;
import dev.wavecraft.protocol.options.AudioOptions;
import dev.wavecraft.protocol.options.DevServerOptions;
import dev.wavecraft.protocol.options.InputSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The dev server as a whole: the live generation of the processor, its parameter values, the
 * HTTP side for browsers and the control channel for the build tool.
 */
public final class DevServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(DevServer.class.getName());
    private static final int MAX_BATCH_LENGTH = 100;
    /** How long start waits for the first audio blocks, so clients connect to a settled status. */
    private static final Duration AUDIO_START_WAIT = Duration.ofSeconds(3);
    /** How long after a change the session is written: at most two writes a second. */
    private static final Duration SESSION_WRITE_DELAY = Duration.ofMillis(500);

    private final ProcessorLoader loader;
    private final GenerationManager generations;
    private final ReloadCoordinator reloads;
    private final DevHttpServer http;
    private final ControlServer control;
    private final AudioEngine audio;
    private final CompareController compare;
    private final Optional<SessionRecorder> session;

    private DevServer(ProcessorLoader loader, GenerationManager generations, ReloadCoordinator reloads,
            DevHttpServer http, ControlServer control, AudioEngine audio, CompareController compare,
            Optional<SessionRecorder> session) {
        this.loader = loader;
        this.generations = generations;
        this.reloads = reloads;
        this.http = http;
        this.control = control;
        this.audio = audio;
        this.compare = compare;
        this.session = session;
    }

    /**
     * @param controlSecret the secret the build tool must present on the control channel
     * @param stop what the build tool's stop message does
     */
    public static DevServer start(DevServerOptions options, String controlSecret, Runnable stop)
            throws IOException, ProcessorLoadException, PortInUseException {
        ProcessorLoader loader = new ProcessorLoader(options.processorClass(), options.processorTimeout());
        DevHttpServer http = null;
        AudioEngine audio = null;
        CompareController compare = null;
        Optional<SessionRecorder> session = Optional.empty();
        Consumer<String> warnings = warning -> LOG.log(System.Logger.Level.WARNING, warning);
        try {
            GlobalRegistrations globals = GlobalRegistrations.capture(warnings);
            // A server restarted after a crash numbers on from its predecessor, and keeps its history.
            HistoryFile historyFile = new HistoryFile(options.stateDirectory(), warnings);
            HistoryFile.Past past = historyFile.read();
            int firstNumber = past.firstGeneration();
            LoadedProcessor first = loader.load(ProjectClasspath.read(options.classpathFile()), firstNumber);
            ParameterHost parameters = new ParameterHost(first.layout());
            ClientRegistry clients = new ClientRegistry();
            ReloadNotifier notifier = new ReloadNotifier(clients);
            clients.greetWith(notifier::pendingFailure);
            parameters.addListener(new ParameterChangedNotifier(clients));
            Optional<SessionFile> sessionFile = options.workbench().sessionFile().map(SessionFile::new);
            Optional<SessionRestore.Restored> restored = options.workbench().restoreSession()
                    ? sessionFile.flatMap(file -> restore(file, parameters, options.audio().input()))
                    : Optional.empty();
            restored.ifPresent(back -> clients.greetWith(() -> Optional.of(SessionNotice.frame(back))));
            InputSpec input = restored.map(SessionRestore.Restored::input).orElse(options.audio().input());
            session = sessionFile.map(file -> new SessionRecorder(file, parameters, input, options.audio().input(),
                    SESSION_WRITE_DELAY, warnings));
            session.ifPresent(parameters::addListener);
            AudioEvents events = new AudioNotifier(clients);
            // The engine is built first, the reload side on it, and then the engine starts with the
            // reload side as what it calls when a generation keeps crashing.
            AudioEngine engine = buildAudio(options.audio(), input,
                    session.map(events::andThen).orElse(events), parameters);
            audio = engine;
            GenerationManager generations = new GenerationManager(loader, parameters,
                    new Generation(firstNumber, first, Instant.now()), warnings,
                    (number, next) -> engine.prepare(number, next.processor(), next.layout()), globals);
            ReloadCoordinator reloads = new ReloadCoordinator(generations, notifier, () -> audioCounters(engine),
                    historyFile, past.entries());
            startAudio(engine, firstNumber, first, reloads);
            CompareEvents compareEvents = new CompareNotifier(clients);
            compare = new CompareController(engine.compare(), new KeptGenerations(generations, loader),
                    session.map(compareEvents::andThen).orElse(compareEvents), warnings);
            restored.flatMap(SessionRestore.Restored::compare).ifPresent(compare::restore);
            Map<String, AsyncRpcMethod> methods = new HashMap<>();
            methods.putAll(new ParameterMethods(parameters).methods());
            methods.putAll(new SessionMethods().methods());
            methods.putAll(new ReloadMethods(reloads).methods());
            methods.putAll(new AudioMethods(engine).methods());
            methods.putAll(new CompareMethods(compare).methods());
            methods.putAll(new SpectrumMethods(engine).methods());
            methods.putAll(new ChainMethods(() -> ChainStages.of(generations.live().processor())).methods());
            NoteMethods notes = new NoteMethods(engine.notes());
            clients.whenLeft(notes::left);
            methods.putAll(notes.methods());
            methods.putAll(new PresetMethods(options.workbench().presetsDirectory().map(PresetStore::new), parameters,
                    () -> generations.live().processor().className(), Clock.systemUTC()).methods());
            http = DevHttpServer.start(options.http(), new RpcDispatcher(methods, MAX_BATCH_LENGTH), clients);
            ControlServer control = ControlServer.start(controlSecret, new ControlDispatcher(reloads, parameters, stop));
            return new DevServer(loader, generations, reloads, http, control, engine, compare, session);
        } catch (IOException | ProcessorLoadException | PortInUseException | RuntimeException e) {
            if (http != null) {
                http.close();
            }
            if (compare != null) {
                compare.close();
            }
            if (audio != null) {
                audio.close();
            }
            session.ifPresent(SessionRecorder::close);
            loader.close();
            throw e;
        }
    }

    /**
     * The last run's session, its values already set; nothing when there is none or it cannot be
     * read (then it is moved aside, so the first change does not overwrite what could be recovered).
     */
    private static Optional<SessionRestore.Restored> restore(SessionFile file, ParameterHost parameters,
            InputSpec configured) {
        try {
            Optional<SessionRestore.Restored> restored = SessionRestore.restore(file, parameters, configured);
            restored.ifPresent(back -> LOG.log(back.values().allFit() ? System.Logger.Level.INFO
                    : System.Logger.Level.WARNING, back.describe()));
            return restored;
        } catch (IOException e) {
            Path aside = file.path().resolveSibling(file.path().getFileName() + ".unreadable");
            try {
                Files.move(file.path(), aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                e.addSuppressed(moveFailed);
            }
            LOG.log(System.Logger.Level.WARNING, "Starting without the last session: " + e.getMessage()
                    + ". It was moved to " + aside + ".");
            return Optional.empty();
        }
    }

    private static AudioEngine buildAudio(AudioOptions options, InputSpec input, AudioEvents events,
            ParameterHost parameters) {
        return AudioEngine.builder(options.settings(), parameters)
                .input(input)
                .output(OutputOpener.of(options))
                .meterPushHz(options.meterPushHz())
                .events(events)
                .warnings(warning -> LOG.log(System.Logger.Level.WARNING, warning))
                .build();
    }

    /** Starts the audio engine on the first generation; a processor that keeps failing is rolled back. */
    private static void startAudio(AudioEngine engine, int number, LoadedProcessor first,
            ReloadCoordinator reloads) throws IOException {
        try {
            engine.start(number, first.processor(), first.layout(), (failing, lastGood, reason) -> reloads
                    .crashed(failing, lastGood < 0 ? Optional.empty() : Optional.of(lastGood), reason)
                    .map(swap -> new Rollback.Outcome(swap.generation().number(), true))
                    .orElseGet(() -> new Rollback.Outcome(reloads.status().generation(), false)));
        } catch (IOException e) {
            throw new IOException("The audio input " + engine.input().format() + " cannot be played: " + e
                    + ". Set wavecraft.input to a 16/24-bit PCM or 32-bit float WAV file, or to tone.", e);
        }
        try {
            if (!engine.awaitRunning(AUDIO_START_WAIT)) {
                LOG.log(System.Logger.Level.WARNING, "The audio engine is not running yet: " + engine.status());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the reload history records of the audio engine's counters. */
    private static Map<String, Number> audioCounters(AudioEngine engine) {
        AudioCounts counts = engine.counters();
        Map<String, Number> counters = new LinkedHashMap<>();
        counters.put("droppedBlocks", counts.droppedBlocks());
        counters.put("deadlineMisses", counts.deadlineMisses());
        counters.put("swapDeadlineMisses", counts.swapDeadlineMisses());
        counters.put("maxLatenessMs", counts.maxLatenessMs());
        counters.put("crossfades", counts.crossfades());
        return counters;
    }

    public String url() {
        return http.url();
    }

    public int port() {
        return http.port();
    }

    /** The token every HTTP request and WebSocket upgrade needs, when the server listens beyond loopback. */
    public Optional<String> accessToken() {
        return http.accessToken();
    }

    public int controlPort() {
        return control.port();
    }

    public Generation live() {
        return generations.live();
    }

    public AudioEngine audio() {
        return audio;
    }

    @Override
    public void close() throws IOException {
        try {
            control.close();
            http.close();
        } finally {
            reloads.close();
            compare.close();
            audio.close();
            session.ifPresent(SessionRecorder::close);
            loader.close();
        }
    }
}
