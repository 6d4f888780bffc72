package dev.wavecraft.devserver.rpc;

import com.google.gson.JsonElement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** One JSON-RPC method that answers at once, on the thread that read the request. */
@FunctionalInterface
public interface RpcMethod extends AsyncRpcMethod {

    /**
     * @param params the request's params, checked by the accessors of {@link RpcParams}
     * @param caller the client that sent the request, so changes it makes are not echoed back to it
     * @return the result member of the reply
     */
    JsonElement call(RpcParams params, Object caller) throws RpcException;

    @Override
    default CompletionStage<JsonElement> start(RpcParams params, Object caller) throws RpcException {
        return CompletableFuture.completedFuture(call(params, caller));
    }
}
