package dev.wavecraft.devserver;

import dev.wavecraft.devserver.control.ControlDispatcher;
import dev.wavecraft.devserver.control.ControlServer;
import dev.wavecraft.devserver.http.ClientRegistry;
import dev.wavecraft.devserver.http.DevHttpServer;
import dev.wavecraft.devserver.http.PortInUseException;
import dev.wavecraft.devserver.params.ParameterHost;
import dev.wavecraft.devserver.processor.LoadedProcessor;
import dev.wavecraft.devserver.processor.ProcessorLoadException;
import dev.wavecraft.devserver.processor.ProcessorLoader;
import dev.wavecraft.devserver.processor.ProjectClasspath;
import dev.wavecraft.devserver.reload.Generation;
import dev.wavecraft.devserver.reload.GenerationManager;
import dev.wavecraft.devserver.reload.ReloadCoordinator;
import dev.wavecraft.devserver.rpc.ParameterChangedNotifier;
import dev.wavecraft.devserver.rpc.ParameterMethods;
import dev.wavecraft.devserver.rpc.ReloadMethods;
import dev.wavecraft.devserver.rpc.ReloadNotifier;
import dev.wavecraft.devserver.rpc.RpcDispatcher;
import dev.wavecraft.devserver.rpc.RpcMethod;
import dev.wavecraft.devserver.rpc.SessionMethods;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The dev server as a whole: the live generation of the processor, its parameter values, the
 * HTTP side for browsers and the control channel for the build tool.
 */
public final class DevServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(DevServer.class.getName());
    private static final int MAX_BATCH_LENGTH = 100;

    private final ProcessorLoader loader;
    private final GenerationManager generations;
    private final DevHttpServer http;
    private final ControlServer control;

    private DevServer(ProcessorLoader loader, GenerationManager generations, DevHttpServer http,
            ControlServer control) {
        this.loader = loader;
        this.generations = generations;
        this.http = http;
        this.control = control;
    }

    /**
     * @param controlSecret the secret the build tool must present on the control channel
     * @param stop what the build tool's stop message does
     */
    public static DevServer start(DevServerOptions options, String controlSecret, Runnable stop)
            throws IOException, ProcessorLoadException, PortInUseException {
        ProcessorLoader loader = new ProcessorLoader(options.processorClass(), options.processorTimeout());
        DevHttpServer http = null;
        try {
            LoadedProcessor first = loader.load(ProjectClasspath.read(options.classpathFile()), 1);
            ParameterHost parameters = new ParameterHost(first.layout());
            ClientRegistry clients = new ClientRegistry();
            ReloadNotifier notifier = new ReloadNotifier(clients);
            clients.greetWith(notifier::pendingFailure);
            parameters.addListener(new ParameterChangedNotifier(clients));
            GenerationManager generations = new GenerationManager(loader, parameters,
                    new Generation(1, first, Instant.now()), warning -> LOG.log(System.Logger.Level.WARNING, warning));
            ReloadCoordinator reloads = new ReloadCoordinator(generations, notifier);
            Map<String, RpcMethod> methods = new HashMap<>();
            methods.putAll(new ParameterMethods(parameters).methods());
            methods.putAll(new SessionMethods().methods());
            methods.putAll(new ReloadMethods(reloads).methods());
            http = DevHttpServer.start(options.http(), new RpcDispatcher(methods, MAX_BATCH_LENGTH), clients);
            ControlServer control = ControlServer.start(controlSecret, new ControlDispatcher(reloads, stop));
            return new DevServer(loader, generations, http, control);
        } catch (IOException | ProcessorLoadException | PortInUseException | RuntimeException e) {
            if (http != null) {
                http.close();
            }
            loader.close();
            throw e;
        }
    }

    public String url() {
        return http.url();
    }

    public int port() {
        return http.port();
    }

    public int controlPort() {
        return control.port();
    }

    public Generation live() {
        return generations.live();
    }

    @Override
    public void close() throws IOException {
        try {
            control.close();
            http.close();
        } finally {
            loader.close();
        }
    }
}
