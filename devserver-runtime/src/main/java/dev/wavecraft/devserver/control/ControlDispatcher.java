package dev.wavecraft.devserver.control;

import dev.wavecraft.devserver.params.ParameterHost;
import dev.wavecraft.devserver.reload.BuildTool;
import dev.wavecraft.devserver.reload.ReloadCoordinator;
import dev.wavecraft.devserver.reload.ReloadFailure;
import dev.wavecraft.protocol.failure.FailureText;
import dev.wavecraft.protocol.control.ControlConnection;
import dev.wavecraft.protocol.control.ControlMessages.AutoReload;
import dev.wavecraft.protocol.control.ControlMessages.AutoReloadPaused;
import dev.wavecraft.protocol.control.ControlMessages.BuildFailed;
import dev.wavecraft.protocol.control.ControlMessages.BuildRequested;
import dev.wavecraft.protocol.control.ControlMessages.BuildSkipped;
import dev.wavecraft.protocol.control.ControlMessages.BuildStarted;
import dev.wavecraft.protocol.control.ControlMessages.Decoded;
import dev.wavecraft.protocol.control.ControlMessages.Reload;
import dev.wavecraft.protocol.control.ControlMessages.Reloaded;
import dev.wavecraft.protocol.control.ControlMessages.RestoreValues;
import dev.wavecraft.protocol.control.ControlMessages.Stop;
import dev.wavecraft.protocol.control.ControlMessages.UiChanged;
import dev.wavecraft.protocol.reload.StageChange;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Turns the mojo's control messages into reload work, and lets the server ask the mojo for builds. */
public final class ControlDispatcher implements ControlHandler {

    private static final System.Logger LOG = System.getLogger(ControlDispatcher.class.getName());

    private final ReloadCoordinator reloads;
    private final Runnable stop;
    private final ParameterMirror parameters;
    private final Map<ControlConnection, BuildTool> buildTools = new ConcurrentHashMap<>();

    /**
     * @param parameters the values the build tool is kept told of, and restores after a crash
     * @param stop what a {@link Stop} message does: ends the server
     */
    public ControlDispatcher(ReloadCoordinator reloads, ParameterHost parameters, Runnable stop) {
        this.reloads = reloads;
        this.parameters = new ParameterMirror(parameters);
        this.stop = stop;
    }

    @Override
    public void connected(ControlConnection connection) {
        BuildTool tool = new BuildTool() {
            @Override
            public void requestBuild() {
                connection.send(new BuildRequested());
            }

            @Override
            public void autoReloadChanged(boolean enabled) {
                connection.send(new AutoReload(enabled));
            }

            @Override
            public void autoReloadPaused(String reason) {
                connection.send(new AutoReloadPaused(reason));
            }
        };
        buildTools.put(connection, tool);
        reloads.connect(tool);
        parameters.connected(connection);
    }

    @Override
    public void received(ControlConnection connection, Decoded message) {
        if (message.is(BuildStarted.class)) {
            BuildStarted started = message.as(BuildStarted.class);
            reloads.buildStarted(started.files(), started.trigger());
        } else if (message.is(BuildFailed.class)) {
            BuildFailed failed = message.as(BuildFailed.class);
            reloads.buildFailed(failed.report(), failed.diagnostics(), failed.output());
        } else if (message.is(BuildSkipped.class)) {
            reloads.buildSkipped();
        } else if (message.is(Reload.class)) {
            reload(connection, message.as(Reload.class));
        } else if (message.is(UiChanged.class)) {
            reloads.uiChanged(message.as(UiChanged.class).files());
        } else if (message.is(RestoreValues.class)) {
            parameters.restore(message.as(RestoreValues.class).values());
        } else if (message.is(Stop.class)) {
            stop.run();
        } else {
            throw new IllegalStateException("unknown control message type '" + message.type() + "'");
        }
    }

    /** Reloads on the reload thread and answers from there, so this connection goes on being read meanwhile. */
    private void reload(ControlConnection connection, Reload request) {
        reloads.reloadLater(request.classpath(), request.report()).whenComplete((swap, failure) -> {
            if (failure != null && reloads.closing()) {
                return; // cut short because the server is exiting: the build tool sees the exit, with this reload
            }
            try {
                connection.send(failure == null
                        ? new Reloaded(request.id(), true, swap.generation().number(), swap.change(), swap.reloadMs(),
                                null, swap.warning(), swap.heard(), swap.stageChange())
                        : failed(request, failure));
            } catch (UncheckedIOException gone) {
                LOG.log(System.Logger.Level.WARNING, "Could not tell the build tool how reload " + request.id()
                        + " ended: " + FailureText.of(gone));
            }
        });
    }

    private static Reloaded failed(Reload request, Throwable failure) {
        if (failure instanceof ReloadFailure reload) {
            return new Reloaded(request.id(), false, 0, null, 0, reload.stage(), FailureText.of(reload), false,
                    StageChange.NONE);
        }
        return new Reloaded(request.id(), false, 0, null, 0, "load", "The reload failed unexpectedly: " + failure,
                false, StageChange.NONE);
    }

    @Override
    public void disconnected(ControlConnection connection) {
        parameters.disconnected(connection);
        BuildTool tool = buildTools.remove(connection);
        if (tool != null) {
            reloads.disconnect(tool);
        }
    }
}
