package dev.crossbuild.maven;

import dev.crossbuild.git.GitException;
import dev.crossbuild.git.GitHubRepository;
import dev.crossbuild.git.GitInfo;
import dev.crossbuild.git.NoTagAtHeadException;
import dev.crossbuild.git.NotAGitHubRemoteException;
import dev.crossbuild.git.NotAGitRepositoryException;
import dev.crossbuild.git.ReleaseTag;
import dev.crossbuild.release.GitHubApiException;
import dev.crossbuild.release.GitHubAuthenticationException;
import dev.crossbuild.release.GitHubReleases;
import dev.crossbuild.release.GitHubUnreachableException;
import dev.crossbuild.release.IncompleteReleaseException;
import dev.crossbuild.release.NoArtifactsException;
import dev.crossbuild.release.PublishedAssetConflictException;
import dev.crossbuild.release.ReleaseResult;
import dev.crossbuild.release.ReleaseSettings;
import dev.crossbuild.release.Releaser;
import dev.crossbuild.release.Setting;
import dev.crossbuild.release.SettingSource;
import java.io.File;
import java.io.UncheckedIOException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Publishes the archives of a tagged commit as a GitHub release: finds the release for the tag or
 * creates a draft (targeting the tagged commit), uploads every {@code *.tar.gz}, {@code *.zip} and
 * {@code *.jar} in the artifacts directory plus a {@code SHA256SUMS} file, skips assets that are
 * already there with the same content, checks the asset list, then publishes. Running it again
 * changes nothing. When HEAD carries no tag and none is configured, it logs why and does nothing.
 * Runs once per build, in the directory Maven was started in. On a GitHub Actions runner the API
 * URL and the repository default to the runner's {@code GITHUB_API_URL} and {@code
 * GITHUB_REPOSITORY}, so a job on GitHub Enterprise Server releases to its own server.
 *
 * @since 0.1.0
 */
@Mojo(name = "release", threadSafe = true, requiresProject = true, aggregator = true)
public class ReleaseMojo extends AbstractMojo {

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  /**
   * The Maven session: the environment, and a {@code -D} property told from the POM in messages.
   */
  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  private MavenSession session;

  /**
   * The tag to release. Default: the tag at HEAD (of several, the highest semantic version). Giving
   * it releases that tag even when HEAD is not tagged. Property {@code cross.release.tag}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "cross.release.tag")
  private String tag;

  /**
   * The GitHub repository, {@code owner/name}. Default: the environment variable {@code
   * GITHUB_REPOSITORY} (set on every GitHub Actions runner), else read from the URL of the {@code
   * origin} remote (https or ssh). Property {@code cross.release.repository}; the POM and the
   * property win over the variable.
   *
   * @since 0.1.0
   */
  @Parameter(property = "cross.release.repository")
  private String repository;

  /**
   * The GitHub REST API base URL; {@code https://HOST/api/v3} for GitHub Enterprise Server.
   * Default: the environment variable {@code GITHUB_API_URL} (set on every GitHub Actions runner,
   * GitHub Enterprise Server's included), else {@code https://api.github.com}. Property {@code
   * cross.release.apiUrl}; the POM and the property win over the variable.
   *
   * @since 0.1.0
   */
  @Parameter(property = "cross.release.apiUrl")
  private String apiUrl;

  /**
   * The environment variable that holds the token (it needs {@code contents: write}). The token
   * itself is never configured in the POM and never printed. Default {@code GITHUB_TOKEN}. Property
   * {@code cross.release.tokenVariable}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "cross.release.tokenVariable", defaultValue = "GITHUB_TOKEN")
  private String tokenVariable;

  /**
   * Only read from GitHub and print what would be created, uploaded, replaced and published. Works
   * without a token for public repositories. Default {@code false}. Property {@code
   * cross.release.dryRun}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "cross.release.dryRun", defaultValue = "false")
  private boolean dryRun;

  /**
   * Upload everything but leave the release a draft, to publish it by hand. Default {@code false}.
   * Property {@code cross.release.draftOnly}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "cross.release.draftOnly", defaultValue = "false")
  private boolean draftOnly;

  /**
   * Skips this goal, and with {@code -Dcross.skip=true} every goal of the plugin, as for the build
   * goals. Default {@code false}. Property {@code cross.skip}.
   *
   * @since 0.1.0
   */
  @Parameter(property = Skip.ALL, defaultValue = "false")
  private boolean skip;

