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
    assertThat(problems)
        .containsExactly(
            new ConfigProblem.NoRegistryHost("team/cache", "team"),
            new ConfigProblem.Malformed(
                ConfigKey.CACHE_REPOSITORY, "registry.example.com/team/cache:latest", null, null),
            new ConfigProblem.Malformed(
                ConfigKey.CACHE_REPOSITORY, "Registry.example.com/Team", null, null));
  }

  @Test
  void credentialsComeInPairs() {
    resolve(new RawCache("registry.example.com/c", null, null, "ci", null, null, null));
    resolve(new RawCache("registry.example.com/c", null, null, null, null, null, "CACHE_PASSWORD"));
    resolve(new RawCache("registry.example.com/c", null, null, null, "BAD-NAME", null, null));
    assertThat(problems)
        .containsExactly(
            new ConfigProblem.Needs(
                ConfigKey.CACHE_USERNAME, "ci", ConfigKey.CACHE_PASSWORD_VARIABLE),
            new ConfigProblem.Needs(
                ConfigKey.CACHE_PASSWORD_SECRET, "CACHE_PASSWORD", ConfigKey.CACHE_USERNAME_SECRET),
            new ConfigProblem.Needs(
                ConfigKey.CACHE_PASSWORD_VARIABLE, "BAD-NAME", ConfigKey.CACHE_USERNAME),
            new ConfigProblem.Malformed(ConfigKey.CACHE_PASSWORD_VARIABLE, "BAD-NAME", null, null));
  }

  @Test
  void settingsWithoutARepositoryAreAProblem() {
    assertThat(resolve(new RawCache(null, true, null, null, null, null, null))).isNull();
    assertThat(problems).containsExactly(new ConfigProblem.Missing(ConfigKey.CACHE_REPOSITORY));
  }
}
