package dev.wavecraft.maven.warm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Size and modification time of the files a kept container's state came from (POMs, settings,
 * extension lists, plugin jars), to tell whether any of them changed since: the check mvnd makes
 * on the jars of its cached realms, here for every input at once. A file that did not exist is
 * recorded as missing, so its appearance counts as a change too.
 */
final class InputStamps {

    private static final Stamp MISSING = new Stamp(-1, FileTime.fromMillis(0));

    private final Map<Path, Stamp> stamps;

    private InputStamps(Map<Path, Stamp> stamps) {
        this.stamps = stamps;
    }

    static InputStamps none() {
        return new InputStamps(Map.of());
    }

    static InputStamps of(Collection<Path> files) {
        Map<Path, Stamp> stamps = new LinkedHashMap<>();
        for (Path file : files) {
            stamps.put(file, Stamp.of(file));
        }
        return new InputStamps(stamps);
    }

    /** The first file whose size or modification time is no longer what was recorded. */
    Optional<Path> firstChanged() {
        return stamps.entrySet().stream()
                .filter(entry -> !Stamp.of(entry.getKey()).equals(entry.getValue()))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /** The first file modified after {@code time}: recorded after a build, but perhaps changed while it ran. */
    Optional<Path> firstModifiedAfter(FileTime time) {
        return stamps.entrySet().stream()
                .filter(entry -> entry.getValue().modified().compareTo(time) > 0)
                .map(Map.Entry::getKey)
                .findFirst();
    }

    private record Stamp(long size, FileTime modified) {

        static Stamp of(Path file) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                return new Stamp(attributes.size(), attributes.lastModifiedTime());
            } catch (NoSuchFileException e) {
                return MISSING;
            } catch (IOException e) {
                // Unreadable now: unlike any stamp of a readable file, so a change either way.
                return new Stamp(-2, FileTime.fromMillis(0));
            }
        }
    }
}
