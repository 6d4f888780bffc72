package dev.wavecraft.devserver.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wavecraft.devserver.http.ClientRegistry;
import dev.wavecraft.devserver.params.ParameterHost;
import dev.wavecraft.devserver.processor.LoadedProcessor;
import dev.wavecraft.devserver.processor.ProcessorLoader;
import dev.wavecraft.devserver.reload.Generation;
import dev.wavecraft.devserver.reload.GenerationManager;
import dev.wavecraft.devserver.reload.ReloadCoordinator;
import dev.wavecraft.devserver.testing.CompiledProject;
import dev.wavecraft.protocol.json.Json;
import dev.wavecraft.protocol.reload.BuildReport;
import dev.wavecraft.protocol.reload.Diagnostic;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exact text of {@code getReloadStatus}, which the browsers and PROTOCOL.md fix. */
class ReloadMethodsTest {

    @TempDir
    Path project;

    private final ProcessorLoader loader = new ProcessorLoader(Optional.empty(), Duration.ofSeconds(5));

    @AfterEach
    void close() throws Exception {
        loader.close();
    }

    @Test
    void reportsTheStatusByTheProtocolsNamesWithOptionalMembersLeftOut() throws Exception {
        ReloadCoordinator reloads = coordinatorOnTheExample();
        AsyncRpcMethod status = new ReloadMethods(reloads).methods().get(RpcNames.GET_RELOAD_STATUS);

        assertThat(Json.toFrame(status.start(new RpcParams(null), null).toCompletableFuture().join())).isEqualTo("{\"generation\":1,"
                + "\"state\":\"idle\",\"autoReload\":true,\"stats\":{\"reloads\":0,\"failed\":0,\"skipped\":0,"
                + "\"builds\":0,\"lastReloadMs\":0,\"lastTotalMs\":0}}");

        reloads.buildStarted(List.of("src/main/java/demo/Gain.java"), "change");

        assertThat(Json.toFrame(status.start(new RpcParams(null), null).toCompletableFuture().join())).isEqualTo("{\"generation\":1,"
                + "\"state\":\"building\",\"autoReload\":true,\"stats\":{\"reloads\":0,\"failed\":0,\"skipped\":0,"
                + "\"builds\":1,\"lastReloadMs\":0,\"lastTotalMs\":0}}");

        reloads.buildFailed(new BuildReport(List.of("src/main/java/demo/Gain.java"), "change", 100, 200),
                List.of(new Diagnostic("src/main/java/demo/Gain.java", 3, 9, "ERROR", "';' expected")), "output");
        reloads.setAutoReload(false);

        assertThat(Json.toFrame(status.start(new RpcParams(null), null).toCompletableFuture().join())).isEqualTo("{\"generation\":1,"
                + "\"state\":\"failed\",\"autoReload\":false,"
                + "\"lastError\":\"src/main/java/demo/Gain.java:3: ';' expected\",\"stats\":{\"reloads\":0,"
                + "\"failed\":1,\"skipped\":0,\"builds\":1,\"lastReloadMs\":0,\"lastTotalMs\":0}}");
    }

    private ReloadCoordinator coordinatorOnTheExample() throws Exception {
        LoadedProcessor first = loader.load(CompiledProject.example(project).classpath(), 1);
        GenerationManager generations = new GenerationManager(loader, new ParameterHost(first.layout()),
                new Generation(1, first, Instant.now()), warning -> { });
        return new ReloadCoordinator(generations, new ReloadNotifier(new ClientRegistry()));
    }
}
