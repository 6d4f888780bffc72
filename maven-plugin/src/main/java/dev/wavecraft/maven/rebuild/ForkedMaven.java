package dev.wavecraft.maven.rebuild;

import java.nio.file.Path;
import org.apache.maven.shared.invoker.DefaultInvoker;
import org.apache.maven.shared.invoker.InvocationRequest;
import org.apache.maven.shared.invoker.InvocationResult;
import org.apache.maven.shared.invoker.MavenInvocationException;

/** Every build in a fresh Maven process, started by the Invoker from the running Maven's home. */
public final class ForkedMaven implements MavenRunner {

    private final Path mavenHome;

    public ForkedMaven(Path mavenHome) {
        this.mavenHome = mavenHome;
    }

    @Override
    public InvocationResult run(InvocationRequest request) throws MavenInvocationException {
        DefaultInvoker invoker = new DefaultInvoker();
        invoker.setMavenHome(mavenHome.toFile());
        return invoker.execute(request);
    }
}
