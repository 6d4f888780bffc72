package dev.wavecraft.maven.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reports made before anything can act on them are handed on, in order, once something can. */
class HeldChangesTest {

    private static final Path GAIN = Path.of("/p/src/main/java/Gain.java");
    private static final Path FILTER = Path.of("/p/src/main/java/Filter.java");

    @Test
    void handsOnWhatItHeldInOrderThenEverythingAtOnce() {
        HeldChanges held = new HeldChanges();
        List<String> seen = new ArrayList<>();
        ChangeListener target = new ChangeListener() {
            @Override
            public void changed(ChangeSet changes) {
                seen.add("changed " + changes.sources());
            }

            @Override
            public void skipped(Set<Path> touched) {
                seen.add("skipped " + touched);
            }
        };

        held.changed(changes(GAIN));
        held.skipped(Set.of(FILTER));
        assertThat(seen).isEmpty();

        held.release(target);
        assertThat(seen).containsExactly("changed [" + GAIN + "]", "skipped [" + FILTER + "]");

        held.changed(changes(FILTER));
        assertThat(seen).hasSize(3).last().isEqualTo("changed [" + FILTER + "]");
    }

    private static ChangeSet changes(Path source) {
        return new ChangeSet(Set.of(source), Set.of(), Set.of(), Set.of(), Instant.now());
    }
}
