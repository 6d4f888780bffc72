package dev.wavecraft.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/** A temporary copy of one of the examples ({@code examples/gain} unless named) that a test edits the way a developer would. */
public final class ExampleCopy {

    public static final String PROCESSOR = "src/main/java/com/example/gain/GainProcessor.java";

    private final Path root;

    private ExampleCopy(Path root) {
        this.root = root;
    }

    public static ExampleCopy of(Path directory) throws IOException {
        return of("gain", directory);
    }

    /** A copy of {@code examples/<name>}, such as {@code chain}. */
    public static ExampleCopy of(String name, Path directory) throws IOException {
        Path example = Path.of(System.getProperty("wavecraft.examples.dir")).resolve(name);
        Files.walkFileTree(example, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                if (dir.getFileName().toString().equals("target")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(directory.resolve(example.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.copy(file, directory.resolve(example.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                return FileVisitResult.CONTINUE;
            }
        });
        return new ExampleCopy(directory);
    }

    public Path root() {
        return root;
    }

    public Path file(String relative) {
        return root.resolve(relative);
    }

    public String read(String relative) {
        try {
            return Files.readString(file(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces {@code from} (which must be there) by {@code to} and saves in place. */
    public void edit(String relative, String from, String to) {
        String text = read(relative);
        assertThat(text).as("text to replace in %s", relative).contains(from);
        write(relative, text.replace(from, to));
    }

    public void write(String relative, String text) {
        try {
            Files.createDirectories(file(relative).getParent());
            Files.writeString(file(relative), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Saves {@code text} as most editors do: the whole file at once, written beside the project (in
     * the folder above it, which nothing watches) and renamed into place.
     */
    public void save(String relative, String text) {
        try {
            Path staged = Files.createTempFile(root.toAbsolutePath().getParent(), "staged", ".tmp");
            Files.writeString(staged, text);
            Files.move(staged, file(relative), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void delete(String relative) throws IOException {
        Files.delete(file(relative));
    }

    /** Changes the modification time only. */
    public void touch(String relative) throws IOException {
        Files.setLastModifiedTime(file(relative), FileTime.from(Instant.now()));
    }
}
