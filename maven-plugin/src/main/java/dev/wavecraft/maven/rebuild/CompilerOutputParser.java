package dev.wavecraft.maven.rebuild;

import dev.wavecraft.protocol.reload.Diagnostic;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads javac's messages out of a Maven build's output: {@code [ERROR] /abs/Gain.java:[35,14] msg}
 * plus the indented lines javac adds ({@code symbol: class Foo}). Maven prints each error twice
 * (in the plugin's output and in the failure summary); each is kept once, with the source lines
 * around it.
 */
final class CompilerOutputParser {

    private static final Pattern MESSAGE =
            Pattern.compile("^\\[(ERROR|WARNING)\\] (.+?\\.java):\\[(\\d+),(\\d+)\\] (.*)$");
    private static final Pattern DETAIL = Pattern.compile("^\\s+(symbol|location|required|found|reason)\\s*:\\s*(.*)$");

    private CompilerOutputParser() {
    }

    static List<Diagnostic> parse(List<String> output, Path projectDirectory) {
        Set<Diagnostic> diagnostics = new LinkedHashSet<>();
        for (int i = 0; i < output.size(); i++) {
            Matcher message = MESSAGE.matcher(output.get(i));
            if (!message.matches()) {
                continue;
            }
            StringBuilder text = new StringBuilder(message.group(5).trim());
            // Consume the detail lines under this message, keeping the symbol it is about.
            for (Matcher detail; (detail = detail(output, i + 1)) != null; i++) {
                if (detail.group(1).equals("symbol")) {
                    text.append(": ").append(detail.group(2).trim());
                }
            }
            diagnostics.add(new Diagnostic(relative(message.group(2), projectDirectory),
                    Integer.parseInt(message.group(3)), Integer.parseInt(message.group(4)),
                    message.group(1).toLowerCase(Locale.ROOT), text.toString()));
        }
        // Frames are read once per distinct message, after Maven's repeats are gone.
        return diagnostics.stream().map(found -> new Diagnostic(found.file(), found.line(), found.column(),
                found.severity(), found.message(), CodeFrame.around(projectDirectory.resolve(found.file()),
                found.line()))).collect(Collectors.toList());
    }

    /** The detail javac adds under a message at {@code index}, with or without Maven's level prefix, or null. */
    private static Matcher detail(List<String> output, int index) {
        if (index >= output.size()) {
            return null;
        }
        String line = output.get(index).replaceFirst("^\\[(ERROR|WARNING)\\]", "");
        Matcher detail = DETAIL.matcher(line);
        return detail.matches() ? detail : null;
    }

    private static String relative(String file, Path projectDirectory) {
        Path path = Path.of(file);
        if (path.isAbsolute() && path.startsWith(projectDirectory)) {
            path = projectDirectory.relativize(path);
        }
        return path.toString().replace('\\', '/');
    }
}
