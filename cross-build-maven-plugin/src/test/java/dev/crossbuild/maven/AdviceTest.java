package dev.crossbuild.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossbuild.config.ConfigKey;
import dev.crossbuild.config.ConfigProblem;
import dev.crossbuild.config.ConfigResolver;
import dev.crossbuild.config.InvalidConfigException;
import dev.crossbuild.config.RawConfig;
import dev.crossbuild.config.RawOutputRules;
import dev.crossbuild.config.RawTarget;
import dev.crossbuild.config.Strategy;
import dev.crossbuild.plan.UnbuildableTarget;
import dev.crossbuild.plan.UnbuildableTargetsException;
import dev.crossbuild.plan.UnreachableBuilder;
import dev.crossbuild.recipe.RecipeOverrides;
import dev.crossbuild.stage.BaseImageException;
import dev.crossbuild.stage.TargetBuildException;
import dev.crossbuild.stage.TargetResult;
import dev.crossbuild.target.Platform;
import dev.crossbuild.target.TargetCatalog;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user reads when the configuration cannot work: element, property, value and fix. */
class AdviceTest {

  @TempDir Path dir;

  @Test
  void everyProblemOfOneConfigurationIsSaidInOneFailureInPomTerms() {
    RawConfig raw =
        new RawConfig(
            dir,
            "app",
            "1.0",
            dir.resolve("target/cross"),
            List.of(
                RawTarget.of("aarch64-unknown-linux-gn"),
                RawTarget.of("aarch64"),
                new RawTarget("x86_64-unknown-linux-gnu", "fastest", "ghost", null, null),
                RawTarget.of("x86_64-unknown-linux-gnu")),
            null,
            new RecipeOverrides(
                "custom",
                List.of("zlib1g-dev; rm -rf /"),
                null,
                null,
                null,
                null,
                null,
                Map.of("BAD-NAME", "x")),
            List.of(new RawConfig.RawBuilder("local", null, null, null, 0)),
            null,
            2,
            "auto",
            false);

    assertThatThrownBy(() -> new ConfigResolver(TargetCatalog.builtIn()).resolve(raw))
        .isInstanceOfSatisfying(
            InvalidConfigException.class,
            e ->
                assertThat(Advice.failure(e))
                    .isInstanceOf(MojoFailureException.class)
                    .hasMessage(
                        "11 configuration problem(s) in the cross-build plugin's <configuration>:\n"
                            + "  - Builder id 'local' is used twice (or is the reserved 'local')."
                            + " Give each builder a unique id.\n"
                            + "  - Builder 'local' has no <host>. Set it, e.g."
                            + " <host>tcp://arm64-box:2376</host>.\n"
                            + "  - Builder 'local' has <maxParallel>0</maxParallel>; it must be at"
                            + " least 1.\n"
                            + "  - Target 'x86_64-unknown-linux-gnu' is listed twice in <targets>."
                            + " Remove one.\n"
                            + "  - Unknown target 'aarch64-unknown-linux-gn' in <targets>"
                            + " (-Dcross.targets). Did you mean aarch64-unknown-linux-gnu?\n"
                            + "  - 'aarch64' in <targets> (-Dcross.targets) is not a target triple:"
                            + " write arch-vendor-os[-env], e.g. aarch64-unknown-linux-gnu.\n"
                            + "  - Unknown <strategy>fastest</strategy> for target"
                            + " x86_64-unknown-linux-gnu. Use native, cross, emulated or host, or"
                            + " leave it out to let the planner choose.\n"
                            + "  - Target x86_64-unknown-linux-gnu names <builder>ghost</builder>,"
                            + " which is not declared. Known: local.\n"
                            + "  - 'zlib1g-dev; rm -rf /' in <setup> is not a Debian package name"
                            + " (e.g. zlib1g-dev). Put commands in <setupCommands> instead.\n"
                            + "  - 'BAD-NAME' in <env> is not a valid environment variable name."
                            + " Use letters, digits and _.\n"
                            + "  - The custom recipe needs a <buildCommand> (-Dcross.buildCommand),"
                            + " e.g. <buildCommand>make</buildCommand>."));
  }

