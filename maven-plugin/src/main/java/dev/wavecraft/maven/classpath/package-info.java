/**
 * The two classpaths of a run, resolved in the Maven JVM. {@link ProjectClasspathResolver} gives
 * the user project's runtime classpath for the server: its classes, the output directories of
 * local modules it depends on (never their jars), and other dependencies, without the api jar.
 * {@link RuntimeClasspathResolver} resolves the server's own jars, the
 * {@code wavecraft-devserver-runtime} artifact of the plugin's version. Writing and reading
 * {@code project.classpath} is {@code protocol.classpath.ProjectClasspath}'s; which modules count
 * as local is {@code workspace}'s.
 */
package dev.wavecraft.maven.classpath;
