package dev.wavecraft.maven.incremental;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The class files in the output directories of the compiled modules. */
final class ClassFiles {

    private static final String SUFFIX = ".class";

    private ClassFiles() {
    }

    /** One class file, and the stamp that tells whether it was written again since. */
    record ClassFile(String name, CompiledModule module, Path path, Stamp stamp) {
    }

    /** Size, modification time and file identity: a compile that writes the file changes one of them. */
    record Stamp(long size, FileTime modified, Object key) {
    }

    /** Every class file now, by internal name. */
    static Map<String, ClassFile> scan(CompileSetup setup) throws IOException {
        Map<String, ClassFile> files = new HashMap<>();
        for (CompiledModule module : setup.modules()) {
            for (Path path : list(module.classes())) {
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(path, BasicFileAttributes.class);
                } catch (NoSuchFileException e) {
                    continue; // removed while listing
                }
                String name = internalName(module.classes().relativize(path));
                files.put(name, new ClassFile(name, module, path,
                        new Stamp(attributes.size(), attributes.lastModifiedTime(), attributes.fileKey())));
            }
        }
        return files;
    }

    /** Removes every class file of the modules, so that the next compile compiles all their sources. */
    static void deleteAll(CompileSetup setup) throws IOException {
        for (CompiledModule module : setup.modules()) {
            for (Path path : list(module.classes())) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static List<Path> list(Path classes) throws IOException {
        if (!Files.isDirectory(classes)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(classes)) {
            return new ArrayList<>(walk.filter(path -> path.getFileName().toString().endsWith(SUFFIX))
                    .filter(Files::isRegularFile).toList());
        }
    }

    /** {@code com/example/Gain$1} for {@code com/example/Gain$1.class}. */
    private static String internalName(Path relative) {
        StringBuilder name = new StringBuilder();
        for (Path part : relative) {
            name.append(name.length() == 0 ? "" : "/").append(part);
        }
        return name.substring(0, name.length() - SUFFIX.length());
    }
}
