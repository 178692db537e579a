package dev.crossbuild.maven;

import dev.crossbuild.maven.workflow.Runner;
import dev.crossbuild.maven.workflow.WorkflowConfiguration;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GenerateWorkflowMojoTest {
    @TempDir
    Path project;

    @Test
    void writesTheWorkflowUnderTheProjectWithTheWrapperCommand() throws Exception {
        Files.writeString(project.resolve("mvnw"), "#!/bin/sh\n");

        mojo("x86_64-unknown-linux-gnu,aarch64-apple-darwin", null, false).execute();

        String text = Files.readString(workflowFile());
        assertThat(text).contains("#   ./mvnw cross:generate-workflow")
                .contains("- target: x86_64-unknown-linux-gnu")
                .contains("runner: macos-15")
                .contains("./mvnw -B cross:build \"-Dcross.targets=${CROSS_TARGET}\"");
    }

    @Test
    void targetsComeFromTheWorkflowElementWhenNoPropertyIsGiven() throws Exception {
        WorkflowConfiguration config = new WorkflowConfiguration();
        config.setTargets(List.of("riscv64gc-unknown-linux-gnu"));
        Runner runner = new Runner();
        runner.setTarget("riscv64gc-unknown-linux-gnu");
        runner.setLabel("riscv-builder");
        runner.setQemu(false);
        config.setRunners(List.of(runner));

        mojo(null, config, false).execute();

        assertThat(Files.readString(workflowFile())).contains("runner: riscv-builder")
                .contains("#   mvn cross:generate-workflow").doesNotContain("setup-qemu-action");
    }

    @Test
    void checkPassesOnAFreshFileAndFailsWithADiffAndTheFixWhenStale() throws Exception {
        mojo("x86_64-unknown-linux-gnu", null, false).execute();
        mojo("x86_64-unknown-linux-gnu", null, true).execute();

        assertThatThrownBy(() -> mojo("x86_64-unknown-linux-gnu,s390x-unknown-linux-gnu", null, true).execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("is stale")
                .hasMessageContaining("+           - target: s390x-unknown-linux-gnu")
                .hasMessageContaining("Run `mvn cross:generate-workflow` and commit the result.");
    }

    @Test
    void checkFailsWhenTheFileIsMissing() {
        assertThatThrownBy(() -> mojo("x86_64-unknown-linux-gnu", null, true).execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void missingTargetsNameThePomElementAndTheProperty() {
        assertThatThrownBy(() -> mojo(null, null, false).execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("<workflow><targets>")
                .hasMessageContaining("-Dcross.targets");
    }

    @Test
    void targetTheBuildWouldRejectIsRejectedAndNothingIsWritten() {
        assertThatThrownBy(() -> mojo("x86_64-unknown-freebsd,aarch64-unknown-linux-gn", null, false).execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("2 configuration problem(s) in the cross-build plugin's <configuration>:\n"
                        + "  - Unknown target 'x86_64-unknown-freebsd' in <workflow><targets> (-Dcross.targets)."
                        + " Run mvn cross:help -Ddetail to see the known targets.\n"
                        + "  - Unknown target 'aarch64-unknown-linux-gn' in <workflow><targets> (-Dcross.targets)."
                        + " Did you mean aarch64-unknown-linux-gnu?");
        assertThat(workflowFile()).doesNotExist();
    }

    @Test
    void misspelledBuildTargetIsReportedWithTheBuildsElementAndABadCacheWithIt() throws Exception {
        TargetParameter target = new TargetParameter();
        target.set("aarch64-unknown-linux-gn");
        CacheParameter cache = new CacheParameter();
        cache.setRepository("cache/deps");
        GenerateWorkflowMojo mojo = mojo(null, null, false);
        set(mojo, "targets", List.of(target));
        set(mojo, "cache", cache);

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("2 configuration problem(s) in the cross-build plugin's <configuration>:\n")
                .hasMessageContaining("  - Unknown target 'aarch64-unknown-linux-gn' in <targets> (-Dcross.targets)."
                        + " Did you mean aarch64-unknown-linux-gnu?")
                .hasMessageContaining("  - 'cache/deps' in <cache><repository> (-Dcross.cache.repository) does not"
                        + " start with a registry host");
    }

    @Test
    void cacheFromThePomGivesTheEventSplitWorkflow() throws Exception {
        CacheParameter cache = new CacheParameter();
        cache.setRepository("registry.example.com/team/cache");
        GenerateWorkflowMojo mojo = mojo("x86_64-unknown-linux-gnu", null, false);
        set(mojo, "cache", cache);

        mojo.execute();

        assertThat(Files.readString(workflowFile()))
                .contains("  build-pull-request:\n")
                .contains("      packages: write\n")
                .contains("CROSS_CACHE_REGISTRY: registry.example.com\n")
                .contains("mvn -B cross:build \"-Dcross.targets=${CROSS_TARGET}\" -Dcross.cache.push=true\n");
    }

    @Test
    void nativeResourcesGiveThePackageJobAndTheLegsMakeNoJar() throws Exception {
        GenerateWorkflowMojo mojo = mojo("x86_64-unknown-linux-gnu,aarch64-apple-darwin", null, false);
        set(mojo, "nativeResources", true);

        mojo.execute();

        assertThat(Files.readString(workflowFile()))
                .contains("mvn -B compile cross:build \"-Dcross.targets=${CROSS_TARGET}\" -Dcross.nativeResources.skip=true\n")
                .contains("  package:\n    name: package\n    needs: build\n    runs-on: ubuntu-24.04\n")
                .contains("          mvn -B cross:collect verify -Dcross.build.skip=true\n")
                .contains("    needs:\n      - build\n      - package\n")
                .contains("sha256sum -- *.tar.gz *.jar > SHA256SUMS")
                .doesNotContain("deploy");
    }

    @Test
    void deployWithoutItsSecretsFailsNamingTheElementsAndWritesNothing() throws Exception {
        WorkflowConfiguration config = new WorkflowConfiguration();
        config.setDeploy(true);

        assertThatThrownBy(() -> mojo("x86_64-unknown-linux-gnu", config, false).execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("2 configuration problem(s) in the cross-build plugin's <configuration>:\n")
                .hasMessageContaining("<workflow><deployUsernameSecret> is not set")
                .hasMessageContaining("<workflow><deployPasswordSecret> is not set");
        assertThat(workflowFile()).doesNotExist();

        config.setDeployUsernameSecret("CENTRAL_USERNAME");
        config.setDeployPasswordSecret("CENTRAL_PASSWORD");
        mojo("x86_64-unknown-linux-gnu", config, false).execute();

        assertThat(Files.readString(workflowFile())).contains("  deploy:\n")
                .contains("          server-id: central\n")
                .contains("          MAVEN_PASSWORD: \"${{ secrets.CENTRAL_PASSWORD }}\"\n");
    }

    @Test
    void theDirectoryModeGivesCacheStepsAndTheDefaultModeNone() throws Exception {
        mojo("x86_64-unknown-linux-gnu", null, false).execute();
        assertThat(Files.readString(workflowFile())).doesNotContain("actions/cache").doesNotContain("buildCache");

        GenerateWorkflowMojo mojo = mojo("x86_64-unknown-linux-gnu", null, false);
        set(mojo, "buildCache", "directory");
        mojo.execute();

        assertThat(Files.readString(workflowFile()))
                .contains("        uses: actions/cache/restore@0400d5f644dc74513175e3cd8d07132dd4860809 # v4.2.4\n")
                .contains("          path: \"~/.cache/cross-build/widget/${{ matrix.target }}\"\n")
                .contains("          key: \"cross-build-widget-${{ matrix.target }}-${{ github.sha }}\"\n")
                .contains("mvn -B cross:build \"-Dcross.targets=${CROSS_TARGET}\" -Dcross.buildCache=directory\n")
                .contains("        uses: actions/cache/save@0400d5f644dc74513175e3cd8d07132dd4860809 # v4.2.4\n");
    }

    @Test
    void anUnknownBuildCacheModeFailsNamingTheElementAndThePropertyAndWritesNothing() throws Exception {
        GenerateWorkflowMojo mojo = mojo("x86_64-unknown-linux-gnu", null, false);
        set(mojo, "buildCache", "directroy");

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("1 configuration problem(s) in the cross-build plugin's <configuration>:\n"
                        + "  - Unknown <buildCache>directroy</buildCache> (-Dcross.buildCache). Use volume (the"
                        + " default: a named volume per project and target), directory (a host directory, which CI"
                        + " can save and restore) or none (no cache).");
        assertThat(workflowFile()).doesNotExist();
    }

    private Path workflowFile() {
        return project.resolve(".github/workflows/cross-build.yml");
    }

    private GenerateWorkflowMojo mojo(String targets, WorkflowConfiguration config, boolean check) throws Exception {
        MavenProject mavenProject = new MavenProject();
        mavenProject.setArtifactId("widget");
        mavenProject.setFile(project.resolve("pom.xml").toFile());
        GenerateWorkflowMojo mojo = new GenerateWorkflowMojo();
        set(mojo, "project", mavenProject);
        set(mojo, "targetList", targets);
        set(mojo, "workflow", config);
        set(mojo, "workflowFile", new File(workflowFile().toString()));
        set(mojo, "check", check);
        return mojo;
    }

    private static void set(Object target, String name, Object value) throws ReflectiveOperationException {
        Field field = GenerateWorkflowMojo.class.getDeclaredField(name);
        field.setAccessible(true);
        field.set(target, value);
    }
}
