package dev.wavecraft.maven.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wavecraft.protocol.reload.Diagnostic;
import dev.wavecraft.protocol.reload.SourceLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompilerOutputParserTest {

    private static final Path PROJECT = Path.of("/work/gain");

    @Test
    void readsEachJavacMessageOnceWithItsSymbolAndAPathRelativeToTheProject() {
        List<String> output = List.of(
                "[ERROR] COMPILATION ERROR : ",
                "[ERROR] /work/gain/src/main/java/com/example/Gain.java:[35,14] cannot find symbol",
                "  symbol:   class Foo",
                "  location: class com.example.Gain",
                "[WARNING] /work/gain/src/main/java/com/example/Old.java:[3,1] [deprecation] Thing in x has been deprecated",
                "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.14.1:compile",
                "[ERROR] /work/gain/src/main/java/com/example/Gain.java:[35,14] cannot find symbol",
                "[ERROR]   symbol:   class Foo",
                "[ERROR]   location: class com.example.Gain");

        List<Diagnostic> diagnostics = CompilerOutputParser.parse(output, PROJECT);

        assertThat(diagnostics).containsExactly(
                new Diagnostic("src/main/java/com/example/Gain.java", 35, 14, "error", "cannot find symbol: class Foo"),
                new Diagnostic("src/main/java/com/example/Old.java", 3, 1, "warning",
                        "[deprecation] Thing in x has been deprecated"));
    }

    @Test
    void attachesTheSourceLinesAroundEachMessage(@TempDir Path project) throws IOException {
        Path source = project.resolve("src/main/java/demo/Tone.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "package demo;\n\nclass Tone {\n    int x = ;\n}\n");

        List<Diagnostic> diagnostics = CompilerOutputParser.parse(
                List.of("[ERROR] " + source + ":[4,13] illegal start of expression"), project);

        assertThat(diagnostics).singleElement().extracting(Diagnostic::frame).isEqualTo(List.of(
                new SourceLine(2, ""), new SourceLine(3, "class Tone {"), new SourceLine(4, "    int x = ;"),
                new SourceLine(5, "}")));
    }

    @Test
    void findsNothingInOutputWithoutCompilerMessages() {
        assertThat(CompilerOutputParser.parse(List.of("[ERROR] Some other failure", "plain text"), PROJECT)).isEmpty();
    }
}
