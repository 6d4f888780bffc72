/**
 * The project classpath the mojo resolves and the server loads: {@link ProjectClasspath}, its
 * classes directories (the processor module's first, then local modules') and dependency jars, and
 * its {@code project.classpath} file form, written by {@code wavecraft:classpath} and read by the
 * server before each generation.
 */
package dev.wavecraft.protocol.classpath;
