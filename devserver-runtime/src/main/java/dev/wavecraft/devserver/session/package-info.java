/**
 * The session: what the user set in one run of the dev server (parameter values, the input, the
 * compare settings) comes back in the next. The server owns the file
 * ({@code target/wavecraft/session.json}, so {@code mvn clean} resets it): it knows the values, the
 * input and compare, and the plugin only names the file. {@link SessionRecorder} writes it on its
 * own thread a short while after changes, never from the audio or I/O threads; {@link SessionRestore}
 * reads it at start and sets the values through {@code params.ParameterHost#apply}, as presets and
 * crash restores do; compare's settings are set once compare exists, against that run's default A.
 */
package dev.wavecraft.devserver.session;
