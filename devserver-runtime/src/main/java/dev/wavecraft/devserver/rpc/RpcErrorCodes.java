package dev.wavecraft.devserver.rpc;

/** The error codes of the browser protocol (PROTOCOL.md, "Errors"). */
public final class RpcErrorCodes {

    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL_ERROR = -32603;
    public static final int PARAMETER_NOT_FOUND = -32000;
    public static final int VALUE_OUT_OF_RANGE = -32001;

    private RpcErrorCodes() {
    }
}
