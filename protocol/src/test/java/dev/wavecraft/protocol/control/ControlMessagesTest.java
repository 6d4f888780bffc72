package dev.wavecraft.protocol.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wavecraft.protocol.classpath.ProjectClasspath;
import dev.wavecraft.protocol.control.ControlMessages.Reload;
import dev.wavecraft.protocol.reload.BuildReport;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControlMessagesTest {

    @Test
    void aReloadCarriesEveryClassesDirectoryInOrder() {
        ProjectClasspath classpath = new ProjectClasspath(
                List.of(Path.of("/work/app/target/classes"), Path.of("/work/dsp lib/target/classes")),
                List.of(Path.of("/repo/lib.jar")));

        Reload sent = Reload.of(classpath, new BuildReport(List.of("Synth.java"), "change", 1, 2)).withId(7);
        Reload received = ControlMessages.decode(ControlMessages.encode(sent)).as(Reload.class);

        assertThat(received).isEqualTo(sent);
        assertThat(received.id()).isEqualTo(7);
        assertThat(received.classpath()).isEqualTo(classpath);
    }
}
