package dev.wavecraft.devserver.processor;

import static dev.wavecraft.devserver.processor.ProcessorLoadException.Problem;

import dev.wavecraft.api.ParameterDeclarationException;
import dev.wavecraft.api.ParameterLayout;
import dev.wavecraft.api.Processor;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.ExecutionException;

/**
 * Runs the project's code for the first time: class initialisation, then the constructor and
 * {@code parameters()}, each as a {@link UserCodeCall}, because that code may throw or never return
 * and the server must survive both.
 */
final class ProcessorFactory {

    private final UserCodeCall userCode;

    ProcessorFactory(UserCodeCall userCode) {
        this.userCode = userCode;
    }

    /**
     * A new instance and its validated layout, made on threads named {@code threadName}: first the
     * class's static initialisation as a call of its own, so that what it throws (out of memory too,
     * which the JVM does not wrap) or a hang in it is blamed on the static initialiser, then the
     * constructor and {@code parameters()}.
     */
    Created create(Class<? extends Processor> type, String threadName) throws ProcessorLoadException {
        String name = type.getName();
        ClassLoader loader = type.getClassLoader();
        try {
            userCode.run("The static initialiser of " + name, threadName, loader, () -> Class.forName(name, true, loader));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof ExceptionInInitializerError ? e.getCause().getCause() : e.getCause();
            throw failed("The static initialiser of " + name, cause);
        } catch (StuckUserCode | InterruptedException e) {
            throw notDone(type, "its static initialiser is blocked or loops", e);
        }
        try {
            return userCode.run("Creating " + name, threadName, loader, () -> createHere(type));
        } catch (ExecutionException e) {
            throw explain(type, e.getCause());
        } catch (StuckUserCode | InterruptedException e) {
            throw notDone(type, "its constructor or parameters() is blocked or loops", e);
        }
    }

    private ProcessorLoadException notDone(Class<?> type, String why, Exception e) {
        if (e instanceof StuckUserCode stuck) {
            return new ProcessorLoadException(Problem.PROCESSOR_CREATE_TIMED_OUT, "Creating " + type.getName()
                    + " did not finish within " + userCode.timeout().toMillis() + " ms (" + why + "): thread "
                    + stuck.thread() + " is abandoned, " + stuck.where() + ". Fix that code, or raise the limit with"
                    + " -Dwavecraft.processorTimeout=<seconds>.");
        }
        Thread.currentThread().interrupt();
        return new ProcessorLoadException(Problem.PROCESSOR_CREATE_FAILED, "Interrupted while creating "
                + type.getName());
    }

    private static Created createHere(Class<? extends Processor> type) throws ReflectiveOperationException {
        Processor processor = type.getConstructor().newInstance();
        return new Created(processor, ParameterLayout.of(processor.parameters()));
    }

    private static ProcessorLoadException explain(Class<?> type, Throwable failure) {
        String name = type.getName();
        if (failure instanceof NoSuchMethodException || failure instanceof IllegalAccessException) {
            return new ProcessorLoadException(Problem.PROCESSOR_CREATE_FAILED, name
                    + " needs a public no-argument constructor, and the class itself must be public.");
        }
        if (failure instanceof InstantiationException) {
            return new ProcessorLoadException(Problem.PROCESSOR_CREATE_FAILED, name
                    + " cannot be instantiated: it is abstract or an interface. Name a concrete class.");
        }
        Throwable cause = failure;
        String where = "The constructor of " + name;
        if (failure instanceof InvocationTargetException) {
            cause = failure.getCause();
        } else if (!(failure instanceof ParameterDeclarationException)) {
            where = name + ".parameters()";
        }
        if (cause instanceof ParameterDeclarationException) {
            return new ProcessorLoadException(Problem.INVALID_PARAMETERS, "Invalid parameter declaration in "
                    + name + ": " + cause.getMessage(), cause);
        }
        return failed(where, cause);
    }

    private static ProcessorLoadException failed(String where, Throwable cause) {
        return new ProcessorLoadException(Problem.PROCESSOR_CREATE_FAILED, where + " threw " + cause
                + atFrame(cause) + ". Fix it and run again (-e shows the whole stack trace).", cause);
    }

    private static String atFrame(Throwable cause) {
        StackTraceElement[] trace = cause == null ? new StackTraceElement[0] : cause.getStackTrace();
        return trace.length == 0 ? "" : " (at " + UserCode.describe(trace[0]) + ")";
    }

    /** A processor instance with its validated layout. */
    record Created(Processor processor, ParameterLayout layout) {
    }
}
