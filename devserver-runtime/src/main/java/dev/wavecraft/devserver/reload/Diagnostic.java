package dev.wavecraft.devserver.reload;

/** One compiler message: the file relative to the project, 1-based line and column, "error" or "warning". */
public record Diagnostic(String file, int line, int column, String severity, String message) {
}
