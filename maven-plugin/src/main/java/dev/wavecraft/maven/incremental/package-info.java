/**
 * Compiling what changed and what depends on it, through the project's own build. {@link
 * IncrementalCompile} plans each pass of a rebuild ({@link Pass}): before it, the classes of the
 * sources to compile are removed, so that maven-compiler-plugin in its stale-source mode compiles
 * just those with the module's configuration; after it, the API of each class written
 * ({@code AbiRecorder}, read with ASM) is compared with the one its users were compiled against,
 * recorded in the {@code ClassGraph} ({@code ClassFacts} per class, names from the constant pool by
 * {@code ConstantPoolNames}), and the users of a changed API compile in the next pass
 * ({@code GraphUpdate}). Where that is not known to equal a full compile, whole modules compile.
 * The {@code classpath} goal writes the {@link CompileSetup} the rebuilds start from: each module's
 * classes and source roots, and whether the fast path suits it ({@code CompilerCheck}).
 */
package dev.wavecraft.maven.incremental;
