package dev.crossbuild.maven;

import dev.crossbuild.config.ConfigKey;
import dev.crossbuild.config.ConfigProblem;
import dev.crossbuild.config.InvalidConfigException;
import dev.crossbuild.config.Strategy;
import dev.crossbuild.engine.EngineException;
import dev.crossbuild.engine.EngineUnavailableException;
import dev.crossbuild.maven.workflow.WorkflowProblem;
import dev.crossbuild.plan.UnbuildableTarget;
import dev.crossbuild.plan.UnbuildableTargetsException;
import dev.crossbuild.stage.BaseImageException;
import dev.crossbuild.stage.TargetBuildException;
import dev.crossbuild.stage.TargetResult;
import dev.crossbuild.target.Platform;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Every "here is what to do" of the goals in one place: the core throws typed problems that carry
 * the values (a bad setting, a target no builder can build, a base image the configuration cannot
 * give), and this says them in POM terms, naming the element and the {@code -D} property, so every
 * goal says them the same way. {@link ReleaseErrors} does the same for the release settings.
 */
public final class Advice {

  private static final String CACHE_EXAMPLE =
      "<cache><repository>registry.example.com/team/cache</repository></cache>";

  private static final String GLIBC_EXAMPLE = "<glibc>2.31</glibc>";

  private Advice() {}

  /** Every configuration problem in one failure. */
  static MojoFailureException failure(InvalidConfigException e) {
    return new MojoFailureException(
        e.problems().size()
            + " configuration problem(s) in the cross-build "
            + "plugin's <configuration>:\n"
            + e.problems().stream()
                .map(Advice::message)
                .map(m -> "  - " + m)
                .collect(Collectors.joining("\n")));
  }

  /**
   * Planning and engine failures: a user mistake is thrown as a failure, anything from the
   * environment is returned as an execution exception for the caller to throw. An engine's own
   * message, such as a TLS problem's, which names the builder, the file and the fix, is kept as it
   * is.
   */
  static MojoExecutionException failure(RuntimeException e) throws MojoFailureException {
    if (e instanceof UnbuildableTargetsException u) {
      throw new MojoFailureException(
          u.targets().stream().map(Advice::message).collect(Collectors.joining("\n")));
    }
    if (e instanceof EngineUnavailableException u) {
      return new MojoExecutionException(
          "No container engine at "
              + u.endpoint()
              + " (from "
              + u.source()
              + "). Start Docker (or Podman's Docker-compatible service), or set DOCKER_HOST / -Dcross.dockerHost."
              + " To build only host targets without containers, use -Dcross.engine=none.",
          e);
    }
    if (e instanceof EngineException) {
      return new MojoExecutionException(e.getMessage(), e);
    }
    return new MojoExecutionException(e.toString(), e);
  }

  /**
   * {@code <nativeResourcePath>} refused by the copy into the classes (absolute, or leaving them).
   */
  static MojoFailureException nativeResourcePath(String value, IllegalArgumentException e) {
    return new MojoFailureException(
        "<nativeResourcePath>"
            + value
            + "</nativeResourcePath>"
            + " (-Dcross.nativeResourcePath) "
            + e.getMessage()
            + ". Use a relative path such as META-INF/native.");
  }

  /**
   * The results with every failure worded for the user, as the console and the report show them.
   */
  static List<TargetResult> worded(List<TargetResult> results) {
    return results.stream()
        .map(
            r ->
                r.failure() instanceof TargetBuildException t
                        && t.getCause() instanceof BaseImageException
                    ? r.withFailure(t.reworded(targetFailure(t)))
                    : r)
        .toList();
  }

  /**
   * A failed target's message, with the base image mistake in it, if that is why, said in POM
   * terms.
   */
  static String targetFailure(RuntimeException failure) {
    String message = failure.getMessage();
    if (message != null && failure.getCause() instanceof BaseImageException b) {
      return message.replace(b.getMessage(), message(b));
    }
    return message;
  }

