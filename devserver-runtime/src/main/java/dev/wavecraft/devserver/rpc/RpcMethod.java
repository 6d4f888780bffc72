package dev.wavecraft.devserver.rpc;

import com.google.gson.JsonElement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/** One JSON-RPC method. */
@FunctionalInterface
public interface RpcMethod {

    /**
     * @param params the request's params, checked by the accessors of {@link RpcParams}
     * @param caller the client that sent the request, so changes it makes are not echoed back to it
     * @return the result member of the reply
     */
    JsonElement call(RpcParams params, Object caller) throws RpcException;

    /**
     * The result once it is ready, failed with an {@link RpcException} or another exception as
     * {@link #call} would throw it. At once on the calling thread, unless made by {@link #onWorker}.
     */
    default CompletionStage<JsonElement> start(RpcParams params, Object caller) {
        try {
            return CompletableFuture.completedFuture(call(params, caller));
        } catch (RpcException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * {@code method} run on {@code worker}: for work too long for the thread that received the
     * request (Undertow's only I/O thread), which goes on at once; the reply goes out when it is done.
     */
    static RpcMethod onWorker(Executor worker, RpcMethod method) {
        return new RpcMethod() {
            @Override
            public JsonElement call(RpcParams params, Object caller) throws RpcException {
                return method.call(params, caller);
            }

            @Override
            public CompletionStage<JsonElement> start(RpcParams params, Object caller) {
                return CompletableFuture.supplyAsync(() -> {
                    try {
                        return method.call(params, caller);
                    } catch (RpcException e) {
                        throw new CompletionException(e);
                    }
                }, worker);
            }
        };
    }
}
