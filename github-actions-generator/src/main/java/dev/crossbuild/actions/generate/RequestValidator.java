package dev.crossbuild.actions.generate;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Rejects requests that would make an unsafe or broken workflow, naming the offending value. */
final class RequestValidator {
  private static final Pattern TRIPLE = Pattern.compile("[A-Za-z0-9_.]+(-[A-Za-z0-9_.]+)+");
  private static final Pattern BRANCH = Pattern.compile("[^\\s'\"`]+");
  private static final Pattern REGISTRY =
      Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:[0-9]{1,5})?");
  private static final Pattern SECRET = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern SERVER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern ARTIFACT_ID = Pattern.compile("[A-Za-z0-9_.-]+");
  // actions/cache reads its path as glob patterns, one a line; '!' at the start excludes.
  private static final Pattern GLOB = Pattern.compile("[*?\\[\\]\n\r]|^!");

  private RequestValidator() {}

  static void validate(WorkflowRequest request) {
    if (request.targets().isEmpty()) {
      throw new InvalidRequestException("The workflow needs at least one target", "");
    }
    Set<String> seen = new HashSet<>();
    for (String target : request.targets()) {
      if (!TRIPLE.matcher(target).matches()) {
        throw new InvalidRequestException("Not a target triple: '" + target + "'", target);
      }
      if (!seen.add(target)) {
        throw new InvalidRequestException("Target listed twice: '" + target + "'", target);
      }
    }
    for (RunnerOverride override : request.runnerOverrides()) {
      requireKnown(seen, override.target(), "runner override");
      noExpression(override.runner(), "runner of " + override.target());
    }
    for (SetupStep step : request.setupSteps()) {
      if (step.target() != null) {
        requireKnown(seen, step.target(), "setup step");
      }
      noExpression(step.run(), "setup step '" + step.name() + "'");
    }
    for (String branch : request.branches()) {
      if (!BRANCH.matcher(branch).matches()) {
        throw new InvalidRequestException("Not a branch name or pattern: '" + branch + "'", branch);
      }
    }
    if (request.cache() != null) {
      validate(request.cache());
    }
    if (request.deploy() != null) {
      validate(request.deploy(), request.packageJob());
    }
    if (request.buildCache() != null) {
      validate(request.buildCache());
    }
    noExpressions(request.mavenArguments(), "Maven argument");
    noExpression(request.name(), "workflow name");
    noExpression(request.javaVersion(), "Java version");
    noExpression(request.javaDistribution(), "Java distribution");
  }

  private static void validate(RegistryCache cache) {
    if (!REGISTRY.matcher(cache.registry()).matches()) {
      throw new InvalidRequestException(
          "Not a registry host[:port]: '" + cache.registry() + "'", cache.registry());
    }
    if (cache.username() != null && cache.usernameSecret() != null) {
      throw new InvalidRequestException(
          "The cache login names both a user name and a user name secret ('"
              + cache.usernameSecret()
              + "'): give one",
          cache.usernameSecret());
    }
    if (cache.username() != null
        && (cache.username().isBlank() || cache.username().contains("\n"))) {
      throw new InvalidRequestException(
          "Not a user name for the cache login: '" + cache.username() + "'", cache.username());
    }
    noExpression(cache.username(), "cache user name");
    secretName(cache.usernameSecret());
    secretName(cache.passwordSecret());
  }

  private static void validate(MavenDeploy deploy, boolean packageJob) {
    if (!packageJob) {
      throw new InvalidRequestException(
          "The deploy job needs the package job: turn the package job on", deploy.serverId());
    }
    if (!SERVER_ID.matcher(deploy.serverId()).matches()) {
      throw new InvalidRequestException(
          "Not a Maven server id: '"
              + deploy.serverId()
              + "'. Use letters, digits, '.', '_' and '-'",
          deploy.serverId());
    }
    secretName(deploy.usernameSecret());
    secretName(deploy.passwordSecret());
  }

  private static void validate(DirectoryBuildCache cache) {
    if (!ARTIFACT_ID.matcher(cache.artifactId()).matches()) {
      throw new InvalidRequestException(
          "Not an artifactId for the build cache keys: '" + cache.artifactId() + "'",
          cache.artifactId());
    }
    String directory = cache.directory();
    noExpression(directory, "build cache directory");
    if (directory != null && GLOB.matcher(directory).find()) {
      throw new InvalidRequestException(
          "The build cache directory '"
              + directory
              + "' holds a line break or"
              + " a glob character (* ? [ ], or ! first), which actions/cache would read as a pattern",
          directory);
    }
  }

  // GitHub refuses secret names outside this alphabet and reserves the GITHUB_ prefix.
  private static void secretName(String name) {
    if (name != null && (!SECRET.matcher(name).matches() || name.startsWith("GITHUB_"))) {
      throw new InvalidRequestException(
          "Not a secret name: '"
              + name
              + "'. Use letters, digits and underscores, not starting with GITHUB_",
          name);
    }
  }

  private static void requireKnown(Set<String> targets, String target, String what) {
    if (!targets.contains(target)) {
      throw new InvalidRequestException(
          "The "
              + what
              + " names target '"
              + target
              + "', which is not one of the workflow's targets "
              + targets,
          target);
    }
  }

  private static void noExpressions(List<String> values, String what) {
    values.forEach(value -> noExpression(value, what));
  }

  // Expressions are expanded before the shell sees the script: that is how script injection
  // happens. Values reach scripts only through env: in the generated file.
  private static void noExpression(String value, String what) {
    if (value != null && value.contains("${{")) {
      throw new InvalidRequestException(
          "The "
              + what
              + " contains a '${{' expression: '"
              + value
              + "'. Pass the value through an environment variable instead",
          value);
    }
    if (value != null && what.equals("Maven argument") && value.contains("\n")) {
      throw new InvalidRequestException(
          "The Maven argument contains a line break: '" + value + "'", value);
    }
  }
}
