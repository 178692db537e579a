package dev.crossbuild.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code <cache>} checks. */
class CacheResolverTest {

  private final List<ConfigProblem> problems = new ArrayList<>();

  private CacheConfig resolve(RawCache raw) {
    return CacheResolver.resolve(raw, problems);
  }

  @Test
  void defaultsPullAndDoNotPush() {
    CacheConfig cache =
        resolve(
            new RawCache(
                " registry.example.com:5000/team/cache ", null, null, null, null, null, null));
    assertThat(problems).isEmpty();
    assertThat(cache.registry()).isEqualTo("registry.example.com:5000");
    assertThat(cache.pull()).isTrue();
    assertThat(cache.push()).isFalse();
    assertThat(cache.usesGitHubToken()).isTrue();
    assertThat(cache.reference("aarch64-unknown-linux-gnu", "0123456789abcdef"))
        .isEqualTo(
            "registry.example.com:5000/team/cache:aarch64-unknown-linux-gnu-0123456789abcdef");
  }

  @Test
  void nothingSetIsNoCache() {
    assertThat(resolve(null)).isNull();
    assertThat(resolve(new RawCache(" ", null, null, null, null, null, null))).isNull();
    assertThat(problems).isEmpty();
  }

  @Test
  void aRepositoryWithoutRegistryHostOrWithATagIsRejectedWithTheFix() {
    resolve(new RawCache("team/cache", null, null, null, null, null, null));
    resolve(
        new RawCache("registry.example.com/team/cache:latest", null, null, null, null, null, null));
    resolve(new RawCache("Registry.example.com/Team", null, null, null, null, null, null));
    assertThat(problems).hasSize(3);
    assertThat(problems.get(0).message())
        .contains(
            "'team/cache'",
            "<cache><repository>",
            "-Dcross.cache.repository",
            "does not start with a registry host");
    assertThat(problems.get(1).message()).contains("without a tag");
    assertThat(problems.get(2).property()).isEqualTo("cross.cache.repository");
  }

  @Test
  void credentialsComeInPairs() {
    resolve(new RawCache("registry.example.com/c", null, null, "ci", null, null, null));
    resolve(new RawCache("registry.example.com/c", null, null, null, null, null, "CACHE_PASSWORD"));
    resolve(new RawCache("registry.example.com/c", null, null, null, "BAD-NAME", null, null));
    assertThat(problems)
        .extracting(ConfigProblem::message)
        .anySatisfy(
            m -> assertThat(m).contains("both <username> and <passwordEnvironmentVariable>"))
        .anySatisfy(m -> assertThat(m).contains("needs a user name for the workflow's login"))
        .anySatisfy(
            m -> assertThat(m).contains("'BAD-NAME'", "-Dcross.cache.passwordEnvironmentVariable"));
  }

  @Test
  void settingsWithoutARepositoryAreAProblem() {
    assertThat(resolve(new RawCache(null, true, null, null, null, null, null))).isNull();
    assertThat(problems)
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("has no <repository>"));
  }
}
