// The IT proves a render under a newer JDK than Maven's: without that JDK it proves nothing, so it fails.
def jdk = new File('/usr/lib/jvm/temurin-25-jdk-amd64/bin/java')
if (!jdk.canExecute()) {
    throw new IllegalStateException("render-uses-the-jdk-toolchain needs JDK 25 at ${jdk.parentFile.parentFile}"
            + ' (named in its toolchains.xml); install it there, e.g. Temurin 25.')
}
true
