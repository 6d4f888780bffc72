package dev.wavecraft.protocol.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DevServerOptionsTest {

    @Test
    void carriesTheRunsStateDirectoryThroughTheServersCommandLineAndLeavesItOutWhenThereIsNone() {
        DevServerOptions options = new DevServerOptions(Path.of("target/wavecraft/project.classpath"))
                .withStateDirectory(Path.of("/tmp/wavecraft-last-good-1"));

        assertThat(DevServerOptions.parse(options.toArguments())).isEqualTo(options);
        assertThat(new DevServerOptions(Path.of("x")).toArguments()).doesNotContain("--state-directory");
        assertThat(DevServerOptions.parse(new DevServerOptions(Path.of("x")).toArguments()).stateDirectory())
                .isEqualTo(Optional.empty());
    }

    @Test
    void allowsLoopbackOriginsUnlessTheCommandLineSwitchesThemOff() {
        DevServerOptions defaults = new DevServerOptions(Path.of("x"));
        DevServerOptions off = defaults.withHttp(defaults.http().withLoopbackOrigins(false));

        assertThat(defaults.http().allowLoopbackOrigins()).isTrue();
        assertThat(DevServerOptions.parse(List.of("--classpath-file", "x")).http().allowLoopbackOrigins()).isTrue();
        assertThat(DevServerOptions.parse(off.toArguments())).isEqualTo(off);
        assertThat(DevServerOptions.parse(defaults.toArguments())).isEqualTo(defaults);
    }

    @Test
    void namesAStateDirectoryArgumentWithoutAValue() {
        assertThatThrownBy(() -> DevServerOptions.parse(List.of("--classpath-file", "x", "--state-directory")))
                .hasMessage("Argument --state-directory needs a value");
    }
}
