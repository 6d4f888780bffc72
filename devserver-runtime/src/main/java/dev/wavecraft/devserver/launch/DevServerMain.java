package dev.wavecraft.devserver.launch;

import dev.wavecraft.devserver.DevServer;
import dev.wavecraft.devserver.http.PortInUseException;
import dev.wavecraft.devserver.processor.ProcessorLoadException;
import dev.wavecraft.devserver.reload.retire.GlobalRegistrations;
import dev.wavecraft.protocol.failure.FailureText;
import dev.wavecraft.protocol.launch.LaunchEvent;
import dev.wavecraft.protocol.options.DevServerOptions;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The forked dev server's entry point. Reports its start as a {@link LaunchEvent} line and exits
 * when its parent does.
 */
public final class DevServerMain {

    static final int EXIT_START_FAILED = 2;
    /** Maven stopped sending heartbeats: it is suspended or frozen. */
    static final int EXIT_PARENT_SILENT = 3;

    /** Kept strongly: java.util.logging holds its loggers weakly, and would drop these levels. */
    private static final Logger[] QUIET_LOGGERS = {
        Logger.getLogger("org.xnio"), Logger.getLogger("io.undertow"), Logger.getLogger("org.jboss")
    };

    private DevServerMain() {
    }

    public static void main(String[] args) {
        configureLogging();
        ExitCallerHook.install(System.err);
        try {
            DevServerOptions options = DevServerOptions.parse(Arrays.asList(args));
            // A suspended Maven reads none of our output: halting skips shutdown hooks that could block on it.
            String secret = ParentWatchdog.readSecretAndWatch(System.in, options.heartbeatTimeout(),
                    () -> System.exit(0), () -> Runtime.getRuntime().halt(EXIT_PARENT_SILENT));
            DevServer server = DevServer.start(options, secret, () -> System.exit(0));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(server), "wavecraft-shutdown"));
            LaunchLine.print(LaunchEvent.ready(server.url(), server.port(), server.controlPort(),
                    ProcessHandle.current().pid(), server.live().processor().className(),
                    server.live().processor().layout().size(), server.accessToken()));
        } catch (ProcessorLoadException e) {
            fail(e.problem().name(), FailureText.of(e), e.getCause());
        } catch (PortInUseException e) {
            fail("PORT_IN_USE", FailureText.of(e), null);
        } catch (IllegalArgumentException e) {
            fail("BAD_ARGUMENTS", "The dev server was started with invalid arguments: " + FailureText.of(e), e);
        } catch (IOException | RuntimeException e) {
            fail("START_FAILED", "The dev server could not start: " + e, e);
        }
    }

    private static void fail(String problem, String message, Throwable cause) {
        LaunchLine.print(LaunchLine.failed(problem, message, cause));
        System.exit(EXIT_START_FAILED);
    }

    private static void close(DevServer server) {
        try {
            server.close();
        } catch (IOException e) {
            System.err.println("Closing the dev server failed: " + e);
        }
    }

    private static void configureLogging() {
        System.setProperty("org.jboss.logging.provider", "jdk");
        System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s: %5$s%6$s%n");
        for (Logger logger : QUIET_LOGGERS) {
            logger.setLevel(Level.WARNING);
        }
    }
}