  /** What is wrong with a target's base image, and which setting gives it another. */
  public static String message(BaseImageException e) {
    return switch (e.reason()) {
      case NO_REPOSITORY_FOR_TEMPLATE ->
          "No per-architecture repository is known for "
              + e.platform()
              + " to fill {repo} in "
              + inline("image", e.image())
              + ". Set <image> for target "
              + e.triple()
              + ".";
      case NONE_KNOWN ->
          "No base image is known for " + e.platform() + ". Set <image> for the target.";
      case OTHER_PLATFORM ->
          "Base image "
              + e.image()
              + " is "
              + e.imagePlatform()
              + " but this build needs "
              + e.platform()
              + ". Use a per-architecture repository (e.g. arm64v8/debian) or set <image> for the"
              + " target.";
    };
  }

  /** The POM element a configuration problem is about. */
  public static String element(ConfigProblem problem) {
    return problem instanceof WorkflowProblem w ? w.element() : place(problem.key()).element();
  }

  /** The {@code -D} property of that element, or null when it has none. */
  public static String property(ConfigProblem problem) {
    return problem instanceof WorkflowProblem w ? w.property() : place(problem.key()).property();
  }

  /** What is wrong, with the value, and what to do. */
  public static String message(ConfigProblem problem) {
    if (problem instanceof WorkflowProblem p) {
      return p.message();
    } else if (problem instanceof ConfigProblem.Unknown p) {
      return unknown(p);
    } else if (problem instanceof ConfigProblem.Malformed p) {
      return malformed(p);
    } else if (problem instanceof ConfigProblem.Missing p) {
      return missing(p);
    } else if (problem instanceof ConfigProblem.Needs p) {
      return needs(p);
    } else if (problem instanceof ConfigProblem.Duplicate p) {
      return duplicate(p);
    } else if (problem instanceof ConfigProblem.TooLow p) {
      return tooLow(p);
    } else if (problem instanceof ConfigProblem.NoRegistryHost p) {
      return "'"
          + p.value()
          + "' in "
          + named(p.key())
          + " does not start with a registry host ('"
          + p.registry()
          + "' has no dot or port). Start it with the registry's host name, e.g. "
          + CACHE_EXAMPLE
          + ".";
    } else if (problem instanceof ConfigProblem.NotForMusl p) {
      return "Target " + p.value() + ": " + p.why();
    } else if (problem instanceof ConfigProblem.NoPackagesForArchitecture p) {
      return "Target "
          + p.triple()
          + " installs <setup> packages ("
          + String.join(", ", p.packages())
          + ") for "
          + p.architecture()
          + ", but "
          + p.value()
          + " is Debian 12 (bookworm), which has no "
          + p.architecture()
          + " packages. Give the target its own <image>{repo}/debian:trixie-slim</image>, or leave"
          + " <image> out to use the catalog's "
          + p.catalogImage()
          + ".";
    } else if (problem instanceof ConfigProblem.NoReleaseForGlibc p) {
      return noReleaseForGlibc(p);
    }
    return noAdvice(problem);
  }

  /** The floor, where it is set, the lowest one that can be met, and the two ways out. */
  private static String noReleaseForGlibc(ConfigProblem.NoReleaseForGlibc p) {
    boolean own = p.key() == ConfigKey.TARGET_GLIBC;
    String given =
        own
            ? "its " + inline("glibc", p.value())
            : inline("glibc", p.value()) + ", -D" + place(p.key()).property();
    String image =
        "give the target your own <image> with glibc "
            + p.value()
            + " or older (the audit still checks the floor).";
    String start =
        "Target "
            + p.triple()
            + ": no known base image has glibc "
            + p.value()
            + " or older ("
            + given
            + "). ";
    if (p.oldestFloor() == null) {
      return start + "No known Debian release has an image for it: " + image;
    }
    return start
        + "The oldest floor for it is "
        + p.oldestFloor()
        + " (Debian "
        + p.oldestRelease()
        + "). Raise "
        + (own ? "its " : "")
        + "<glibc> to "
        + p.oldestFloor()
        + " or more, or "
        + image;
  }

