package dev.wavecraft.maven;

import dev.wavecraft.maven.classpath.ProjectClasspathResolver;
import dev.wavecraft.maven.render.RenderLauncher;
import dev.wavecraft.protocol.failure.FailureText;
import dev.wavecraft.protocol.options.GoldenReference;
import dev.wavecraft.protocol.options.InputSpec;
import dev.wavecraft.protocol.options.PresetChoice;
import dev.wavecraft.protocol.options.RenderOptions;
import dev.wavecraft.protocol.options.SampleFormat;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.toolchain.ToolchainManager;
import org.eclipse.aether.RepositorySystem;

/**
 * Renders the project's processor offline into a WAV file, for listening and for golden-file
 * tests in CI: a WAV input (or a generated test tone) through the processor with the given
 * parameter values, block by block as the dev server runs it, with a MIDI file's notes for an
 * instrument. With a {@code reference}, the
 * render is checked against that golden file and the build fails when they differ by more than
 * {@code tolerance}.
 *
 * <p>The render runs in a forked JVM, like {@code run}'s dev server: the {@code jdk} toolchain's
 * {@code java} when the build selects one (so a processor compiled for a newer Java than Maven's
 * renders), with {@code jvmArguments}. The audio streams to the file block by block, so neither
 * JVM holds the render in memory; the file appears only once the render succeeded. A
 * {@code process()} call (or {@code prepare()} or {@code reset()}) that takes longer than
 * {@code processorTimeout} stops the render with the line of the processor's code it is stuck at.
 */
@Mojo(name = "render", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public class RenderMojo extends AbstractForkingMojo {

    private static final double DEFAULT_SECONDS = 2;

    /**
     * What to render: a WAV file (16- or 24-bit PCM or 32-bit float, mono or stereo; relative to the
     * project), or a generated input of {@code duration} seconds at 48 kHz: {@code tone},
     * {@code tone:<Hz>:<level>}, {@code whiteNoise:<level>}, {@code pinkNoise:<level>}, {@code silence}.
     * Default: {@code tone}, or {@code silence} when a {@code midi} file plays an instrument.
     */
    @Parameter(property = "wavecraft.input")
    private String input;

    /**
     * Seconds of audio to render when the input is generated rather than a WAV file; at most 3600.
     * Default: 2, or as long as the {@code midi} file plus one second for the last notes' release.
     */
    @Parameter(property = "wavecraft.duration")
    private Double duration;

    /**
     * A Standard MIDI File (.mid, relative to the project) whose notes, pitch bends and controllers
     * are played into the processor, each on its exact sample, e.g. {@code src/test/wavecraft/melody.mid}:
     * how an instrument is rendered. Default: none.
     */
    @Parameter(property = "wavecraft.midi")
    private File midi;

    /** The WAV file to write (stereo, at the input's sample rate); replaced only once the render succeeded. */
    @Parameter(property = "wavecraft.output", defaultValue = "${project.build.directory}/wavecraft/render.wav")
    private File output;

    /** The output's sample format: {@code pcm16}, {@code pcm24} or {@code float32}. */
    @Parameter(property = "wavecraft.format", defaultValue = "pcm24")
    private String format;

    /**
     * Parameter values by id, e.g. {@code <params><gain>-6</gain><curve>Soft clip</curve></params>}.
     * A bool takes true or false, an enum a variant's name or index. Set in the POM only (a map has no
     * user property); {@code wavecraft.params} adds to and overrides these. Default: none.
     */
    @Parameter
    private Map<String, String> params;

    /** Parameter values as {@code id=value} pairs separated by commas, e.g. {@code gain=-6,curve=1}; override {@code params}. */
    @Parameter(property = "wavecraft.params", defaultValue = "")
    private String paramList;

    /**
     * A preset saved from the dashboard (its name, without {@code .json}), kept in
     * {@code presetsDirectory}: its values are set first, then {@code params}, then
     * {@code wavecraft.params}. Default: none.
     */
    @Parameter(property = "wavecraft.preset")
    private String preset;

    /** Frames per block handed to {@code process}, as in the dev server. */
    @Parameter(property = "wavecraft.blockSize", defaultValue = "512")
    private int blockSize;

    /**
     * A golden WAV file the render must match (relative to the project), e.g.
     * {@code src/test/wavecraft/golden.wav}: the build fails when the peak of the difference is above
     * {@code tolerance}, naming the first moment over it, and the difference is written beside the
     * output ({@code render-diff.wav}) for listening. Default: none.
     */
    @Parameter(property = "wavecraft.reference")
    private File reference;

    /** The largest peak of the difference from {@code reference} that still matches, in dBFS. */
    @Parameter(property = "wavecraft.tolerance", defaultValue = "-90")
    private double tolerance;

    /** Makes this render the {@code reference} on purpose, creating or replacing the file, instead of checking it. */
    @Parameter(property = "wavecraft.updateReference", defaultValue = "false")
    private boolean updateReference;

    @Inject
    public RenderMojo(ToolchainManager toolchains, RepositorySystem repositorySystem) {
        super(toolchains, repositorySystem);
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped("render")) {
            return;
        }
        RenderOptions options = options();
        getLog().debug("Rendering with " + options);
        getLog().info(new RenderLauncher(getLog(), session().getRequest().isShowErrors())
                .render(jvm(workDirectory().renderArgFile()),
                        ProjectClasspathResolver.resolve(project(), session().getProjects()), options)
                .message());
    }

    /** Checked here, before anything is forked. */
    private RenderOptions options() throws MojoFailureException {
        try {
            Optional<Path> midiFile = Optional.ofNullable(midi).map(file -> file.toPath().toAbsolutePath());
            String inputSpec = input != null && !input.isBlank() ? input : midiFile.isPresent() ? "silence" : "tone";
            double seconds = duration != null ? duration : midiFile.isPresent() ? 0 : DEFAULT_SECONDS;
            return new RenderOptions(workDirectory().renderClasspathFile(), processorClass(), processorTimeout(),
                    InputSpec.parse(inputSpec).resolvedAgainst(project().getBasedir().toPath()), seconds,
                    output.toPath().toAbsolutePath(), SampleFormat.named(format), blockSize, pomParameters(),
                    paramList, Optional.ofNullable(reference).map(file -> new GoldenReference(
                            file.toPath().toAbsolutePath(), tolerance, updateReference)),
                    Optional.ofNullable(preset).filter(name -> !name.isBlank())
                            .map(name -> new PresetChoice(presetsDirectory(), name.trim())),
                    midiFile);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("Invalid render setting: " + FailureText.of(e) + ". See wavecraft.input,"
                    + " wavecraft.duration, wavecraft.midi, wavecraft.format, wavecraft.blockSize, wavecraft.processorTimeout,"
                    + " wavecraft.tolerance and wavecraft.preset.");
        }
    }

    /** The POM's {@code <params>} as {@code id=value}; the renderer checks them against the processor. */
    private List<String> pomParameters() {
        if (params == null) {
            return List.of();
        }
        return params.entrySet().stream()
                .map(entry -> entry.getKey().trim() + "=" + (entry.getValue() == null ? "" : entry.getValue()))
                .toList();
    }
}
