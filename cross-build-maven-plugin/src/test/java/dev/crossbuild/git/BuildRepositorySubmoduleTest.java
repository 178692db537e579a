package dev.crossbuild.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A submodule stays a gitlink in the shipped index and tree; its repository is not shipped, only
 * its files. Git in the container then takes the submodule as unpopulated, which it always counts
 * as clean: it answers as the host does while the submodule is clean, and as for a clean one
 * otherwise.
 */
class BuildRepositorySubmoduleTest extends GitScenario {

  private Path withSubmodule() {
    Path library = git.init(tmp.resolve("library"));
    git.commit(library, "lib.txt", "lib 1\n");
    baseProject();
    git.git(host, "submodule", "add", "-q", library.toString(), "lib");
    git.git(host, "commit", "-q", "-m", "add lib");
    git.git(host, "tag", "v1.0.0");
    return host.resolve("lib");
  }

  @Test
  void cleanSubmoduleAnswersAsOnTheHost() {
    withSubmodule();

    BuildRepository repo = shipAndCompare();

    assertThat(repo.describe()).isEqualTo("v1.0.0");
    assertThat(container.git(lastCopy(), "-c", "safe.directory=*", "ls-files", "-s", "lib"))
        .startsWith("160000 ");
    assertThat(lastCopy().resolve("lib/lib.txt")).exists();
  }

  /**
   * A new commit in the submodule ({@code M}), changed files ({@code m}) or new files ({@code ?}):
   * {@code status --porcelain} says {@code M} for all three; {@code describe --dirty} counts the
   * first two only.
   */
  @ParameterizedTest
  @ValueSource(strings = {"M", "m", "?"})
  void changedSubmoduleLooksCleanInTheContainer(String change) {
    Path lib = withSubmodule();
    switch (change) {
      case "M" -> git.commit(lib, "lib.txt", "lib 2\n");
      case "m" -> GitCli.write(lib, "lib.txt", "changed\n");
      default -> GitCli.write(lib, "new.txt", "untracked\n");
    }
    Map<String, GitCli.Result> onHost = ShippedCopy.answers(git, host);
    assertThat(onHost.get("status --porcelain").out()).isEqualTo(" M lib\n");

    BuildRepository repo = BuildRepository.of(host).orElseThrow();
    Path copy = ship(repo);

    // describe() is the host's answer, the submodule's state included
    boolean dirty = !change.equals("?");
    assertThat(repo.describe())
        .isEqualTo(onHost.get(DESCRIBE).out().strip())
        .isEqualTo(dirty ? "v1.0.0-dirty" : "v1.0.0");
    assertThat(repo.dirty()).isEqualTo(dirty);
    Map<String, GitCli.Result> inCopy = ShippedCopy.answers(container, copy);
    assertThat(inCopy.get("status --porcelain").out()).isEmpty();
    assertThat(inCopy.get(DESCRIBE).out()).isEqualTo("v1.0.0\n");
  }
}
