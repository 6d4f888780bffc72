package dev.wavecraft.maven.fork;

import dev.wavecraft.protocol.failure.FailureText;
import java.util.Arrays;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.codehaus.plexus.util.cli.CommandLineUtils;

/** The user's {@code jvmArguments} string, split as a shell would: quotes keep spaces together. */
public final class JvmArguments {

    private JvmArguments() {
    }

    public static List<String> parse(String arguments) throws MojoFailureException {
        if (arguments == null || arguments.isBlank()) {
            return List.of();
        }
        try {
            return Arrays.asList(CommandLineUtils.translateCommandline(arguments));
        } catch (Exception e) {
            throw new MojoFailureException("Cannot read jvmArguments [" + arguments + "]: " + FailureText.of(e)
                    + ". Close every quote, for example -Dwavecraft.jvmArguments=\"-Xmx1g '-Dname=a b'\".");
        }
    }
}
