/**
 * Spectra off the audio thread: {@link Fft} (radix-2, tables computed once per size) and
 * {@link SpectrumAnalyser} (Hann window, magnitudes in dBFS). Depends on nothing else of the
 * server; the engine's spectrum tap ({@code audio.SpectrumTap}) hands it the samples it kept.
 */
package dev.wavecraft.devserver.audio.spectrum;
