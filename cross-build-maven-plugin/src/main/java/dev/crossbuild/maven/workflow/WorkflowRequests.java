package dev.crossbuild.maven.workflow;

import dev.crossbuild.actions.generate.DirectoryBuildCache;
import dev.crossbuild.actions.generate.MavenDeploy;
import dev.crossbuild.actions.generate.RegistryCache;
import dev.crossbuild.actions.generate.RunnerOverride;
import dev.crossbuild.actions.generate.SetupStep;
import dev.crossbuild.actions.generate.WorkflowRequest;
import dev.crossbuild.actions.runners.RunnerCatalog;
import dev.crossbuild.actions.runners.UnsupportedTargetException;
import dev.crossbuild.config.CacheConfig;
import dev.crossbuild.config.CacheResolver;
import dev.crossbuild.config.ConfigKey;
import dev.crossbuild.config.ConfigProblem;
import dev.crossbuild.config.ConfigResolver;
import dev.crossbuild.config.InvalidConfigException;
import dev.crossbuild.config.RawCache;
import dev.crossbuild.maven.TargetParameter;
import dev.crossbuild.target.Target;
import dev.crossbuild.target.TargetCatalog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one place that maps {@code cross:generate-workflow}'s parameters to the generator's {@link
 * WorkflowRequest}, checking them as the build goals do: every target through the same catalog,
 * every problem collected and reported together.
 */
public final class WorkflowRequests {
  /**
   * The property that replaces the workflow's target list ({@code cross.targets} selects the
   * build's).
   */
  public static final String TARGETS_PROPERTY = "cross.workflow.targets";

  private static final Pattern SECRET = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern SERVER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private final ConfigResolver resolver;
  private final RunnerCatalog runners;

  public WorkflowRequests(TargetCatalog targets, RunnerCatalog runners) {
    this.resolver = new ConfigResolver(targets);
    this.runners = runners;
  }

  /** Over the catalogs shipped with the plugin and the generator. */
  public static WorkflowRequests standard() {
    return new WorkflowRequests(TargetCatalog.builtIn(), RunnerCatalog.standard());
  }

  /**
   * The request for these parameters. The targets are {@code -Dcross.workflow.targets} when given,
   * else {@code <workflow><targets>}, else the build goals' {@code <targets>}, so one target list
   * can serve {@code cross:build} and the workflow.
   *
   * @param targetList the {@code -Dcross.workflow.targets} value (comma-separated), or null
   * @param workflow the {@code <workflow>} element, or null
   * @param buildTargets the build goals' {@code <targets>}, of which the triples count
   * @param mavenWrapper whether the project has {@code mvnw}
   * @param nativeResources the {@code <nativeResources>} the goals share: it turns the package job
   *     on unless {@code <workflow><packageJob>} says otherwise
   * @param cache {@code <cache>} with the {@code -Dcross.cache.*} properties applied, or null
   * @param buildCache {@code <buildCache>} and {@code <buildCacheDirectory>}, or null for the
   *     defaults; in directory mode the Linux legs save and restore the directory with the GitHub
   *     cache
   * @throws InvalidConfigException with every problem found: no targets, bad or unknown triples,
   *     targets without a runner, incomplete entries, a bad {@code <cache>}, an incomplete deploy,
   *     an unknown build cache mode or a directory the workflow cannot save
   */
  public WorkflowRequest from(
      String targetList,
      WorkflowConfiguration workflow,
      List<TargetParameter> buildTargets,
      boolean mavenWrapper,
      boolean nativeResources,
      RawCache cache,
      BuildCacheParameters buildCache) {
    WorkflowConfiguration config = workflow == null ? new WorkflowConfiguration() : workflow;
    List<ConfigProblem> problems = new ArrayList<>();
    List<RunnerOverride> overrides = runnerOverrides(config, problems);
    List<String> triples = targets(targetList, config, buildTargets, overrides, problems);
    List<SetupStep> steps = setupSteps(config, problems);
    CacheConfig cacheConfig = CacheResolver.resolve(cache, problems);
    DirectoryBuildCache directoryCache = buildCache == null ? null : buildCache.resolve(problems);
    boolean deploys = Boolean.TRUE.equals(config.getDeploy());
    boolean packageJob =
        config.getPackageJob() != null ? config.getPackageJob() : nativeResources || deploys;
    MavenDeploy deploy = deploys ? deploy(config, packageJob, problems) : null;
    if (!problems.isEmpty()) {
      throw new InvalidConfigException(problems);
    }
    WorkflowRequest.Builder builder =
        WorkflowRequest.builder(triples)
            .name(config.getName())
            .branches(config.getBranches())
            .pullRequests(config.getPullRequests() == null || config.getPullRequests())
            .workflowDispatch(config.getWorkflowDispatch() == null || config.getWorkflowDispatch())
            .javaVersion(config.getJavaVersion())
            .javaDistribution(config.getJavaDistribution())
            .mavenArguments(nonNull(config.getMavenArguments()))
            .mavenWrapper(mavenWrapper)
            .cache(cacheConfig == null ? null : registryCache(cacheConfig))
            .packageJob(packageJob)
            .deploy(deploy)
            .buildCache(directoryCache);
    overrides.forEach(builder::runner);
    steps.forEach(builder::setupStep);
    return builder.build();
  }

