/**
 * The forked dev server put together. {@link DevServer#start} loads generation 1, creates the
 * parameter host, the audio engine, the generation manager and reload coordinator, the JSON-RPC
 * methods, the Undertow side and the control server, and wires them to one another; the behaviour
 * lives in the sub-packages. {@link DevServerOptions} is the server's settings and their command-line
 * form, written by the mojo and parsed by {@code launch.DevServerMain} from the same class so the
 * two sides cannot drift. The process entry point, its stdin watchdog and the ready line are in
 * {@code launch}.
 */
package dev.wavecraft.devserver;