  @Test
  void aGlibcFloorNoBaseImageMeetsFailsThePlanSayingWhatToDo() {
    RawConfig raw =
        new RawConfig(
            dir,
            "app",
            "1.0",
            dir.resolve("target/cross"),
            List.of(RawTarget.of("aarch64-unknown-linux-gnu")),
            null,
            new RecipeOverrides("make", null, null, null, null, null, null, null),
            List.of(),
            null,
            2,
            "auto",
            false,
            List.of(),
            new RawOutputRules(null, null, null, null, List.of(), List.of(), "2.17"));

    assertThatThrownBy(() -> new ConfigResolver(TargetCatalog.builtIn()).resolve(raw))
        .isInstanceOfSatisfying(
            InvalidConfigException.class,
            e ->
                assertThat(Advice.failure(e))
                    .hasMessage(
                        "1 configuration problem(s) in the cross-build plugin's <configuration>:\n"
                            + "  - Target aarch64-unknown-linux-gnu: no known base image has glibc"
                            + " 2.17 or older (<glibc>2.17</glibc>, -Dcross.glibc). The oldest"
                            + " floor for it is 2.31 (Debian bullseye). Raise <glibc> to 2.31 or"
                            + " more, or give the target your own <image> with glibc 2.17 or older"
                            + " (the audit still checks the floor)."));
  }

  /** A problem, where it is in the POM, and what the user reads. */
  private record Said(ConfigProblem problem, String element, String property, String message) {}

  private static final String CACHE_EXAMPLE =
      "<cache><repository>registry.example.com/team/cache</repository></cache>";