  /**
   * Skips this goal only. Default {@code false}. Property {@code cross.release.skip}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "cross.release.skip", defaultValue = "false")
  private boolean skipRelease;

  /**
   * The directory whose archives ({@code *.tar.gz}, {@code *.zip}) and jars ({@code *.jar}), not
   * its subdirectories, are released; {@code SHA256SUMS} is written there. Jars are released only
   * with archives. Default <code>${project.build.directory}/cross</code>. Property {@code
   * cross.release.artifactsDirectory}.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "cross.release.artifactsDirectory",
      defaultValue = "${project.build.directory}/cross")
  private File artifactsDirectory;

  /**
   * How many times a GitHub request that failed for a passing reason (HTTP 5xx or 429, a rate
   * limit, a connection error) is tried again, waiting 2 s, then twice as long each time (or what
   * the server's {@code Retry-After} asks), at most 60 s. {@code 0} fails at the first such error.
   * Default {@code 4}. Property {@code cross.release.retries}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "cross.release.retries", defaultValue = "4")
  private int retries;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (Skip.skipped(getLog(), "release", skip, "cross.release.skip", skipRelease)) {
      return;
    }
    ReleaseRequests.Prepared release;
    try {
      release =
          new ReleaseRequests(
                  session.getUserProperties(),
                  session.getSystemProperties(),
                  project.getProperties())
              .from(
                  tag,
                  repository,
                  apiUrl,
                  tokenVariable,
                  artifactsDirectory.toPath(),
                  dryRun,
                  draftOnly,
                  retries);
    } catch (ReleaseRequests.InvalidParameterException e) {
      throw invalid(e);
    }
    ReleaseTag releaseTag;
    Setting<GitHubRepository> gitHub;
    try (GitInfo git = GitInfo.open(project.getBasedir().toPath())) {
      releaseTag = git.releaseTag(release.tag());
      gitHub =
          release
              .repository()
              .orElseGet(
                  () ->
                      new Setting<>(
                          git.gitHubRepository(null),
                          SettingSource.gitRemote(GitInfo.DEFAULT_REMOTE)));
    } catch (NoTagAtHeadException e) {
      getLog()
          .info(
              e.getMessage()
                  + ": nothing to release, skipping cross:release. Push a tag such as v1.2.3,"
                  + " or name one with <tag> / -Dcross.release.tag.");
      return;
    } catch (NotAGitRepositoryException e) {
      if (!release.tagGiven() || release.repository().isEmpty()) {
        throw new MojoFailureException(
            e.getMessage()
                + ". cross:release reads the tag and the GitHub repository"
                + " from git: run it in a clone, or set both <tag> / -Dcross.release.tag and <repository> /"
                + " -Dcross.release.repository (or "
                + ReleaseSettings.REPOSITORY_VARIABLE
                + ").",
            e);
      }
      releaseTag = new ReleaseTag(release.tag().trim(), null);
      gitHub = release.repository().get();
    } catch (NotAGitHubRemoteException e) {
      throw new MojoFailureException(
          e.getMessage() + ". Set <repository> / -Dcross.release.repository=owner/name.", e);
    } catch (GitException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
    Setting<String> api = release.apiUrl();
    String apiText = GitHubRepository.withoutCredentials(api.value());
    getLog().info("GitHub API " + apiText + " (" + api.source() + "), repository " + gitHub);

    String variable = release.tokenVariable();
    if (isBlank(release.token())) {
      if (!release.dryRun()) {
        throw new MojoFailureException(
            "No GitHub token: the environment variable "
                + variable
                + " is not set. Set it to a token with 'contents: write' permission (in GitHub Actions: env: "
                + variable
                + ": ${{ secrets.GITHUB_TOKEN }}), or name another variable with <tokenVariable> /"
                + " -Dcross.release.tokenVariable.");
      }
      getLog().warn("No token in " + variable + ": the dry run reads GitHub anonymously");
    }

    GitHubReleases github =
        new GitHubReleases(
            api.value(), gitHub.value(), release.token(), release.retryPolicy(), getLog()::info);
    ReleaseResult result;
    try {
      result = new Releaser(github, getLog()::info).release(release.request(releaseTag));
    } catch (GitHubAuthenticationException e) {
      throw new MojoFailureException(
          "The token in "
              + variable
              + " was rejected by "
              + apiText
              + " (HTTP 401). Make sure it is valid and not expired, and that it has 'contents: write' on "
              + gitHub.value()
              + ".",
          e);
    } catch (GitHubUnreachableException e) {
      throw ReleaseErrors.unreachable(e, api, release.serverUrl());
    } catch (PublishedAssetConflictException e) {
      throw new MojoFailureException(e.getMessage() + ".", e);
    } catch (NoArtifactsException e) {
      throw new MojoFailureException(
          e.getMessage()
              + ". Run cross:build first (or put the build jobs' archives"
              + " there), or point <artifactsDirectory> / -Dcross.release.artifactsDirectory at them.",
          e);
    } catch (IncompleteReleaseException | GitHubApiException | UncheckedIOException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
    report(result);
  }

  /** A parameter that cannot work, in POM terms. */
  private static MojoFailureException invalid(ReleaseRequests.InvalidParameterException e) {
    if (e.parameter() == ReleaseRequests.Parameter.API_URL) {
      return ReleaseErrors.invalidApiUrl(e.setting());
    }
    if (e.parameter() == ReleaseRequests.Parameter.REPOSITORY) {
      return ReleaseErrors.invalidRepository(e.setting());
    }
    return new MojoFailureException(e.getMessage());
  }

  private void report(ReleaseResult result) {
    getLog().info("Release " + result.summary());
    result
        .uploaded()
        .forEach(
            name -> getLog().info("  " + (result.dryRun() ? "would upload " : "uploaded ") + name));
    result
        .replaced()
        .forEach(
            name ->
                getLog().info("  " + (result.dryRun() ? "would replace " : "replaced ") + name));
    result.skipped().forEach(name -> getLog().info("  skipped (same content) " + name));
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
