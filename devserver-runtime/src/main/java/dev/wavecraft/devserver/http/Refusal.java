package dev.wavecraft.devserver.http;

import io.undertow.util.StatusCodes;
import java.util.Optional;

/**
 * Why a request was refused, as the status and the plain text sent back.
 *
 * @param why what was wrong and what to do instead
 */
record Refusal(int status, String why) {

    static Optional<Refusal> forbidden(String why) {
        return Optional.of(new Refusal(StatusCodes.FORBIDDEN, why));
    }

    static Optional<Refusal> unauthorized(String why) {
        return Optional.of(new Refusal(StatusCodes.UNAUTHORIZED, why));
    }

    String body() {
        return status + " " + StatusCodes.getReason(status) + ": " + why + "\n";
    }
}
