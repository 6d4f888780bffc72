/**
 * Rebuilds in one long-lived Maven JVM instead of a fresh {@code mvn} per save. {@link WarmMaven}
 * is a {@code rebuild.MavenRunner}: it turns each Invoker request into the very arguments the
 * Invoker would pass (so both paths build alike), sends them as a {@code WarmRequest} to a {@code
 * WarmMavenProcess}, and falls back to the fresh runner when the worker cannot start or dies (a
 * build that outlasts the timeout fails instead, and the next one gets a new worker). {@link
 * WarmMavenWorker} is the worker's main class, started through Maven's own classworlds launcher
 * ({@code WorkerLaunch}, {@link WorkerSpec}) and exiting when its stdin closes. It runs every
 * request through {@code org.apache.maven.cli.KeptContainerCli}, Maven's command line with one
 * Plexus container kept across builds as mvnd keeps it, and {@code ContainerReuse} decides before
 * each build whether that container may serve it: not after a change to a POM, the settings, the
 * extension list or a plugin jar ({@code InputStamps}), nor after a build that could leave it
 * unsafe. {@code KeptModelCache} and {@code KeptSettings} keep, in that container, the models of
 * released POMs and the settings read.
 */
package dev.wavecraft.maven.warm;
