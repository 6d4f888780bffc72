package dev.wavecraft.maven.workspace;

import java.io.File;
import java.nio.file.Path;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Resource;
import org.apache.maven.project.MavenProject;

/** Maven's own project objects, laid out as Maven's defaults would for a module in {@code directory}. */
public final class MavenProjects {

    private MavenProjects() {
    }

    public static MavenProject module(Path directory, String artifactId, String packaging) {
        Model model = new Model();
        model.setGroupId("com.example");
        model.setArtifactId(artifactId);
        model.setVersion("1.0-SNAPSHOT");
        model.setPackaging(packaging);
        Build build = new Build();
        build.setDirectory(directory.resolve("target").toString());
        build.setOutputDirectory(directory.resolve("target/classes").toString());
        Resource resources = new Resource();
        resources.setDirectory(directory.resolve("src/main/resources").toString());
        build.addResource(resources);
        model.setBuild(build);
        MavenProject project = new MavenProject(model);
        project.setFile(new File(directory.toFile(), "pom.xml"));
        project.addCompileSourceRoot(directory.resolve("src/main/java").toString());
        return project;
    }
}
