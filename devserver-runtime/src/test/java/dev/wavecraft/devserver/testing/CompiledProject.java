package dev.wavecraft.devserver.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wavecraft.api.Processor;
import dev.wavecraft.protocol.classpath.ProjectClasspath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A user project compiled for real with javac against the api, as Maven would: its classes and
 * resources in {@code target/classes}, and the classpath file the mojo would write.
 */
public final class CompiledProject {

    public static final String SERVICE_FILE = "META-INF/services/dev.wavecraft.api.Processor";

    private final Path root;

    private CompiledProject(Path root) {
        this.root = root;
    }

    /** The example users run first, compiled from its real sources under {@code examples/gain}. */
    public static CompiledProject example(Path workDirectory) {
        Path example = Path.of(System.getProperty("wavecraft.example.dir", "../examples/gain"));
        return copyAndCompile(example.resolve("src/main/java"), example.resolve("src/main/resources"), workDirectory,
                List.of());
    }

    /** One of the examples, such as {@code synth}, compiled from its real sources under {@code examples/<name>}. */
    public static CompiledProject example(Path workDirectory, String exampleName) {
        Path example = Path.of(System.getProperty("wavecraft.examples.dir", "../examples")).resolve(exampleName);
        return copyAndCompile(example.resolve("src/main/java"), example.resolve("src/main/resources"), workDirectory,
                List.of());
    }

    /** A project of the given sources (class name to source text) and resources (path to text). */
    public static CompiledProject of(Path workDirectory, Map<String, String> sources, Map<String, String> resources) {
        return of(workDirectory, sources, resources, List.of());
    }

    /**
     * A module of the given sources compiled against the api and {@code classpath}, e.g. the
     * classes directories of other modules of the same build.
     */
    public static CompiledProject of(Path workDirectory, Map<String, String> sources, Map<String, String> resources,
            List<Path> classpath) {
        try {
            Path sourceRoot = workDirectory.resolve("src/main/java");
            Path resourceRoot = workDirectory.resolve("src/main/resources");
            for (Map.Entry<String, String> source : sources.entrySet()) {
                write(sourceRoot.resolve(source.getKey().replace('.', '/') + ".java"), source.getValue());
            }
            for (Map.Entry<String, String> resource : resources.entrySet()) {
                write(resourceRoot.resolve(resource.getKey()), resource.getValue());
            }
            return copyAndCompile(sourceRoot, resourceRoot, workDirectory, classpath);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A project with one processor class listed in the service file. */
    public static CompiledProject withProcessor(Path workDirectory, String className, String source) {
        return of(workDirectory, Map.of(className, source), Map.of(SERVICE_FILE, className + "\n"));
    }

    public Path classes() {
        return root.resolve("target/classes");
    }

    public ProjectClasspath classpath() {
        return ProjectClasspath.of(classes(), List.of());
    }

    /** Writes the classpath file the dev server reads, as the mojo does. */
    public Path classpathFile() {
        Path file = root.resolve("target/wavecraft/project.classpath");
        try {
            classpath().write(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static CompiledProject copyAndCompile(Path sourceRoot, Path resourceRoot, Path workDirectory,
            List<Path> classpath) {
        Path classes = workDirectory.resolve("target/classes");
        try {
            Files.createDirectories(classes);
            String compileClasspath = Stream.concat(Stream.of(apiLocation()), classpath.stream())
                    .map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
            List<String> arguments = new ArrayList<>(List.of(
                    "-d", classes.toString(), "-cp", compileClasspath, "--release", "17"));
            try (Stream<Path> files = Files.walk(sourceRoot)) {
                files.filter(file -> file.toString().endsWith(".java")).map(Path::toString).forEach(arguments::add);
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            int status = javac.run(null, output, output, arguments.toArray(String[]::new));
            assertThat(status).as("javac output: %s", output.toString(StandardCharsets.UTF_8)).isZero();
            if (Files.isDirectory(resourceRoot)) {
                copyTree(resourceRoot, classes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CompiledProject(workDirectory);
    }

    private static Path apiLocation() {
        try {
            return Path.of(Processor.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