  private static final List<Said> SAID =
      List.of(
          new Said(
              new ConfigProblem.Unknown(
                  ConfigKey.WORKFLOW_BUILD_TARGETS, "x86_64-unknown-freebsd", null, List.of()),
              "<targets>",
              "cross.workflow.targets",
              "Unknown target 'x86_64-unknown-freebsd' in <targets> (-Dcross.workflow.targets)."
                  + " Run mvn cross:help -Ddetail to see the known targets."),
          new Said(
              new ConfigProblem.Unknown(ConfigKey.ENGINE, "podman", null, List.of("auto", "none")),
              "<engine>",
              "cross.engine",
              "Unknown engine mode 'podman' in <engine> (-Dcross.engine). Use auto or none."),
          new Said(
              new ConfigProblem.Unknown(ConfigKey.RECIPE, "bazel", null, List.of("cargo", "make")),
              "<recipe>",
              "cross.recipe",
              "Unknown recipe 'bazel' in <recipe> (-Dcross.recipe). Known recipes: cargo, make."),
          new Said(
              new ConfigProblem.Malformed(
                  ConfigKey.TARGET_NATIVE_RESOURCE_DIR,
                  "../outside",
                  "riscv64gc-unknown-linux-gnu",
                  "is empty or climbs out of the classes directory"),
              "<target><nativeResourceDir>",
              null,
              "Target riscv64gc-unknown-linux-gnu: <nativeResourceDir>../outside</nativeResourceDir>"
                  + " is empty or climbs out of the classes directory. Write a relative path inside"
                  + " the jar, such as org/example/native/Linux/x86_64."),
          new Said(
              new ConfigProblem.Duplicate(
                  ConfigKey.TARGET_NATIVE_RESOURCE_DIR,
                  "native/Linux",
                  "aarch64-unknown-linux-gnu",
                  "x86_64-unknown-linux-gnu"),
              "<target><nativeResourceDir>",
              null,
              "Targets x86_64-unknown-linux-gnu and aarch64-unknown-linux-gnu both name"
                  + " <nativeResourceDir>native/Linux</nativeResourceDir>: one would overwrite the"
                  + " other's library in the jar. Give each its own directory."),
          new Said(
              new ConfigProblem.Malformed(ConfigKey.IMAGE, "Bad Image!", null, null),
              "<image>",
              "cross.image",
              "'Bad Image!' in <image> (-Dcross.image) is not an image reference. Write e.g."
                  + " {repo}/debian:bookworm-slim ({repo} is the per-architecture repository: amd64,"
                  + " arm64v8, ...) or registry.example/team/builder:1."),
          new Said(
              new ConfigProblem.Malformed(ConfigKey.BUILD_TOOLS, "protoc; curl x", null, null),
              "<buildTools>",
              null,
              "'protoc; curl x' in <buildTools> is not a Debian package name (e.g."
                  + " protobuf-compiler). Put commands in <setupCommands> instead."),
          new Said(
              new ConfigProblem.Malformed(
                  ConfigKey.CA_CERTIFICATES, "notes.txt", null, "notes.txt holds no certificate"),
              "<caCertificates>",
              "cross.caCertificates",
              "Cannot use <caCertificates> (-Dcross.caCertificates): notes.txt holds no"
                  + " certificate. Give PEM files of the CA certificates to trust, e.g."
                  + " <caCertificate>/etc/ssl/certs/ca-certificates.crt</caCertificate>."),
          new Said(
              new ConfigProblem.TooLow(ConfigKey.PARALLEL, null, 0),
              "<parallel>",
              "cross.parallel",
              "<parallel> (-Dcross.parallel) must be at least 1, was 0."),
          new Said(
              new ConfigProblem.Missing(ConfigKey.TARGETS),
              "<targets>",
              "cross.targets",
              "No targets to build. Add <targets><target>x86_64-unknown-linux-gnu</target></targets>"
                  + " to the plugin's <configuration>, or pass"
                  + " -Dcross.targets=x86_64-unknown-linux-gnu,..."),
          new Said(
              new ConfigProblem.Missing(ConfigKey.BUILDER_ID),
              "<builders><builder><id>",
              null,
              "A <builder> has no <id>. Give each builder a unique id, e.g. <id>arm64-box</id>."),
          new Said(
              new ConfigProblem.NoPackagesForArchitecture(
                  "riscv64gc-unknown-linux-gnu",
                  "{repo}/debian:bookworm-slim",
                  List.of("zlib1g-dev", "libssl-dev"),
                  "riscv64",
                  "riscv64/debian:trixie-slim"),
              "<image>",
              "cross.image",
              "Target riscv64gc-unknown-linux-gnu installs <setup> packages (zlib1g-dev,"
                  + " libssl-dev) for riscv64, but {repo}/debian:bookworm-slim is Debian 12"
                  + " (bookworm), which has no riscv64 packages. Give the target its own"
                  + " <image>{repo}/debian:trixie-slim</image>, or leave <image> out to use the"
                  + " catalog's riscv64/debian:trixie-slim."),
          new Said(
              new ConfigProblem.Missing(ConfigKey.CACHE_REPOSITORY),
              "<cache><repository>",
              "cross.cache.repository",
              "<cache> is set but has no <repository> (-Dcross.cache.repository). Name the registry"
                  + " repository deps images are shared through, e.g. "
                  + CACHE_EXAMPLE
                  + "."),
          new Said(
              new ConfigProblem.Malformed(
                  ConfigKey.CACHE_REPOSITORY, "registry.example.com/c:latest", null, null),
              "<cache><repository>",
              "cross.cache.repository",
              "'registry.example.com/c:latest' in <cache><repository> (-Dcross.cache.repository)"
                  + " is not an image repository: write the registry host, an optional port and a"
                  + " lower-case path, without a tag, e.g. "
                  + CACHE_EXAMPLE
                  + "."),
          new Said(
              new ConfigProblem.NoRegistryHost("team/cache", "team"),
              "<cache><repository>",
              "cross.cache.repository",
              "'team/cache' in <cache><repository> (-Dcross.cache.repository) does not start with"
                  + " a registry host ('team' has no dot or port). Start it with the registry's host"
                  + " name, e.g. "
                  + CACHE_EXAMPLE
                  + "."),
          new Said(
              new ConfigProblem.Needs(
                  ConfigKey.CACHE_USERNAME, "ci", ConfigKey.CACHE_PASSWORD_VARIABLE),
              "<cache><username>",
              "cross.cache.username",
              "<cache> needs both <username> and <passwordEnvironmentVariable>"
                  + " (-Dcross.cache.username, -Dcross.cache.passwordEnvironmentVariable), or"
                  + " neither to use the docker CLI's config.json. Set the missing one."),
          new Said(
              new ConfigProblem.Needs(
                  ConfigKey.CACHE_PASSWORD_SECRET, "PASS", ConfigKey.CACHE_USERNAME_SECRET),
              "<cache><passwordSecret>",
              "cross.cache.passwordSecret",
              "<cache><passwordSecret> 'PASS' needs a user name for the workflow's login: set"
                  + " <usernameSecret> (the secret holding it) or <username>."),
          new Said(
              new ConfigProblem.Needs(
                  ConfigKey.CACHE_USERNAME_SECRET, "USER", ConfigKey.CACHE_PASSWORD_SECRET),
              "<cache><usernameSecret>",
              "cross.cache.usernameSecret",
              "<cache><usernameSecret> 'USER' needs <passwordSecret>, the secret holding the"
                  + " password; without both the workflow logs in with the job's GITHUB_TOKEN."),
          new Said(
              new ConfigProblem.Malformed(ConfigKey.CACHE_USERNAME_SECRET, "GITHUB_ME", null, null),
              "<cache><usernameSecret>",
              "cross.cache.usernameSecret",
              "'GITHUB_ME' in <cache><usernameSecret> (-Dcross.cache.usernameSecret) is not usable"
                  + " as a GitHub secret name: use letters, digits and underscores, not starting"
                  + " with GITHUB_, e.g. CACHE_USERNAME."),
          new Said(
              new ConfigProblem.Malformed(
                  ConfigKey.CACHE_PASSWORD_VARIABLE, "BAD-NAME", null, null),
              "<cache><passwordEnvironmentVariable>",
              "cross.cache.passwordEnvironmentVariable",
              "'BAD-NAME' in <cache><passwordEnvironmentVariable>"
                  + " (-Dcross.cache.passwordEnvironmentVariable) is not usable as an environment"
                  + " variable name: use letters, digits and underscores, not starting with"
                  + " GITHUB_, e.g. CACHE_PASSWORD."),
          new Said(
              new ConfigProblem.Malformed(
                  ConfigKey.BUILD_CACHE_MAX_SIZE, "a lot", null, "not a size of at least 16M"),
              "<buildCacheMaxSize>",
              "cross.buildCacheMaxSize",
              "<buildCacheMaxSize>a lot</buildCacheMaxSize> (-Dcross.buildCacheMaxSize) is not a"
                  + " size of at least 16M. Write it like 2G or 500M."),
          new Said(
              new ConfigProblem.Malformed(
                  ConfigKey.BUILD_CACHE_DIRECTORY, "a\0b", null, "Nul character not allowed"),
              "<buildCacheDirectory>",
              "cross.buildCacheDirectory",
              "<buildCacheDirectory>a\0b</buildCacheDirectory> (-Dcross.buildCacheDirectory) is"
                  + " not a path: Nul character not allowed."),
          new Said(
              new ConfigProblem.Malformed(ConfigKey.GLIBC_MAX, "2.x", null, null),
              "<glibcMax>",
              "cross.glibcMax",
              "'2.x' in <glibcMax> (-Dcross.glibcMax) is not a glibc version. Write e.g."
                  + " <glibcMax>2.28</glibcMax>."),
          new Said(
              new ConfigProblem.Unknown(
                  ConfigKey.NEEDED_LIBRARIES, "error", null, List.of("warn", "fail", "ignore")),
              "<neededLibraries>",
              "cross.neededLibraries",
              "Unknown <neededLibraries>error</neededLibraries> (-Dcross.neededLibraries). Use warn"
                  + " (the default: name each library the archive needs but neither ships nor can"
                  + " expect), fail (fail the target instead) or ignore."),
          new Said(
              new ConfigProblem.Malformed(ConfigKey.GLIBC, "2.x", null, null),
              "<glibc>",
              "cross.glibc",
              "'2.x' in <glibc> (-Dcross.glibc) is not a glibc version. Write e.g."
                  + " <glibc>2.31</glibc>."),
          new Said(
              new ConfigProblem.Malformed(
                  ConfigKey.TARGET_GLIBC, "latest", "aarch64-unknown-linux-gnu", null),
              "<target><glibc>",
              null,
              "Target aarch64-unknown-linux-gnu: <glibc>latest</glibc> is not a glibc version."
                  + " Write e.g. <glibc>2.31</glibc>."),
          new Said(
              new ConfigProblem.Malformed(
                  ConfigKey.TARGET_GLIBC,
                  "2.31",
                  "x86_64-unknown-linux-musl",
                  "a musl target does not use glibc"),
              "<target><glibc>",
              null,
              "Target x86_64-unknown-linux-musl: <glibc>2.31</glibc> does not apply: a musl target"
                  + " does not use glibc. Remove <glibc> from this target."),
          new Said(
              new ConfigProblem.NoReleaseForGlibc(
                  ConfigKey.GLIBC, "aarch64-unknown-linux-gnu", "2.17", "2.31", "bullseye"),
              "<glibc>",
              "cross.glibc",
              "Target aarch64-unknown-linux-gnu: no known base image has glibc 2.17 or older"
                  + " (<glibc>2.17</glibc>, -Dcross.glibc). The oldest floor for it is 2.31"
                  + " (Debian bullseye). Raise <glibc> to 2.31 or more, or give the target your own"
                  + " <image> with glibc 2.17 or older (the audit still checks the floor)."),
          new Said(
              new ConfigProblem.NoReleaseForGlibc(
                  ConfigKey.TARGET_GLIBC, "riscv64gc-unknown-linux-gnu", "2.36", "2.41", "trixie"),
              "<target><glibc>",
              null,
              "Target riscv64gc-unknown-linux-gnu: no known base image has glibc 2.36 or older"
                  + " (its <glibc>2.36</glibc>). The oldest floor for it is 2.41 (Debian trixie)."
                  + " Raise its <glibc> to 2.41 or more, or give the target your own <image> with"
                  + " glibc 2.36 or older (the audit still checks the floor)."),
          new Said(
              new ConfigProblem.NoReleaseForGlibc(
                  ConfigKey.GLIBC, "loongarch64-unknown-linux-gnu", "2.36", null, null),
              "<glibc>",
              "cross.glibc",
              "Target loongarch64-unknown-linux-gnu: no known base image has glibc 2.36 or older"
                  + " (<glibc>2.36</glibc>, -Dcross.glibc). No known Debian release has an image"
                  + " for it: give the target your own <image> with glibc 2.36 or older (the audit"
                  + " still checks the floor)."),
          new Said(
              new ConfigProblem.Malformed(ConfigKey.SMOKE_PACKAGES, "zlib1g; rm", null, null),
              "<smokePackages>",
              null,
              "'zlib1g; rm' in <smokePackages> is not a Debian package name (e.g. zlib1g). Put"
                  + " commands in <setupCommands> instead."),
          new Said(
              new ConfigProblem.Malformed(ConfigKey.SMOKE_FILES, "/etc", null, null),
              "<smokeFiles>",
              null,
              "'/etc' in <smokeFiles> must be a path inside the project, relative to it, e.g."
                  + " <smokeFile>target/classes</smokeFile>."),
          new Said(
              new ConfigProblem.Malformed(ConfigKey.SOURCE_DATE_EPOCH, "yesterday", null, null),
              "SOURCE_DATE_EPOCH",
              null,
              "The environment variable SOURCE_DATE_EPOCH='yesterday' is not a number of seconds"
                  + " since 1970-01-01. Set it to e.g. $(git log -1 --format=%ct), or unset it to"
                  + " use the commit time of HEAD."));

