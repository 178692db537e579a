package dev.crossbuild.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossbuild.git.TestRepositories;
import dev.crossbuild.release.FakeGitHub;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.apache.maven.api.di.Provides;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The goal as a user meets it: configured by the harness from a POM, the environment in the session
 * as the {@code mvn} launcher puts it ({@code env.*}), Maven's log captured, the token checked
 * against all of it.
 */
@MojoTest
class ReleaseMojoTest {

  private static final String TOKEN = "ghp_mojoTestSecret_4f7a9b2c";
  private static final String FAKE_API = "classpath:/unit/release/pom.xml";

  @TempDir Path dir;

  @Inject MavenSession session;

  FakeGitHub github;
  final List<String> output = new ArrayList<>();

  @Provides
  MavenProject project() {
    MavenProject project = new MavenProject();
    project.setFile(dir.resolve("pom.xml").toFile());
    project.getBuild().setDirectory(dir.resolve("target").toString());
    return project;
  }

  @Provides
  Log log() {
    return (Log)
        Proxy.newProxyInstance(
            Log.class.getClassLoader(),
            new Class<?>[] {Log.class},
            (proxy, method, args) -> {
              if (method.getName().startsWith("is")) {
                return true;
              }
              if (args != null) {
                for (Object arg : args) {
                  if (arg instanceof Throwable t) {
                    output.add("[" + method.getName() + "] " + t);
                  } else if (arg != null) {
                    output.add("[" + method.getName() + "] " + arg);
                  }
                }
              }
              return null;
            });
  }

  @BeforeEach
  void start() throws IOException {
    github = new FakeGitHub(TOKEN);
    session.getUserProperties().setProperty("fake.github", github.apiUrl());
    Path cross = Files.createDirectories(dir.resolve("target/cross"));
    Files.writeString(cross.resolve("widget-1.2.3-linux-x86_64.tar.gz"), "x86");
    Files.writeString(dir.resolve("pom.xml"), "<project/>");
  }

  @AfterEach
  void stop() {
    github.close();
  }

  private void tagged(String tag) {
    try (TestRepositories repo = TestRepositories.init(dir)) {
      repo.commit("pom.xml", "<project/>");
      if (tag != null) {
        repo.annotatedTag(tag);
      }
      repo.remote("origin", "git@github.com:acme/widget.git");
    }
  }

  /** The variables as Maven hands them to the goal: {@code env.NAME} system properties. */
  private void environment(Map<String, String> variables) {
    variables.forEach(
        (name, value) -> session.getSystemProperties().setProperty("env." + name, value));
  }

  @Test
  @InjectMojo(goal = "release", pom = FAKE_API)
  void onATagItPublishesAndSummarisesWithoutPrintingTheToken(ReleaseMojo mojo) throws Exception {
    tagged("v1.2.3");
    github.failNext(502);
    environment(Map.of("GITHUB_TOKEN", TOKEN));

    mojo.execute();

    assertThat(github.release("v1.2.3").draft).isFalse();
    assertThat(github.release("v1.2.3").assets)
        .containsOnlyKeys("widget-1.2.3-linux-x86_64.tar.gz", "SHA256SUMS");
    assertThat(output).anyMatch(line -> line.contains("failed (HTTP 502); retrying in 1 s"));
    assertThat(output)
        .anyMatch(
            line ->
                line.contains("Release v1.2.3")
                    && line.contains("2 uploaded")
                    && line.contains("published"));
    assertThat(String.join("\n", output)).doesNotContain(TOKEN);
  }

  @Test
  @InjectMojo(goal = "release", pom = FAKE_API)
  @MojoParameter(name = "retries", value = "0")
  void withoutRetriesTheFirstPassingFailureFailsTheGoal(ReleaseMojo mojo) {
    tagged("v1.2.3");
    github.failNext(502);
    environment(Map.of("GITHUB_TOKEN", TOKEN));

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("502");
    assertThat(github.requests()).hasSize(1);
    assertThat(output).noneMatch(line -> line.contains("retrying"));
  }

  @Test
  @InjectMojo(goal = "release", pom = FAKE_API)
  void notOnATagItSaysSoAndCallsNoApi(ReleaseMojo mojo) throws Exception {
    tagged(null);
    environment(Map.of("GITHUB_TOKEN", TOKEN));

    mojo.execute();

    assertThat(github.requests()).isEmpty();
    assertThat(output)
        .anyMatch(
            line ->
                line.startsWith("[info] No tag points at HEAD")
                    && line.contains("-Dcross.release.tag"));
  }

  @Test
  @InjectMojo(goal = "release", pom = FAKE_API)
  @MojoParameter(name = "tag", value = "v2.0.0")
  void anExplicitTagIsReleasedEvenWhenHeadIsNotTagged(ReleaseMojo mojo) throws Exception {
    tagged(null);
    environment(Map.of("GITHUB_TOKEN", TOKEN));

    mojo.execute();

    assertThat(github.release("v2.0.0")).isNotNull();
  }

