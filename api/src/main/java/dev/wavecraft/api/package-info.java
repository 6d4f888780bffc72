/**
 * What a user's processor compiles against, and nothing else: {@link Processor}, the sealed {@link
 * Parameter} kinds ({@link FloatParameter}, {@link BoolParameter}, {@link EnumParameter}), {@link
 * ParameterLayout}, {@link ParameterValues}, {@link AudioBlock} with its {@link NoteEvents}, and {@link
 * Chain}, processors in series as named {@link Stage}s. Declarations are checked where
 * they are made: each parameter its own id, name, range and default (shared rules in the
 * package-private {@code Declarations}), {@link ParameterLayout#of} the list's unique ids, each
 * failure a {@link ParameterDeclarationException}. The jar has no dependencies at all, so it never
 * drags the dev server or the plugin onto a user's compile classpath. Finding, loading and running
 * a processor is the dev server's ({@code dev.wavecraft.devserver.processor} and {@code .audio});
 * at run time these classes come from the server's own class loader, so {@code Processor} is one
 * type on both sides of a reload.
 */
package dev.wavecraft.api;
