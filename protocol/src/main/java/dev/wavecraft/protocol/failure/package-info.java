/** Failures put into words the same way on both sides of the protocol: never "null". */
package dev.wavecraft.protocol.failure;
