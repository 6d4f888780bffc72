package dev.wavecraft.maven.incremental;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wavecraft.maven.workspace.MavenProjects;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which modules may be handed their changed sources alone, told from the project as Maven built it. */
class CompilerCheckTest {

    @TempDir
    Path temp;

    @Test
    void javacThroughCompilerPlugin3SuitsTheFastPath() {
        MavenProject project = project("3.14.1");

        assertThat(CompilerCheck.reasonToCompileWhole(project, new Properties())).isEmpty();
    }

    @Test
    void anAnnotationProcessorOnTheCompileClasspathNeedsWholeModules() throws IOException {
        MavenProject project = project("3.14.1");
        project.setArtifacts(Set.of(artifact("org.projectlombok", "lombok", Artifact.SCOPE_PROVIDED,
                jar("lombok.jar", CompilerCheck.PROCESSOR_SERVICE))));

        assertThat(CompilerCheck.reasonToCompileWhole(project, new Properties()))
                .contains("an annotation processor in org.projectlombok:lombok");
    }

    @Test
    void processorsDoNotCountWhenProcessingIsOffOrTheJarIsForTests() throws IOException {
        MavenProject off = project("3.14.1");
        off.setArtifacts(Set.of(artifact("org.projectlombok", "lombok", Artifact.SCOPE_PROVIDED,
                jar("lombok.jar", CompilerCheck.PROCESSOR_SERVICE))));
        Properties procNone = new Properties();
        procNone.setProperty("maven.compiler.proc", "none");
        MavenProject forTests = project("3.14.1");
        forTests.setArtifacts(Set.of(artifact("com.google.auto", "auto-service", Artifact.SCOPE_TEST,
                jar("auto.jar", CompilerCheck.PROCESSOR_SERVICE))));

        assertThat(CompilerCheck.reasonToCompileWhole(off, procNone)).isEmpty();
        assertThat(CompilerCheck.reasonToCompileWhole(forTests, new Properties())).isEmpty();
    }

    @Test
    void processorPathsAnotherCompilerOrAnotherPluginVersionNeedWholeModules() {
        MavenProject paths = project("3.14.1");
        configure(paths, "annotationProcessorPaths", "path");
        MavenProject eclipse = project("3.14.1");
        configure(eclipse, "compilerId", null).setValue("eclipse");
        MavenProject old = project("2.5.1");

        assertThat(CompilerCheck.reasonToCompileWhole(paths, new Properties()))
                .contains("annotation processors configured for the compiler");
        assertThat(CompilerCheck.reasonToCompileWhole(eclipse, new Properties())).contains("the eclipse compiler");
        assertThat(CompilerCheck.reasonToCompileWhole(old, new Properties()))
                .contains("a compile by other than maven-compiler-plugin 3.x (2.5.1)");
    }

    private MavenProject project(String compilerVersion) {
        MavenProject project = MavenProjects.module(temp.resolve("module"), "module", "jar");
        Plugin compiler = new Plugin();
        compiler.setGroupId("org.apache.maven.plugins");
        compiler.setArtifactId("maven-compiler-plugin");
        compiler.setVersion(compilerVersion);
        PluginExecution compile = new PluginExecution();
        compile.setId("default-compile");
        compile.setGoals(List.of("compile"));
        compiler.addExecution(compile);
        project.getBuild().addPlugin(compiler);
        return project;
    }

    /** Adds {@code <parameter>} (with one {@code <item>} when given) to the compiler's configuration. */
    private static Xpp3Dom configure(MavenProject project, String parameter, String item) {
        Plugin compiler = project.getBuild().getPluginsAsMap().get(CompilerCheck.COMPILER_PLUGIN);
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        Xpp3Dom child = new Xpp3Dom(parameter);
        if (item != null) {
            Xpp3Dom element = new Xpp3Dom(item);
            element.setValue("x");
            child.addChild(element);
        }
        configuration.addChild(child);
        compiler.setConfiguration(configuration);
        return child;
    }

    private static Artifact artifact(String groupId, String artifactId, String scope, Path file) {
        DefaultArtifact artifact = new DefaultArtifact(groupId, artifactId, "1.0", scope, "jar", null,
                new DefaultArtifactHandler("jar"));
        artifact.setFile(file.toFile());
        return artifact;
    }

    private Path jar(String name, String entry) throws IOException {
        Path jar = temp.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write("com.example.Processor\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return jar;
    }
}
