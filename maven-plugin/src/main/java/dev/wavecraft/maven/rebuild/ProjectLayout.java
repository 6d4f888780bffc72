package dev.wavecraft.maven.rebuild;

import dev.wavecraft.maven.workspace.LocalModule;
import dev.wavecraft.maven.workspace.LocalModules;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the reload loop finds the project's files, and how it names them.
 *
 * @param directory where builds run: the top-level project's directory in a multi-module project
 * @param modules the modules of the dev loop, rewritten with the classpath after a POM change
 * @param classpathFile the file the server reads the classpath from, rewritten after a POM change
 * @param modulesFile where the build writes {@code modules} after a POM change
 * @param uiDirectory the user's own UI folder, served under {@code /ui/}
 */
public record ProjectLayout(Path directory, LocalModules modules, Path classpathFile, Path modulesFile,
        Optional<Path> uiDirectory) {

    public ProjectLayout withModules(LocalModules changed) {
        return new ProjectLayout(directory, changed, classpathFile, modulesFile, uiDirectory);
    }

    /** The path relative to {@link #directory()}, with forward slashes: for browsers and the history. */
    public String relative(Path file) {
        return slashed(file.startsWith(directory) ? directory.relativize(file) : file);
    }

    /**
     * The path as the terminal shows it: relative to its module, after the module's name when the
     * dev loop spans several ({@code [dsp] src/main/java/com/example/dsp/Gain.java}).
     */
    public String label(Path file) {
        Optional<LocalModule> owner = modules.isMultiModule() ? modules.ownerOf(file) : Optional.empty();
        return owner.map(module -> "[" + module.name() + "] " + slashed(module.directory().relativize(file)))
                .orElseGet(() -> relative(file));
    }

    static String slashed(Path path) {
        return path.toString().replace('\\', '/');
    }
}
