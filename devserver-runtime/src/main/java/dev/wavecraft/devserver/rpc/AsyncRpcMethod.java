package dev.wavecraft.devserver.rpc;

import com.google.gson.JsonElement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

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

    /**
     * {@code method} run on {@code worker}: for work too long for the thread that read the request
     * (reading a large file, say), which goes on at once; the reply goes out when the work is done.
     */
    static AsyncRpcMethod onWorker(Executor worker, RpcMethod method) {
        return (params, caller) -> CompletableFuture.supplyAsync(() -> {
            try {
                return method.call(params, caller);
            } catch (RpcException e) {
                throw new CompletionException(e);
            }
        }, worker);
    }
}
