package dev.crossbuild.maven;

import dev.crossbuild.config.BuilderConfig;
import dev.crossbuild.config.ConfigResolver;
import dev.crossbuild.config.CrossConfig;
import dev.crossbuild.config.InvalidConfigException;
import dev.crossbuild.config.RawConfig;
import dev.crossbuild.engine.DockerJavaEngine;
import dev.crossbuild.engine.EngineEndpoint;
import dev.crossbuild.git.GitInfo;
import dev.crossbuild.git.GitPresence;
import dev.crossbuild.plan.BuildPlan;
import dev.crossbuild.plan.BuilderTiming;
import dev.crossbuild.plan.PlannedTarget;
import dev.crossbuild.plan.UnreachableBuilder;
import dev.crossbuild.report.PlanTable;
import dev.crossbuild.session.CrossBuild;
import dev.crossbuild.target.TargetCatalog;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * The parameters {@code cross:plan} and {@code cross:build} share, and how their errors are
 * rendered.
 */
abstract class AbstractCrossMojo extends AbstractMojo {

  /** The project being built. */
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  protected MavenProject project;

  /**
   * The target triples to build, e.g. {@code <target>aarch64-unknown-linux-gnu</target>}; a triple
   * the catalog does not know fails with the closest known names. A target may also be written as
   * an element with {@code <triple>} and optional {@code <strategy>} ({@code native}, {@code
   * cross}, {@code emulated}, {@code host}: forces how it is built), {@code <builder>} (the id of
   * the builder to use), {@code <image>} (its own base image, over the plugin-level one), {@code
   * <classifier>} (instead of the os-maven-plugin style one, e.g. {@code linux-aarch_64}), {@code
   * <smokeTest>} (its own; an empty one turns it off), {@code <nativeResourceDir>} (where its
   * outputs go in the jar with {@code <nativeResources>}, instead of {@code
   * <nativeResourcePath>/<classifier>}) and {@code <glibc>} (its own glibc floor, over the
   * plugin-level one). No default: a build without targets fails. {@code -Dcross.targets} selects
   * among them.
   *
   * @since 0.1.0
   */
  @Parameter protected List<TargetParameter> targets;

  /**
   * Comma-separated triples to build, selecting from {@code <targets>} (a triple not listed there
   * is built with defaults). Default: every target in {@code <targets>}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "cross.targets")
  protected String targetSelection;

  /**
   * The recipe preset: {@code cargo}, {@code cmake}, {@code go}, {@code maven}, {@code make} or
   * {@code custom} (only a cross gcc; give {@code <buildCommand>}). Default: detected from the
   * project: {@code Cargo.toml} -> cargo, {@code CMakeLists.txt} -> cmake, {@code go.mod} -> go, a
   * {@code Makefile} -> make, else maven. Every field of a preset can be overridden: {@code
   * <image>}, {@code <setup>}, {@code <buildTools>}, {@code <setupCommands>}, {@code <manifests>},
   * {@code <depsCommand>}, {@code <buildCommand>}, {@code <artifacts>}, {@code <env>}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "cross.recipe")
  protected String recipe;

  /**
   * Debian packages for the target architecture installed in the deps image, e.g. {@code
   * <package>zlib1g-dev</package>}. When cross-compiling they are installed as {@code
   * zlib1g-dev:arm64}. Tools that run during the build belong in {@code <buildTools>}. Default:
   * none (the recipe's toolchain is installed anyway).
   *
   * @since 0.1.0
   */
  @Parameter protected List<String> setup;

  /**
   * Debian packages for the build machine installed in the deps image, never qualified with the
   * target's architecture: code generators, JDK headers for JNI, Debian's {@code librust-*-dev}
   * crate sources. E.g. {@code <buildTools><package>protobuf-compiler</package></buildTools>}.
   * Default: none.
   *
   * @since 0.1.0
   */
  @Parameter protected List<String> buildTools;

  /**
   * Base image for every target, instead of the recipe's default. <code>{repo}</code> stands for
   * the per-architecture repository of the image's platform ({@code amd64}, {@code arm64v8}, {@code
   * arm32v7}, ...), e.g. <code>{repo}/debian:bookworm-slim</code>. Defaults: cargo <code>
   * {repo}/rust:1-slim-bookworm</code>, go <code>{repo}/golang:1-bookworm</code>, maven <code>
   * {repo}/maven:3-eclipse-temurin-17</code>; the others the target catalog's Debian image ({@code
   * arm64v8/debian:bookworm-slim}; {@code riscv64/debian:trixie-slim} for riscv64). An image whose
   * recorded platform is not the one needed is refused. A target's own {@code <image>} wins over
   * this.
   *
   * @since 0.1.0
   */
  @Parameter(property = "cross.image")
  protected String image;

