package dev.wavecraft.devserver.rpc;

import com.google.gson.JsonElement;
import java.util.concurrent.CompletionStage;

/**
 * A JSON-RPC method whose work runs elsewhere (a reload on the reload thread): it starts the work
 * and the reply goes out when the returned stage completes, so the thread that read the request (an
 * Undertow I/O thread) never waits on it.
 */
@FunctionalInterface
public interface AsyncRpcMethod {

    /**
     * @param params the request's params, checked by the accessors of {@link RpcParams}
     * @param caller the client that sent the request, so changes it makes are not echoed back to it
     * @return completes with the result member of the reply, or with an {@link RpcException}
     */
    CompletionStage<JsonElement> start(RpcParams params, Object caller) throws RpcException;
}
