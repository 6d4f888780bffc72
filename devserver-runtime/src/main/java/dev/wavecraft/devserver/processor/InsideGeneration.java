package dev.wavecraft.devserver.processor;

import java.io.IOException;

/**
 * Runs small helpers of the server as code of a generation. Some JDK registries answer only to
 * code of the class loader that registered with them ({@code java.sql.DriverManager} lists and
 * deregisters only drivers its caller's loader can see), so the helper must live in that loader.
 */
public final class InsideGeneration {

    private InsideGeneration() {
    }

    /**
     * A new instance of {@code helper}, defined anew in the generation's loader. The helper needs a
     * public no-argument constructor and may use JDK types only; cast the result to a JDK interface
     * it implements, because its own class is not the server's.
     *
     * @throws IllegalArgumentException when {@code generation} is not a loader of project classes
     */
    public static Object newInstance(ClassLoader generation, Class<?> helper) throws ReflectiveOperationException,
            IOException {
        if (!(generation instanceof SnapshotClassLoader)) {
            throw new IllegalArgumentException(generation + " is not a generation's class loader");
        }
        return ((SnapshotClassLoader) generation).defineCopyOf(helper).getConstructor().newInstance();
    }
}