  /**
   * Extra CA certificates (PEM or DER files, bundles allowed; relative to the project or absolute)
   * trusted in every image: added to the system bundle before packages are installed and to every
   * JDK's {@code cacerts} after them. For TLS-intercepting corporate proxies, e.g. {@code
   * <caCertificate>/etc/ssl/certs/ca-certificates.crt</caCertificate>}. Comma-separated with {@code
   * -Dcross.caCertificates}. A missing or unreadable file fails the build before any image is made.
   * Default: none.
   *
   * @since 0.1.0
   */
  @Parameter(property = "cross.caCertificates")
  protected List<String> caCertificates;

  /**
   * Shell commands run in the deps image after the {@code <setup>} and {@code <buildTools>}
   * packages, e.g. {@code <setupCommand>pip install meson</setupCommand>}. They are part of the
   * deps key: changing one rebuilds the deps image. Default: none.
   *
   * @since 0.1.0
   */
  @Parameter protected List<String> setupCommands;

  /**
   * Files (paths or globs relative to the project, e.g. {@code deps/*.txt}) copied into the deps
   * image before the deps command, instead of the recipe's ({@code Cargo.toml} and {@code
   * Cargo.lock}, {@code go.mod} and {@code go.sum}, the {@code pom.xml} files, the CMake files).
   * The deps image is rebuilt only when their bytes change, so source files never belong here.
   * Default: the recipe's.
   *
   * @since 0.1.0
   */
  @Parameter protected List<String> manifests;

  /**
   * Shell command run in the deps image after the manifests are copied. Default: the recipe's
   * (cargo builds the dependencies from a skeleton, go downloads modules and compiles the standard
   * library, maven resolves plugins and dependencies, cmake configures where it can; make and
   * custom have none).
   *
   * @since 0.1.0
   */
  @Parameter(property = "cross.depsCommand")
  protected String depsCommand;

  /**
   * Shell command that builds the project in {@code /src}. Default: the recipe's ({@code make};
   * {@code cargo build --release --locked --target $CROSS_TARGET}; cmake configure, build and
   * install into {@code $CROSS_OUT}; {@code go build -trimpath -o $CROSS_OUT/ ./...}; {@code mvn -B
   * -o package}). {@code CC}, {@code AR} and friends are set for the target when cross-compiling;
   * {@code CROSS_TARGET}, {@code CROSS_CLASSIFIER} and {@code CROSS_OUT=/out} always are.
   *
   * @since 0.1.0
   */
  @Parameter(property = "cross.buildCommand")
  protected String buildCommand;

  /**
   * Files (paths or globs relative to {@code /src}) collected by file name after the build into
   * {@code target/cross/<triple>/} and the target's archive. The build command may also write into
   * {@code $CROSS_OUT} ({@code /out}) directly. Default: the recipe's (cargo: the binaries and
   * cdylibs; maven: {@code target/*.jar}; cmake and go install into {@code $CROSS_OUT}).
   *
   * @since 0.1.0
   */
  @Parameter protected List<String> artifacts;

  /**
   * Environment variables for both stages, over the recipe's, e.g. {@code
   * <env><CGO_ENABLED>1</CGO_ENABLED></env>}. They are part of the deps key. Default: none.
   *
   * @since 0.1.0
   */
  @Parameter protected Map<String, String> env;

  /**
   * Extra container engines to build on, e.g. an arm64 machine: {@code <builder>} with {@code <id>}
   * (named by a target's {@code <builder>} and in the plan) and {@code <host>} (e.g. {@code
   * tcp://arm64-box:2376}), optional {@code <tlsVerify>}, {@code <certPath>} (a directory with
   * {@code ca.pem}, {@code cert.pem} and {@code key.pem}) and {@code <maxParallel>} (targets it
   * builds at once, default 2). Each reports its native platform, so a target of that platform
   * builds there natively. Among the builders on which a target's best strategy applies, the least
   * loaded one (targets given to it / {@code <maxParallel>}) gets it. A builder that cannot be
   * reached is a warning and its targets are planned on the others (a target whose {@code
   * <builder>} names it fails). Default: only the local engine.
   *
   * @since 0.1.0
   */
  @Parameter protected List<BuilderParameter> builders;

