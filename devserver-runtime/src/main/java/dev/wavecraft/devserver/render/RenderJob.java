package dev.wavecraft.devserver.render;

import dev.wavecraft.api.ParameterValues;
import dev.wavecraft.devserver.audio.wav.WavWriter;
import dev.wavecraft.devserver.params.ParameterState;
import dev.wavecraft.devserver.presets.Preset;
import dev.wavecraft.devserver.presets.PresetNotFoundException;
import dev.wavecraft.devserver.presets.PresetStore;
import dev.wavecraft.devserver.processor.CallWatch;
import dev.wavecraft.devserver.processor.LoadedProcessor;
import dev.wavecraft.devserver.processor.ProcessorLoadException;
import dev.wavecraft.devserver.processor.ProcessorLoader;
import dev.wavecraft.protocol.classpath.ProjectClasspath;
import dev.wavecraft.protocol.failure.FailureText;
import dev.wavecraft.protocol.options.AudioSettings;
import dev.wavecraft.protocol.options.PresetChoice;
import dev.wavecraft.protocol.options.RenderOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One render from its options to the file: loads the processor the way the dev server does, sets
 * the parameters, and runs it over the input on its own thread ({@code wavecraft-render}) while
 * this thread watches every call into it. The file appears complete or not at all.
 */
final class RenderJob {

    private static final Duration WATCH_EVERY = Duration.ofMillis(50);

    private final RenderOptions options;
    private final CallWatch watch = new CallWatch();
    private final AtomicReference<WavWriter> output = new AtomicReference<>();

    RenderJob(RenderOptions options) {
        this.options = options;
    }

    /**
     * What was rendered, by which processor, from what, and its peak level.
     *
     * @param preset which preset's values were set first and what became of them, if one was chosen
     * @param midi what the MIDI file played, if one was given
     */
    record Rendered(String processor, RenderInput input, float peak, Optional<String> preset, Optional<String> midi) {
    }

    /**
     * @throws RenderException for anything the user can fix, the message saying what to do
     * @throws ProcessorLoadException when the processor cannot be found or created
     * @throws StuckCall when a call into the processor outlived the processor timeout; its thread
     *     still runs and cannot be stopped, so the JVM must be halted
     */
    Rendered run() throws RenderException, ProcessorLoadException, StuckCall {
        ParameterAssignments assignments = ParameterAssignments.of(options.pomParameters(), options.parameterList());
        try (ProcessorLoader loader = new ProcessorLoader(options.processorClass(), options.processorTimeout())) {
            LoadedProcessor loaded = loader.load(ProjectClasspath.read(options.classpathFile()), 1);
            ParameterState start = ParameterState.defaults(loaded.layout());
            Optional<String> presetNote = Optional.empty();
            if (options.preset().isPresent()) {
                PresetChoice chosen = options.preset().get();
                ParameterState.Fitted fitted = start.fitted(preset(chosen).values());
                start = fitted.state();
                presetNote = Optional.of("Preset '" + chosen.name() + "': " + fitted.report().describe());
            }
            ParameterValues values = assignments.apply(start, loaded.className());
            Optional<MidiScore> score = options.midi().isPresent()
                    ? Optional.of(MidiScore.read(options.midi().get())) : Optional.empty();
            RenderInput input = RenderInput.of(options.input(), seconds(score));
            MidiPlayback midi = score.map(notes -> notes.at(input.sampleRate())).orElse(MidiPlayback.none());
            float peak = render(loaded, values, input, midi);
            return new Rendered(loaded.className(), input, peak, presetNote, score.map(MidiScore::describe));
        } catch (IOException e) {
            throw new RenderException("Could not read the project's classes: " + FailureText.of(e), e);
        } finally {
            abandon();
        }
    }

    /** How long a generated input lasts: as set, or as long as the MIDI file plus its release tail. */
    private double seconds(Optional<MidiScore> score) throws RenderException {
        if (!options.lastsAsTheMidiFile()) {
            return options.seconds();
        }
        double seconds = score.orElseThrow().seconds() + RenderOptions.MIDI_TAIL_SECONDS;
        if (seconds > RenderOptions.MAX_SECONDS) {
            throw new RenderException(String.format(java.util.Locale.ROOT, "The MIDI file %s lasts %.0f s; a render"
                    + " lasts at most %.0f s. Set wavecraft.duration to render its beginning.", options.midi().get(),
                    score.get().seconds(), RenderOptions.MAX_SECONDS));
        }
        return seconds;
    }

    /** The chosen preset, read as the dev server reads it. */
    private static Preset preset(PresetChoice chosen) throws RenderException {
        try {
            return new PresetStore(chosen.directory()).load(chosen.name());
        } catch (PresetNotFoundException e) {
            throw new RenderException(FailureText.of(e) + ". Save it from the dashboard of wavecraft:run, or set"
                    + " wavecraft.preset to one of those.", e);
        } catch (IOException e) {
            throw new RenderException(FailureText.of(e), e);
        }
    }

    /** Deletes the unfinished file, if any; from any thread, e.g. when Maven goes away mid-render. */
    void abandon() {
        WavWriter writer = output.getAndSet(null);
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                System.err.println("Could not delete the unfinished " + options.output() + ": " + e);
            }
        }
    }

    private float render(LoadedProcessor loaded, ParameterValues values, RenderInput input, MidiPlayback midi)
            throws RenderException, StuckCall {
        WavWriter writer = create(input);
        BlockRenderer renderer = new BlockRenderer(loaded.processor(), values, options.blockSize(), watch);
        CompletableFuture<Float> peak = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                peak.complete(renderer.render(input, midi, writer));
            } catch (Throwable e) {
                peak.completeExceptionally(e);
            }
        }, "wavecraft-render");
        thread.setContextClassLoader(loaded.loader());
        thread.setDaemon(true);
        thread.start();
        float result = await(peak, thread, loaded.className(), input);
        try {
            writer.finish();
        } catch (IOException e) {
            throw cannotWrite(e);
        }
        return result;
    }

    private WavWriter create(RenderInput input) throws RenderException {
        try {
            WavWriter writer = WavWriter.create(options.output(), input.sampleRate(), AudioSettings.CHANNELS,
                    options.format());
            output.set(writer);
            return writer;
        } catch (IOException e) {
            throw cannotWrite(e);
        }
    }

    /** Waits for the render thread, checking every {@link #WATCH_EVERY} that no call into the processor hangs. */
    private float await(CompletableFuture<Float> peak, Thread thread, String processor, RenderInput input)
            throws RenderException, StuckCall {
        while (true) {
            try {
                return peak.get(WATCH_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillRunning) {
                Optional<CallWatch.Call> overdue = watch.overdue(options.processorTimeout());
                if (overdue.isPresent()) {
                    throw new StuckCall(processor, overdue.get(), thread.getStackTrace(), options, input.sampleRate());
                }
            } catch (ExecutionException e) {
                throw failure(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RenderException("Interrupted while rendering", e);
            }
        }
    }

    private RenderException failure(Throwable cause) {
        if (cause instanceof RenderException failed) {
            return new RenderException(failed.getMessage() + ". Nothing was written to " + options.output() + ".",
                    failed.getCause());
        }
        if (cause instanceof IOException io) {
            return cannotWrite(io);
        }
        return new RenderException("The render failed: " + cause, cause);
    }

    private RenderException cannotWrite(IOException e) {
        return new RenderException("Cannot write " + options.output() + ": " + e
                + ". Check that its folder is writable, or choose another file with wavecraft.output.", e);
    }
}
