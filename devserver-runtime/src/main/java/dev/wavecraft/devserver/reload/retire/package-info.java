/**
 * Taking back what a retired generation's code registered JVM-wide, because each of these would
 * keep its class loader, and so all its classes, in memory. {@link GlobalRegistrations} is captured
 * before any project code runs and releases, per {@link RetiredLoaders}: shutdown hooks (read by
 * reflection, which needs {@link GlobalRegistrations#OPEN_JAVA_LANG}), JDBC drivers
 * ({@link JdbcDriverRelease} runs inside the generation's loader), the {@code java.beans} caches,
 * and {@code java.util.logging} levels and handlers ({@link LoggingUndo}, undone just before the
 * successor's code runs). Interrupting the generation's threads is done by
 * {@code reload.GenerationRetirer}, which calls this package.
 */
package dev.wavecraft.devserver.reload.retire;
