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
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.codehaus.plexus.classworlds.ClassWorld;

/**
 * The main class of the warm build JVM. Maven's own command line stays loaded between builds,
 * and so does its container while it is safe to keep ({@link WarmBuilds}), so a rebuild skips JVM
 * start-up, class loading, JIT warm-up and the making of the container, its plugin realms and
 * their classes. Started by {@link WarmMaven} through Maven's
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
        WarmBuilds builds = new WarmBuilds(world);
        while (true) {
            WarmRequest request;
            try {
                request = WarmRequest.readFrom(requests);
            } catch (EOFException e) {
                return;
            }
            WarmBuilds.Outcome outcome = builds.run(request, out);
            out.println(CONTAINER_LINE + outcome.containerNote());
            out.println(EXIT_LINE + outcome.exitCode());
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
