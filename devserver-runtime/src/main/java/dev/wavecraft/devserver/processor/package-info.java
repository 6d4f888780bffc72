/**
 * Turning classes on disk into a processor instance. {@link ProcessorLoader} reads the classes
 * directories of a {@code protocol.classpath.ProjectClasspath} into a {@link ClassSnapshot} (in
 * memory, so a later compile cannot leak half-written classes in), defines them child-first in a
 * {@link SnapshotClassLoader} over a per-jar-list {@code DependencyLoaders} loader, whose parent
 * {@code ApiClassLoader} supplies the server's own api classes; {@code ProcessorDiscovery} finds
 * the class and {@code ProcessorFactory} creates it under a timeout on its own thread. The result
 * is a {@link LoadedProcessor}; failures are a {@link ProcessorLoadException} with a stable {@link
 * ProcessorLoadException.Problem}. Keeping, swapping and retiring generations is {@code reload}'s
 * job, not this package's.
 */
package dev.wavecraft.devserver.processor;
