package dev.wavecraft.devserver.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RefusalLogTest {

    private final AtomicLong now = new AtomicLong();
    private final List<String> lines = new ArrayList<>();
    private final RefusalLog log = new RefusalLog(now::get, lines::add);

    @Test
    void logsTheFirstRefusalOfASourceAndHoldsBackTheRestOfThatMinute() throws Exception {
        InetAddress source = InetAddress.getByName("127.0.0.1");
        for (int i = 0; i < 1_000; i++) {
            log.refused(source, "Refused a control connection number " + i);
            now.addAndGet(Duration.ofMillis(50).toNanos());
        }

        assertThat(lines).containsExactly("Refused a control connection number 0");
    }

    @Test
    void logsAgainAfterAMinuteSayingHowManyWereHeldBack() throws Exception {
        InetAddress source = InetAddress.getByName("127.0.0.1");
        log.refused(source, "first");
        log.refused(source, "second");
        log.refused(source, "third");
        now.addAndGet(Duration.ofMinutes(1).toNanos());
        log.refused(source, "fourth");

        assertThat(lines).containsExactly("first",
                "fourth (2 more refused connections from 127.0.0.1 in the minute before were not logged)");
    }

    @Test
    void keepsAMinuteForEachSource() throws Exception {
        log.refused(InetAddress.getByName("127.0.0.1"), "from one");
        log.refused(InetAddress.getByName("127.0.0.2"), "from two");
        log.refused(InetAddress.getByName("127.0.0.1"), "from one again");

        assertThat(lines).containsExactly("from one", "from two");
    }
}
