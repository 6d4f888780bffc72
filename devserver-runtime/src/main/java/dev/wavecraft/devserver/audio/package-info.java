/**
 * Running the live processor on the {@code wavecraft-audio} thread without allocating or locking.
 * {@link AudioEngine} wires the parts: {@link AudioLoop} (the thread's body and its pacing by
 * {@link BlockSchedule}), {@link ProcessorSwitch}, which takes a {@link ProcessorRunner} prepared
 * and warmed up off the audio thread and crossfades it in at a block boundary, the inputs ({@code
 * protocol.options.InputSpec}, {@link InputSources}), the sinks ({@link DeviceSink}, {@link
 * SilentSink}), and the lock-free meter and oscilloscope taps (a chain's {@link StageMeters},
 * installed on the live generation's {@code Chain} only, meter it stage by stage). {@link AudioMonitor} on {@code
 * wavecraft-audio-monitor} does everything that may block: releasing retired runners, computing
 * {@link AudioStatus}, and asking for a {@link Rollback} when a generation keeps failing. Which
 * generation to run is decided in {@code reload}; this package only plays what it is offered
 * ({@link AudioEngine#prepare}). {@code wavecraft:render} takes its generated inputs from
 * {@link InputSources#generated}; the rest of an offline render is the {@code render} package's.
 */
package dev.wavecraft.devserver.audio;
