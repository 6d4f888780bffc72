package dev.wavecraft.maven.supervise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wavecraft.protocol.classpath.ProjectClasspath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LastGoodClassesTest {

    @TempDir
    Path work;

    @Test
    void copiesEveryClassesDirectoryInClasspathOrder() throws Exception {
        Path app = write(work.resolve("app/target/classes"), "demo/Synth.class", "synth");
        Path dsp = write(work.resolve("dsp/target/classes"), "dsp/Filter.class", "filter");
        List<Path> dependencies = List.of(work.resolve("repo/lib.jar"));
        LastGoodClasses lastGood = new LastGoodClasses(work.resolve("wavecraft/last-good"));

        lastGood.record(new ProjectClasspath(List.of(app, dsp), dependencies), 3);

        ProjectClasspath kept = lastGood.classpath();
        assertThat(kept.classesDirectories()).containsExactly(
                work.resolve("wavecraft/last-good/0"), work.resolve("wavecraft/last-good/1"));
        assertThat(Files.readString(kept.classesDirectories().get(0).resolve("demo/Synth.class"))).isEqualTo("synth");
        assertThat(Files.readString(kept.classesDirectories().get(1).resolve("dsp/Filter.class"))).isEqualTo("filter");
        assertThat(kept.classesDirectories().get(0).resolve("dsp/Filter.class")).doesNotExist();
        assertThat(kept.dependencies()).isEqualTo(dependencies);
        assertThat(lastGood.generation()).isEqualTo(3);
    }

    @Test
    void aCopyOutsideTheProjectOutlivesTheProjectsClassesAndIsRemovedOnClose() throws Exception {
        Path app = write(work.resolve("app/target/classes"), "demo/Synth.class", "synth");
        LastGoodClasses lastGood = LastGoodClasses.outsideTheProject();
        lastGood.record(new ProjectClasspath(List.of(app), List.of()), 2);
        Path copy = lastGood.classpath().classesDirectories().get(0);

        Files.delete(app.resolve("demo/Synth.class"));

        assertThat(copy.startsWith(work)).as("inside the project").isFalse();
        assertThat(Files.readString(copy.resolve("demo/Synth.class"))).isEqualTo("synth");
        lastGood.close();
        assertThat(copy.getParent().getParent()).as("its own directory").doesNotExist();
    }

    @Test
    void aLaterRecordReplacesTheEarlierCopies() throws Exception {
        Path app = write(work.resolve("app/target/classes"), "demo/Synth.class", "synth 1");
        Path dsp = write(work.resolve("dsp/target/classes"), "dsp/Filter.class", "filter 1");
        LastGoodClasses lastGood = new LastGoodClasses(work.resolve("wavecraft/last-good"));
        lastGood.record(new ProjectClasspath(List.of(app, dsp), List.of()), 1);
        Files.writeString(app.resolve("demo/Synth.class"), "synth 2");
        Files.delete(dsp.resolve("dsp/Filter.class"));
        write(dsp, "dsp/Delay.class", "delay 2");

        lastGood.record(new ProjectClasspath(List.of(app, dsp), List.of()), 2);

        ProjectClasspath kept = lastGood.classpath();
        assertThat(Files.readString(kept.classesDirectories().get(0).resolve("demo/Synth.class")))
                .isEqualTo("synth 2");
        assertThat(kept.classesDirectories().get(1).resolve("dsp/Filter.class")).doesNotExist();
        assertThat(Files.readString(kept.classesDirectories().get(1).resolve("dsp/Delay.class"))).isEqualTo("delay 2");
        assertThat(work.resolve("wavecraft/last-good.new")).doesNotExist();
        assertThat(lastGood.generation()).isEqualTo(2);
    }

    @Test
    void aRecordWithFewerDirectoriesLeavesNoStaleCopy() throws Exception {
        Path app = write(work.resolve("app/target/classes"), "demo/Synth.class", "synth");
        Path dsp = write(work.resolve("dsp/target/classes"), "dsp/Filter.class", "filter");
        LastGoodClasses lastGood = new LastGoodClasses(work.resolve("wavecraft/last-good"));
        lastGood.record(new ProjectClasspath(List.of(app, dsp), List.of()), 1);

        lastGood.record(ProjectClasspath.of(app, List.of()), 2);

        assertThat(lastGood.classpath().classesDirectories()).containsExactly(work.resolve("wavecraft/last-good/0"));
        assertThat(work.resolve("wavecraft/last-good/1")).doesNotExist();
    }

    private static Path write(Path directory, String path, String content) throws Exception {
        Path file = directory.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return directory;
    }
}
