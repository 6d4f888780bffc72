package dev.wavecraft.maven.rebuild;

import dev.wavecraft.protocol.control.ControlMessages.Reload;
import dev.wavecraft.protocol.control.ControlMessages.Reloaded;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** The running server as the reload loop talks to it: one-way reports, and reloads with their outcome. */
public interface ServerChannel {

    void send(Object message) throws IOException;

    /** Asks for a reload and waits for its outcome. */
    Reloaded reload(Reload request, Duration timeout) throws IOException, TimeoutException, InterruptedException;
}
