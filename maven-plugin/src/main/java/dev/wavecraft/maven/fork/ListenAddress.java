package dev.wavecraft.maven.fork;

import dev.wavecraft.protocol.failure.FailureText;
import dev.wavecraft.protocol.options.BindAddress;
import java.net.UnknownHostException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Checks the address the dev server is to listen on before it is forked: loopback as it is, an
 * address reachable from other machines only with the explicit opt-in (the server then requires
 * its access token on every request).
 */
public final class ListenAddress {

    private ListenAddress() {
    }

    /**
     * @param allowRemote whether the user opted in to listening beyond loopback
     * @throws MojoFailureException when it does not resolve, or reaches beyond loopback without the opt-in
     */
    public static void check(String host, boolean allowRemote) throws MojoFailureException {
        BindAddress address;
        try {
            address = BindAddress.resolve(host);
        } catch (UnknownHostException e) {
            throw new MojoFailureException("wavecraft.host is '" + host + "', which does not resolve to an address of"
                    + " this machine (" + FailureText.of(e) + "). Set it to 127.0.0.1, the default, or to an address"
                    + " this machine has.");
        }
        if (address.beyondLoopback() && !allowRemote) {
            throw new MojoFailureException("wavecraft.host is '" + host + "', which other machines can reach;"
                    + " the dev server runs your code and takes commands from whoever connects. To listen there"
                    + " anyway, also set -Dwavecraft.allowRemote=true (or <allowRemote>true</allowRemote>): every"
                    + " request then needs the access token printed with the server's URL. Otherwise leave"
                    + " wavecraft.host at 127.0.0.1.");
        }
    }
}
