package dev.wavecraft.maven.incremental;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.zip.ZipFile;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Whether a module's compile may be handed its changed sources alone. That holds for javac run by
 * maven-compiler-plugin 3.x, whose stale-source mode compiles exactly the sources without an
 * up-to-date class, with the module's own configuration. It does not hold for annotation
 * processors (one may read every annotated class to write one file, and none here is known to
 * cope with a few sources at a time), for another compiler, for a second compile execution, or
 * for plugins that compile other languages or weave into the same classes directory.
 */
final class CompilerCheck {

    static final String COMPILER_PLUGIN = "org.apache.maven.plugins:maven-compiler-plugin";
    static final String PROCESSOR_SERVICE = "META-INF/services/javax.annotation.processing.Processor";
    private static final List<String> OTHER_COMPILERS = List.of(
            "org.jetbrains.kotlin:kotlin-maven-plugin",
            "org.codehaus.mojo:aspectj-maven-plugin",
            "dev.aspectj:aspectj-maven-plugin",
            "org.codehaus.gmavenplus:gmavenplus-plugin",
            "net.alchim31.maven:scala-maven-plugin");
    private static final Set<String> COMPILE_SCOPES =
            Set.of(Artifact.SCOPE_COMPILE, Artifact.SCOPE_PROVIDED, Artifact.SCOPE_SYSTEM);
    private static final Set<String> PROCESSOR_OPTIONS = Set.of("-processor", "-processorpath", "--processor-path");

    private CompilerCheck() {
    }

    /** Why the module only compiles safely whole, or empty when the fast path suits it. */
    static Optional<String> reasonToCompileWhole(MavenProject project, Properties userProperties) {
        Map<String, Plugin> plugins = project.getBuild().getPluginsAsMap();
        Plugin compiler = plugins.get(COMPILER_PLUGIN);
        if (compiler == null || compiler.getVersion() == null || !compiler.getVersion().startsWith("3.")) {
            return Optional.of("a compile by other than maven-compiler-plugin 3.x"
                    + (compiler == null ? "" : " (" + compiler.getVersion() + ")"));
        }
        Optional<String> other = OTHER_COMPILERS.stream().filter(plugins::containsKey).findFirst();
        if (other.isPresent()) {
            return Optional.of(other.get() + ", which writes classes too");
        }
        if (compiler.getExecutions().stream().filter(execution -> execution.getGoals().contains("compile")).count() > 1) {
            return Optional.of("several compile executions");
        }
        Settings settings = new Settings(configuration(compiler), userProperties, project.getProperties());
        String compilerId = settings.value("compilerId", "maven.compiler.compilerId");
        if (compilerId != null && !compilerId.equals("javac")) {
            return Optional.of("the " + compilerId + " compiler");
        }
        return processors(settings, project);
    }

    private static Optional<String> processors(Settings settings, MavenProject project) {
        List<String> arguments = settings.values("compilerArgs");
        if ("none".equals(settings.value("proc", "maven.compiler.proc")) || arguments.contains("-proc:none")) {
            return Optional.empty();
        }
        if (!settings.values("annotationProcessorPaths").isEmpty() || !settings.values("annotationProcessors").isEmpty()
                || arguments.stream().anyMatch(PROCESSOR_OPTIONS::contains)) {
            return Optional.of("annotation processors configured for the compiler");
        }
        return project.getArtifacts().stream()
                .filter(artifact -> COMPILE_SCOPES.contains(artifact.getScope()))
                .filter(artifact -> declaresProcessor(artifact.getFile()))
                .findFirst()
                .map(artifact -> "an annotation processor in " + artifact.getGroupId() + ":" + artifact.getArtifactId());
    }

    private static boolean declaresProcessor(File file) {
        if (file == null) {
            return false;
        }
        if (file.isDirectory()) {
            return Files.isRegularFile(file.toPath().resolve(PROCESSOR_SERVICE));
        }
        try (ZipFile jar = new ZipFile(file)) {
            return jar.getEntry(PROCESSOR_SERVICE) != null;
        } catch (IOException e) {
            // Not a readable jar: javac could not read processors from it either.
            return false;
        }
    }

    /** The default-compile execution's configuration, with the plugin's own beneath it. */
    private static Xpp3Dom configuration(Plugin compiler) {
        Xpp3Dom plugin = (Xpp3Dom) compiler.getConfiguration();
        PluginExecution execution = compiler.getExecutionsAsMap().get("default-compile");
        Xpp3Dom own = execution == null ? null : (Xpp3Dom) execution.getConfiguration();
        if (own == null) {
            return plugin;
        }
        return plugin == null ? own : Xpp3Dom.mergeXpp3Dom(new Xpp3Dom(own), plugin);
    }

    /** A mojo parameter as the compile sees it: configured, else set by its user property. */
    private record Settings(Xpp3Dom configuration, Properties userProperties, Properties projectProperties) {

        String value(String parameter, String property) {
            Xpp3Dom child = configuration == null ? null : configuration.getChild(parameter);
            String value = child == null ? null : child.getValue();
            if (value == null || value.isBlank() || value.startsWith("${")) {
                value = userProperties.getProperty(property, projectProperties.getProperty(property));
            }
            return value == null ? null : value.trim();
        }

        /** The values (or, for nested elements, the names) of a list parameter's items. */
        List<String> values(String parameter) {
            Xpp3Dom child = configuration == null ? null : configuration.getChild(parameter);
            List<String> values = new ArrayList<>();
            if (child != null) {
                for (Xpp3Dom item : child.getChildren()) {
                    values.add(item.getValue() == null ? item.getName() : item.getValue().trim());
                }
            }
            return values;
        }
    }
}
