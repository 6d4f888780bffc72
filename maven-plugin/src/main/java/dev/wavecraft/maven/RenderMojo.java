package dev.wavecraft.maven;

import dev.wavecraft.maven.classpath.ProjectClasspathResolver;
import dev.wavecraft.maven.render.ParameterAssignments;
import dev.wavecraft.maven.render.RenderException;
import dev.wavecraft.maven.render.RenderRequest;
import dev.wavecraft.maven.render.Renderer;
import dev.wavecraft.protocol.options.AudioSettings;
import dev.wavecraft.protocol.options.InputSpec;
import dev.wavecraft.protocol.options.SampleFormat;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Renders the project's processor offline into a WAV file, for listening and for golden-file
 * tests in CI: a WAV input (or a generated test tone) through the processor with the given
 * parameter values, block by block as the dev server runs it.
 */
@Mojo(name = "render", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public class RenderMojo extends AbstractMojo {

    /**
     * What to render: a WAV file (16- or 24-bit PCM or 32-bit float, mono or stereo; relative to the
     * project), or a generated input of {@code duration} seconds at 48 kHz: {@code tone},
     * {@code tone:<Hz>:<level>}, {@code whiteNoise:<level>}, {@code pinkNoise:<level>}, {@code silence}.
     */
    @Parameter(property = "wavecraft.input", defaultValue = "tone")
    private String input;

    /** Seconds of audio to render when the input is generated rather than a WAV file. */
    @Parameter(property = "wavecraft.duration", defaultValue = "2")
    private double duration;

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

    /** Frames per block handed to {@code process}, as in the dev server. */
    @Parameter(property = "wavecraft.blockSize", defaultValue = "512")
    private int blockSize;

    /** The processor class to render; needed only when several are listed in META-INF/services. */
    @Parameter(property = "wavecraft.processor", defaultValue = "")
    private String processor;

    /** Seconds the processor's static initialiser, constructor and parameters() may take together. */
    @Parameter(property = "wavecraft.processorTimeout", defaultValue = "10")
    private int processorTimeout;

    /** Skips the goal. */
    @Parameter(property = "wavecraft.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping wavecraft:render (wavecraft.skip is true)");
            return;
        }
        RenderRequest request = request();
        try {
            Renderer.Result result = Renderer.render(request);
            getLog().info(String.format(Locale.ROOT, "Rendered %.3f s of %s through %s to %s (%s, %d Hz, stereo,"
                    + " peak %.1f dBFS)", result.audio().seconds(), describe(request.input()), result.processor(),
                    request.output(), request.format().displayName(), result.audio().sampleRate(),
                    20 * Math.log10(Math.max(result.peak(), 1e-9))));
        } catch (RenderException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    private RenderRequest request() throws MojoFailureException {
        try {
            InputSpec spec = InputSpec.parse(input).resolvedAgainst(project.getBasedir().toPath());
            AudioSettings.ofBlockSize(blockSize);
            return new RenderRequest(ProjectClasspathResolver.resolve(project, session.getProjects()),
                    Optional.ofNullable(processor).filter(name -> !name.isBlank()),
                    Duration.ofSeconds(processorTimeout), spec, duration,
                    ParameterAssignments.of(params, paramList), output.toPath(), SampleFormat.named(format), blockSize);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("Invalid render setting: " + e.getMessage() + ". See wavecraft.input,"
                    + " wavecraft.format and wavecraft.blockSize.");
        } catch (RenderException e) {
            throw new MojoFailureException(e.getMessage());
        }
    }

    private static String describe(InputSpec input) {
        Path path = input.path();
        return path != null ? path.toString() : input.format();
    }
}
