/**
 * From a settled change to a reload request, and the hot-reload side put together. {@link DevLoop}
 * wires the watcher, the builds and the reload loop from the {@link HotReloadSettings} that
 * {@code run} and {@code start} read from their parameters ({@link BuildSetup} picks a warm or a
 * fresh Maven). {@link ReloadLoop} receives the watcher's change sets (and the browser's build
 * requests), submits a {@code BuildRequest} to a {@link BuildGuard} (one build running, at most one
 * merged build pending, on {@code wavecraft-build}), runs it with the {@link Rebuilder} and, after a
 * success, asks the server to reload through {@code supervise.SupervisedControlClient}. {@link
 * Rebuilder} makes a fresh Invoker request per build ({@link BuildGoals} by kind of change, {@code
 * -pl -am} in a reactor) and hands it to a {@link MavenRunner}: {@link ForkedMaven} here, or {@code
 * warm.WarmMaven}; a failed build is parsed into diagnostics ({@code CompilerOutputParser}, {@code
 * CodeFrame}). {@link TerminalReport} is what the developer reads about each save.
 */
package dev.wavecraft.maven.rebuild;
