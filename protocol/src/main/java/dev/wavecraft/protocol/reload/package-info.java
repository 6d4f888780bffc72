/**
 * What the mojo tells the server about a build and what the server answers about a reload: {@link
 * BuildReport} with its {@link Diagnostic}s and {@link SourceLine}s, and {@link LayoutChange}, the
 * parameters a reload added, removed, kept or reset, and {@link StageChange}, the stages of a
 * signal chain it added or removed.
 */
package dev.wavecraft.protocol.reload;