  /** {@code Target <triple>: <what is missing>. <what would make it buildable>}. */
  public static String message(UnbuildableTarget target) {
    if (target instanceof UnbuildableTarget.NoContainer t) {
      return unbuildable(
          t,
          t.platform()
              + " does not build in a Linux container and this machine is "
              + (t.host() == null ? "unknown" : t.host().toString()),
          "Build it on a "
              + t.platform().os()
              + " machine, or in CI with mvn cross:generate-workflow (a native runner per target)");
    } else if (target instanceof UnbuildableTarget.BuilderUnreachable t) {
      String id = t.builder().id();
      return unbuildable(
          t,
          t.builder().describe(),
          "Start the engine at "
              + t.builder().host()
              + " or check the <host> of <builder> '"
              + id
              + "', or remove "
              + inline("builder", id)
              + " from the target so another builder builds it");
    } else if (target instanceof UnbuildableTarget.UnknownBuilder t) {
      return unbuildable(
          t,
          "no <builder> with id '" + t.builder() + "'",
          "Use one of the declared builder ids: " + String.join(", ", t.declared()));
    } else if (target instanceof UnbuildableTarget.EngineDisabled t) {
      return unbuildable(
          t,
          "no container builder is available (engine disabled)",
          "Remove -Dcross.engine=none, or build it in CI with mvn cross:generate-workflow");
    } else if (target instanceof UnbuildableTarget.NoStrategy t) {
      return noStrategy(t);
    }
    return noAdvice(target);
  }

  private static String noStrategy(UnbuildableTarget.NoStrategy t) {
    Platform platform = t.platform();
    String forced =
        t.forced() == null ? "" : inline("strategy", t.forced().id()) + " does not apply: ";
    String names =
        t.builders().stream().map(id -> "'" + id + "'").collect(Collectors.joining(", "));
    String unreachable =
        t.unreachable().stream().map(u -> "; " + u.describe()).collect(Collectors.joining());
    String elsewhere =
        "add a <builder> that runs "
            + platform
            + ", or build it in CI (mvn cross:generate-workflow)";
    if (t.probeProblem() != null) {
      return unbuildable(
          t,
          forced
              + "no builder runs "
              + platform
              + " and QEMU could not be probed: "
              + t.probeProblem()
              + unreachable,
          "Make or pull that image (or set <image> for the target), " + elsewhere);
    }
    String problem =
        switch (t.forced() == null ? Strategy.EMULATED : t.forced()) {
          case NATIVE -> "no builder runs " + platform + " natively";
          case CROSS -> "the recipe has no cross toolchain for it on " + names;
          case EMULATED, HOST ->
              "no builder runs " + platform + " and QEMU is not registered on " + names;
        };
    return unbuildable(
        t,
        forced + problem + unreachable,
        "Run: docker run --privileged --rm tonistiigi/binfmt --install "
            + platform.arch()
            + " (on Debian: apt-get install qemu-user-static binfmt-support), "
            + elsewhere);
  }

  private static String unbuildable(UnbuildableTarget target, String problem, String remedy) {
    return "Target " + target.triple() + ": " + problem + ". " + remedy;
  }

  private static String unknown(ConfigProblem.Unknown p) {
    String value = p.value();
    return switch (p.key()) {
      case TARGETS, WORKFLOW_TARGETS, WORKFLOW_BUILD_TARGETS ->
          "Unknown target '"
              + value
              + "' in "
              + named(p.key())
              + "."
              + (p.known().isEmpty()
                  ? " Run mvn cross:help -Ddetail to see the known targets."
                  : " Did you mean " + String.join(" or ", p.known()) + "?");
      case TARGET_STRATEGY ->
          "Unknown <strategy>"
              + value
              + "</strategy> for target "
              + p.owner()
              + ". Use "
              + oneOf(p.known())
              + ", or leave it out to let the planner choose.";
      case TARGET_BUILDER ->
          "Target "
              + p.owner()
              + " names <builder>"
              + value
              + "</builder>, which is not declared. Known: "
              + String.join(", ", p.known())
              + ".";
      case ENGINE ->
          "Unknown engine mode '"
              + value
              + "' in "
              + named(p.key())
              + ". Use "
              + oneOf(p.known())
              + ".";
      case RECIPE ->
          "Unknown recipe '"
              + value
              + "' in "
              + named(p.key())
              + ". Known recipes: "
              + String.join(", ", p.known())
              + ".";
      case BUILD_CACHE ->
          "Unknown <buildCache>"
              + value
              + "</buildCache> (-Dcross.buildCache). Use volume (the default: a named volume per"
              + " project and target), directory (a host directory, which CI can save and restore)"
              + " or none (no cache).";
      case NEEDED_LIBRARIES ->
          "Unknown <neededLibraries>"
              + value
              + "</neededLibraries> (-Dcross.neededLibraries). Use warn (the default: name each"
              + " library the archive needs but neither ships nor can expect), fail (fail the"
              + " target instead) or ignore.";
      default -> noAdvice(p);
    };
  }

