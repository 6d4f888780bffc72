package dev.wavecraft.maven.rebuild;

import org.apache.maven.shared.invoker.InvocationRequest;
import org.apache.maven.shared.invoker.InvocationResult;
import org.apache.maven.shared.invoker.MavenInvocationException;

/**
 * Runs one Maven invocation described by an Invoker request: its goals, flags, settings,
 * timeout and output handler. A failed build is a result with a non-zero exit code.
 */
public interface MavenRunner extends AutoCloseable {

    InvocationResult run(InvocationRequest request) throws MavenInvocationException;

    /** Gets ready for builds like {@code typical} (whose output is not wanted), without blocking. */
    default void prepare(InvocationRequest typical) {
    }

    @Override
    default void close() {
    }
}
