package dev.wavecraft.devserver.rpc;

import com.google.gson.JsonElement;

/** One JSON-RPC method. */
@FunctionalInterface
public interface RpcMethod {

    /**
     * @param params the request's params, checked by the accessors of {@link RpcParams}
     * @param caller the client that sent the request, so changes it makes are not echoed back to it
     * @return the result member of the reply
     */
    JsonElement call(RpcParams params, Object caller) throws RpcException;
}
