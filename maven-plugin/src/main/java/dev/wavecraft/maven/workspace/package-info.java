/**
 * How a multi-module project enters the dev loop. {@link ReactorRoot} walks up to the top-level
 * POM that lists the module; {@link BuildScope} says where rebuilds run from ({@code -pl <module>
 * -am} from that POM); {@link LocalModules} lists the processor's module and the local modules it
 * depends on, with their POMs and source, resource and input roots ({@link LocalModule}), written
 * to {@code modules.json} by the {@code classpath} goal and read back by {@code run}.
 * {@link ProcessorModules} picks the one module of a reactor build that runs the server and passes
 * over the others. The classpath those modules give is {@code classpath}'s.
 */
package dev.wavecraft.maven.workspace;
