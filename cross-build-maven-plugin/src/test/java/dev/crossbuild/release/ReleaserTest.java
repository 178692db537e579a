package dev.crossbuild.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossbuild.git.GitHubRepository;
import dev.crossbuild.git.ReleaseTag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaserTest {

  private static final String TOKEN = "ghp_unitTestSecret0123456789";
  private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
  private static final ReleaseTag TAG = new ReleaseTag("v1.2.3", COMMIT);

  @TempDir Path dir;

  private FakeGitHub github;
  private final List<String> log = new ArrayList<>();
  private final List<Duration> sleeps = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    github = new FakeGitHub(TOKEN);
    Files.writeString(dir.resolve("widget-1.2.3-linux-x86_64.tar.gz"), "x86 archive");
    Files.writeString(dir.resolve("widget-1.2.3-linux-aarch_64.tar.gz"), "arm archive");
    Files.writeString(dir.resolve("widget-1.2.3-windows-x86_64.zip"), "windows archive");
    Files.writeString(dir.resolve("notes.txt"), "not an archive");
  }

  @AfterEach
  void stop() {
    github.close();
  }

  private ReleaseResult run(String token, boolean dryRun) {
    RetryPolicy retry =
        new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(30), sleeps::add);
    GitHubReleases api =
        new GitHubReleases(
            github.apiUrl(), new GitHubRepository("acme", "widget"), token, retry, log::add);
    return new Releaser(api, log::add).release(new ReleaseRequest(TAG, dir, dryRun, false));
  }

  @Test
  void firstRunCreatesDraftUploadsEverythingThenPublishes() {
    ReleaseResult result = run(TOKEN, false);

    assertThat(result.created()).isTrue();
    assertThat(result.published()).isTrue();
    assertThat(result.uploaded())
        .containsExactly(
            "widget-1.2.3-linux-aarch_64.tar.gz",
            "widget-1.2.3-linux-x86_64.tar.gz",
            "widget-1.2.3-windows-x86_64.zip",
            "SHA256SUMS");
    FakeGitHub.StoredRelease release = github.release("v1.2.3");
    assertThat(release.draft).isFalse();
    assertThat(release.target).isEqualTo(COMMIT);
    assertThat(
            new String(
                release.assets.get("widget-1.2.3-linux-x86_64.tar.gz").content(),
                StandardCharsets.UTF_8))
        .isEqualTo("x86 archive");
    assertThat(new String(release.assets.get("SHA256SUMS").content(), StandardCharsets.UTF_8))
        .isEqualTo(
            FakeGitHub.sha256(bytes("arm archive"))
                + "  widget-1.2.3-linux-aarch_64.tar.gz\n"
                + FakeGitHub.sha256(bytes("x86 archive"))
                + "  widget-1.2.3-linux-x86_64.tar.gz\n"
                + FakeGitHub.sha256(bytes("windows archive"))
                + "  widget-1.2.3-windows-x86_64.zip\n");
    // published last, after every upload went to the separate upload endpoint
    List<FakeGitHub.Request> writes = github.writes();
    assertThat(writes.get(0))
        .isEqualTo(new FakeGitHub.Request("POST", "/api/v3/repos/acme/widget/releases"));
    assertThat(writes.subList(1, 5))
        .allMatch(r -> r.path().startsWith("/uploads/repos/acme/widget/releases/"));
    assertThat(writes.get(5).method()).isEqualTo("PATCH");
    assertThat(result.summary()).contains("v1.2.3", "created as draft", "4 uploaded", "published");
  }

  @Test
  void reRunOnAPublishedCompleteReleaseWritesNothing() {
    run(TOKEN, false);
    int before = github.writes().size();

    ReleaseResult again = run(TOKEN, false);

    assertThat(github.writes()).hasSize(before);
    assertThat(again.unchanged()).isTrue();
    assertThat(again.skipped()).hasSize(4);
    assertThat(again.wasPublished()).isTrue();
  }

  @Test
  void reRunComparesByDownloadWhenGitHubGivesNoDigest() {
    run(TOKEN, false);
    github.digests(false);
    int before = github.writes().size();

    ReleaseResult again = run(TOKEN, false);

    assertThat(github.writes()).hasSize(before);
    assertThat(again.skipped()).hasSize(4);
    assertThat(github.requests()).anyMatch(r -> r.path().contains("/releases/assets/"));
  }

  @Test
  void aChangedAssetOnAPublishedReleaseIsRefusedAndNothingChanges() throws IOException {
    run(TOKEN, false);
    Files.writeString(dir.resolve("widget-1.2.3-linux-x86_64.tar.gz"), "rebuilt x86 archive");
    int before = github.writes().size();

    assertThatThrownBy(() -> run(TOKEN, false))
        .isInstanceOf(PublishedAssetConflictException.class)
        .hasMessageContaining("v1.2.3")
        .hasMessageContaining("widget-1.2.3-linux-x86_64.tar.gz")
        .hasMessageContaining("SHA256SUMS")
        .hasMessageContaining("Nothing was changed");
    assertThat(github.writes()).hasSize(before);
    assertThat(github.release("v1.2.3").assets.get("widget-1.2.3-linux-x86_64.tar.gz").content())
        .isEqualTo(bytes("x86 archive"));
  }

  @Test
  void aDraftFoundByListingIsCompletedAndDifferingAssetsAreReplaced() {
    github.seed(
        "v1.2.3",
        true,
        Map.of(
            "widget-1.2.3-linux-x86_64.tar.gz",
            bytes("stale"),
            "widget-1.2.3-linux-aarch_64.tar.gz",
            bytes("arm archive")));

    ReleaseResult result = run(TOKEN, false);

    assertThat(result.created()).isFalse();
    assertThat(github.releases()).hasSize(1);
    assertThat(result.replaced()).containsExactly("widget-1.2.3-linux-x86_64.tar.gz");
    assertThat(result.skipped()).containsExactly("widget-1.2.3-linux-aarch_64.tar.gz");
    assertThat(result.uploaded()).containsExactly("widget-1.2.3-windows-x86_64.zip", "SHA256SUMS");
    assertThat(github.release("v1.2.3").assets.get("widget-1.2.3-linux-x86_64.tar.gz").content())
        .isEqualTo(bytes("x86 archive"));
    assertThat(github.release("v1.2.3").draft).isFalse();
  }

  @Test
  void a502IsRetriedAfterTheRetryAfterWait() {
    github.failNext(502);

    ReleaseResult result = run(TOKEN, false);

    assertThat(result.published()).isTrue();
    assertThat(github.release("v1.2.3").assets).hasSize(4);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(1));
    assertThat(log).anyMatch(line -> line.contains("HTTP 502") && line.contains("retrying"));
  }

  @Test
  void persistentServerErrorsGiveUpWithTheStatus() {
    github.failNext(503, 503, 503);

    assertThatThrownBy(() -> run(TOKEN, false))
        .isInstanceOf(GitHubApiException.class)
        .hasMessageContaining("HTTP 503");
    assertThat(sleeps).hasSize(2);
    assertThat(github.releases()).isEmpty();
  }

  @Test
  void aRejectedTokenGivesAClearMessageWithoutTheToken() {
    String wrong = "ghp_wrongTokenValue987654321";

    assertThatThrownBy(() -> run(wrong, false))
        .isInstanceOf(GitHubAuthenticationException.class)
        .hasMessageContaining("rejected the token")
        .hasMessageContaining("401")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(wrong));
    assertThat(github.writes()).isEmpty();
    assertThat(log).noneMatch(line -> line.contains(wrong));
  }

  @Test
  void dryRunReadsButNeverWrites() {
    ReleaseResult result = run(TOKEN, true);

    assertThat(github.writes()).isEmpty();
    assertThat(github.releases()).isEmpty();
    assertThat(result.dryRun()).isTrue();
    assertThat(result.uploaded()).hasSize(4);
    assertThat(log).anyMatch(line -> line.startsWith("Would create draft release v1.2.3"));
    assertThat(result.summary()).contains("would be uploaded");
  }

  @Test
  void theTokenNeverAppearsInTheLog() {
    github.failNext(502);
    run(TOKEN, false);
    run(TOKEN, false);

    assertThat(log).isNotEmpty().noneMatch(line -> line.contains(TOKEN));
  }

  @Test
  void noArchivesIsAnErrorNamingTheDirectory() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    GitHubReleases api =
        new GitHubReleases(
            github.apiUrl(),
            new GitHubRepository("acme", "widget"),
            TOKEN,
            RetryPolicy.DEFAULT,
            log::add);

    assertThatThrownBy(
            () -> new Releaser(api, log::add).release(new ReleaseRequest(TAG, empty, false, false)))
        .isInstanceOfSatisfying(
            NoArtifactsException.class, e -> assertThat(e.directory()).isEqualTo(empty));
    assertThat(github.requests()).isEmpty();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
