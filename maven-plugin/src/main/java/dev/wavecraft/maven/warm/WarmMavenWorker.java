package dev.wavecraft.maven.warm;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.apache.maven.cli.KeptContainerCli;
import org.codehaus.plexus.classworlds.ClassWorld;

/**
 * The main class of the warm build JVM. Maven's own command line stays loaded between builds,
 * and so does its container ({@link KeptContainerCli}) while {@link ContainerReuse} finds it
 * safe, so a rebuild skips JVM start-up, class loading, JIT warm-up and the making of the
 * container, its plugin realms and their classes. Started by {@link WarmMaven} through Maven's
 * classworlds launcher with this jar in Maven's core realm. Requests arrive on stdin; each
 * build's output goes to stdout, followed by a container line (whether it ran in a kept or a
 * new container, and why) and an exit line. The worker exits when stdin closes, so it never
 * outlives the Maven that started it.
 */
public final class WarmMavenWorker {

    /** Starts the line that ends a build's output; the exit code follows. */
    static final String EXIT_LINE = "\u0000wavecraft-build-exit ";
    /** Starts the line that tells which container the build ran in. */
    static final String CONTAINER_LINE = "\u0000wavecraft-container ";

    private WarmMavenWorker() {
    }

    /** The classworlds launcher's entry point. */
    public static void main(String[] args, ClassWorld world) throws IOException {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        DataInputStream requests = new DataInputStream(new BufferedInputStream(System.in));
        System.setOut(out);
        System.setErr(out);
        warmUpCompiler();
        ContainerReuse reuse = new ContainerReuse();
        KeptContainerCli maven = new KeptContainerCli(world, reuse);
        for (int builds = 0; true; builds++) {
            WarmRequest request;
            try {
                request = WarmRequest.readFrom(requests);
            } catch (EOFException e) {
                return;
            }
            String newContainerBecause = maven.hasContainer() ? reuse.staleBecause().orElse(null)
                    : builds == 0 ? "the first build" : "the last build kept none";
            if (newContainerBecause != null) {
                maven.dropContainer();
            }
            int exitCode = build(maven, request, out);
            reuse.afterBuild(maven.realmsMade());
            out.println(CONTAINER_LINE + containerNote(maven, newContainerBecause));
            out.println(EXIT_LINE + exitCode);
        }
    }

    private static String containerNote(KeptContainerCli maven, String newContainerBecause) {
        if (maven.reusedContainer()) {
            return "build " + maven.buildsInContainer() + " in the kept Maven container";
        }
        return newContainerBecause != null ? "a new Maven container: " + newContainerBecause
                : "no Maven container: the build stopped before it";
    }

    private static int build(KeptContainerCli maven, WarmRequest request, PrintStream out) {
        // As mvnd does: a build's system properties (Maven sets its -D ones there) end with it.
        Properties systemProperties = (Properties) System.getProperties().clone();
        try {
            return maven.build(request.arguments(), request.workingDirectory());
        } catch (RuntimeException | LinkageError e) {
            e.printStackTrace(out);
            maven.dropContainer();
            return 1;
        } finally {
            System.setProperties(systemProperties);
        }
    }

    /** Loads and runs javac once, so the first real build does not pay for it. */
    private static void warmUpCompiler() throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            return;
        }
        JavaFileObject source = new SimpleJavaFileObject(URI.create("string:///WarmUp.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return "class WarmUp { java.util.List<String> names() { return java.util.List.of(\"a\"); } }";
            }
        };
        Path output = Files.createTempDirectory("wavecraft-warm-up");
        try {
            javac.getTask(null, null, diagnostic -> { }, List.of("-d", output.toString(), "-proc:none"), null,
                    List.of(source)).call();
        } finally {
            try (Stream<Path> files = Files.walk(output)) {
                for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