  private List<String> targets(
      String targetList,
      WorkflowConfiguration config,
      List<TargetParameter> buildTargets,
      List<RunnerOverride> overrides,
      List<ConfigProblem> problems) {
    String element = "<workflow><targets>";
    ConfigKey key = ConfigKey.WORKFLOW_TARGETS;
    List<String> given;
    boolean fromProperty = targetList != null && !targetList.isBlank();
    if (fromProperty) {
      given = split(Arrays.asList(targetList.split(",")));
    } else {
      given = split(nonNull(config.getTargets()));
      if (given.isEmpty()) {
        element = "<targets>";
        key = ConfigKey.WORKFLOW_BUILD_TARGETS;
        given = split(nonNull(buildTargets).stream().map(TargetParameter::getTriple).toList());
      }
    }
    if (given.isEmpty()) {
      problems.add(
          new WorkflowProblem(
              "<workflow><targets>",
              TARGETS_PROPERTY,
              "",
              "No targets for the workflow."
                  + " List them in the plugin's <targets> (shared with cross:build), in <workflow><targets><target>"
                  + "x86_64-unknown-linux-gnu</target></targets></workflow> or pass"
                  + " -D"
                  + TARGETS_PROPERTY
                  + "=x86_64-unknown-linux-gnu,aarch64-apple-darwin."));
      return List.of();
    }
    Set<String> overridden = new HashSet<>();
    overrides.forEach(override -> overridden.add(override.target()));
    Set<String> seen = new LinkedHashSet<>();
    for (String triple : given) {
      if (!seen.add(triple)) {
        // -Dcross.workflow.targets repeats are dropped, as the build goals drop -Dcross.targets
        // ones.
        if (!fromProperty) {
          problems.add(ConfigResolver.listedTwice(triple, key));
        }
        continue;
      }
      Target target = resolver.resolveTarget(triple, key, problems);
      if (target != null && !overridden.contains(triple)) {
        requireRunner(triple, element, problems);
      }
    }
    return List.copyOf(seen);
  }

  private void requireRunner(String triple, String element, List<ConfigProblem> problems) {
    try {
      runners.runnerFor(triple);
    } catch (UnsupportedTargetException e) {
      problems.add(
          new WorkflowProblem(
              "<workflow><runners>",
              TARGETS_PROPERTY,
              triple,
              "No GitHub-hosted runner"
                  + " is known for target '"
                  + triple
                  + "' (from "
                  + element
                  + " or -D"
                  + TARGETS_PROPERTY
                  + ")."
                  + " Give it one:"
                  + " <workflow><runners><runner><target>"
                  + triple
                  + "</target><label>your-runner-label</label>"
                  + "</runner></runners>, or leave the target out of the workflow."));
    }
  }

  private static List<RunnerOverride> runnerOverrides(
      WorkflowConfiguration config, List<ConfigProblem> problems) {
    List<RunnerOverride> overrides = new ArrayList<>();
    for (RunnerParameter runner : nonNull(config.getRunners())) {
      if (blank(runner.getTarget()) || blank(runner.getLabel())) {
        problems.add(
            new WorkflowProblem(
                "<workflow><runners><runner>",
                null,
                String.valueOf(runner.getTarget()),
                "A <workflow><runners><runner> needs both <target> and <label> (got target '"
                    + runner.getTarget()
                    + "', label '"
                    + runner.getLabel()
                    + "'). Set the missing one."));
        continue;
      }
      overrides.add(
          new RunnerOverride(
              runner.getTarget().strip(), runner.getLabel().strip(), runner.getQemu()));
    }
    return overrides;
  }

