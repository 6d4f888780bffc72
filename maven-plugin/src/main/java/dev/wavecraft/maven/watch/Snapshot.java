package dev.wavecraft.maven.watch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The last reported state of every watched file. Events are only hints of where to look; this is
 * the truth they are checked against, so a touch, or an edit undone, is not a change.
 */
final class Snapshot {

    /**
     * A file recorded within this long of its last modification is not "settled": a second write in
     * the same timestamp tick (2 s on FAT) could leave size and time as they were, so it is hashed
     * again rather than trusted on its metadata.
     */
    static final Duration RACY_MARGIN = Duration.ofSeconds(2);

    record FileState(long size, FileTime modified, String hash, boolean settled) {
        boolean sameMetadata(FileState other) {
            return size == other.size && modified.equals(other.modified);
        }
    }

    /**
     * The outcome of looking at some paths again. {@code touched} files have new metadata but the
     * same content; {@code updates} are the states to record once the outcome is accepted.
     */
    record Comparison(Set<Path> changed, Set<Path> deleted, Set<Path> touched, Map<Path, FileState> updates) {
        boolean hasChanges() {
            return !changed.isEmpty() || !deleted.isEmpty();
        }

        Set<Path> differing() {
            Set<Path> differing = new HashSet<>(changed);
            differing.addAll(deleted);
            differing.addAll(touched);
            return differing;
        }
    }

    private final Map<Path, FileState> states = new HashMap<>();
    private final Set<Path> unreadable = new HashSet<>();
    private final Consumer<String> warnings;

    Snapshot(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    Set<Path> paths() {
        return Set.copyOf(states.keySet());
    }

    /** Whether the path, or anything under it, was recorded: a deleted or moved-away directory still matters. */
    boolean hasAnyUnder(Path path) {
        return states.keySet().stream().anyMatch(recorded -> recorded.startsWith(path));
    }

    Set<Path> pathsUnder(Path path) {
        return states.keySet().stream().filter(recorded -> recorded.startsWith(path)).collect(Collectors.toSet());
    }

    /**
     * Looks at each candidate again. Content is hashed unless {@code mayTrustMetadata} allows taking
     * a settled file with unchanged size and modification time as unchanged (for full rescans and
     * polling, which would otherwise hash every file, large audio resources included).
     */
    Comparison compare(Collection<Path> candidates, Predicate<Path> mayTrustMetadata) throws IOException {
        Set<Path> changed = new HashSet<>();
        Set<Path> deleted = new HashSet<>();
        Set<Path> touched = new HashSet<>();
        Map<Path, FileState> updates = new HashMap<>();
        for (Path path : candidates) {
            FileState before = states.get(path);
            FileState now = read(path, before, mayTrustMetadata.test(path));
            if (now == null) {
                if (before != null) {
                    deleted.add(path);
                }
            } else if (now != before) {
                updates.put(path, now);
                if (before == null || !before.hash().equals(now.hash())) {
                    changed.add(path);
                } else if (!before.sameMetadata(now)) {
                    touched.add(path);
                }
            }
        }
        return new Comparison(changed, deleted, touched, updates);
    }

    void apply(Comparison comparison) {
        states.putAll(comparison.updates());
        comparison.deleted().forEach(states::remove);
    }

    /** The current state, {@code before} itself when it can be trusted, or null when there is no regular file. */
    private FileState read(Path path, FileState before, boolean mayTrustMetadata) throws IOException {
        try {
            // Metadata first: if the file changes while we hash it, the recorded time is the older one and the next look hashes again.
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                return null;
            }
            FileTime modified = attributes.lastModifiedTime();
            if (mayTrustMetadata && before != null && before.settled()
                    && before.size() == attributes.size() && before.modified().equals(modified)) {
                return before;
            }
            String hash = hash(path);
            unreadable.remove(path);
            boolean settled = modified.toInstant().isBefore(Instant.now().minus(RACY_MARGIN));
            return new FileState(attributes.size(), modified, hash, settled);
        } catch (NoSuchFileException e) {
            return null;
        } catch (ClosedByInterruptException e) {
            throw e;
        } catch (IOException e) {
            if (unreadable.add(path)) {
                warnings.accept("Cannot read " + path + " (" + e + "); changes to it are not seen until it can be read.");
            }
            return before;
        }
    }

    private static String hash(Path file) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