  @Test
  void eachProblemNamesItsElementPropertyValueAndFix() {
    for (Said said : SAID) {
      ConfigProblem problem = said.problem();
      assertThat(Advice.element(problem)).as("element of %s", problem).isEqualTo(said.element());
      assertThat(Advice.property(problem)).as("property of %s", problem).isEqualTo(said.property());
      assertThat(Advice.message(problem)).as("message of %s", problem).isEqualTo(said.message());
    }
  }

  @Test
  void everySettingHasAPlaceInThePom() {
    for (ConfigKey key : ConfigKey.values()) {
      assertThat(Advice.element(new ConfigProblem.Missing(key))).as("%s", key).isNotBlank();
    }
  }

  private static final Platform RISCV64 = Platform.parse("linux/riscv64");
  private static final UnreachableBuilder BOX_DOWN =
      new UnreachableBuilder(
          "box",
          "tcp://10.0.0.2:2376",
          "No container engine at tcp://10.0.0.2:2376 (from <builder> 'box'): Connection refused");
  private static final String BINFMT =
      "Run: docker run --privileged --rm tonistiigi/binfmt --install riscv64 (on Debian: apt-get"
          + " install qemu-user-static binfmt-support), add a <builder> that runs linux/riscv64, or"
          + " build it in CI (mvn cross:generate-workflow)";

