package dev.wavecraft.devserver.processor;

/** The project's processor could not be found, created or read; the message says what to do. */
public final class ProcessorLoadException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong, as a stable name the mojo and the browser can show. */
    public enum Problem {
        NO_PROCESSOR,
        SEVERAL_PROCESSORS,
        PROCESSOR_CLASS_NOT_FOUND,
        NOT_A_PROCESSOR,
        PROCESSOR_CREATE_FAILED,
        PROCESSOR_CREATE_TIMED_OUT,
        INVALID_PARAMETERS
    }

    private final Problem problem;

    public ProcessorLoadException(Problem problem, String message) {
        this(problem, message, null);
    }

    /** @param cause the project's own exception, kept for its stack trace */
    public ProcessorLoadException(Problem problem, String message, Throwable cause) {
        super(message, cause, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
