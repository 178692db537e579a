package dev.crossbuild.actions;

import dev.crossbuild.actions.generate.DirectoryBuildCache;
import dev.crossbuild.actions.generate.MavenDeploy;
import dev.crossbuild.actions.generate.RegistryCache;
import dev.crossbuild.actions.generate.RunnerOverride;
import dev.crossbuild.actions.generate.SetupStep;
import dev.crossbuild.actions.generate.WorkflowRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The requests behind the golden files, shared by every test that checks generated output. */
public final class Scenarios {
  private Scenarios() {}

  public static Map<String, WorkflowRequest> all() {
    Map<String, WorkflowRequest> scenarios = new LinkedHashMap<>();
    scenarios.put(
        "linux-only",
        WorkflowRequest.builder(List.of("x86_64-unknown-linux-gnu", "aarch64-unknown-linux-gnu"))
            .mavenWrapper(true)
            .build());
    scenarios.put(
        "linux-macos-windows",
        WorkflowRequest.builder(
                List.of(
                    "x86_64-unknown-linux-gnu", "aarch64-unknown-linux-gnu",
                    "x86_64-apple-darwin", "aarch64-apple-darwin",
                    "x86_64-pc-windows-msvc", "aarch64-pc-windows-msvc"))
            .mavenWrapper(true)
            .build());
    scenarios.put(
        "emulated",
        WorkflowRequest.builder(
                List.of(
                    "x86_64-unknown-linux-musl",
                    "riscv64gc-unknown-linux-gnu",
                    "s390x-unknown-linux-gnu",
                    "armv7-unknown-linux-gnueabihf"))
            .mavenWrapper(true)
            .build());
    scenarios.put(
        "custom",
        WorkflowRequest.builder(
                List.of(
                    "x86_64-unknown-linux-gnu",
                    "riscv64gc-unknown-linux-gnu",
                    "aarch64-apple-darwin"))
            .name("native libraries")
            .branches(List.of("main", "release/**"))
            .pullRequests(false)
            .workflowDispatch(true)
            .javaVersion("21")
            .javaDistribution("corretto")
            .mavenArguments(List.of("-Pnative", "-DskipTests", "-Dmessage=two words"))
            .mavenWrapper(false)
            .runner(new RunnerOverride("riscv64gc-unknown-linux-gnu", "ubuntu-24.04-riscv", false))
            .runner(new RunnerOverride("x86_64-unknown-linux-gnu", "ubuntu-22.04", null))
            .setupStep(
                new SetupStep(
                    "riscv64gc-unknown-linux-gnu",
                    "Install the RISC-V toolchain",
                    "sudo apt-get update\nsudo apt-get install -y gcc-riscv64-linux-gnu"))
            .setupStep(new SetupStep(null, "Show the toolchain", "uname -a"))
            .build());
    scenarios.put(
        "cache-github-token",
        WorkflowRequest.builder(
                List.of(
                    "x86_64-unknown-linux-gnu", "aarch64-unknown-linux-gnu",
                    "x86_64-apple-darwin", "aarch64-apple-darwin",
                    "x86_64-pc-windows-msvc", "aarch64-pc-windows-msvc"))
            .mavenWrapper(true)
            .cache(RegistryCache.withGitHubToken("registry.example.com"))
            .build());
    scenarios.put(
        "cache-named-secrets",
        WorkflowRequest.builder(List.of("x86_64-unknown-linux-gnu", "aarch64-unknown-linux-gnu"))
            .mavenWrapper(true)
            .mavenArguments(List.of("-DskipTests"))
            .cache(
                new RegistryCache(
                    "registry.example.com:5000", null, "CACHE_USERNAME", "CACHE_PASSWORD"))
            .build());
    // A JNI library with <nativeResources>: one jar holding every platform's library.
    List<String> jni =
        List.of("x86_64-unknown-linux-gnu", "aarch64-unknown-linux-gnu", "aarch64-apple-darwin");
    scenarios.put(
        "jni-package", WorkflowRequest.builder(jni).mavenWrapper(true).packageJob(true).build());
    scenarios.put(
        "jni-package-deploy",
        WorkflowRequest.builder(jni)
            .mavenWrapper(true)
            .cache(
                new RegistryCache("registry.example.com", null, "CACHE_USERNAME", "CACHE_PASSWORD"))
            .packageJob(true)
            .deploy(new MavenDeploy(null, "CENTRAL_USERNAME", "CENTRAL_PASSWORD"))
            .build());
    // <buildCache>directory</buildCache>: the Linux legs save and restore it with the GitHub cache.
    scenarios.put(
        "build-cache-directory",
        WorkflowRequest.builder(
                List.of(
                    "x86_64-unknown-linux-gnu",
                    "aarch64-unknown-linux-gnu",
                    "aarch64-apple-darwin"))
            .mavenWrapper(true)
            .buildCache(DirectoryBuildCache.atDefault("widget"))
            .build());
    // With a registry cache too, and a <buildCacheDirectory> of the user's: pushes save, the rest
    // only restore.
    scenarios.put(
        "build-cache-directory-split",
        WorkflowRequest.builder(List.of("x86_64-unknown-linux-gnu", "x86_64-pc-windows-msvc"))
            .mavenWrapper(true)
            .cache(RegistryCache.withGitHubToken("registry.example.com"))
            .buildCache(new DirectoryBuildCache("widget", "~/ci-cache/widget"))
            .build());
    return scenarios;
  }
}
