package dev.wavecraft.protocol.classpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectClasspathTest {

    @TempDir
    Path work;

    @Test
    void readsBackWhatItWroteWithSeveralClassesDirectoriesInOrder() throws Exception {
        ProjectClasspath written = new ProjectClasspath(
                List.of(work.resolve("app/target/classes"), work.resolve("dsp/target/classes")),
                List.of(work.resolve("repo/a.jar"), work.resolve("repo/b.jar")));
        Path file = work.resolve("target/wavecraft/project.classpath");

        written.write(file);

        assertThat(ProjectClasspath.read(file)).isEqualTo(written);
        assertThat(ProjectClasspath.read(file).classesDirectory()).isEqualTo(work.resolve("app/target/classes"));
        assertThat(Files.readAllLines(file)).containsExactly(
                "classes " + work.resolve("app/target/classes"),
                "classes " + work.resolve("dsp/target/classes"),
                "dependency " + work.resolve("repo/a.jar"),
                "dependency " + work.resolve("repo/b.jar"));
    }

    @Test
    void keepsSpacesInPathsSplittingOnlyAtTheFirstSpace() throws Exception {
        ProjectClasspath written = ProjectClasspath.of(work.resolve("my project/target/classes"),
                List.of(work.resolve("local repo/dsp lib.jar")));
        Path file = work.resolve("project.classpath");

        written.write(file);

        ProjectClasspath read = ProjectClasspath.read(file);
        assertThat(read.classesDirectories()).containsExactly(work.resolve("my project/target/classes"));
        assertThat(read.dependencies()).containsExactly(work.resolve("local repo/dsp lib.jar"));
    }

    @Test
    void writesAbsolutePaths() throws Exception {
        Path file = work.resolve("project.classpath");

        ProjectClasspath.of(Path.of("target/classes"), List.of(Path.of("lib.jar"))).write(file);

        assertThat(ProjectClasspath.read(file).classesDirectory()).isAbsolute();
        assertThat(ProjectClasspath.read(file).dependencies()).allMatch(Path::isAbsolute);
    }

    @Test
    void namesTheFileAndLineOfAnUnknownKind() throws Exception {
        Path file = work.resolve("project.classpath");
        Files.write(file, List.of("classes /app/target/classes", "module /dsp/target/classes"));

        assertThatThrownBy(() -> ProjectClasspath.read(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("line 2")
                .hasMessageContaining("module /dsp/target/classes");
    }

    @Test
    void rejectsALineWithoutAPathAsAnUnknownKind() throws Exception {
        Path file = work.resolve("project.classpath");
        Files.write(file, List.of("/app/target/classes"));

        assertThatThrownBy(() -> ProjectClasspath.read(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(file + " line 1");
    }

    @Test
    void reportsAFileWithoutAClassesLine() throws Exception {
        Path file = work.resolve("project.classpath");
        Files.write(file, List.of("dependency /repo/a.jar"));

        assertThatThrownBy(() -> ProjectClasspath.read(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("no classes directory");
    }

    @Test
    void refusesAClasspathWithoutClassesDirectories() {
        assertThatThrownBy(() -> new ProjectClasspath(List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
