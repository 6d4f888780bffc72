package dev.wavecraft.maven.fork;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

class ListenAddressTest {

    @Test
    void acceptsLoopbackAddressesAsTheyAre() {
        for (String host : List.of("127.0.0.1", "localhost", "::1", "127.0.0.2")) {
            assertThatCode(() -> ListenAddress.check(host, false)).as(host).doesNotThrowAnyException();
        }
    }

    @Test
    void refusesAnAddressBeyondLoopbackWithoutTheOptInAndSaysWhatToSet() {
        for (String host : List.of("0.0.0.0", "::", "192.0.2.2")) {
            assertThatThrownBy(() -> ListenAddress.check(host, false)).as(host)
                    .isInstanceOf(MojoFailureException.class)
                    .hasMessageContaining("wavecraft.host is '" + host + "', which other machines can reach")
                    .hasMessageContaining("-Dwavecraft.allowRemote=true")
                    .hasMessageContaining("access token");
        }
    }

    @Test
    void acceptsAnAddressBeyondLoopbackWithTheOptIn() {
        for (String host : List.of("0.0.0.0", "::", "192.0.2.2")) {
            assertThatCode(() -> ListenAddress.check(host, true)).as(host).doesNotThrowAnyException();
        }
    }

    @Test
    void namesAHostThatDoesNotResolve() {
        assertThatThrownBy(() -> ListenAddress.check("no-such-host.invalid", true))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("wavecraft.host is 'no-such-host.invalid', which does not resolve")
                .hasMessageContaining("127.0.0.1");
    }
}