  /**
   * The local engine's address, e.g. {@code unix:///run/user/1000/podman/podman.sock} or {@code
   * tcp://127.0.0.1:2375}. Default: found as the docker CLI does: {@code DOCKER_HOST}, else the
   * context named by {@code DOCKER_CONTEXT} or the CLI's current context, else {@code
   * unix:///var/run/docker.sock}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "cross.dockerHost")
  protected String dockerHost;

  /**
   * How many targets the local engine builds at once ({@code <builders>} have their own {@code
   * <maxParallel>}).
   *
   * @since 0.1.0
   */
  @Parameter(property = "cross.parallel", defaultValue = "2")
  protected int parallel;

  /**
   * {@code auto} uses container engines; {@code none} builds only host targets (macOS and Windows
   * targets on their own machine), without containers or a running engine.
   *
   * @since 0.1.0
   */
  @Parameter(property = "cross.engine", defaultValue = "auto")
  protected String engine;

  /**
   * Where outputs ({@code <triple>/}), archives, build logs and reports ({@code report.json},
   * {@code report.html}) go.
   *
   * @since 0.1.0
   */
  @Parameter(property = "cross.outputDirectory", defaultValue = "${project.build.directory}/cross")
  protected File outputDirectory;

  /**
   * The highest glibc version any ELF output may require, e.g. {@code 2.28} for RHEL 8 and Debian
   * 10. A target whose output needs a newer {@code GLIBC_} symbol version fails, naming the file
   * and the symbol version. Lower it with an older base image ({@code <image>}). Default: no
   * ceiling (the requirement is still shown in the summary).
   *
   * @since 0.1.0
   */
  @Parameter(property = "cross.glibcMax")
  protected String glibcMax;

  /**
   * The oldest glibc the outputs must run on, e.g. {@code 2.31} for Debian 11, Ubuntu 20.04 and
   * later. The Debian base image of every glibc Linux target (the target catalog's) becomes that of
   * the newest Debian release whose glibc is at most this: bullseye (glibc 2.31), bookworm (2.36,
   * the catalog's default) or trixie (2.41; riscv64 has images only from trixie on). A target whose
   * catalog release already meets it keeps its image. A floor no known release meets (e.g. {@code
   * 2.17}, or below {@code 2.41} for riscv64) fails the build before anything is built, naming the
   * oldest floor for the target. The audit then checks the outputs against it as it does against
   * {@code <glibcMax>} (the lower of the two is the ceiling): an output that needs a newer {@code
   * GLIBC_} symbol version fails the target. A {@code <target>} can give its own {@code <glibc>},
   * which wins; a target with its own {@code <image>} keeps that image, and only the audit checks
   * its floor. musl, macOS and Windows targets use no glibc and ignore it. Example: {@code
   * <glibc>2.31</glibc>}, or {@code -Dcross.glibc=2.31}. Default: none (the catalog's images,
   * bookworm but for riscv64).
   *
   * @since 0.1.0
   */
  @Parameter(property = "cross.glibc")
  protected String glibc;

  /**
   * What a shared library an ELF output needs ({@code NEEDED}) does to the target when it is
   * neither in the archive nor a system library every Linux of the target's C library has: {@code
   * warn} (the default) names it and the Debian package that provided it in the build image, {@code
   * fail} fails the target with the same words, {@code ignore} says nothing. System libraries are a
   * fixed list, as auditwheel's manylinux policy judges them (libc, libm, libpthread, libdl, librt,
   * libgcc_s, libstdc++, the loaders; musl's libc.so), never what the base image holds: every
   * Debian image has zlib1g, yet distroless, scratch and slim JRE images lack it, so {@code
   * libz.so.1} warns. Example: {@code <neededLibraries>fail</neededLibraries>}, or {@code
   * -Dcross.neededLibraries=fail}.
   */
  @Parameter(property = "cross.neededLibraries", defaultValue = "warn")
  protected String neededLibraries;

  /**
   * A command run after the build, in a container of the target's platform (natively or under
   * QEMU), with the target's outputs in its working directory, e.g. {@code ./hello --version}. A
   * non-zero exit fails the target; a platform that can't run here is skipped with a line saying
   * why. A {@code <target>} can give its own {@code <smokeTest>} ({@code
   * <smokeTest>none</smokeTest>} turns it off for that target). Default: none.
   *
   * @since 0.1.0
   */
  @Parameter(property = "cross.smokeTest")
  protected String smokeTest;

