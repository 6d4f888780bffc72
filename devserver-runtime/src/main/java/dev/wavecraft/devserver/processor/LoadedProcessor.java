package dev.wavecraft.devserver.processor;

import dev.wavecraft.api.ParameterLayout;
import dev.wavecraft.api.Processor;
import java.nio.file.Path;
import java.util.List;

/**
 * A processor instance with its validated parameters, the class loader its code came from, and
 * what that loader was made of (kept so the generation can be created again for a rollback).
 */
public record LoadedProcessor(
        Processor processor, ParameterLayout layout, ClassLoader loader, ClassSnapshot snapshot, List<Path> dependencies) {

    public LoadedProcessor {
        dependencies = List.copyOf(dependencies);
    }

    public String className() {
        return processor.getClass().getName();
    }
}
