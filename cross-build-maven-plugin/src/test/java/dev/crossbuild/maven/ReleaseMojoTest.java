package dev.crossbuild.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossbuild.git.TestRepositories;
import dev.crossbuild.release.FakeGitHub;
import dev.crossbuild.release.RetryPolicy;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    mojo.environment = env::get;
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