  /**
   * Debian packages the smoke test needs at run time (e.g. {@code zlib1g}, {@code
   * default-jre-headless}), installed into the target platform's base image for the smoke test
   * only. Default: none.
   *
   * @since 0.1.0
   */
  @Parameter protected List<String> smokePackages;

  /**
   * Project files or directories (relative to the project, e.g. {@code target/classes} or {@code
   * src/smoke}) copied beside the outputs into the smoke test's working directory, keeping their
   * relative paths. They are never packed into the archive. Default: none.
   *
   * @since 0.1.0
   */
  @Parameter protected List<String> smokeFiles;

  /**
   * A registry repository that shares deps images between machines and CI runs: {@code
   * <repository>} (a registry host, an optional port and a lower-case path, no tag: e.g. {@code
   * registry.corp:5000/team/cache}), {@code <pull>} (default true: pull a deps image the engine
   * lacks), {@code <push>} (default false: push every deps image built here), and optional {@code
   * <username>} with {@code <passwordEnvironmentVariable>} (otherwise the docker CLI's {@code
   * config.json} and its credential helpers give the credentials). A deps image the local engine
   * lacks is pulled as {@code <repository>:<triple>-<deps key>} and trusted only when its platform
   * and deps key match; one built here is pushed under that tag. The cache never fails a build: an
   * unreachable registry or a missing tag is a warning, and the image is built. Each field can be
   * set with {@code -Dcross.cache.<field>}, e.g. {@code -Dcross.cache.push=true}, which wins over
   * the POM. Default: none, deps images stay in the engine that built them.
   *
   * @since 0.1.0
   */
  @Parameter protected CacheParameter cache;

  /**
   * Where the source stage keeps its compiler cache between builds, so that a source change
   * recompiles only what it touches: {@code volume} (the default) keeps one named volume per
   * project and target ({@code cross-build-cache-<project>-<triple>}, labelled like the plugin's
   * images); {@code directory} bind-mounts a host directory ({@code <buildCacheDirectory>}), which
   * CI can save and restore, and the generated workflow does; {@code none} turns it off. The caches
   * are content-addressed where the tools allow it: ccache for the gcc recipes (make, cmake,
   * custom), {@code GOCACHE} for go; cargo keeps its target directory there and compares the
   * sources' real modification times. make, cmake, custom and cargo also keep their build tree
   * there ({@code /src} as the last build of the same configuration left it, the sources synced
   * into it by content), so that a one-unit change compiles one unit; for make and custom only when
   * every change is a compilation unit, since a Makefile rarely names the headers a unit includes.
   * {@code cross:clean} removes them.
   *
   * @since 0.1.0
   */
  @Parameter(property = "cross.buildCache", defaultValue = "volume")
  protected String buildCache;

  /**
   * The host directory of {@code <buildCache>directory</buildCache>}, one subdirectory per target.
   * Default {@code ~/.cache/cross-build/<artifactId>}. Only the local engine can mount it.
   *
   * @since 0.1.0
   */
  @Parameter(property = "cross.buildCacheDirectory")
  protected String buildCacheDirectory;

  /**
   * The size cap of each target's build cache, e.g. {@code 2G} (the default) or {@code 500M}:
   * ccache's max size (it evicts the oldest entries), and the size past which cargo's target
   * directory is dropped at the end of a build (the next build is then a cold one).
   *
   * @since 0.1.0
   */
  @Parameter(property = "cross.buildCacheMaxSize", defaultValue = "2G")
  protected String buildCacheMaxSize;

  /** The Maven session, for the {@code -Dcross.cache.*} properties. */
  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  protected MavenSession session;

  /**
   * Skips this goal, and with {@code -Dcross.skip=true} every goal of the plugin: {@code
   * cross:plan}, {@code cross:build}, {@code cross:collect}, {@code cross:generate-workflow},
   * {@code cross:release} and {@code cross:clean}. Each goal also has a property that skips it
   * alone: {@code cross.plan.skip}, {@code cross.build.skip}, {@code cross.collect.skip}, {@code
   * cross.workflow.skip}, {@code cross.release.skip}, {@code cross.clean.skip}. Default {@code
   * false}; property {@code cross.skip}.
   *
   * @since 0.1.0
   */
  @Parameter(property = Skip.ALL, defaultValue = "false")
  protected boolean skip;

