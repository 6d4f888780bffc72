package dev.wavecraft.devserver.processor;

import static dev.wavecraft.devserver.processor.ProcessorLoadException.Problem;

import dev.wavecraft.api.Processor;
import dev.wavecraft.protocol.failure.FailureText;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Finds the processor class: the one named by {@code <processor>}, else the single one listed in
 * {@code META-INF/services/dev.wavecraft.api.Processor}. Classes are loaded without initialising
 * them, so nothing of the project runs yet.
 */
final class ProcessorDiscovery {

    static final String SERVICE_FILE = "META-INF/services/" + Processor.class.getName();
    private static final String HOW_TO_NAME = "name it with <processor>CLASS</processor> in the wavecraft plugin's"
            + " configuration (or -Dwavecraft.processor=CLASS)";

    private ProcessorDiscovery() {
    }

    static Class<? extends Processor> find(ClassLoader loader, Optional<String> override, List<String> projectClasses)
            throws ProcessorLoadException {
        if (override.isPresent()) {
            return named(loader, override.get());
        }
        List<Class<? extends Processor>> listed = listed(loader);
        if (listed.size() == 1) {
            return listed.get(0);
        }
        if (listed.isEmpty()) {
            List<String> candidates = implementations(loader, projectClasses);
            throw new ProcessorLoadException(Problem.NO_PROCESSOR, "No processor found: no class is listed in "
                    + SERVICE_FILE + " and no <processor> is configured. "
                    + (candidates.isEmpty()
                            ? "No class of the project implements " + Processor.class.getName()
                                    + "; write one, then list it in src/main/resources/" + SERVICE_FILE + " or "
                                    + HOW_TO_NAME + "."
                            : "Classes implementing " + Processor.class.getSimpleName() + ": "
                                    + String.join(", ", candidates) + ". List one in src/main/resources/"
                                    + SERVICE_FILE + " or " + HOW_TO_NAME + "."));
        }
        throw new ProcessorLoadException(Problem.SEVERAL_PROCESSORS, "Found " + listed.size() + " processors in "
                + SERVICE_FILE + ": " + listed.stream().map(Class::getName).collect(Collectors.joining(", "))
                + ". Choose one: " + HOW_TO_NAME + ".");
    }

    private static Class<? extends Processor> named(ClassLoader loader, String className)
            throws ProcessorLoadException {
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ProcessorLoadException(Problem.PROCESSOR_CLASS_NOT_FOUND, "The configured processor class '"
                    + className + "' was not found in the project's classes or dependencies (" + e + ")."
                    + " Check the <processor> setting: it takes a fully qualified class name.");
        }
        if (!Processor.class.isAssignableFrom(type)) {
            throw new ProcessorLoadException(Problem.NOT_A_PROCESSOR, "The configured processor class '" + className
                    + "' does not implement " + Processor.class.getName() + ".");
        }
        return type.asSubclass(Processor.class);
    }

    private static List<Class<? extends Processor>> listed(ClassLoader loader) throws ProcessorLoadException {
        try {
            return ServiceLoader.load(Processor.class, loader).stream()
                    .map(ServiceLoader.Provider::type)
                    .distinct()
                    .collect(Collectors.toList());
        } catch (ServiceConfigurationError e) {
            throw new ProcessorLoadException(Problem.PROCESSOR_CLASS_NOT_FOUND, "A class listed in " + SERVICE_FILE
                    + " cannot be used: " + FailureText.of(e) + ". List fully qualified names of public classes"
                    + " that implement " + Processor.class.getName() + " and have a public no-argument constructor.");
        }
    }

    /** Names of the project's own classes that implement Processor: hints for the error. */
    private static List<String> implementations(ClassLoader loader, List<String> projectClasses) {
        return projectClasses.stream()
                .filter(name -> !name.contains("$"))
                .filter(name -> implementsProcessor(loader, name))
                .collect(Collectors.toList());
    }

    private static boolean implementsProcessor(ClassLoader loader, String className) {
        try {
            Class<?> type = Class.forName(className, false, loader);
            return Processor.class.isAssignableFrom(type) && !type.isInterface()
                    && !java.lang.reflect.Modifier.isAbstract(type.getModifiers());
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
