package dev.wavecraft.protocol.options;

import dev.wavecraft.protocol.options.AudioOptions;
import dev.wavecraft.protocol.options.HttpOptions;
import dev.wavecraft.protocol.options.InputSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The dev server's settings and their command-line form, written by the mojo and read by the dev
 * server's main class ({@link dev.wavecraft.protocol.launch.EntryPoints#DEV_SERVER}): one class, so
 * the two sides cannot drift.
 * Nothing secret goes here: command lines are visible to every user of the machine.
 */
public record DevServerOptions(
        Path classpathFile,
        Optional<String> processorClass,
        Duration processorTimeout,
        HttpOptions http,
        AudioOptions audio,
        Duration heartbeatTimeout,
        Optional<Path> stateDirectory,
        WorkbenchOptions workbench) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 9000;
    public static final int DEFAULT_MAX_FRAME_BYTES = 1 << 20;
    public static final Duration DEFAULT_PROCESSOR_TIMEOUT = Duration.ofSeconds(10);

    private static final String CLASSPATH_FILE = "--classpath-file";
    private static final String PROCESSOR = "--processor";
    private static final String PROCESSOR_TIMEOUT_MS = "--processor-timeout-ms";
    private static final String HOST = "--host";
    private static final String PORT = "--port";
    private static final String MAX_FRAME_BYTES = "--max-frame-bytes";
    private static final String ALLOWED_ORIGIN = "--allowed-origin";
    private static final String ALLOW_LOOPBACK_ORIGINS = "--allow-loopback-origins";
    private static final String UI_DIRECTORY = "--ui-directory";
    private static final String BLOCK_SIZE = "--block-size";
    private static final String INPUT = "--input";
    private static final String AUDIO_DEVICE = "--audio-device";
    private static final String METER_PUSH_HZ = "--meter-push-hz";
    private static final String HEARTBEAT_TIMEOUT_MS = "--heartbeat-timeout-ms";
    private static final String STATE_DIRECTORY = "--state-directory";
    private static final String SESSION_FILE = "--session-file";
    private static final String RESTORE_SESSION = "--restore-session";
    private static final String PRESETS_DIRECTORY = "--presets-directory";

    public DevServerOptions {
        if (processorTimeout.isNegative() || processorTimeout.isZero()) {
            throw new IllegalArgumentException("The processor timeout must be positive, not " + processorTimeout);
        }
        if (heartbeatTimeout.isNegative()) {
            throw new IllegalArgumentException("The heartbeat timeout must not be negative, not " + heartbeatTimeout);
        }
        if (http.port() < 0 || http.port() > 65535) {
            throw new IllegalArgumentException("The port must lie within [0, 65535], not " + http.port());
        }
    }

    public DevServerOptions(Path classpathFile) {
        this(classpathFile, Optional.empty(), DEFAULT_PROCESSOR_TIMEOUT,
                new HttpOptions(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_MAX_FRAME_BYTES, List.of()), AudioOptions.DEFAULTS,
                Duration.ZERO, Optional.empty(), WorkbenchOptions.NONE);
    }

    public DevServerOptions withProcessorClass(Optional<String> processorClass) {
        return new DevServerOptions(classpathFile, processorClass, processorTimeout, http, audio, heartbeatTimeout,
                stateDirectory, workbench);
    }

    public DevServerOptions withProcessorTimeout(Duration processorTimeout) {
        return new DevServerOptions(classpathFile, processorClass, processorTimeout, http, audio, heartbeatTimeout,
                stateDirectory, workbench);
    }

    public DevServerOptions withHttp(HttpOptions http) {
        return new DevServerOptions(classpathFile, processorClass, processorTimeout, http, audio, heartbeatTimeout,
                stateDirectory, workbench);
    }

    /**
     * @param heartbeatTimeout how long the server waits for its parent's next heartbeat byte on
     *     standard input before it ends itself; zero when the parent sends none
     */
    public DevServerOptions withHeartbeatTimeout(Duration heartbeatTimeout) {
        return new DevServerOptions(classpathFile, processorClass, processorTimeout, http, audio, heartbeatTimeout,
                stateDirectory, workbench);
    }

    public DevServerOptions withAudio(AudioOptions audio) {
        return new DevServerOptions(classpathFile, processorClass, processorTimeout, http, audio, heartbeatTimeout,
                stateDirectory, workbench);
    }

    /**
     * @param stateDirectory a directory of the run (its server's life and restarts), where the server
     *     keeps its reload history and last generation number for a successor restarted after a crash
     */
    public DevServerOptions withStateDirectory(Path stateDirectory) {
        return new DevServerOptions(classpathFile, processorClass, processorTimeout, http, audio, heartbeatTimeout,
                Optional.of(stateDirectory), workbench);
    }

    /** Where the session and the presets are kept. */
    public DevServerOptions withWorkbench(WorkbenchOptions workbench) {
        return new DevServerOptions(classpathFile, processorClass, processorTimeout, http, audio, heartbeatTimeout,
                stateDirectory, workbench);
    }

    public List<String> toArguments() {
        List<String> arguments = new ArrayList<>(List.of(
                CLASSPATH_FILE, classpathFile.toString(),
                PROCESSOR_TIMEOUT_MS, Long.toString(processorTimeout.toMillis()),
                HOST, http.host(),
                PORT, Integer.toString(http.port()),
                MAX_FRAME_BYTES, Integer.toString(http.maxFrameBytes()),
                ALLOW_LOOPBACK_ORIGINS, Boolean.toString(http.allowLoopbackOrigins()),
                BLOCK_SIZE, Integer.toString(audio.blockSize()),
                INPUT, audio.input().format(),
                AUDIO_DEVICE, Boolean.toString(audio.outputDevice()),
                METER_PUSH_HZ, Integer.toString(audio.meterPushHz()),
                HEARTBEAT_TIMEOUT_MS, Long.toString(heartbeatTimeout.toMillis())));
        processorClass.ifPresent(name -> arguments.addAll(List.of(PROCESSOR, name)));
        http.allowedOrigins().forEach(origin -> arguments.addAll(List.of(ALLOWED_ORIGIN, origin)));
        http.uiDirectory().ifPresent(directory -> arguments.addAll(List.of(UI_DIRECTORY, directory.toString())));
        stateDirectory.ifPresent(directory -> arguments.addAll(List.of(STATE_DIRECTORY, directory.toString())));
        workbench.sessionFile().ifPresent(file -> arguments.addAll(List.of(SESSION_FILE, file.toString(),
                RESTORE_SESSION, Boolean.toString(workbench.restoreSession()))));
        workbench.presetsDirectory()
                .ifPresent(directory -> arguments.addAll(List.of(PRESETS_DIRECTORY, directory.toString())));
        return arguments;
    }

    /** @throws IllegalArgumentException naming the argument that is missing or malformed */
    public static DevServerOptions parse(List<String> arguments) {
        Path classpathFile = null;
        String processor = null;
        long timeoutMs = DEFAULT_PROCESSOR_TIMEOUT.toMillis();
        String host = DEFAULT_HOST;
        int port = DEFAULT_PORT;
        int maxFrameBytes = DEFAULT_MAX_FRAME_BYTES;
        List<String> origins = new ArrayList<>();
        boolean loopbackOrigins = true;
        Path uiDirectory = null;
        AudioOptions audio = AudioOptions.DEFAULTS;
        long heartbeatTimeoutMs = 0;
        Path stateDirectory = null;
        Path sessionFile = null;
        boolean restoreSession = false;
        Path presetsDirectory = null;
        Iterator<String> it = arguments.iterator();
        while (it.hasNext()) {
            String name = it.next();
            if (!it.hasNext()) {
                throw new IllegalArgumentException("Argument " + name + " needs a value");
            }
            String value = it.next();
            switch (name) {
                case CLASSPATH_FILE -> classpathFile = Path.of(value);
                case PROCESSOR -> processor = value;
                case PROCESSOR_TIMEOUT_MS -> timeoutMs = OptionArguments.wholeNumber(name, value);
                case HOST -> host = value;
                case PORT -> port = (int) OptionArguments.wholeNumber(name, value);
                case MAX_FRAME_BYTES -> maxFrameBytes = (int) OptionArguments.wholeNumber(name, value);
                case ALLOWED_ORIGIN -> origins.add(value);
                case ALLOW_LOOPBACK_ORIGINS -> loopbackOrigins = OptionArguments.bool(name, value);
                case UI_DIRECTORY -> uiDirectory = Path.of(value);
                case BLOCK_SIZE -> audio = new AudioOptions((int) OptionArguments.wholeNumber(name, value), audio.input(),
                        audio.outputDevice(), audio.meterPushHz());
                case INPUT -> audio = new AudioOptions(audio.blockSize(), InputSpec.parse(value),
                        audio.outputDevice(), audio.meterPushHz());
                case AUDIO_DEVICE -> audio = new AudioOptions(audio.blockSize(), audio.input(),
                        OptionArguments.bool(name, value), audio.meterPushHz());
                case METER_PUSH_HZ -> audio = new AudioOptions(audio.blockSize(), audio.input(),
                        audio.outputDevice(), (int) OptionArguments.wholeNumber(name, value));
                case HEARTBEAT_TIMEOUT_MS -> heartbeatTimeoutMs = OptionArguments.wholeNumber(name, value);
                case STATE_DIRECTORY -> stateDirectory = Path.of(value);
                case SESSION_FILE -> sessionFile = Path.of(value);
                case RESTORE_SESSION -> restoreSession = OptionArguments.bool(name, value);
                case PRESETS_DIRECTORY -> presetsDirectory = Path.of(value);
                default -> throw new IllegalArgumentException("Unknown argument " + name);
            }
        }
        if (classpathFile == null) {
            throw new IllegalArgumentException("Argument " + CLASSPATH_FILE + " is required");
        }
        return new DevServerOptions(classpathFile, Optional.ofNullable(processor), Duration.ofMillis(timeoutMs),
                new HttpOptions(host, port, maxFrameBytes, origins, loopbackOrigins, Optional.ofNullable(uiDirectory)),
                audio, Duration.ofMillis(heartbeatTimeoutMs), Optional.ofNullable(stateDirectory),
                new WorkbenchOptions(Optional.ofNullable(sessionFile), restoreSession,
                        Optional.ofNullable(presetsDirectory)));
    }
}
