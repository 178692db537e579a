package dev.crossbuild.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossbuild.git.TestRepositories;
import dev.crossbuild.release.FakeGitHub;
import dev.crossbuild.release.RetryPolicy;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goal as a user meets it: Maven's log captured, the token checked against all of it. */
class ReleaseMojoTest {

  private static final String TOKEN = "ghp_mojoTestSecret_4f7a9b2c";

  @TempDir
  Path dir;

  private FakeGitHub github;
  private final List<String> output = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    github = new FakeGitHub(TOKEN);
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

  private ReleaseMojo mojo(Map<String, String> env) {
    ReleaseMojo mojo = new ReleaseMojo();
    MavenProject project = new MavenProject();
    project.setFile(dir.resolve("pom.xml").toFile());
    mojo.project = project;
    mojo.apiUrl = github.apiUrl();
    mojo.tokenVariable = "GITHUB_TOKEN";
    mojo.artifactsDirectory = dir.resolve("target/cross").toFile();
    mojo.environment = env;
    mojo.retryPolicy = new RetryPolicy(3, Duration.ZERO, Duration.ZERO, d -> { });
    mojo.setLog(capturingLog());
    return mojo;
  }

  @Test
  void onATagItPublishesAndSummarisesWithoutPrintingTheToken() throws Exception {
    tagged("v1.2.3");
    github.failNext(502);

    mojo(Map.of("GITHUB_TOKEN", TOKEN)).execute();

    assertThat(github.release("v1.2.3").draft).isFalse();
    assertThat(github.release("v1.2.3").assets).containsOnlyKeys("widget-1.2.3-linux-x86_64.tar.gz", "SHA256SUMS");
    assertThat(output).anyMatch(line -> line.contains("Release v1.2.3") && line.contains("2 uploaded")
        && line.contains("published"));
    assertThat(String.join("\n", output)).doesNotContain(TOKEN);
  }

  @Test
  void notOnATagItSaysSoAndCallsNoApi() throws Exception {
    tagged(null);

    mojo(Map.of("GITHUB_TOKEN", TOKEN)).execute();

    assertThat(github.requests()).isEmpty();
    assertThat(output).anyMatch(line -> line.startsWith("[info] No tag points at HEAD") && line.contains("-Dcross.release.tag"));
  }

  @Test
  void anExplicitTagIsReleasedEvenWhenHeadIsNotTagged() throws Exception {
    tagged(null);
    ReleaseMojo mojo = mojo(Map.of("GITHUB_TOKEN", TOKEN));
    mojo.tag = "v2.0.0";

    mojo.execute();

    assertThat(github.release("v2.0.0")).isNotNull();
  }

  @Test
  void aMissingTokenNamesTheVariable() {
    tagged("v1.2.3");
    ReleaseMojo mojo = mojo(Map.of());
    mojo.tokenVariable = "RELEASE_TOKEN";

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("RELEASE_TOKEN is not set")
        .hasMessageContaining("-Dcross.release.tokenVariable");
    assertThat(github.requests()).isEmpty();
  }

  @Test
  void aRejectedTokenGivesAClearMessageAndIsNeverPrinted() {
    tagged("v1.2.3");
    String wrong = "ghp_expiredToken_0000111122223333";

    assertThatThrownBy(mojo(Map.of("GITHUB_TOKEN", wrong))::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("The token in GITHUB_TOKEN was rejected")
        .hasMessageContaining("HTTP 401")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(wrong));
    assertThat(String.join("\n", output)).doesNotContain(wrong);
  }

  @Test
  void dryRunPrintsThePlanAndWritesNothing() throws Exception {
    tagged("v1.2.3");
    ReleaseMojo mojo = mojo(Map.of("GITHUB_TOKEN", TOKEN));
    mojo.dryRun = true;

    mojo.execute();

    assertThat(github.writes()).isEmpty();
    assertThat(output).anyMatch(line -> line.contains("Would create draft release v1.2.3"));
    assertThat(output).anyMatch(line -> line.contains("would upload widget-1.2.3-linux-x86_64.tar.gz"));
  }

