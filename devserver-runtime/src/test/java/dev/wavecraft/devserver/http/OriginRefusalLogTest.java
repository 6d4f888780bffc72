package dev.wavecraft.devserver.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OriginRefusalLogTest {

    private final List<String> lines = new ArrayList<>();
    private final OriginRefusalLog log = new OriginRefusalLog(lines::add);

    @Test
    void logsEachOriginOnceHoweverOftenItIsRefused() {
        for (int attempt = 0; attempt < 3; attempt++) {
            log.refused("http://evil.example", "refused http://evil.example");
            log.refused("http://other.example", "refused http://other.example");
        }

        assertThat(lines).containsExactly("refused http://evil.example", "refused http://other.example");
    }

    @Test
    void stopsNamingOriginsPastTheLimitAndSaysSoOnce() {
        for (int i = 0; i < OriginRefusalLog.MAX_ORIGINS + 5; i++) {
            log.refused("http://made-up-" + i + ".example", "refused " + i);
        }

        assertThat(lines).hasSize(OriginRefusalLog.MAX_ORIGINS + 1);
        assertThat(lines.get(OriginRefusalLog.MAX_ORIGINS)).contains("no more of them are logged");
    }
}
