package dev.wavecraft.maven;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The plugin talks to the forked JVMs through the protocol module only: it never loads a class of
 * the runtime, and none of the server's libraries end up in Maven's plugin realm through its code.
 */
@AnalyzeClasses(packages = "dev.wavecraft.maven", importOptions = ImportOption.DoNotIncludeTests.class)
class PluginBoundaryTest {

    @ArchTest
    static final ArchRule importsNothingFromTheRuntime = noClasses()
            .that().resideInAPackage("dev.wavecraft.maven..")
            .should().dependOnClassesThat().resideInAPackage("dev.wavecraft.devserver..")
            .because("the runtime runs in the forked JVM; what both sides share is in dev.wavecraft.protocol");

    @ArchTest
    static final ArchRule usesNoneOfTheServersLibraries = noClasses()
            .that().resideInAPackage("dev.wavecraft.maven..")
            .should().dependOnClassesThat().resideInAnyPackage("io.undertow..", "org.xnio..", "org.jboss..")
            .because("Undertow and its libraries belong to the forked server, not to Maven's plugin realm");
}
