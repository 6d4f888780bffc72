package dev.wavecraft.devserver.rpc;

/** Every method and notification name of the browser protocol, in one place. */
public final class RpcNames {

    public static final String GET_ALL_PARAMETERS = "getAllParameters";
    public static final String GET_PARAMETER = "getParameter";
    public static final String SET_PARAMETER = "setParameter";
    public static final String PING = "ping";
    public static final String REQUEST_RESIZE = "requestResize";

    public static final String PARAMETER_CHANGED = "parameterChanged";
    public static final String PARAMETERS_CHANGED = "parametersChanged";

    private RpcNames() {
    }
}
