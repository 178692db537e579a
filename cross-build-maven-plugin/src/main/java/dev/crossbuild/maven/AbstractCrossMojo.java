package dev.crossbuild.maven;

import dev.crossbuild.config.CrossConfig;
import dev.crossbuild.config.ConfigResolver;
import dev.crossbuild.config.InvalidConfigException;
import dev.crossbuild.config.RawConfig;
import dev.crossbuild.config.RawOutputRules;
import dev.crossbuild.config.RawTarget;
import dev.crossbuild.engine.DockerJavaEngine;
import dev.crossbuild.engine.EngineEndpoint;
import dev.crossbuild.engine.EngineException;
import dev.crossbuild.engine.EngineUnavailableException;
import dev.crossbuild.git.GitInfo;
import dev.crossbuild.plan.BuildPlan;
import dev.crossbuild.plan.PlannedTarget;
import dev.crossbuild.plan.UnbuildableTargetsException;
import dev.crossbuild.recipe.RecipeOverrides;
import dev.crossbuild.report.PlanTable;
import dev.crossbuild.stage.CrossBuild;
import dev.crossbuild.target.TargetCatalog;
import java.io.File;
import java.util.List;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** The parameters {@code cross:plan} and {@code cross:build} share, and how their errors are rendered. */
abstract class AbstractCrossMojo extends AbstractMojo {

  /** The project being built. */
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  protected MavenProject project;

  /**
   * The target triples to build, e.g. {@code <target>aarch64-unknown-linux-gnu</target>}. A target may
   * also be written as an element with {@code <triple>} and optional {@code <strategy>} (native, cross,
   * emulated, host), {@code <builder>}, {@code <image>} (base image) and {@code <classifier>}.
   *
   * @since 0.1.0
   */
  @Parameter
  protected List<TargetParameter> targets;

  /**
   * Comma-separated triples to build, selecting from {@code <targets>} (a triple not listed there is built
   * with defaults). Default: every target in {@code <targets>}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "cross.targets")
  protected String targetSelection;

  /**
   * The recipe preset: {@code cargo}, {@code cmake}, {@code go}, {@code maven}, {@code make} or
   * {@code custom}. Default: detected from the project: {@code Cargo.toml} -> cargo, {@code CMakeLists.txt}
   * -> cmake, {@code go.mod} -> go, a {@code Makefile} -> make, else maven. Every field of a preset can be
   * overridden by the parameters below.
   *
   * @since 0.1.0
   */
  @Parameter(property = "cross.recipe")
  protected String recipe;

  /**
   * Debian packages for the target architecture installed in the deps image, e.g. {@code zlib1g-dev}.
   * When cross-compiling they are installed as {@code zlib1g-dev:arm64}.
   *
   * @since 0.1.0
   */
  @Parameter
  protected List<String> setup;

  /**
   * Debian packages for the build machine installed in the deps image, never qualified with the target's
   * architecture: code generators, JDK headers for JNI, Debian's {@code librust-*-dev} crate sources. E.g.
   * {@code <buildTools><package>protobuf-compiler</package></buildTools>}.
   *
   * @since 0.1.0
   */
  @Parameter
  protected List<String> buildTools;

  /**
   * Base image for every target, instead of the recipe's default. {@code {repo}} stands for the
   * per-architecture repository of the image's platform ({@code amd64}, {@code arm64v8}, {@code arm32v7},
   * ...), e.g. {@code {repo}/debian:bookworm-slim}. Defaults: cargo {@code {repo}/rust:1-slim-bookworm}, go
   * {@code {repo}/golang:1-bookworm}, maven {@code {repo}/maven:3-eclipse-temurin-17}, the others
   * {@code {repo}/debian:bookworm-slim}. A target's own {@code <image>} wins over this.
   *
   * @since 0.1.0
   */
  @Parameter(property = "cross.image")
  protected String image;

  /**
   * Extra CA certificates (PEM or DER files, bundles allowed; relative to the project or absolute) trusted
   * in every image: added to the system bundle before packages are installed and to every JDK's
   * {@code cacerts} after them. For TLS-intercepting corporate proxies, e.g.
   * {@code <caCertificate>/etc/ssl/certs/ca-certificates.crt</caCertificate>}. Comma-separated with
   * {@code -Dcross.caCertificates}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "cross.caCertificates")
  protected List<String> caCertificates;

  /**
   * Shell commands run in the deps image after the {@code <setup>} packages.
   *
   * @since 0.1.0
   */
  @Parameter
  protected List<String> setupCommands;

  /**
   * Files (paths or globs relative to the project) copied into the deps image before the deps command.
   * The deps image is rebuilt only when their bytes change.
   *
   * @since 0.1.0
   */
  @Parameter
  protected List<String> manifests;

