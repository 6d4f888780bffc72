package dev.wavecraft.devserver.rpc;

/** A method's failure that becomes a JSON-RPC error object with this code and message. */
public final class RpcException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int code;

    public RpcException(int code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public static RpcException invalidParams(String message) {
        return new RpcException(RpcErrorCodes.INVALID_PARAMS, "Invalid params: " + message);
    }

    public int code() {
        return code;
    }
}
