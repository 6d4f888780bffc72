package dev.wavecraft.maven.warm;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.maven.model.building.ModelCache;
import org.eclipse.aether.DefaultRepositoryCache;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.junit.jupiter.api.Test;

class KeptModelCacheTest {

    private final KeptModelCache models = new KeptModelCache();

    @Test
    void aReleasedModelPutInOneBuildIsThereForTheNext() {
        Object parent = new Object();
        models.createCache(build()).put("org.apache", "apache", "33", "raw", parent);

        assertThat(models.createCache(build()).get("org.apache", "apache", "33", "raw")).isSameAs(parent);
        assertThat(models.size()).isEqualTo(1);
    }

    @Test
    void aSnapshotOrUnresolvedModelStaysWithItsBuild() {
        ModelCache first = models.createCache(build());
        Object snapshot = new Object();
        Object interpolated = new Object();
        first.put("demo", "parent", "1.0-SNAPSHOT", "raw", snapshot);
        first.put("demo", "parent", "${revision}", "raw", interpolated);

        ModelCache next = models.createCache(build());

        assertThat(first.get("demo", "parent", "1.0-SNAPSHOT", "raw")).isSameAs(snapshot);
        assertThat(next.get("demo", "parent", "1.0-SNAPSHOT", "raw")).isNull();
        assertThat(next.get("demo", "parent", "${revision}", "raw")).isNull();
        assertThat(models.size()).isZero();
    }

    @Test
    void onlyPlainReleaseVersionsCountAsReleased() {
        assertThat(KeptModelCache.isRelease("3.9.16")).isTrue();
        assertThat(KeptModelCache.isRelease("1.0-SNAPSHOT")).isFalse();
        assertThat(KeptModelCache.isRelease("${project.version}")).isFalse();
        assertThat(KeptModelCache.isRelease("[1.0,2.0)")).isFalse();
    }

    /** A build's repository session: each build of the warm worker has its own cache. */
    private static DefaultRepositorySystemSession build() {
        DefaultRepositorySystemSession session = new DefaultRepositorySystemSession();
        session.setCache(new DefaultRepositoryCache());
        return session;
    }
}