  private static String malformed(ConfigProblem.Malformed p) {
    String given = "'" + p.value() + "' in " + named(p.key());
    return switch (p.key()) {
      case TARGETS, WORKFLOW_TARGETS, WORKFLOW_BUILD_TARGETS ->
          given
              + " is not a target triple: write arch-vendor-os[-env], e.g."
              + " aarch64-unknown-linux-gnu.";
      case TARGET_NATIVE_RESOURCE_DIR ->
          "Target "
              + p.owner()
              + ": <nativeResourceDir>"
              + p.value()
              + "</nativeResourceDir> "
              + p.why()
              + ". Write a relative path inside the jar, such as org/example/native/Linux/x86_64.";
      case IMAGE ->
          given
              + " is not an image reference. Write e.g. {repo}/debian:bookworm-slim ({repo} is the"
              + " per-architecture repository: amd64, arm64v8, ...) or"
              + " registry.example/team/builder:1.";
      case ENV -> given + " is not a valid environment variable name. Use letters, digits and _.";
      case SETUP -> notAPackage(given, "zlib1g-dev");
      case BUILD_TOOLS -> notAPackage(given, "protobuf-compiler");
      case SMOKE_PACKAGES -> notAPackage(given, "zlib1g");
      case CA_CERTIFICATES ->
          "Cannot use "
              + named(p.key())
              + ": "
              + p.why()
              + ". Give PEM files of the CA certificates to trust, e.g."
              + " <caCertificate>/etc/ssl/certs/ca-certificates.crt</caCertificate>.";
      case CACHE_REPOSITORY ->
          given
              + " is not an image repository: write the registry host, an optional port and a"
              + " lower-case path, without a tag, e.g. "
              + CACHE_EXAMPLE
              + ".";
      case CACHE_PASSWORD_VARIABLE -> notAName(given, "an environment variable", "CACHE_PASSWORD");
      case CACHE_USERNAME_SECRET -> notAName(given, "a GitHub secret", "CACHE_USERNAME");
      case CACHE_PASSWORD_SECRET -> notAName(given, "a GitHub secret", "CACHE_PASSWORD");
      case BUILD_CACHE_MAX_SIZE ->
          inline("buildCacheMaxSize", p.value())
              + " (-Dcross.buildCacheMaxSize) is "
              + p.why()
              + ". Write it like 2G or 500M.";
      case BUILD_CACHE_DIRECTORY ->
          inline("buildCacheDirectory", p.value())
              + " (-Dcross.buildCacheDirectory) is not a path: "
              + p.why()
              + ".";
      case GLIBC_MAX -> given + " is not a glibc version. Write e.g. <glibcMax>2.28</glibcMax>.";
      case GLIBC -> given + " is not a glibc version. Write e.g. " + GLIBC_EXAMPLE + ".";
      case TARGET_GLIBC ->
          "Target "
              + p.owner()
              + ": "
              + inline("glibc", p.value())
              + (p.why() == null
                  ? " is not a glibc version. Write e.g. " + GLIBC_EXAMPLE + "."
                  : " does not apply: " + p.why() + ". Remove <glibc> from this target.");
      case SMOKE_FILES ->
          given
              + " must be a path inside the project, relative to it, e.g."
              + " <smokeFile>target/classes</smokeFile>.";
      case SOURCE_DATE_EPOCH ->
          "The environment variable SOURCE_DATE_EPOCH='"
              + p.value()
              + "' is not a number of seconds since 1970-01-01. Set it to e.g."
              + " $(git log -1 --format=%ct), or unset it to use the commit time of HEAD.";
      default -> noAdvice(p);
    };
  }

