package dev.wavecraft.maven.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WatchSettingsTest {

    private final WatchSettings defaults = WatchSettings.of(List.of(Path.of("src/main/java")),
            List.of(Path.of("src/main/resources")), Path.of("pom.xml"));

    @Test
    void defaultsToAnAdaptive25MillisecondQuietPeriodAndTwoSecondsAtMost() {
        assertThat(defaults.quietPeriod()).isEqualTo(Duration.ofMillis(25));
        assertThat(defaults.maxWait()).isEqualTo(Duration.ofSeconds(2));
        assertThat(defaults.adaptive()).isTrue();
        assertThat(defaults.includes()).isEmpty();
        assertThat(defaults.excludes()).isEmpty();
    }

    @Test
    void makesEveryPathAbsolute() {
        assertThat(defaults.sourceRoots()).singleElement().satisfies(root -> assertThat(root).isAbsolute());
        assertThat(defaults.poms()).allMatch(Path::isAbsolute);
    }

    @Test
    void refusesAnInvalidGlobNamingIt() {
        assertThatThrownBy(() -> defaults.withExcludes(List.of("generated/[oops")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("generated/[oops");
    }

    @Test
    void refusesAMaximumWaitShorterThanTheQuietPeriod() {
        assertThatThrownBy(() -> defaults.withQuietPeriod(Duration.ofSeconds(3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maximum wait");
        assertThatThrownBy(() -> defaults.withQuietPeriod(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
