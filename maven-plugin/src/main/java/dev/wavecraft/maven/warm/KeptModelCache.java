package dev.wavecraft.maven.warm;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.maven.model.building.ModelCache;
import org.apache.maven.repository.internal.DefaultModelCacheFactory;
import org.apache.maven.repository.internal.ModelCacheFactory;
import org.eclipse.aether.RepositorySystemSession;

/**
 * Maven's model cache (parent POMs and imported BOMs, as the model builder reads them) with the
 * models of released versions kept for as long as the container, as mvnd's snapshot model cache
 * keeps them: a released POM in a repository never changes, and a local one is among the POMs
 * whose change drops the container. Snapshot, interpolated and ranged versions stay in the build's
 * own cache, as in a fresh Maven. The model builder copies what it puts and gets, so builds share
 * no model object.
 */
final class KeptModelCache implements ModelCacheFactory {

    private final ModelCacheFactory perBuild = new DefaultModelCacheFactory();
    private final Map<List<String>, Object> released = new ConcurrentHashMap<>();

    @Override
    public ModelCache createCache(RepositorySystemSession session) {
        ModelCache build = perBuild.createCache(session);
        return new ModelCache() {
            @Override
            public void put(String groupId, String artifactId, String version, String tag, Object data) {
                if (isRelease(version)) {
                    released.put(List.of(groupId, artifactId, version, tag), data);
                } else if (build != null) {
                    build.put(groupId, artifactId, version, tag, data);
                }
            }

            @Override
            public Object get(String groupId, String artifactId, String version, String tag) {
                if (isRelease(version)) {
                    return released.get(List.of(groupId, artifactId, version, tag));
                }
                return build != null ? build.get(groupId, artifactId, version, tag) : null;
            }
        };
    }

    /** How many models of released POMs are kept. */
    int size() {
        return released.size();
    }

    static boolean isRelease(String version) {
        return !version.contains("SNAPSHOT") && !version.contains("${")
                && version.chars().noneMatch(c -> "[](),".indexOf(c) >= 0);
    }
}
