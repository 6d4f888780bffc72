package dev.wavecraft.maven.classpath;

import static dev.wavecraft.maven.workspace.MavenProjects.module;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wavecraft.protocol.classpath.ProjectClasspath;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A local module of the build comes from its classes directory, never its jar; the rest stay jars. */
class ProjectClasspathResolverTest {

    @TempDir
    Path temp;

    @Test
    void takesALocalModuleFromItsOwnClassesAndOtherDependenciesAsJars() throws Exception {
        MavenProject dsp = module(temp.resolve("dsp"), "dsp", "jar");
        MavenProject plugin = module(temp.resolve("plugin"), "plugin", "jar");
        Files.createDirectories(temp.resolve("plugin/target/classes"));
        Set<Artifact> artifacts = new LinkedHashSet<>();
        artifacts.add(artifact("com.example", "dsp", null, "compile", "repo/dsp-1.0-SNAPSHOT.jar"));
        artifacts.add(artifact("com.example", "dsp", "tests", "compile", "repo/dsp-1.0-SNAPSHOT-tests.jar"));
        artifacts.add(artifact("org.example", "fft", null, "runtime", "repo/fft.jar"));
        artifacts.add(artifact("dev.wavecraft", "wavecraft-api", null, "compile", "repo/api.jar"));
        artifacts.add(artifact("org.junit", "junit", null, "test", "repo/junit.jar"));
        plugin.setArtifacts(artifacts);

        ProjectClasspath classpath = ProjectClasspathResolver.resolve(plugin, List.of(dsp, plugin));

        assertThat(classpath.classesDirectories()).containsExactly(temp.resolve("plugin/target/classes"),
                temp.resolve("dsp/target/classes"));
        assertThat(classpath.dependencies()).containsExactly(temp.resolve("repo/dsp-1.0-SNAPSHOT-tests.jar"),
                temp.resolve("repo/fft.jar"));
    }

    private Artifact artifact(String group, String id, String classifier, String scope, String file) {
        DefaultArtifactHandler jar = new DefaultArtifactHandler("jar");
        jar.setAddedToClasspath(true);
        DefaultArtifact artifact = new DefaultArtifact(group, id, "1.0-SNAPSHOT", scope, "jar", classifier, jar);
        artifact.setFile(new File(temp.toFile(), file));
        return artifact;
    }
}