  @Test
  void everyUnbuildableTargetIsOneLineOfOneFailure() {
    UnbuildableTargetsException e =
        new UnbuildableTargetsException(
            List.of(
                new UnbuildableTarget.NoStrategy(
                    "riscv64gc-unknown-linux-gnu",
                    RISCV64,
                    null,
                    List.of("local"),
                    null,
                    List.of()),
                new UnbuildableTarget.EngineDisabled("x86_64-unknown-linux-gnu")));

    assertThatThrownBy(() -> Advice.failure(e))
        .isInstanceOf(MojoFailureException.class)
        .hasMessage(
            "Target riscv64gc-unknown-linux-gnu: no builder runs linux/riscv64 and QEMU is not"
                + " registered on 'local'. "
                + BINFMT
                + "\nTarget x86_64-unknown-linux-gnu: no container builder is available (engine"
                + " disabled). Remove -Dcross.engine=none, or build it in CI with mvn"
                + " cross:generate-workflow");
  }

  @Test
  void eachUnbuildableTargetSaysWhatIsMissingAndWhatWouldMakeItBuildable() {
    assertThat(
            Advice.message(
                new UnbuildableTarget.NoStrategy(
                    "riscv64gc-unknown-linux-gnu",
                    RISCV64,
                    Strategy.EMULATED,
                    List.of("local", "box"),
                    null,
                    List.of(BOX_DOWN))))
        .isEqualTo(
            "Target riscv64gc-unknown-linux-gnu: <strategy>emulated</strategy> does not apply: no"
                + " builder runs linux/riscv64 and QEMU is not registered on 'local', 'box'; builder"
                + " 'box' (tcp://10.0.0.2:2376) could not be reached: No container engine at"
                + " tcp://10.0.0.2:2376 (from <builder> 'box'): Connection refused. "
                + BINFMT);
    assertThat(
            Advice.message(
                new UnbuildableTarget.NoStrategy(
                    "aarch64-unknown-linux-gnu",
                    Platform.parse("linux/arm64"),
                    Strategy.NATIVE,
                    List.of("local"),
                    null,
                    List.of())))
        .startsWith(
            "Target aarch64-unknown-linux-gnu: <strategy>native</strategy> does not apply: no"
                + " builder runs linux/arm64 natively. Run: docker run --privileged --rm"
                + " tonistiigi/binfmt --install arm64 ");
    assertThat(
            Advice.message(
                new UnbuildableTarget.NoStrategy(
                    "riscv64gc-unknown-linux-gnu",
                    RISCV64,
                    Strategy.CROSS,
                    List.of("local"),
                    null,
                    List.of())))
        .isEqualTo(
            "Target riscv64gc-unknown-linux-gnu: <strategy>cross</strategy> does not apply: the"
                + " recipe has no cross toolchain for it on 'local'. "
                + BINFMT);
    assertThat(
            Advice.message(
                new UnbuildableTarget.NoStrategy(
                    "riscv64gc-unknown-linux-gnu",
                    RISCV64,
                    null,
                    List.of("local"),
                    "no linux/riscv64 image to probe with",
                    List.of())))
        .isEqualTo(
            "Target riscv64gc-unknown-linux-gnu: no builder runs linux/riscv64 and QEMU could not"
                + " be probed: no linux/riscv64 image to probe with. Make or pull that image (or set"
                + " <image> for the target), add a <builder> that runs linux/riscv64, or build it"
                + " in CI (mvn cross:generate-workflow)");
    assertThat(
            Advice.message(
                new UnbuildableTarget.NoContainer(
                    "aarch64-apple-darwin",
                    Platform.parse("darwin/arm64"),
                    Platform.parse("linux/amd64"))))
        .isEqualTo(
            "Target aarch64-apple-darwin: darwin/arm64 does not build in a Linux container and"
                + " this machine is linux/amd64. Build it on a darwin machine, or in CI with mvn"
                + " cross:generate-workflow (a native runner per target)");
    assertThat(
            Advice.message(
                new UnbuildableTarget.BuilderUnreachable("x86_64-unknown-linux-gnu", BOX_DOWN)))
        .isEqualTo(
            "Target x86_64-unknown-linux-gnu: builder 'box' (tcp://10.0.0.2:2376) could not be"
                + " reached: No container engine at tcp://10.0.0.2:2376 (from <builder> 'box'):"
                + " Connection refused. Start the engine at tcp://10.0.0.2:2376 or check the <host>"
                + " of <builder> 'box', or remove <builder>box</builder> from the target so another"
                + " builder builds it");
    assertThat(
            Advice.message(
                new UnbuildableTarget.UnknownBuilder(
                    "x86_64-unknown-linux-gnu", "nope", List.of("local", "box"))))
        .isEqualTo(
            "Target x86_64-unknown-linux-gnu: no <builder> with id 'nope'. Use one of the declared"
                + " builder ids: local, box");
  }