  @Test
  void aRemoteThatIsNotGitHubPointsAtTheRepositoryParameter() {
    try (TestRepositories repo = TestRepositories.init(dir)) {
      repo.commit("pom.xml", "<project/>");
      repo.lightweightTag("v1.0.0");
      repo.remote("origin", "/srv/git/widget.git");
    }

    assertThatThrownBy(mojo(Map.of("GITHUB_TOKEN", TOKEN))::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("/srv/git/widget.git")
        .hasMessageContaining("-Dcross.release.repository=owner/name");
  }

  @Test
  void onARunnerTheApiUrlAndRepositoryComeFromItsVariablesAndTheLogSaysSo() throws Exception {
    tagged("v1.2.3");
    ReleaseMojo mojo = mojo(Map.of("GITHUB_TOKEN", TOKEN, "GITHUB_API_URL", github.apiUrl(),
        "GITHUB_REPOSITORY", "acme/zdemo"));
    mojo.apiUrl = null;

    mojo.execute();

    assertThat(github.requests()).isNotEmpty().allMatch(r -> r.path().contains("/repos/acme/zdemo/"));
    assertThat(output).contains("[info] GitHub API " + github.apiUrl() + " (from the environment variable"
        + " GITHUB_API_URL), repository acme/zdemo (from the environment variable GITHUB_REPOSITORY)");
  }

  @Test
  void thePomWinsOverTheRunnersVariables() throws Exception {
    tagged("v1.2.3");
    ReleaseMojo mojo = mojo(Map.of("GITHUB_TOKEN", TOKEN, "GITHUB_API_URL", "https://ghe.example.invalid/api/v3",
        "GITHUB_REPOSITORY", "other/tool"));
    mojo.repository = "acme/widget";

    mojo.execute();

    assertThat(github.release("v1.2.3").draft).isFalse();
    assertThat(output).contains("[info] GitHub API " + github.apiUrl() + " (from <apiUrl> in the POM),"
        + " repository acme/widget (from <repository> in the POM)");
  }

  @Test
  void withoutConfigurationOrVariableTheRepositoryComesFromTheRemote() throws Exception {
    tagged("v1.2.3");
    ReleaseMojo mojo = mojo(Map.of("GITHUB_TOKEN", TOKEN));
    mojo.session = sessionWith("cross.release.apiUrl", github.apiUrl());

    mojo.execute();

    assertThat(output).contains("[info] GitHub API " + github.apiUrl() + " (from -Dcross.release.apiUrl),"
        + " repository acme/widget (from the git remote 'origin')");
  }

  @Test
  void outsideAGitCloneTheTagPropertyAndTheRepositoryVariableAreEnough() throws Exception {
    ReleaseMojo mojo = mojo(Map.of("GITHUB_TOKEN", TOKEN, "GITHUB_REPOSITORY", "acme/widget"));
    mojo.tag = "v1.2.3";

    mojo.execute();

    assertThat(github.release("v1.2.3").draft).isFalse();
  }

  @Test
  void aRepositoryVariableThatIsNotOwnerSlashNameFailsNamingValueAndVariable() {
    tagged("v1.2.3");

    assertThatThrownBy(mojo(Map.of("GITHUB_TOKEN", TOKEN, "GITHUB_REPOSITORY", "zdemo"))::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessage("The GitHub repository from the environment variable GITHUB_REPOSITORY is not of the form"
            + " owner/name: 'zdemo'. Use owner/name, e.g. acme/widget, in GITHUB_REPOSITORY or in <repository> /"
            + " -Dcross.release.repository, which win over it.");
    assertThat(github.requests()).isEmpty();
  }

  @Test
  void anApiUrlVariableThatIsNotHttpFailsNamingValueAndVariable() {
    tagged("v1.2.3");
    ReleaseMojo mojo = mojo(Map.of("GITHUB_TOKEN", TOKEN, "GITHUB_API_URL", "ghe.corp.example/api/v3"));
    mojo.apiUrl = null;

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessage("The GitHub API URL from the environment variable GITHUB_API_URL is not an http(s) URL:"
            + " 'ghe.corp.example/api/v3'. Use https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise"
            + " Server, in GITHUB_API_URL or in <apiUrl> / -Dcross.release.apiUrl, which win over it.");
  }

  @Test
  void anUnresolvableApiHostIsNamedWithWhereTheUrlCameFromAndWhatToCheck() {
    tagged("v2.0.0");
    ReleaseMojo mojo = mojo(Map.of("GITHUB_TOKEN", TOKEN, "GITHUB_API_URL", "https://ghe.example.invalid/api/v3",
        "GITHUB_SERVER_URL", "https://ghe.example.invalid"));
    mojo.apiUrl = null;

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageStartingWith("Cannot reach GitHub at ghe.example.invalid:443 (GET /api/v3/repos/acme/widget/releases/"
            + "tags/v2.0.0): the host name ghe.example.invalid did not resolve")
        .hasMessageContaining("The API URL https://ghe.example.invalid/api/v3 is from the environment variable"
            + " GITHUB_API_URL.")
        .hasMessageContaining("Check the host name in the URL, and this machine's DNS and network.")
        .hasMessageContaining("-Dhttps.proxyHost")
        .hasMessageContaining("this runner's GITHUB_SERVER_URL is https://ghe.example.invalid,"
            + " so https://ghe.example.invalid/api/v3")
        .hasMessageContaining("<apiUrl> / -Dcross.release.apiUrl win over GITHUB_API_URL.")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN).doesNotContain("null"));
    assertThat(String.join("\n", output)).doesNotContain(TOKEN);
  }

  @Test
  void aRefusedPortIsNamedWithThePropertyItCameFrom() throws IOException {
    tagged("v2.0.0");
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port + "/api/v3";
    ReleaseMojo mojo = mojo(Map.of("GITHUB_TOKEN", TOKEN, "GITHUB_API_URL", "https://ghe.example.invalid/api/v3"));
    mojo.apiUrl = url;
    mojo.session = sessionWith("cross.release.apiUrl", url);

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageStartingWith("Cannot reach GitHub at 127.0.0.1:" + port + " (GET /api/v3/repos/acme/widget/releases/tags/"
            + "v2.0.0): the connection to port " + port + " was refused")
        .hasMessageContaining("The API URL " + url + " is from -Dcross.release.apiUrl.")
        .hasMessageContaining("nothing accepts connections on port " + port + " of 127.0.0.1")
        .hasMessageContaining("For GitHub Enterprise Server the API URL is https://HOST/api/v3.");
  }

  private static MavenSession sessionWith(String property, String value) {
    Properties user = new Properties();
    user.setProperty(property, value);
    DefaultMavenExecutionRequest request = new DefaultMavenExecutionRequest();
    request.setUserProperties(user);
    @SuppressWarnings("deprecation")
    MavenSession session = new MavenSession(null, null, request, new DefaultMavenExecutionResult());
    return session;
  }

  private Log capturingLog() {
    return (Log) Proxy.newProxyInstance(Log.class.getClassLoader(), new Class<?>[] {Log.class}, (proxy, method, args) -> {
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
}
