package dev.wavecraft.devserver;

import dev.wavecraft.devserver.http.ClientRegistry;
import dev.wavecraft.devserver.http.DevHttpServer;
import dev.wavecraft.devserver.http.PortInUseException;
import dev.wavecraft.devserver.params.ParameterHost;
import dev.wavecraft.devserver.processor.LoadedProcessor;
import dev.wavecraft.devserver.processor.ProcessorLoadException;
import dev.wavecraft.devserver.processor.ProcessorLoader;
import dev.wavecraft.devserver.processor.ProjectClasspath;
import dev.wavecraft.devserver.rpc.ParameterMethods;
import dev.wavecraft.devserver.rpc.RpcDispatcher;
import dev.wavecraft.devserver.rpc.ParameterChangedNotifier;
import dev.wavecraft.devserver.rpc.RpcMethod;
import dev.wavecraft.devserver.rpc.SessionMethods;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** The dev server as a whole: the loaded processor, its parameter values and the HTTP side. */
public final class DevServer implements AutoCloseable {

    private static final int MAX_BATCH_LENGTH = 100;

    private final LoadedProcessor processor;
    private final ParameterHost parameters;
    private final DevHttpServer http;

    private DevServer(LoadedProcessor processor, ParameterHost parameters, DevHttpServer http) {
        this.processor = processor;
        this.parameters = parameters;
        this.http = http;
    }

    public static DevServer start(DevServerOptions options)
            throws IOException, ProcessorLoadException, PortInUseException {
        ProcessorLoader loader = new ProcessorLoader(options.processorClass(), options.processorTimeout());
        LoadedProcessor processor = loader.load(ProjectClasspath.read(options.classpathFile()));
        try {
            ParameterHost parameters = new ParameterHost(processor.layout());
            ClientRegistry clients = new ClientRegistry();
            parameters.addListener(new ParameterChangedNotifier(clients));
            Map<String, RpcMethod> methods = new HashMap<>();
            methods.putAll(new ParameterMethods(parameters).methods());
            methods.putAll(new SessionMethods().methods());
            DevHttpServer http = DevHttpServer.start(
                    options.http(), new RpcDispatcher(methods, MAX_BATCH_LENGTH), clients);
            return new DevServer(processor, parameters, http);
        } catch (PortInUseException | RuntimeException e) {
            processor.close();
            throw e;
        }
    }

    public String url() {
        return http.url();
    }

    public int port() {
        return http.port();
    }

    public LoadedProcessor processor() {
        return processor;
    }

    public ParameterHost parameters() {
        return parameters;
    }

    @Override
    public void close() throws IOException {
        try {
            http.close();
        } finally {
            processor.close();
        }
    }
}
