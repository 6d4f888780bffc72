/**
 * RIFF/WAVE files in and out: {@link WavReader} (16- and 24-bit PCM and 32-bit float, mono or
 * stereo, plain or WAVE_FORMAT_EXTENSIBLE) and {@link WavWriter} (the file appears complete or not
 * at all), with {@link WavAudio} and {@code protocol.options.SampleFormat} between them. Depends on
 * nothing else of the server; the audio engine's WAV input ({@code audio.InputSources}) and {@code
 * wavecraft:render} use it.
 */
package dev.wavecraft.devserver.audio.wav;
