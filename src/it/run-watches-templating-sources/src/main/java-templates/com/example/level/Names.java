package com.example.level;

/** Display names filled in from the POM by templating-maven-plugin. */
final class Names {

    static final String LEVEL = "Level of ${project.artifactId}";

    private Names() {
    }
}
