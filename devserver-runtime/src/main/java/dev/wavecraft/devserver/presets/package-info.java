/**
 * Named presets: parameter values saved as {@code <name>.json} in the project's presets folder
 * ({@code src/main/wavecraft/presets} by default), to be committed. One {@link PresetStore} reads and
 * writes them for the dev server's preset methods and for {@code wavecraft:render}'s preset; the
 * values are set through {@code params.ParameterState#fitted}, like a session's.
 */
package dev.wavecraft.devserver.presets;
