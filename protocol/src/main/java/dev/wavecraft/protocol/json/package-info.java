/**
 * {@link Json}: the one Gson configuration both sides use for the control channel, the launch line
 * and the browser protocol, and strict parsing with bounded nesting.
 */
package dev.wavecraft.protocol.json;
