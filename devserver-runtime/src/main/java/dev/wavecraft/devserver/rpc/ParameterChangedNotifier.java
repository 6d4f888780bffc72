package dev.wavecraft.devserver.rpc;

import com.google.gson.JsonObject;
import dev.wavecraft.api.Parameter;
import dev.wavecraft.devserver.params.ParameterListener;

/** Tells the other clients about a value change with {@code parameterChanged}; the one that set it gets no echo. */
public final class ParameterChangedNotifier implements ParameterListener {

    private final Broadcaster clients;

    public ParameterChangedNotifier(Broadcaster clients) {
        this.clients = clients;
    }

    @Override
    public void valueChanged(Parameter parameter, double value, Object origin) {
        JsonObject change = new JsonObject();
        change.addProperty("id", parameter.id());
        change.add("value", ParameterInfoJson.number(parameter, value));
        clients.broadcast(RpcMessages.notification(RpcNames.PARAMETER_CHANGED, change), origin);
    }
}