  private static String missing(ConfigProblem.Missing p) {
    return switch (p.key()) {
      case TARGETS ->
          "No targets to build. Add <targets><target>x86_64-unknown-linux-gnu</target></targets>"
              + " to the plugin's <configuration>, or pass"
              + " -Dcross.targets=x86_64-unknown-linux-gnu,...";
      case BUILDER_ID ->
          "A <builder> has no <id>. Give each builder a unique id, e.g. <id>arm64-box</id>.";
      case CACHE_REPOSITORY ->
          "<cache> is set but has no <repository> (-Dcross.cache.repository). Name the registry"
              + " repository deps images are shared through, e.g. "
              + CACHE_EXAMPLE
              + ".";
      default -> noAdvice(p);
    };
  }

  private static String needs(ConfigProblem.Needs p) {
    return switch (p.missing()) {
      case BUILD_COMMAND ->
          "The "
              + p.value()
              + " recipe needs a <buildCommand> (-Dcross.buildCommand), e.g."
              + " <buildCommand>make</buildCommand>.";
      case BUILDER_HOST ->
          "Builder '"
              + p.value()
              + "' has no <host>. Set it, e.g. <host>tcp://arm64-box:2376</host>.";
      case CACHE_USERNAME, CACHE_PASSWORD_VARIABLE ->
          "<cache> needs both <username> and <passwordEnvironmentVariable>"
              + " (-Dcross.cache.username, -Dcross.cache.passwordEnvironmentVariable), or neither"
              + " to use the docker CLI's config.json. Set the missing one.";
      case CACHE_USERNAME_SECRET ->
          "<cache><passwordSecret> '"
              + p.value()
              + "' needs a user name for the workflow's login: set <usernameSecret> (the secret"
              + " holding it) or <username>.";
      case CACHE_PASSWORD_SECRET ->
          "<cache><usernameSecret> '"
              + p.value()
              + "' needs <passwordSecret>, the secret holding the password; without both the"
              + " workflow logs in with the job's GITHUB_TOKEN.";
      default -> noAdvice(p);
    };
  }

  private static String duplicate(ConfigProblem.Duplicate p) {
    return switch (p.key()) {
      case TARGETS, WORKFLOW_TARGETS, WORKFLOW_BUILD_TARGETS ->
          "Target '" + p.value() + "' is listed twice in " + element(p) + ". Remove one.";
      case BUILDER_ID ->
          "Builder id '"
              + p.value()
              + "' is used twice (or is the reserved 'local'). Give each builder a unique id.";
      case TARGET_NATIVE_RESOURCE_DIR ->
          "Targets "
              + p.other()
              + " and "
              + p.owner()
              + " both name "
              + inline("nativeResourceDir", p.value())
              + ": one would overwrite the other's library in the jar. Give each its own"
              + " directory.";
      default -> noAdvice(p);
    };
  }

  private static String tooLow(ConfigProblem.TooLow p) {
    return switch (p.key()) {
      case PARALLEL -> named(p.key()) + " must be at least 1, was " + p.given() + ".";
      case BUILDER_MAX_PARALLEL ->
          "Builder '"
              + p.owner()
              + "' has "
              + inline("maxParallel", p.value())
              + "; it must be at least 1.";
      default -> noAdvice(p);
    };
  }

  private static String notAPackage(String given, String example) {
    return given
        + " is not a Debian package name (e.g. "
        + example
        + "). Put commands in <setupCommands> instead.";
  }

  private static String notAName(String given, String what, String example) {
    return given
        + " is not usable as "
        + what
        + " name: use letters, digits and underscores, not starting with GITHUB_, e.g. "
        + example
        + ".";
  }

