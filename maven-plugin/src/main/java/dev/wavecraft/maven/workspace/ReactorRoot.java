package dev.wavecraft.maven.workspace;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.model.Model;
import org.apache.maven.model.Profile;
import org.apache.maven.model.io.xpp3.MavenXpp3Reader;
import org.codehaus.plexus.util.xml.pull.XmlPullParserException;

/**
 * The top-level POM of the multi-module project a module belongs to, found as Quarkus finds its
 * workspace: walk up from the module while the POM one directory up lists the directory below it
 * among its modules. A module that no POM above lists is its own root.
 */
public final class ReactorRoot {

    private static final String POM = "pom.xml";

    private ReactorRoot() {
    }

    /** The directory of the top-level POM above {@code moduleDirectory}, or that directory itself. */
    public static Path above(Path moduleDirectory) {
        Path current = moduleDirectory.toAbsolutePath().normalize();
        Path parent = current.getParent();
        while (parent != null && modulesOf(parent.resolve(POM)).contains(current)) {
            current = parent;
            parent = current.getParent();
        }
        return current;
    }

    /**
     * The module directories a POM lists, its profiles' included (any of them may be active); none
     * when there is no readable POM there.
     */
    static List<Path> modulesOf(Path pom) {
        Optional<Model> model = read(pom);
        List<Path> modules = new ArrayList<>();
        if (model.isEmpty()) {
            return modules;
        }
        List<String> declared = new ArrayList<>(model.get().getModules());
        for (Profile profile : model.get().getProfiles()) {
            declared.addAll(profile.getModules());
        }
        for (String module : declared) {
            Path path = pom.getParent().resolve(module.trim()).normalize();
            modules.add(Files.isRegularFile(path) ? path.getParent() : path);
        }
        return modules;
    }

    private static Optional<Model> read(Path pom) {
        if (!Files.isRegularFile(pom)) {
            return Optional.empty();
        }
        try (Reader reader = Files.newBufferedReader(pom)) {
            return Optional.of(new MavenXpp3Reader().read(reader, false));
        } catch (IOException | XmlPullParserException e) {
            // A POM above that cannot be read does not make the module part of a reactor; Maven
            // itself reports it if the module's own build needs it (as a parent).
            return Optional.empty();
        }
    }
}
