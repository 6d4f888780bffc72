package dev.wavecraft.maven.fork;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArgFileTest {

    @TempDir
    Path temp;

    @Test
    void aRealJavaLauncherReadsAClasspathWithSpacesQuotesAndBackslashes() throws Exception {
        Path awkward = temp.resolve("my \"audio\" projects\\v2");
        Path source = temp.resolve("Probe.java");
        Files.writeString(source, "public class Probe { public static void main(String[] a) { System.out.print(\"probe ran\"); } }");
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", awkward.toString(), source.toString()))
                .isZero();

        String argument = ArgFile.writeClasspath(temp.resolve("wavecraft/devserver.argfile"),
                List.of(temp.resolve("missing.jar"), awkward));

        assertThat(argument).isEqualTo("@" + temp.resolve("wavecraft/devserver.argfile"));
        assertThat(run(Path.of(System.getProperty("java.home"), "bin", "java").toString(), argument, "Probe"))
                .isEqualTo("probe ran");
    }

    @Test
    void quotesAndEscapesForJavasArgfileSyntax() {
        assertThat(ArgFile.quote("a b\\c\"d")).isEqualTo("\"a b\\\\c\\\"d\"");
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
