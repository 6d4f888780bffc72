package dev.wavecraft.maven.rebuild;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A small Maven project in a temporary folder for the fast compile path's tests: its sources, its
 * POM, and its {@code target/classes} as digests and modification times. It resolves plugins from
 * the integration tests' repository, with their settings.
 */
final class IncrementalProject {

    private final Path root;
    private final Path settings;

    private IncrementalProject(Path root, Path settings) {
        this.root = root;
        this.settings = settings;
    }

    IncrementalProject(Path root) throws IOException {
        this(Files.createDirectories(root), root.resolveSibling("it-settings.xml"));
        // The same settings as the invoker's builds, so that what they fetched counts as available.
        Files.writeString(settings, Files.readString(Path.of(System.getProperty("wavecraft.it.settings")))
                .replace("@localRepositoryUrl@", Path.of(System.getProperty("wavecraft.it.mainRepo")).toUri().toString()));
    }

    Path root() {
        return root;
    }

    Path settings() {
        return settings;
    }

    Path file(String relative) {
        return root.resolve(relative);
    }

    void write(String relative, String text) throws IOException {
        Files.createDirectories(file(relative).getParent());
        Files.writeString(file(relative), text);
    }

    /**
     * @param description an element for the project, e.g. {@code <description>}
     * @param compilerArguments {@code <arg>} elements for the compiler
     */
    void writePom(String description, String compilerArguments) throws IOException {
        write("pom.xml", pom("incremental", "jar", description, compilerArguments));
    }

    /** A reactor of {@code dsp} and {@code app}, which depends on dsp. */
    void writeReactorPoms() throws IOException {
        write("pom.xml", pom("reactor", "pom", "<modules><module>dsp</module><module>app</module></modules>", ""));
        write("dsp/pom.xml", pom("dsp", "jar", "", ""));
        write("app/pom.xml", pom("app", "jar", "<dependencies><dependency><groupId>demo</groupId>"
                + "<artifactId>dsp</artifactId><version>1</version></dependency></dependencies>", ""));
    }

    private static String pom(String artifactId, String packaging, String extra, String compilerArguments) {
        return """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>demo</groupId><artifactId>%s</artifactId><version>1</version><packaging>%s</packaging>
                  %s
                  <properties>
                    <maven.compiler.release>17</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                  <build><plugins>
                    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-resources-plugin</artifactId>
                      <version>%s</version></plugin>
                    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId>
                      <version>%s</version>
                      <configuration><compilerArgs>%s</compilerArgs></configuration></plugin>
                  </plugins></build>
                </project>
                """.formatted(artifactId, packaging, extra, System.getProperty("wavecraft.it.resourcesPlugin"),
                System.getProperty("wavecraft.it.compilerPlugin"), compilerArguments);
    }

    /** The POMs and sources, without anything built, in {@code directory}, emptied first. */
    IncrementalProject copyTo(Path directory) throws IOException {
        delete(directory);
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path relative = root.relativize(file);
                List<String> parts = new ArrayList<>();
                relative.forEach(part -> parts.add(part.toString()));
                if (!parts.contains("target") && (parts.contains("src") || parts.contains("pom.xml"))) {
                    Files.createDirectories(directory.resolve(relative).getParent());
                    Files.copy(file, directory.resolve(relative));
                }
            }
        }
        return new IncrementalProject(directory, settings);
    }

    /** Every file of {@code target/classes} (of each module) by relative path, with the SHA-256 of its content. */
    Map<String, String> classDigests() throws IOException {
        Map<String, String> digests = new TreeMap<>();
        for (Path file : classesFiles()) {
            digests.put(relative(file), sha256(Files.readAllBytes(file)));
        }
        return digests;
    }

    /** Every file of {@code target/classes} (of each module) by relative path, with its modification time. */
    Map<String, Instant> classTimes() throws IOException {
        Map<String, Instant> times = new TreeMap<>();
        for (Path file : classesFiles()) {
            times.put(relative(file), Files.getLastModifiedTime(file).toInstant());
        }
        return times;
    }

    /** The class files written since {@code times} were taken, new ones included. */
    List<String> rewrittenSince(Map<String, Instant> times) throws IOException {
        return classTimes().entrySet().stream().filter(entry -> !entry.getValue().equals(times.get(entry.getKey())))
                .map(Map.Entry::getKey).toList();
    }

    private List<Path> classesFiles() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(file -> relative(file).contains("target/classes/"))
                    .sorted().toList();
        }
    }

    /** {@code target/classes/com/example/Gain.class}, {@code app/target/classes/...} in a reactor. */
    private String relative(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private static void delete(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
