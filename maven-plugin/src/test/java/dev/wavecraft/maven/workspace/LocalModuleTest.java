package dev.wavecraft.maven.workspace;

import static dev.wavecraft.maven.workspace.MavenProjects.module;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

/** A module's inputs as the build left them: roots plugins added, outputs left out, template folders in. */
class LocalModuleTest {

    private static final Path DSP = Path.of("/work/audio/dsp");

    @Test
    void watchesEverySourceRootButThoseTheBuildGenerates() {
        MavenProject project = module(DSP, "dsp", "jar");
        project.addCompileSourceRoot(DSP.resolve("src/gen/java").toString());
        project.addCompileSourceRoot(DSP.resolve("target/generated-sources/annotations").toString());

        LocalModule module = LocalModule.of(project);

        assertThat(module.name()).isEqualTo("dsp");
        assertThat(module.pom()).isEqualTo(DSP.resolve("pom.xml"));
        assertThat(module.sourceRoots()).containsExactly(DSP.resolve("src/main/java"), DSP.resolve("src/gen/java"));
        assertThat(module.resourceRoots()).containsExactly(DSP.resolve("src/main/resources"));
        assertThat(module.inputRoots()).isEmpty();
    }

    @Test
    void watchesTheTemplatesOfTemplatingMavenPluginWhereTheBuildUsesIt() {
        MavenProject byDefault = module(DSP, "dsp", "jar");
        byDefault.getBuild().addPlugin(templating(null));
        MavenProject configured = module(DSP, "dsp", "jar");
        configured.getBuild().addPlugin(templating("src/templates"));

        assertThat(LocalModule.of(byDefault).inputRoots()).containsExactly(DSP.resolve("src/main/java-templates"));
        assertThat(LocalModule.of(configured).inputRoots()).containsExactly(DSP.resolve("src/templates"));
    }

    private static Plugin templating(String sourceDirectory) {
        Plugin plugin = new Plugin();
        plugin.setGroupId("org.codehaus.mojo");
        plugin.setArtifactId("templating-maven-plugin");
        if (sourceDirectory != null) {
            Xpp3Dom configuration = new Xpp3Dom("configuration");
            Xpp3Dom child = new Xpp3Dom("sourceDirectory");
            child.setValue(sourceDirectory);
            configuration.addChild(child);
            plugin.setConfiguration(configuration);
        }
        return plugin;
    }
}
