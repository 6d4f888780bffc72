/**
 * The forked dev server put together. {@link DevServer#start} loads generation 1, creates the
 * parameter host, the audio engine, the generation manager and reload coordinator, the JSON-RPC
 * methods, the Undertow side and the control server, and wires them to one another; the behaviour
 * lives in the sub-packages. The server's settings and their command-line form ({@code
 * protocol.options.DevServerOptions}) are shared with the mojo through the protocol module. The
 * process entry point, its stdin watchdog and the ready line are in {@code launch}.
 */
package dev.wavecraft.devserver;
