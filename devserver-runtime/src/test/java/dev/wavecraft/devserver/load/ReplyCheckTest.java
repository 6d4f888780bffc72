package dev.wavecraft.devserver.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import dev.wavecraft.devserver.load.FuzzFrame.Kind;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fuzz test's judge must itself catch wrong replies, or a passing fuzz run would mean nothing. */
class ReplyCheckTest {

    private static final String PING = "{\"jsonrpc\":\"2.0\",\"method\":\"ping\",\"id\":7}";
    private static final String PONG = "{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{\"pong\":true}}";
    private static final String NOTIFICATION = "{\"jsonrpc\":\"2.0\",\"method\":\"nope\"}";

    @Test
    void acceptsWhatTheProtocolAsksFor() {
        assertThat(problems(PING, PONG)).isEmpty();
        assertThat(problems(NOTIFICATION)).isEmpty();
        assertThat(problems("{not json", error("null", -32700))).isEmpty();
        assertThat(problems("[" + PING + "," + PING.replace("7", "\"b\"") + "]",
                "[" + PONG.replace("7", "\"b\"") + "," + PONG + "]")).isEmpty();
        assertThat(problems("[".repeat(100) + "]".repeat(100), error("null", -32600))).isEmpty();
    }

    @Test
    void catchesAnIdNotWrittenAsSent() {
        assertThat(problems(PING, PONG.replace("7", "7.0"))).singleElement().asString()
                .contains("is not the request's id 7");
    }

    @Test
    void catchesAMissingReplyAndAReplyToANotification() {
        assertThat(problems(PING)).singleElement().asString().contains("expected one reply object");
        assertThat(problems(NOTIFICATION, error("null", -32601))).singleElement().asString()
                .contains("a reply to a notification");
    }

    @Test
    void catchesBrokenEnvelopes() {
        assertThat(problems(PING, PONG.replace("\"jsonrpc\":\"2.0\",", ""))).singleElement().asString()
                .contains("'jsonrpc'");
        assertThat(problems(PING, error("7", -32600).replace("\"error\"", "\"result\":{},\"error\"")))
                .singleElement().asString().contains("exactly one of");
        assertThat(problems(PING, error("7", -32600).replace("-32600", "-32600.5"))).singleElement().asString()
                .contains("not an integer");
        assertThat(problems(PING, error("7", -1))).singleElement().asString()
                .contains("not one PROTOCOL.md documents");
        assertThat(problems(PING, "[]")).singleElement().asString().contains("non-empty array");
        assertThat(problems(PING, PONG, PONG)).singleElement().asString().contains("more than one reply frame");
    }

    @Test
    void catchesWrongAnswersToBatchesAndBadFrames() {
        assertThat(problems("[" + PING + "," + PING.replace("7", "8") + "]", "[" + PONG + "]")).singleElement()
                .asString().contains("expected an array of 2 replies");
        assertThat(problems("[" + PING + "]", "[" + PONG.replace("7", "9") + "]")).singleElement().asString()
                .contains("reply id 9");
        assertThat(problems("{not json", error("null", -32600))).singleElement().asString().contains("-32700");
        assertThat(problems("[]")).singleElement().asString().contains("an empty batch");
    }

    private static List<String> problems(String frame, String... replies) {
        List<JsonElement> parsed = Arrays.stream(replies)
                .map(reply -> ReplyCheck.parseStrictly(reply).orElseThrow())
                .toList();
        return ReplyCheck.check(new FuzzFrame(0, Kind.VALID, frame), parsed);
    }

    private static String error(String id, int code) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"error\":{\"code\":" + code + ",\"message\":\"x\"}}";
    }
}
