package dev.wavecraft.devserver.control;

import com.google.gson.JsonParseException;
import dev.wavecraft.devserver.rpc.FailureText;
import dev.wavecraft.protocol.control.BoundedLineReader;
import dev.wavecraft.protocol.control.ControlConnection;
import dev.wavecraft.protocol.control.ControlMessages;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;

/**
 * The server's end of the control channel: a socket on the loopback address, where a connection
 * counts only after its first line carries the per-run secret. A wrong or missing secret, garbage
 * or a client too slow to say hello closes that connection alone and changes nothing.
 */
public final class ControlServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ControlServer.class.getName());
    static final Duration HELLO_TIMEOUT = Duration.ofSeconds(5);
    /** A hello carries a secret of a few dozen characters; nobody gets to send megabytes before it. */
    private static final int MAX_HELLO_CHARS = 1024;

    private final ServerSocket socket;
    private final byte[] secret;
    private final ControlHandler handler;
    private final RefusalLog refusals =
            new RefusalLog(System::nanoTime, line -> LOG.log(System.Logger.Level.WARNING, line));

    private ControlServer(ServerSocket socket, String secret, ControlHandler handler) {
        this.socket = socket;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.handler = handler;
    }

    public static ControlServer start(String secret, ControlHandler handler) throws IOException {
        ControlServer server = new ControlServer(new ServerSocket(0, 8, InetAddress.getLoopbackAddress()), secret,
                handler);
        Thread acceptor = new Thread(server::acceptLoop, "wavecraft-control");
        acceptor.setDaemon(true);
        acceptor.start();
        return server;
    }

    public int port() {
        return socket.getLocalPort();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread reader = new Thread(() -> serve(client), "wavecraft-control-connection");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    LOG.log(System.Logger.Level.WARNING, "Control channel accept failed: " + e);
                }
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            HelloDeadline input = new HelloDeadline(client, HELLO_TIMEOUT);
            BoundedLineReader lines = new BoundedLineReader(input, ControlConnection.MAX_LINE_CHARS);
            if (!authenticated(lines.readLine(MAX_HELLO_CHARS))) {
                refusals.refused(client.getInetAddress(), "Refused a control connection from "
                        + client.getRemoteSocketAddress() + ": it did not present the run's secret");
                return;
            }
            input.lift();
            ControlConnection connection = new ControlConnection(client);
            handler.connected(connection);
            try {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    handler.received(connection, ControlMessages.decode(line));
                }
            } finally {
                handler.disconnected(connection);
            }
        } catch (SocketTimeoutException e) {
            refusals.refused(client.getInetAddress(), "Closed a control connection from "
                    + client.getRemoteSocketAddress() + " that sent no complete hello within "
                    + HELLO_TIMEOUT.toSeconds() + " s");
        } catch (IOException | JsonParseException | IllegalStateException e) {
            // After a good hello: the build tool itself misbehaved, which is worth a line every time.
            LOG.log(System.Logger.Level.WARNING, "Closed a control connection after bad input: " + FailureText.of(e));
        }
    }

    private boolean authenticated(String hello) {
        if (hello == null) {
            return false;
        }
        try {
            ControlMessages.Decoded message = ControlMessages.decode(hello);
            String presented = message.is(ControlMessages.Hello.class)
                    ? message.as(ControlMessages.Hello.class).secret() : null;
            return presented != null && MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.UTF_8));
        } catch (JsonParseException | IllegalStateException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