  /**
   * Shell command run in the deps image after the manifests are copied. Default: the recipe's (cargo builds
   * the dependencies from a skeleton, go downloads modules and compiles the standard library, maven
   * resolves plugins and dependencies, cmake configures where it can; make and custom have none).
   *
   * @since 0.1.0
   */
  @Parameter(property = "cross.depsCommand")
  protected String depsCommand;

  /**
   * Shell command that builds the project in {@code /src}. Default: the recipe's ({@code make};
   * {@code cargo build --release --locked --target $CROSS_TARGET}; cmake configure, build and install into
   * {@code $CROSS_OUT}; {@code go build -trimpath -o $CROSS_OUT/ ./...}; {@code mvn -B -o package}).
   * {@code CC}, {@code AR} and friends are set for the target when cross-compiling;
   * {@code CROSS_TARGET}, {@code CROSS_CLASSIFIER} and {@code CROSS_OUT=/out} always are.
   *
   * @since 0.1.0
   */
  @Parameter(property = "cross.buildCommand")
  protected String buildCommand;

  /**
   * Files (paths or globs relative to {@code /src}) collected by file name after the build into
   * {@code target/cross/<triple>/} and the target's archive. The build command may also write into
   * {@code $CROSS_OUT} ({@code /out}) directly. Default: the recipe's (cargo: the binaries and cdylibs;
   * maven: {@code target/*.jar}; cmake and go install into {@code $CROSS_OUT}).
   *
   * @since 0.1.0
   */
  @Parameter
  protected List<String> artifacts;

  /**
   * Environment variables for both stages.
   *
   * @since 0.1.0
   */
  @Parameter
  protected Map<String, String> env;

  /**
   * Extra container engines to build on, e.g. an arm64 machine: {@code <builder>} with {@code <id>},
   * {@code <host>}, optional {@code <tlsVerify>}, {@code <certPath>}, {@code <maxParallel>}.
   *
   * @since 0.1.0
   */
  @Parameter
  protected List<BuilderParameter> builders;

  /**
   * The local engine's address. Default: {@code DOCKER_HOST}, the current docker context, or
   * {@code unix:///var/run/docker.sock}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "cross.dockerHost")
  protected String dockerHost;

  /**
   * How many targets the local engine builds at once.
   *
   * @since 0.1.0
   */
  @Parameter(property = "cross.parallel", defaultValue = "2")
  protected int parallel;

  /**
   * {@code auto} uses container engines; {@code none} builds only host targets, without containers.
   *
   * @since 0.1.0
   */
  @Parameter(property = "cross.engine", defaultValue = "auto")
  protected String engine;

  /**
   * Where outputs, archives and reports go.
   *
   * @since 0.1.0
   */
  @Parameter(property = "cross.outputDirectory", defaultValue = "${project.build.directory}/cross")
  protected File outputDirectory;

  /**
   * The highest glibc version any ELF output may require, e.g. {@code 2.28} for RHEL 8 and Debian 10.
   * A target whose output needs a newer {@code GLIBC_} symbol version fails, naming the file and the
   * symbol version. Lower it with an older base image ({@code <image>}). Default: no ceiling (the
   * requirement is still shown in the summary).
   *
   * @since 0.1.0
   */
  @Parameter(property = "cross.glibcMax")
  protected String glibcMax;

  /**
   * A command run after the build, in a container of the target's platform (natively or under QEMU),
   * with the target's outputs in its working directory, e.g. {@code ./hello --version}. A non-zero exit
   * fails the target; a platform that can't run here is skipped with a line saying why. A
   * {@code <target>} can give its own {@code <smokeTest>} ({@code <smokeTest>none</smokeTest>} turns it off for
   * that target). Default: none.
   *
   * @since 0.1.0
   */
  @Parameter(property = "cross.smokeTest")
  protected String smokeTest;

  /**
   * Debian packages the smoke test needs at run time (e.g. {@code zlib1g}, {@code default-jre-headless}),
   * installed into the target platform's base image for the smoke test only.
   *
   * @since 0.1.0
   */
  @Parameter
  protected List<String> smokePackages;

  /**
   * Project files or directories (relative to the project, e.g. {@code target/classes} or
   * {@code src/smoke}) copied beside the outputs into the smoke test's working directory, keeping their
   * relative paths. They are never packed into the archive.
   *
   * @since 0.1.0
   */
  @Parameter
  protected List<String> smokeFiles;

