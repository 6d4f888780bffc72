package dev.wavecraft.maven.fork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

class JvmArgumentsTest {

    @Test
    void splitsOnSpacesButKeepsQuotedArgumentsWhole() throws Exception {
        assertThat(JvmArguments.parse("-Xmx1g  \"-Dname=a b\" '-Dother=c d' -ea"))
                .containsExactly("-Xmx1g", "-Dname=a b", "-Dother=c d", "-ea");
    }

    @Test
    void givesNothingForNoArguments() throws Exception {
        assertThat(JvmArguments.parse(null)).isEmpty();
        assertThat(JvmArguments.parse("   ")).isEmpty();
    }

    @Test
    void explainsAnUnclosedQuote() {
        assertThatThrownBy(() -> JvmArguments.parse("-Xmx1g \"-Dname=a b"))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContainingAll("Cannot read jvmArguments", "Close every quote");
    }
}
