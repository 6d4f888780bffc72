package dev.wavecraft.maven.workspace;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import dev.wavecraft.protocol.failure.FailureText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.project.MavenProject;

/**
 * The modules of the dev loop: the processor's module first, then the local modules of the same
 * multi-module project that it depends on (directly or through each other) and their parents.
 * The {@code classpath} goal writes them after each build that resolves the classpath, so that
 * {@code run} watches what that build saw (roots added by plugins included).
 */
public record LocalModules(List<LocalModule> modules) {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting()
            .registerTypeHierarchyAdapter(Path.class, new PathAdapter()).create();

    public LocalModules {
        modules = List.copyOf(modules);
        if (modules.isEmpty()) {
            throw new IllegalArgumentException("The processor's own module is always a module of the dev loop");
        }
    }

    /**
     * {@code processorModule} and those of {@code reactor} it depends on at run time, with the
     * parents of all of them that are in the reactor too.
     */
    public static LocalModules of(MavenProject processorModule, List<MavenProject> reactor) {
        return new LocalModules(projectsOf(processorModule, reactor).stream().map(LocalModule::of).toList());
    }

    /** The projects of the modules {@link #of} lists, in its order. */
    public static List<MavenProject> projectsOf(MavenProject processorModule, List<MavenProject> reactor) {
        ReactorModules modules = new ReactorModules(reactor);
        List<MavenProject> included = new ArrayList<>();
        included.add(processorModule);
        processorModule.getArtifacts().stream().filter(ReactorModules::atRunTime)
                .forEach(artifact -> modules.moduleOf(artifact).ifPresent(included::add));
        Set<Path> seen = new HashSet<>();
        List<MavenProject> projects = new ArrayList<>();
        for (MavenProject project : withParents(included, reactor)) {
            if (seen.add(project.getFile().toPath())) {
                projects.add(project);
            }
        }
        return projects;
    }

    private static List<MavenProject> withParents(List<MavenProject> projects, List<MavenProject> reactor) {
        Set<Path> inReactor = reactor.stream().map(project -> project.getFile().toPath()).collect(Collectors.toSet());
        List<MavenProject> all = new ArrayList<>(projects);
        for (MavenProject project : projects) {
            for (MavenProject parent = project.getParent(); parent != null && parent.getFile() != null
                    && inReactor.contains(parent.getFile().toPath()); parent = parent.getParent()) {
                all.add(parent);
            }
        }
        return all;
    }

    /** Whether the dev loop spans more than the processor's module (its parent POM included). */
    public boolean isMultiModule() {
        return modules.size() > 1;
    }

    /** The module that owns {@code file}: the deepest whose directory holds it. */
    public Optional<LocalModule> ownerOf(Path file) {
        return modules.stream().filter(module -> module.owns(file))
                .max(Comparator.comparingInt(module -> module.directory().getNameCount()));
    }

    public List<Path> sourceRoots() {
        return modules.stream().flatMap(module -> module.sourceRoots().stream()).distinct().toList();
    }

    public List<Path> resourceRoots() {
        return modules.stream().flatMap(module -> module.resourceRoots().stream()).distinct().toList();
    }

    public List<Path> inputRoots() {
        return modules.stream().flatMap(module -> module.inputRoots().stream()).distinct().toList();
    }

    public List<Path> poms() {
        return modules.stream().map(LocalModule::pom).distinct().toList();
    }

    public void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, GSON.toJson(this), StandardCharsets.UTF_8);
    }

    public static LocalModules read(Path file) throws IOException {
        try {
            LocalModules read = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), LocalModules.class);
            if (read == null) {
                throw new IOException(file + " is empty");
            }
            return read;
        } catch (JsonParseException | IllegalArgumentException | NullPointerException e) {
            throw new IOException(file + " does not describe the modules of the dev loop: " + FailureText.of(e), e);
        }
    }

    /** Paths as plain absolute strings, the same on every platform's JSON. */
    private static final class PathAdapter extends TypeAdapter<Path> {
        @Override
        public void write(JsonWriter out, Path path) throws IOException {
            out.value(path.toString());
        }

        @Override
        public Path read(JsonReader in) throws IOException {
            return Path.of(in.nextString());
        }
    }
}
