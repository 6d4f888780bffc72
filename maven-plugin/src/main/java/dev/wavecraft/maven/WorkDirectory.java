package dev.wavecraft.maven;

import dev.wavecraft.maven.lifecycle.StateFiles;
import java.nio.file.Path;
import org.apache.maven.project.MavenProject;

/**
 * {@code target/wavecraft}, where every goal keeps its files, and the one place that names them.
 * Under the build directory, so {@code mvn clean} resets it.
 */
record WorkDirectory(Path path) {

    static WorkDirectory of(MavenProject project) {
        return new WorkDirectory(Path.of(project.getBuild().getDirectory(), "wavecraft"));
    }

    /** The project's classes directories and jars as the server loads them; the classpath goal writes it. */
    Path classpathFile() {
        return path.resolve("project.classpath");
    }

    /** The project's classes directories and jars as the renderer loads them. */
    Path renderClasspathFile() {
        return path.resolve("render.classpath");
    }

    /** The modules of the dev loop with their POMs and roots; the classpath goal writes it. */
    Path modulesFile() {
        return path.resolve("modules.json");
    }

    /** The compiled modules of the dev loop, for the fast compile path; the classpath goal writes it. */
    Path compileSetupFile() {
        return path.resolve("compile-setup.json");
    }

    /** Touched as run's first build begins: files modified after it are built again. */
    Path firstBuildMarker() {
        return path.resolve("first-build.started");
    }

    /** The output of a server that start left running. */
    Path serverLog() {
        return path.resolve("devserver.log");
    }

    /** The state file of a running server and the control channel's secret beside it. */
    StateFiles stateFiles() {
        return new StateFiles(path.resolve("devserver.json"), path.resolve("control.secret"));
    }

    /** The {@code java @argfile} with the runtime's classpath, for the dev server. */
    Path serverArgFile() {
        return path.resolve("devserver.argfile");
    }

    /** The {@code java @argfile} with the runtime's classpath, for a render. */
    Path renderArgFile() {
        return path.resolve("render.argfile");
    }

    /** What run's dev server keeps for the next run: parameter values, the input; written by the server. */
    Path sessionFile() {
        return path.resolve("session.json");
    }

    /** The classworlds configuration of the warm build JVM. */
    Path warmMavenConfiguration() {
        return path.resolve("warm-maven.conf");
    }
}
