package dev.wavecraft.devserver.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every class and resource of the project's classes directories, read into memory at once, so that
 * a later compile writing into the same directories can never leak half-written classes into a
 * running generation.
 */
public final class ClassSnapshot {

    private static final String CLASS_SUFFIX = ".class";

    private final Map<String, byte[]> files;

    private ClassSnapshot(Map<String, byte[]> files) {
        this.files = Map.copyOf(files);
    }

    /**
     * Reads {@code directories} into one snapshot. Where two hold the same resource path the
     * earlier one wins, as on a classpath: the processor module's own classes shadow a local
     * module's. A directory that does not exist adds nothing.
     */
    public static ClassSnapshot read(List<Path> directories) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        for (Path directory : directories) {
            readInto(files, directory);
        }
        return new ClassSnapshot(files);
    }

    private static void readInto(Map<String, byte[]> files, Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path file : walk.filter(Files::isRegularFile).collect(Collectors.toList())) {
                String path = directory.relativize(file).toString().replace(java.io.File.separatorChar, '/');
                if (!files.containsKey(path)) {
                    files.put(path, Files.readAllBytes(file));
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The content of a resource path such as {@code com/example/Gain.class}, or null. */
    byte[] get(String path) {
        return files.get(path);
    }

    boolean contains(String path) {
        return files.containsKey(path);
    }

    /** Binary names of the top-level and nested classes in the snapshot. */
    List<String> classNames() {
        return files.keySet().stream()
                .filter(path -> path.endsWith(CLASS_SUFFIX) && !path.endsWith("module-info.class"))
                .map(path -> path.substring(0, path.length() - CLASS_SUFFIX.length()).replace('/', '.'))
                .sorted()
                .collect(Collectors.toList());
    }

    public int size() {
        return files.size();
    }
}
