package dev.wavecraft.maven.rebuild;

import dev.wavecraft.devserver.reload.Diagnostic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads javac's messages out of a Maven build's output: {@code [ERROR] /abs/Gain.java:[35,14] msg}
 * plus the indented lines javac adds ({@code symbol: class Foo}). Maven prints each error twice
 * (in the plugin's output and in the failure summary); each is kept once.
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
            while (i + 1 < output.size() && isSymbolDetail(output.get(i + 1))) {
                i++;
                Matcher detail = DETAIL.matcher(output.get(i));
                if (detail.matches() && detail.group(1).equals("symbol")) {
                    text.append(": ").append(detail.group(2).trim());
                }
            }
            diagnostics.add(new Diagnostic(relative(message.group(2), projectDirectory),
                    Integer.parseInt(message.group(3)), Integer.parseInt(message.group(4)),
                    message.group(1).toLowerCase(Locale.ROOT), text.toString()));
        }
        return new ArrayList<>(diagnostics);
    }

    private static boolean isSymbolDetail(String line) {
        return DETAIL.matcher(line).matches() || line.startsWith("[ERROR]   ") && DETAIL.matcher(line.substring(7)).matches();
    }

    private static String relative(String file, Path projectDirectory) {
        Path path = Path.of(file);
        if (path.isAbsolute() && path.startsWith(projectDirectory)) {
            path = projectDirectory.relativize(path);
        }
        return path.toString().replace('\\', '/');
    }
}
