package dev.wavecraft.maven.workspace;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * One module of the dev loop, the processor's own or a local module it depends on, with the
 * files whose change needs a build: its POM, its compile source roots (those other plugins added
 * included), its resource roots, and folders that plugins turn into sources.
 *
 * @param name the artifactId, shown beside changed files
 * @param inputRoots folders whose files a plugin turns into sources, such as templating-maven-plugin's
 */
public record LocalModule(String name, Path directory, Path pom, List<Path> sourceRoots, List<Path> resourceRoots,
        List<Path> inputRoots) {

    static final String TEMPLATING_PLUGIN = "org.codehaus.mojo:templating-maven-plugin";
    static final String TEMPLATING_DEFAULT_SOURCES = "src/main/java-templates";

    public LocalModule {
        sourceRoots = List.copyOf(sourceRoots);
        resourceRoots = List.copyOf(resourceRoots);
        inputRoots = List.copyOf(inputRoots);
    }

    /**
     * The module as the build left it. Roots under the build directory are outputs of the build
     * (generated sources): watching them would let a generator whose output differs each time
     * rebuild forever, so their inputs are watched instead.
     */
    public static LocalModule of(MavenProject project) {
        Path buildDirectory = Path.of(project.getBuild().getDirectory());
        Path base = project.getBasedir().toPath();
        return new LocalModule(project.getArtifactId(), base, project.getFile().toPath(),
                outside(buildDirectory, project.getCompileSourceRoots().stream().map(Path::of)),
                outside(buildDirectory, project.getResources().stream().map(resource -> Path.of(resource.getDirectory()))),
                outside(buildDirectory, templatingSources(project).map(base::resolve).stream()));
    }

    private static List<Path> outside(Path buildDirectory, Stream<Path> roots) {
        return roots.filter(root -> !root.startsWith(buildDirectory)).toList();
    }

    /** Whether {@code file} is this module's: its POM or under its directory. */
    public boolean owns(Path file) {
        return file.equals(pom) || file.startsWith(directory);
    }

    /** templating-maven-plugin's source directory when the module's build uses the plugin. */
    private static Optional<Path> templatingSources(MavenProject project) {
        Plugin plugin = project.getBuild().getPluginsAsMap().get(TEMPLATING_PLUGIN);
        if (plugin == null) {
            return Optional.empty();
        }
        Stream<Object> configurations = Stream.concat(Stream.of(plugin.getConfiguration()),
                plugin.getExecutions().stream().map(PluginExecution::getConfiguration));
        return Optional.of(configurations
                .filter(Xpp3Dom.class::isInstance)
                .map(configuration -> ((Xpp3Dom) configuration).getChild("sourceDirectory"))
                .filter(child -> child != null && child.getValue() != null && !child.getValue().isBlank())
                .map(child -> Path.of(child.getValue().trim()))
                .findFirst()
                .orElse(Path.of(TEMPLATING_DEFAULT_SOURCES)));
    }
}