  private static List<SetupStep> setupSteps(
      WorkflowConfiguration config, List<ConfigProblem> problems) {
    List<SetupStep> steps = new ArrayList<>();
    for (SetupStepParameter step : nonNull(config.getSetupSteps())) {
      if (blank(step.getRun())) {
        problems.add(
            new WorkflowProblem(
                "<workflow><setupSteps><setupStep>",
                null,
                String.valueOf(step.getName()),
                "A <workflow><setupSteps><setupStep> needs a <run> script (step '"
                    + step.getName()
                    + "'). Add one or remove the step."));
        continue;
      }
      String target = blank(step.getTarget()) ? null : step.getTarget().strip();
      steps.add(new SetupStep(target, step.getName(), step.getRun()));
    }
    return steps;
  }

  /**
   * {@code <deploy>true</deploy>}'s repository, or null after adding what is missing or wrong to
   * the problems.
   */
  private static MavenDeploy deploy(
      WorkflowConfiguration config, boolean packageJob, List<ConfigProblem> problems) {
    int before = problems.size();
    if (!packageJob) {
      problems.add(
          new WorkflowProblem(
              "<workflow><packageJob>",
              null,
              "false",
              "<workflow><deploy> deploys the"
                  + " jar the package job builds, but <workflow><packageJob> is false. Remove"
                  + " <packageJob>false</packageJob> or set <deploy>false</deploy>."));
    }
    String username =
        secret(
            config.getDeployUsernameSecret(),
            "deployUsernameSecret",
            "user name",
            "CENTRAL_USERNAME",
            problems);
    String password =
        secret(
            config.getDeployPasswordSecret(),
            "deployPasswordSecret",
            "password or token",
            "CENTRAL_PASSWORD",
            problems);
    String serverId = blank(config.getDeployServerId()) ? null : config.getDeployServerId().strip();
    if (serverId != null && !SERVER_ID.matcher(serverId).matches()) {
      problems.add(
          new WorkflowProblem(
              "<workflow><deployServerId>",
              null,
              serverId,
              "'"
                  + serverId
                  + "' in"
                  + " <workflow><deployServerId> is not a Maven server id: use letters, digits, '.', '_' and '-',"
                  + " the id of <distributionManagement><repository><id>, e.g. <deployServerId>central"
                  + "</deployServerId>."));
    }
    return problems.size() > before ? null : new MavenDeploy(serverId, username, password);
  }

  private static String secret(
      String given, String field, String what, String example, List<ConfigProblem> problems) {
    String element = "<workflow><" + field + ">";
    if (blank(given)) {
      problems.add(
          new WorkflowProblem(
              element,
              null,
              "",
              "<workflow><deploy> is true but "
                  + element
                  + " is not set. Name the repository secret holding the deploy's "
                  + what
                  + ", e.g. <"
                  + field
                  + ">"
                  + example
                  + "</"
                  + field
                  + ">."));
      return null;
    }
    String name = given.strip();
    if (!SECRET.matcher(name).matches() || name.startsWith("GITHUB_")) {
      problems.add(
          new WorkflowProblem(
              element,
              null,
              name,
              "'"
                  + name
                  + "' in "
                  + element
                  + " is not usable as"
                  + " a GitHub secret name: use letters, digits and underscores, not starting with GITHUB_, e.g. "
                  + example
                  + "."));
      return null;
    }
    return name;
  }

  /**
   * What the workflow's login needs. With the job's {@code GITHUB_TOKEN} the run's actor logs in; a
   * {@code <username>} is then for the build's own login outside CI.
   */
  private static RegistryCache registryCache(CacheConfig cache) {
    if (cache.usesGitHubToken()) {
      return RegistryCache.withGitHubToken(cache.registry());
    }
    return new RegistryCache(
        cache.registry(),
        cache.usernameSecret() == null ? cache.username() : null,
        cache.usernameSecret(),
        cache.passwordSecret());
  }

  private static List<String> split(List<String> values) {
    return values.stream()
        .filter(value -> value != null)
        .map(String::strip)
        .filter(value -> !value.isEmpty())
        .toList();
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
