/**
 * The session: what the user set in one run of the dev server (parameter values, the input) comes
 * back in the next. The server owns the file ({@code target/wavecraft/session.json}, so
 * {@code mvn clean} resets it): it knows the values and the input, and the plugin only names the
 * file. {@link SessionRecorder} writes it on its own thread a short while after changes, never
 * from the audio or I/O threads; {@link SessionRestore} reads it at start and sets the values through
 * {@code params.ParameterHost#apply}, as presets and crash restores do.
 */
package dev.wavecraft.devserver.session;
