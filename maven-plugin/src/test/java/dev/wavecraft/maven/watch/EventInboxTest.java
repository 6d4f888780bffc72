package dev.wavecraft.maven.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryChangeEvent.EventType;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The hand-over from the file-event thread to the watcher thread. */
class EventInboxTest {

    private static final Path GAIN = Path.of("/p/src/main/java/Gain.java").toAbsolutePath();

    private final EventInbox inbox = new EventInbox();

    @Test
    void handsOverEventsAndFailuresInTheOrderTheyCame() throws Exception {
        inbox.onEvent(event(EventType.CREATE, GAIN));
        inbox.onException(new IOException("cannot watch"));
        inbox.onEvent(event(EventType.MODIFY, GAIN));

        EventInbox.Mail mail = inbox.take(System.nanoTime());

        assertThat(mail.events()).extracting(DirectoryChangeEvent::eventType)
                .containsExactly(EventType.CREATE, EventType.MODIFY);
        assertThat(mail.failures()).singleElement().extracting(Exception::getMessage).isEqualTo("cannot watch");
        assertThat(mail.lost()).isFalse();
        assertThat(inbox.take(System.nanoTime()).events()).as("taken once").isEmpty();
    }

    @Test
    void keepsAtMostMaxUnreadEventsAndSaysThatSomeWereLost() throws Exception {
        for (int i = 0; i <= EventInbox.MAX_UNREAD; i++) {
            inbox.onEvent(event(EventType.CREATE, GAIN.resolveSibling("Voice" + i + ".java")));
        }
        inbox.onException(new IOException("User limit of inotify watches reached"));

        EventInbox.Mail mail = inbox.take(System.nanoTime());

        assertThat(mail.events()).hasSize(EventInbox.MAX_UNREAD);
        assertThat(mail.lost()).isTrue();
        assertThat(mail.failures()).as("a failure is kept even when the events overflow").hasSize(1);
        assertThat(inbox.take(System.nanoTime()).lost()).as("said once").isFalse();
    }

    @Test
    void waitsUntilTheWakeUpTimeWhenNothingArrives() throws Exception {
        long wakeUp = System.nanoTime() + Duration.ofMillis(150).toNanos();

        EventInbox.Mail mail = inbox.take(wakeUp);

        assertThat(System.nanoTime() - wakeUp).isNotNegative();
        assertThat(mail.events()).isEmpty();
        assertThat(mail.lost()).isFalse();
    }

    @Test
    void wakesAWaitingTakeAtOnceWhenAnEventArrives() throws Exception {
        Thread fileEvents = new Thread(() -> inbox.onEvent(event(EventType.MODIFY, GAIN)), "test-file-events");
        long startedAt = System.nanoTime();
        fileEvents.start();

        EventInbox.Mail mail = inbox.take(startedAt + Duration.ofSeconds(10).toNanos());

        assertThat(mail.events()).extracting(DirectoryChangeEvent::path).containsExactly(GAIN);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt)).isLessThan(5_000L);
        fileEvents.join();
    }

    private static DirectoryChangeEvent event(EventType type, Path path) {
        return new DirectoryChangeEvent(type, false, path, null, 1, path.getParent());
    }
}
