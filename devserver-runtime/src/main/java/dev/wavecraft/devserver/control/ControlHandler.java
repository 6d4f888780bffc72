package dev.wavecraft.devserver.control;

import dev.wavecraft.protocol.control.ControlConnection;
import dev.wavecraft.protocol.control.ControlMessages;
/** What the server does with an authenticated connection's messages. */
public interface ControlHandler {

    void connected(ControlConnection connection);

    void received(ControlConnection connection, ControlMessages.Decoded message);

    void disconnected(ControlConnection connection);
}