  @Test
  void aBaseImageMistakeInATargetsFailureNamesTheSettingThatFixesIt() {
    Platform amd64 = Platform.parse("linux/amd64");
    BaseImageException otherPlatform =
        BaseImageException.otherPlatform(
            "x86_64-unknown-linux-gnu",
            amd64,
            "amd64/debian:bookworm-slim",
            Platform.parse("linux/arm64"));
    TargetBuildException failure =
        new TargetBuildException(
            "x86_64-unknown-linux-gnu",
            "base",
            otherPlatform.getMessage() + "\nThe whole log: /p/x86_64-unknown-linux-gnu.build.log",
            List.of(),
            otherPlatform);

    assertThat(Advice.targetFailure(failure))
        .isEqualTo(
            "Target x86_64-unknown-linux-gnu, base stage: Base image amd64/debian:bookworm-slim is"
                + " linux/arm64 but this build needs linux/amd64. Use a per-architecture repository"
                + " (e.g. arm64v8/debian) or set <image> for the target.\nThe whole log:"
                + " /p/x86_64-unknown-linux-gnu.build.log");
    assertThat(
            Advice.message(
                BaseImageException.noRepositoryFor(
                    "riscv64gc-unknown-linux-gnu", RISCV64, "{repo}/debian:bookworm-slim")))
        .isEqualTo(
            "No per-architecture repository is known for linux/riscv64 to fill {repo} in"
                + " <image>{repo}/debian:bookworm-slim</image>. Set <image> for target"
                + " riscv64gc-unknown-linux-gnu.");
    assertThat(Advice.message(BaseImageException.noneKnown("riscv64gc-unknown-linux-gnu", RISCV64)))
        .isEqualTo("No base image is known for linux/riscv64. Set <image> for the target.");
    RuntimeException other = new TargetBuildException("t", "source", "exit 2", List.of(), null);
    assertThat(Advice.targetFailure(other)).isEqualTo(other.getMessage());

    // The report gets the same words as the console: the results are worded once, before both.
    TargetResult failed =
        new TargetResult(
            null, false, false, null, List.of(), List.of(), Path.of("out"), null, failure);
    TargetResult worded = Advice.worded(List.of(failed)).get(0);
    assertThat(worded.failure().getMessage()).isEqualTo(Advice.targetFailure(failure));
    assertThat(((TargetBuildException) worded.failure()).stage()).isEqualTo("base");
    assertThat(Advice.worded(List.of(failed.withFailure(other))).get(0).failure()).isSameAs(other);
  }
}
