/**
 * What a goal hands its forked JVM, as plain records with one command-line form each side reads:
 * {@link DevServerOptions} (with {@link HttpOptions} and {@link AudioOptions}), {@link RenderOptions}
 * for an offline render, the input source
 * ({@link InputSpec}), {@link AudioSettings}, {@link SampleFormat}, and {@link BindAddress}, which
 * tells loopback from other addresses for the mojo's warnings and the server's checks. Nothing
 * secret goes on a command line.
 */
package dev.wavecraft.protocol.options;
