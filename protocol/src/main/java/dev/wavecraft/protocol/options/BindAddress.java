package dev.wavecraft.protocol.options;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The address the HTTP side listens on, and whether that reaches beyond this machine: anything but
 * a loopback address does, the wildcard {@code 0.0.0.0} and {@code ::} included. Shared by the
 * server (which then requires an access token) and the mojo (which then requires an explicit opt-in).
 *
 * @param host the address or name as configured
 * @param address what it resolves to, as the listener binds it
 */
public record BindAddress(String host, InetAddress address) {

    /** @throws UnknownHostException when {@code host} is neither an address nor a name that resolves */
    public static BindAddress resolve(String host) throws UnknownHostException {
        return new BindAddress(host, InetAddress.getByName(host));
    }

    public boolean beyondLoopback() {
        return !address.isLoopbackAddress();
    }

    /**
     * The host part of a URL for a browser on this machine: a wildcard binding is reached through
     * the loopback address of its family, any other through the configured name.
     */
    public String urlHost() {
        if (address.isAnyLocalAddress()) {
            return address instanceof Inet6Address ? "[::1]" : "127.0.0.1";
        }
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
