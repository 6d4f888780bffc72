package dev.wavecraft.maven.incremental;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** A module's sources in a temporary folder, compiled by the JDK's javac into its classes folder. */
final class JavaSources {

    final Path sources;
    final Path classes;

    JavaSources(Path directory) throws IOException {
        sources = Files.createDirectories(directory.resolve("src/main/java"));
        classes = Files.createDirectories(directory.resolve("target/classes"));
    }

    /** Writes {@code text} to {@code relative} under the source root; returns the file. */
    Path write(String relative, String text) throws IOException {
        Path file = sources.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    /** Compiles {@code files} (relative to the source root) against the classes already there. */
    void compile(String... files) {
        List<String> arguments = new ArrayList<>(List.of("--release", "17", "-g", "-d", classes.toString(),
                "-classpath", classes.toString(), "-implicit:none"));
        for (String file : files) {
            arguments.add(sources.resolve(file).toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int exit = javac.run(null, errors, errors, arguments.toArray(String[]::new));
        assertThat(exit).as("javac %s: %s", arguments, errors).isZero();
    }

    /** The facts of the compiled class {@code name} ({@code com/example/Gain}). */
    ClassFacts facts(String name) throws IOException {
        return ClassFacts.read(Files.readAllBytes(classes.resolve(name + ".class")));
    }

    /** Writes and compiles a set of sources, keyed by path relative to the source root. */
    void compileAll(Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> file : files.entrySet()) {
            write(file.getKey(), file.getValue());
        }
        compile(files.keySet().toArray(String[]::new));
    }

    /** This folder as the one module of a {@link CompileSetup}. */
    CompiledModule module() {
        return new CompiledModule("demo", classes.toString(), List.of(sources.toString()), null);
    }
}