  @Test
  @InjectMojo(goal = "release", pom = FAKE_API)
  @MojoParameter(name = "tokenVariable", value = "RELEASE_TOKEN")
  void aMissingTokenNamesTheVariable(ReleaseMojo mojo) {
    tagged("v1.2.3");
    environment(Map.of("GITHUB_TOKEN", TOKEN));

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("RELEASE_TOKEN is not set")
        .hasMessageContaining("-Dcross.release.tokenVariable");
    assertThat(github.requests()).isEmpty();
  }

  @Test
  @InjectMojo(goal = "release", pom = FAKE_API)
  void aRejectedTokenGivesAClearMessageAndIsNeverPrinted(ReleaseMojo mojo) {
    tagged("v1.2.3");
    String wrong = "ghp_expiredToken_0000111122223333";
    environment(Map.of("GITHUB_TOKEN", wrong));

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("The token in GITHUB_TOKEN was rejected")
        .hasMessageContaining("HTTP 401")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(wrong));
    assertThat(String.join("\n", output)).doesNotContain(wrong);
  }

  @Test
  @InjectMojo(goal = "release", pom = FAKE_API)
  @MojoParameter(name = "dryRun", value = "true")
  void dryRunPrintsThePlanAndWritesNothing(ReleaseMojo mojo) throws Exception {
    tagged("v1.2.3");
    environment(Map.of("GITHUB_TOKEN", TOKEN));

    mojo.execute();

    assertThat(github.writes()).isEmpty();
    assertThat(output).anyMatch(line -> line.contains("Would create draft release v1.2.3"));
    assertThat(output)
        .anyMatch(line -> line.contains("would upload widget-1.2.3-linux-x86_64.tar.gz"));
  }

  @Test
  @InjectMojo(goal = "release", pom = FAKE_API)
  void aRemoteThatIsNotGitHubPointsAtTheRepositoryParameter(ReleaseMojo mojo) {
    try (TestRepositories repo = TestRepositories.init(dir)) {
      repo.commit("pom.xml", "<project/>");
      repo.lightweightTag("v1.0.0");
      repo.remote("origin", "/srv/git/widget.git");
    }
    environment(Map.of("GITHUB_TOKEN", TOKEN));

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("/srv/git/widget.git")
        .hasMessageContaining("-Dcross.release.repository=owner/name");
  }

  @Test
  @InjectMojo(goal = "release")
  void onARunnerTheApiUrlAndRepositoryComeFromItsVariablesAndTheLogSaysSo(ReleaseMojo mojo)
      throws Exception {
    tagged("v1.2.3");
    environment(
        Map.of(
            "GITHUB_TOKEN",
            TOKEN,
            "GITHUB_API_URL",
            github.apiUrl(),
            "GITHUB_REPOSITORY",
            "acme/zdemo"));

    mojo.execute();

    assertThat(github.requests())
        .isNotEmpty()
        .allMatch(r -> r.path().contains("/repos/acme/zdemo/"));
    assertThat(output)
        .contains(
            "[info] GitHub API "
                + github.apiUrl()
                + " (from the environment variable"
                + " GITHUB_API_URL), repository acme/zdemo (from the environment variable GITHUB_REPOSITORY)");
  }

  @Test
  @InjectMojo(goal = "release", pom = FAKE_API)
  @MojoParameter(name = "repository", value = "acme/widget")
  void thePomWinsOverTheRunnersVariables(ReleaseMojo mojo) throws Exception {
    tagged("v1.2.3");
    environment(
        Map.of(
            "GITHUB_TOKEN",
            TOKEN,
            "GITHUB_API_URL",
            "https://ghe.example.invalid/api/v3",
            "GITHUB_REPOSITORY",
            "other/tool"));

    mojo.execute();

    assertThat(github.release("v1.2.3").draft).isFalse();
    assertThat(output)
        .contains(
            "[info] GitHub API "
                + github.apiUrl()
                + " (from <apiUrl> in the POM),"
                + " repository acme/widget (from <repository> in the POM)");
  }

  @Test
  @InjectMojo(goal = "release", pom = FAKE_API)
  @MojoParameter(name = "tag", value = "v1.2.3")
  void outsideAGitCloneTheTagPropertyAndTheRepositoryVariableAreEnough(ReleaseMojo mojo)
      throws Exception {
    environment(Map.of("GITHUB_TOKEN", TOKEN, "GITHUB_REPOSITORY", "acme/widget"));

    mojo.execute();

    assertThat(github.release("v1.2.3").draft).isFalse();
  }

  @Test
  @InjectMojo(goal = "release", pom = FAKE_API)
  void aRepositoryVariableThatIsNotOwnerSlashNameFailsNamingValueAndVariable(ReleaseMojo mojo) {
    tagged("v1.2.3");
    environment(Map.of("GITHUB_TOKEN", TOKEN, "GITHUB_REPOSITORY", "zdemo"));

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessage(
            "The GitHub repository from the environment variable GITHUB_REPOSITORY is not of the form"
                + " owner/name: 'zdemo'. Use owner/name, e.g. acme/widget, in GITHUB_REPOSITORY or in <repository> /"
                + " -Dcross.release.repository, which win over it.");
    assertThat(github.requests()).isEmpty();
  }

  @Test
  @InjectMojo(goal = "release")
  void anApiUrlVariableThatIsNotHttpFailsNamingValueAndVariable(ReleaseMojo mojo) {
    tagged("v1.2.3");
    environment(Map.of("GITHUB_TOKEN", TOKEN, "GITHUB_API_URL", "ghe.corp.example/api/v3"));

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessage(
            "The GitHub API URL from the environment variable GITHUB_API_URL is not an http(s) URL:"
                + " 'ghe.corp.example/api/v3'. Use https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise"
                + " Server, in GITHUB_API_URL or in <apiUrl> / -Dcross.release.apiUrl, which win over it.");
  }

  @Test
  @InjectMojo(goal = "release")
  @MojoParameter(name = "retries", value = "0")
  void anUnresolvableApiHostIsNamedWithWhereTheUrlCameFromAndWhatToCheck(ReleaseMojo mojo) {
    tagged("v2.0.0");
    environment(
        Map.of(
            "GITHUB_TOKEN",
            TOKEN,
            "GITHUB_API_URL",
            "https://ghe.example.invalid/api/v3",
            "GITHUB_SERVER_URL",
            "https://ghe.example.invalid"));

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageStartingWith(
            "Cannot reach GitHub at ghe.example.invalid:443 (GET /api/v3/repos/acme/widget/releases/"
                + "tags/v2.0.0): the host name ghe.example.invalid did not resolve")
        .hasMessageContaining(
            "The API URL https://ghe.example.invalid/api/v3 is from the environment variable"
                + " GITHUB_API_URL.")
        .hasMessageContaining("Check the host name in the URL, and this machine's DNS and network.")
        .hasMessageContaining("-Dhttps.proxyHost")
        .hasMessageContaining(
            "this runner's GITHUB_SERVER_URL is https://ghe.example.invalid,"
                + " so https://ghe.example.invalid/api/v3")
        .hasMessageContaining("<apiUrl> / -Dcross.release.apiUrl win over GITHUB_API_URL.")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN).doesNotContain("null"));
    assertThat(String.join("\n", output)).doesNotContain(TOKEN);
  }

  /** {@code -Dcross.release.apiUrl} pointing at the fake GitHub, as a user would pass it. */
  @Nested
  class ApiUrlOnTheCommandLine {

    @BeforeEach
    void property() {
      session.getUserProperties().setProperty("cross.release.apiUrl", github.apiUrl());
    }

    @Test
    @InjectMojo(goal = "release")
    void withoutConfigurationOrVariableTheRepositoryComesFromTheRemote(ReleaseMojo mojo)
        throws Exception {
      tagged("v1.2.3");
      environment(Map.of("GITHUB_TOKEN", TOKEN));

      mojo.execute();

      assertThat(output)
          .contains(
              "[info] GitHub API "
                  + github.apiUrl()
                  + " (from -Dcross.release.apiUrl),"
                  + " repository acme/widget (from the git remote 'origin')");
    }

    @Test
    @InjectMojo(goal = "release")
    @MojoParameter(name = "retries", value = "0")
    void aRefusedPortIsNamedWithThePropertyItCameFrom(ReleaseMojo mojo) {
      tagged("v2.0.0");
      environment(
          Map.of("GITHUB_TOKEN", TOKEN, "GITHUB_API_URL", "https://ghe.example.invalid/api/v3"));
      String url = github.apiUrl();
      int port = Integer.parseInt(url.replaceAll(".*:(\\d+)/.*", "$1"));
      github.close(); // nothing listens on its port any more

      assertThatThrownBy(mojo::execute)
          .isInstanceOf(MojoExecutionException.class)
          .hasMessageStartingWith(
              "Cannot reach GitHub at 127.0.0.1:"
                  + port
                  + " (GET /api/v3/repos/acme/widget/releases/"
                  + "tags/v2.0.0): the connection to port "
                  + port
                  + " was refused")
          .hasMessageContaining("The API URL " + url + " is from -Dcross.release.apiUrl.")
          .hasMessageContaining("nothing accepts connections on port " + port + " of 127.0.0.1")
          .hasMessageContaining("For GitHub Enterprise Server the API URL is https://HOST/api/v3.");
    }
  }
}