  /**
   * A registry repository that shares deps images between machines and CI runs: {@code <repository>}
   * (e.g. {@code registry.corp:5000/team/cache}), {@code <pull>} (default true), {@code <push>} (default
   * false), and optional {@code <username>} with {@code <passwordEnvironmentVariable>} (otherwise the
   * docker CLI's {@code config.json} and its credential helpers give the credentials). A deps image the
   * local engine lacks is pulled as {@code <repository>:<triple>-<deps key>} and trusted only when its
   * platform and deps key match; one built here is pushed under that tag. The cache never fails a build:
   * an unreachable registry or a missing tag is a warning, and the image is built. Each field can be set
   * with {@code -Dcross.cache.<field>}, e.g. {@code -Dcross.cache.push=true}, which wins over the POM.
   *
   * @since 0.1.0
   */
  @Parameter
  protected CacheParameter cache;

  /** The Maven session, for the {@code -Dcross.cache.*} properties. */
  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  protected MavenSession session;

  /**
   * Skips this goal, and with {@code -Dcross.skip=true} every goal of the plugin: {@code cross:plan},
   * {@code cross:build}, {@code cross:collect}, {@code cross:generate-workflow} and {@code cross:release}. Each
   * goal also has a property that skips it alone: {@code cross.plan.skip}, {@code cross.build.skip},
   * {@code cross.collect.skip}, {@code cross.workflow.skip}, {@code cross.release.skip}. Default {@code false};
   * property {@code cross.skip}.
   *
   * @since 0.1.0
   */
  @Parameter(property = Skip.ALL, defaultValue = "false")
  protected boolean skip;

  /** The checked configuration, or a failure that lists every problem. */
  protected CrossConfig config(boolean force) throws MojoFailureException {
    List<RawTarget> rawTargets = targets == null ? List.of() : targets.stream()
        .map(t -> new RawTarget(t.getTriple(), t.getStrategy(), t.getBuilder(), t.getImage(), t.getClassifier(),
            t.getSmokeTest(), t.getNativeResourceDir()))
        .toList();
    List<RawConfig.RawBuilder> rawBuilders = builders == null ? List.of() : builders.stream()
        .map(b -> new RawConfig.RawBuilder(b.getId(), b.getHost(), b.getTlsVerify(), b.getCertPath(),
            b.getMaxParallel()))
        .toList();
    RawConfig raw = new RawConfig(project.getBasedir().toPath(), project.getArtifactId(), project.getVersion(),
        outputDirectory.toPath(), rawTargets, targetSelection,
        new RecipeOverrides(recipe, setup, buildTools, setupCommands, manifests, depsCommand, buildCommand,
            artifacts, env, image),
        rawBuilders, dockerHost, parallel, engine, force, caCertificates,
        new RawOutputRules(System.getenv("SOURCE_DATE_EPOCH"),
            GitInfo.commitTimeAround(project.getBasedir().toPath()).orElse(null), glibcMax, smokeTest,
            smokePackages, smokeFiles), CacheParameter.raw(cache, session));
    try {
      return new ConfigResolver(TargetCatalog.builtIn()).resolve(raw);
    } catch (InvalidConfigException e) {
      throw ConfigurationProblems.failure(e);
    }
  }

  /** A session whose builders connect through docker-java. */
  protected static CrossBuild session(CrossConfig config, String pluginVersion) {
    return new CrossBuild(config, TargetCatalog.builtIn(), b -> DockerJavaEngine.connect(b.host() == null
        ? EngineEndpoint.local()
        : new EngineEndpoint(b.id(), b.host(), b.tlsVerify(), b.certPath(),
            b.id().equals("local") ? "-Dcross.dockerHost" : "<builder> '" + b.id() + "'")), pluginVersion);
  }

  /** Prints the plan table and a loud warning for every emulated target. */
  protected void printPlan(BuildPlan plan) {
    PlanTable.render(plan).forEach(getLog()::info);
    plan.targets().stream().filter(PlannedTarget::emulated).forEach(t -> getLog().warn("Target " + t.target()
        + " builds under QEMU emulation: expect it to be 10-50x slower than native or cross."));
  }

  /**
   * Renders planning and engine failures in POM terms: a user mistake is thrown as a failure, anything from
   * the environment is returned as an execution exception for the caller to throw.
   */
  protected static MojoExecutionException failure(RuntimeException e) throws MojoFailureException {
    if (e instanceof UnbuildableTargetsException u) {
      throw new MojoFailureException(u.getMessage());
    }
    if (e instanceof EngineUnavailableException u) {
      return new MojoExecutionException("No container engine at " + u.endpoint() + " (from " + u.source()
          + "). Start Docker (or Podman's Docker-compatible service), or set DOCKER_HOST / -Dcross.dockerHost."
          + " To build only host targets without containers, use -Dcross.engine=none.", e);
    }
    if (e instanceof EngineException) {
      return new MojoExecutionException(e.getMessage(), e);
    }
    return new MojoExecutionException(e.toString(), e);
  }
}
