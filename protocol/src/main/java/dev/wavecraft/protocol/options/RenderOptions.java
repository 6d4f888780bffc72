package dev.wavecraft.protocol.options;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * One offline render and its command-line form, written by the render mojo and read by the
 * runtime's render main class ({@link dev.wavecraft.protocol.launch.EntryPoints#RENDER}): which
 * processor, what goes in (a WAV file, or {@code seconds} of a generated input at 48 kHz), with
 * which parameter values, and where it goes. Checked when made, so the mojo refuses a bad setting
 * before it forks anything.
 *
 * @param processorTimeout how long creating the processor may take, and how long one call of its
 *     {@code prepare}, {@code reset} or {@code process} may take
 * @param seconds the length of a generated input; unused for a WAV input
 * @param pomParameters the POM's {@code <params>} as {@code id=value}, in the POM's order
 * @param parameterList {@code wavecraft.params} as the user wrote it ({@code gain=-6,curve=1}),
 *     applied after the POM's; the runtime reads it, so its messages can say where a value came from
 * @param reference the golden file the render must match, if any
 * @param preset a saved preset whose values apply first, before the POM's and {@code parameterList}
 * @param midi a Standard MIDI File whose notes are played into the processor; with a generated
 *     input, {@code seconds} may then be 0, meaning as long as the file plus {@link #MIDI_TAIL_SECONDS}
 */
public record RenderOptions(
        Path classpathFile,
        Optional<String> processorClass,
        Duration processorTimeout,
        InputSpec input,
        double seconds,
        Path output,
        SampleFormat format,
        int blockSize,
        List<String> pomParameters,
        String parameterList,
        Optional<GoldenReference> reference,
        Optional<PresetChoice> preset,
        Optional<Path> midi) {

    /** The longest generated input: an hour. */
    public static final double MAX_SECONDS = 3600;

    /** How long a render driven by a MIDI file goes on after the file's last event, for the notes' release. */
    public static final double MIDI_TAIL_SECONDS = 1;

    private static final String CLASSPATH_FILE = "--classpath-file";
    private static final String PROCESSOR = "--processor";
    private static final String PROCESSOR_TIMEOUT_MS = "--processor-timeout-ms";
    private static final String INPUT = "--input";
    private static final String SECONDS = "--seconds";
    private static final String OUTPUT = "--output";
    private static final String FORMAT = "--format";
    private static final String BLOCK_SIZE = "--block-size";
    private static final String POM_PARAMETER = "--pom-param";
    private static final String PARAMETER_LIST = "--params";
    private static final String REFERENCE = "--reference";
    private static final String TOLERANCE_DB = "--tolerance-db";
    private static final String UPDATE_REFERENCE = "--update-reference";
    private static final String PRESETS_DIRECTORY = "--presets-directory";
    private static final String PRESET = "--preset";
    private static final String MIDI = "--midi";

    /** @throws IllegalArgumentException saying which setting is wrong and what it takes */
    public RenderOptions {
        if (processorTimeout.isNegative() || processorTimeout.isZero()) {
            throw new IllegalArgumentException("The processor timeout must be positive, not " + processorTimeout);
        }
        AudioSettings.ofBlockSize(blockSize);
        midi = midi == null ? Optional.empty() : midi;
        boolean lastsAsTheMidiFile = midi.isPresent() && seconds == 0;
        if (input.kind() != InputSpec.Kind.WAV && !lastsAsTheMidiFile && !(seconds > 0 && seconds <= MAX_SECONDS)) {
            throw new IllegalArgumentException("The duration must be a number of seconds above 0 and at most "
                    + (int) MAX_SECONDS + ", not " + seconds);
        }
        for (String parameter : pomParameters) {
            if (parameter.indexOf('=') <= 0) {
                throw new IllegalArgumentException("A parameter from the POM must be id=value, not '" + parameter
                        + "'");
            }
        }
        pomParameters = List.copyOf(pomParameters);
        parameterList = parameterList == null ? "" : parameterList;
        reference = reference == null ? Optional.empty() : reference;
        preset = preset == null ? Optional.empty() : preset;
    }

    /** A render without a preset. */
    public RenderOptions(Path classpathFile, Optional<String> processorClass, Duration processorTimeout,
            InputSpec input, double seconds, Path output, SampleFormat format, int blockSize,
            List<String> pomParameters, String parameterList, Optional<GoldenReference> reference) {
        this(classpathFile, processorClass, processorTimeout, input, seconds, output, format, blockSize, pomParameters,
                parameterList, reference, Optional.empty(), Optional.empty());
    }

    /** A render without a MIDI file. */
    public RenderOptions(Path classpathFile, Optional<String> processorClass, Duration processorTimeout,
            InputSpec input, double seconds, Path output, SampleFormat format, int blockSize,
            List<String> pomParameters, String parameterList, Optional<GoldenReference> reference,
            Optional<PresetChoice> preset) {
        this(classpathFile, processorClass, processorTimeout, input, seconds, output, format, blockSize, pomParameters,
                parameterList, reference, preset, Optional.empty());
    }

    /** Whether the render lasts as long as its MIDI file rather than a number of seconds. */
    public boolean lastsAsTheMidiFile() {
        return midi.isPresent() && seconds == 0 && input.kind() != InputSpec.Kind.WAV;
    }

    public List<String> toArguments() {
        List<String> arguments = new ArrayList<>(List.of(
                CLASSPATH_FILE, classpathFile.toString(),
                PROCESSOR_TIMEOUT_MS, Long.toString(processorTimeout.toMillis()),
                INPUT, input.format(),
                SECONDS, Double.toString(seconds),
                OUTPUT, output.toString(),
                FORMAT, format.displayName(),
                BLOCK_SIZE, Integer.toString(blockSize)));
        processorClass.ifPresent(name -> arguments.addAll(List.of(PROCESSOR, name)));
        pomParameters.forEach(parameter -> arguments.addAll(List.of(POM_PARAMETER, parameter)));
        if (!parameterList.isBlank()) {
            arguments.addAll(List.of(PARAMETER_LIST, parameterList));
        }
        reference.ifPresent(golden -> arguments.addAll(List.of(REFERENCE, golden.file().toString(), TOLERANCE_DB,
                Double.toString(golden.toleranceDb()), UPDATE_REFERENCE, Boolean.toString(golden.update()))));
        preset.ifPresent(chosen -> arguments.addAll(List.of(PRESETS_DIRECTORY, chosen.directory().toString(), PRESET,
                chosen.name())));
        midi.ifPresent(file -> arguments.addAll(List.of(MIDI, file.toString())));
        return arguments;
    }

    /** @throws IllegalArgumentException naming the argument that is missing or malformed */
    public static RenderOptions parse(List<String> arguments) {
        Path classpathFile = null;
        String processor = null;
        long timeoutMs = DevServerOptions.DEFAULT_PROCESSOR_TIMEOUT.toMillis();
        InputSpec input = InputSpec.defaultTone();
        double seconds = 0;
        Path output = null;
        SampleFormat format = SampleFormat.PCM24;
        int blockSize = AudioSettings.DEFAULT_BLOCK_SIZE;
        List<String> pomParameters = new ArrayList<>();
        String parameterList = "";
        Path reference = null;
        double toleranceDb = GoldenReference.DEFAULT_TOLERANCE_DB;
        boolean updateReference = false;
        Path presetsDirectory = null;
        String preset = null;
        Path midi = null;
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
                case INPUT -> input = InputSpec.parse(value);
                case SECONDS -> seconds = OptionArguments.number(name, value);
                case OUTPUT -> output = Path.of(value);
                case FORMAT -> format = SampleFormat.named(value);
                case BLOCK_SIZE -> blockSize = (int) OptionArguments.wholeNumber(name, value);
                case POM_PARAMETER -> pomParameters.add(value);
                case PARAMETER_LIST -> parameterList = value;
                case REFERENCE -> reference = Path.of(value);
                case TOLERANCE_DB -> toleranceDb = OptionArguments.number(name, value);
                case UPDATE_REFERENCE -> updateReference = OptionArguments.bool(name, value);
                case PRESETS_DIRECTORY -> presetsDirectory = Path.of(value);
                case PRESET -> preset = value;
                case MIDI -> midi = Path.of(value);
                default -> throw new IllegalArgumentException("Unknown argument " + name);
            }
        }
        if (classpathFile == null || output == null) {
            throw new IllegalArgumentException("Arguments " + CLASSPATH_FILE + " and " + OUTPUT + " are required");
        }
        Optional<GoldenReference> golden = reference == null ? Optional.empty()
                : Optional.of(new GoldenReference(reference, toleranceDb, updateReference));
        if ((preset == null) != (presetsDirectory == null)) {
            throw new IllegalArgumentException("Arguments " + PRESET + " and " + PRESETS_DIRECTORY + " go together");
        }
        Optional<PresetChoice> chosen = preset == null ? Optional.empty()
                : Optional.of(new PresetChoice(presetsDirectory, preset));
        return new RenderOptions(classpathFile, Optional.ofNullable(processor), Duration.ofMillis(timeoutMs), input,
                seconds, output, format, blockSize, pomParameters, parameterList, golden, chosen, Optional.ofNullable(midi));
    }
}