  /** {@code native, cross, emulated or host}. */
  private static String oneOf(List<String> names) {
    return names.size() < 2
        ? String.join("", names)
        : String.join(", ", names.subList(0, names.size() - 1))
            + " or "
            + names.get(names.size() - 1);
  }

  /** {@code <maxParallel>0</maxParallel>}: the value as the POM would hold it. */
  private static String inline(String element, String value) {
    return "<" + element + ">" + value + "</" + element + ">";
  }

  /** The element, with its property when it has one: {@code <image> (-Dcross.image)}. */
  private static String named(ConfigKey key) {
    Place place = place(key);
    return place.property() == null
        ? place.element()
        : place.element() + " (-D" + place.property() + ")";
  }

  /** A POM element and the {@code -D} property that sets it (null: none). */
  private record Place(String element, String property) {}

  private static Place place(ConfigKey key) {
    return switch (key) {
      case TARGETS -> new Place("<targets>", "cross.targets");
      case WORKFLOW_TARGETS -> new Place("<workflow><targets>", "cross.workflow.targets");
      case WORKFLOW_BUILD_TARGETS -> new Place("<targets>", "cross.workflow.targets");
      case TARGET_STRATEGY -> new Place("<target><strategy>", null);
      case TARGET_BUILDER -> new Place("<target><builder>", null);
      case TARGET_NATIVE_RESOURCE_DIR -> new Place("<target><nativeResourceDir>", null);
      case ENGINE -> new Place("<engine>", "cross.engine");
      case RECIPE -> new Place("<recipe>", "cross.recipe");
      case IMAGE -> new Place("<image>", "cross.image");
      case ENV -> new Place("<env>", null);
      case SETUP -> new Place("<setup>", null);
      case BUILD_TOOLS -> new Place("<buildTools>", null);
      case BUILD_COMMAND -> new Place("<buildCommand>", "cross.buildCommand");
      case CA_CERTIFICATES -> new Place("<caCertificates>", "cross.caCertificates");
      case PARALLEL -> new Place("<parallel>", "cross.parallel");
      case BUILDER_ID -> new Place("<builders><builder><id>", null);
      case BUILDER_HOST -> new Place("<builders><builder><host>", null);
      case BUILDER_MAX_PARALLEL -> new Place("<builders><builder><maxParallel>", null);
      case CACHE_REPOSITORY -> new Place("<cache><repository>", "cross.cache.repository");
      case CACHE_USERNAME -> new Place("<cache><username>", "cross.cache.username");
      case CACHE_PASSWORD_VARIABLE ->
          new Place(
              "<cache><passwordEnvironmentVariable>", "cross.cache.passwordEnvironmentVariable");
      case CACHE_USERNAME_SECRET ->
          new Place("<cache><usernameSecret>", "cross.cache.usernameSecret");
      case CACHE_PASSWORD_SECRET ->
          new Place("<cache><passwordSecret>", "cross.cache.passwordSecret");
      case BUILD_CACHE -> new Place("<buildCache>", "cross.buildCache");
      case BUILD_CACHE_DIRECTORY -> new Place("<buildCacheDirectory>", "cross.buildCacheDirectory");
      case BUILD_CACHE_MAX_SIZE -> new Place("<buildCacheMaxSize>", "cross.buildCacheMaxSize");
      case GLIBC_MAX -> new Place("<glibcMax>", "cross.glibcMax");
      case NEEDED_LIBRARIES -> new Place("<neededLibraries>", "cross.neededLibraries");
      case GLIBC -> new Place("<glibc>", "cross.glibc");
      case TARGET_GLIBC -> new Place("<target><glibc>", null);
      case SMOKE_PACKAGES -> new Place("<smokePackages>", null);
      case SMOKE_FILES -> new Place("<smokeFiles>", null);
      case SOURCE_DATE_EPOCH -> new Place("SOURCE_DATE_EPOCH", null);
    };
  }

  /** A problem this class has no words for is a bug here, not the user's. */
  private static String noAdvice(Object problem) {
    throw new IllegalStateException("No advice for " + problem);
  }
}
