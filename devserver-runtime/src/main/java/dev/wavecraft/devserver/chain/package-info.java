/**
 * Signal chains as the server shows them: {@link ChainStages} turns the live processor into its
 * stages in order (a processor that is not a {@code dev.wavecraft.api.Chain} is one stage), for
 * {@code getChain} and for the stages a reload added or removed. Metering each stage is the
 * {@code audio} package's ({@code StageMeters}).
 */
package dev.wavecraft.devserver.chain;
