/**
 * A/B compare between generations: which generation plays as A beside the live one (B), loading
 * it off the request threads, and what is heard; the audio thread's side is in {@code audio}.
 */
package dev.wavecraft.devserver.compare;
