package dev.wavecraft.devserver.processor;

import dev.wavecraft.api.ParameterLayout;
import dev.wavecraft.api.Processor;
import java.io.IOException;
import java.net.URLClassLoader;

/** A processor instance with its parameters and the class loader its code came from. */
public record LoadedProcessor(Processor processor, ParameterLayout layout, URLClassLoader loader)
        implements AutoCloseable {

    public String className() {
        return processor.getClass().getName();
    }

    @Override
    public void close() throws IOException {
        loader.close();
    }
}
