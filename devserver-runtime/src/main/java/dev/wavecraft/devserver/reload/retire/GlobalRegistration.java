package dev.wavecraft.devserver.reload.retire;

import java.util.List;

/** One kind of JVM-wide registry that code of a retired generation may have registered with. */
interface GlobalRegistration {

    /** What is registered here, as a warning names it ({@code shutdown hooks}). */
    String kind();

    /**
     * Removes what code of the retired loaders registered here.
     *
     * @return what was removed, one short description each ({@code shutdown hook 'flush'})
     */
    List<String> release(RetiredLoaders retired);
}
