package dev.wavecraft.maven.fork;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A {@code java @argfile} holding the server's classpath: no length limit on any OS, and a file
 * under {@code target/wavecraft/} that a user can read when a class is not found.
 */
public final class ArgFile {

    private ArgFile() {
    }

    /** Writes {@code -cp "<entries>"} to {@code file} and returns the {@code @file} argument. */
    public static String writeClasspath(Path file, List<Path> classpath) throws IOException {
        String joined = classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, "-cp\n" + quote(joined) + "\n", StandardCharsets.UTF_8);
        return "@" + file.toAbsolutePath();
    }

    /** Java's argfile syntax: double quotes keep spaces, and backslash escapes inside them. */
    static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