  /** The checked configuration, or a failure that lists every problem. */
  protected CrossConfig config(boolean force) throws MojoFailureException {
    Path projectDir = project.getBasedir().toPath();
    RawConfig raw =
        RawConfigs.forProject(projectDir, project.getArtifactId(), project.getVersion())
            .outputDirectory(outputDirectory.toPath())
            .targets(targets)
            .targetSelection(targetSelection)
            .recipe(recipe)
            .setup(setup)
            .buildTools(buildTools)
            .setupCommands(setupCommands)
            .manifests(manifests)
            .depsCommand(depsCommand)
            .buildCommand(buildCommand)
            .artifacts(artifacts)
            .env(env)
            .image(image)
            .builders(builders)
            .dockerHost(dockerHost)
            .parallel(parallel)
            .engine(engine)
            .force(force)
            .caCertificates(caCertificates)
            .sourceDateEpoch(System.getenv("SOURCE_DATE_EPOCH"))
            // GitInfo (and JGit, a signed jar to verify) is not even loaded outside git
            .commitTime(
                GitPresence.insideGit(projectDir)
                    ? GitInfo.commitTimeAround(projectDir).orElse(null)
                    : null)
            .glibcMax(glibcMax)
            .glibc(glibc)
            .neededLibraries(neededLibraries)
            .smokeTest(smokeTest)
            .smokePackages(smokePackages)
            .smokeFiles(smokeFiles)
            .cache(CacheParameter.raw(cache, session))
            .buildCache(buildCache)
            .buildCacheDirectory(buildCacheDirectory)
            .buildCacheMaxSize(buildCacheMaxSize)
            .toRawConfig();
    try {
      return new ConfigResolver(TargetCatalog.builtIn()).resolve(raw);
    } catch (InvalidConfigException e) {
      throw Advice.failure(e);
    }
  }

  /** A session whose builders connect through docker-java. */
  protected static CrossBuild session(CrossConfig config, String pluginVersion) {
    return new CrossBuild(
        config, TargetCatalog.builtIn(), AbstractCrossMojo::connect, pluginVersion);
  }

  /** The engine of a builder, through docker-java. */
  protected static DockerJavaEngine connect(BuilderConfig b) {
    return DockerJavaEngine.connect(
        b.host() == null
            ? EngineEndpoint.local()
            : new EngineEndpoint(
                b.id(),
                b.host(),
                b.tlsVerify(),
                b.certPath(),
                b.id().equals("local") ? "-Dcross.dockerHost" : "<builder> '" + b.id() + "'"));
  }

  /**
   * Prints the plan table, a warning for every builder that could not be reached and for every
   * emulated target.
   */
  protected void printPlan(BuildPlan plan) {
    printPlan(plan, List.of());
  }

  /** The builders the plan connected (engine, address, platform, slots), then the plan. */
  protected void printPlan(BuildPlan plan, List<BuilderTiming> builders) {
    for (BuilderTiming b : builders) {
      getLog()
          .info(
              "Builder '"
                  + b.builder().id()
                  + "': "
                  + b.engine()
                  + " at "
                  + b.builder().endpoint()
                  + ", "
                  + b.builder().nativePlatform()
                  + ", up to "
                  + b.builder().maxParallel()
                  + " targets at once");
    }
    PlanTable.render(plan).forEach(getLog()::info);
    for (UnreachableBuilder u : plan.unreachable()) {
      getLog()
          .warn(
              "Builder '"
                  + u.id()
                  + "' ("
                  + u.host()
                  + ") could not be reached: "
                  + u.problem()
                  + ". Its targets were planned on other builders.");
    }
    plan.targets().stream()
        .filter(PlannedTarget::emulated)
        .forEach(
            t ->
                getLog()
                    .warn(
                        "Target "
                            + t.target()
                            + " builds under QEMU emulation: expect it to be 10-50x slower than native or cross."));
  }

  /**
   * Renders planning and engine failures in POM terms (see {@link Advice}): a user mistake is
   * thrown as a failure, anything from the environment is returned as an execution exception for
   * the caller to throw.
   */
  protected static MojoExecutionException failure(RuntimeException e) throws MojoFailureException {
    return Advice.failure(e);
  }
}
