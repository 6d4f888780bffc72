package dev.wavecraft.maven.render;

import dev.wavecraft.protocol.classpath.ProjectClasspath;
import dev.wavecraft.protocol.options.InputSpec;
import dev.wavecraft.protocol.options.SampleFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * One offline render: which processor, what goes in (a WAV file, or a generated input of
 * {@code seconds} at 48 kHz), with which parameter values, and where it goes.
 */
public record RenderRequest(
        ProjectClasspath classpath,
        Optional<String> processorClass,
        Duration processorTimeout,
        InputSpec input,
        double seconds,
        ParameterAssignments parameters,
        Path output,
        SampleFormat format,
        int blockSize) {
}
