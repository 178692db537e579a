package dev.crossbuild.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the source stage is given of the repository: the source tar unpacked as the engine unpacks
 * it, and the real git asked there what it is asked on the host.
 */
class SourceRepositoryTest {

  @TempDir Path work;
  private Path project;
  private Path home;

  @BeforeEach
  void repository() throws Exception {
    project = Files.createDirectories(work.resolve("project"));
    home = Files.createDirectories(work.resolve("home"));
    Files.writeString(project.resolve("Makefile"), "hello:\n\tcc -o hello hello.c\n");
    Files.writeString(project.resolve("hello.c"), "int main(void) { return 0; }\n");
    Files.writeString(project.resolve(".gitignore"), "target/\n");
    git(project, "init", "-q");
    git(project, "add", ".");
    git(project, "commit", "-q", "-m", "one");
    git(project, "tag", "-a", "v1.4.0", "-m", "1.4.0");
  }

  @Test
  void aTaggedTreeAnswersAsOnTheHostAndItsVariablesSayTheSame() throws Exception {
    SourceRepository repository = SourceRepository.of(project, true, "1.4.0");

    assertThat(repository.shipsGitDir()).isTrue();
    Map<String, String> env = repository.env();
    String head = git(project, "rev-parse", "HEAD");
    assertThat(env)
        .containsEntry("CROSS_PROJECT_VERSION", "1.4.0")
        .containsEntry("CROSS_GIT_COMMIT", head)
        .containsEntry("CROSS_GIT_DESCRIBE", "v1.4.0")
        .containsEntry("VERGEN_GIT_SHA", head)
        .containsEntry("VERGEN_GIT_DESCRIBE", "v1.4.0")
        .containsEntry("VERGEN_GIT_DIRTY", "false")
        .containsEntry("GIT_CONFIG_KEY_0", "safe.directory")
        .containsEntry("GIT_CONFIG_VALUE_0", "/src");
    assertSameAnswersInTheContainer(repository);
  }

  @Test
  void aCommitAfterTheTagAndAnUncommittedChange() throws Exception {
    Files.writeString(project.resolve("hello.c"), "int main(void) { return 1; }\n");
    git(project, "commit", "-q", "-am", "two");
    Files.writeString(project.resolve("hello.c"), "int main(void) { return 2; }\n");

    SourceRepository repository = SourceRepository.of(project, true, "1.4.0");

    String described = git(project, "describe", "--tags", "--dirty");
    assertThat(described).matches("v1\\.4\\.0-1-g[0-9a-f]{7,}-dirty");
    assertThat(repository.env())
        .containsEntry("CROSS_GIT_DESCRIBE", described)
        .containsEntry("VERGEN_GIT_DIRTY", "true");
    assertSameAnswersInTheContainer(repository);
  }

  @Test
  void aNewTagOnTheSameFilesIsANewKeyAndNothingNewIsTheSameKey() throws Exception {
    String before = SourceRepository.of(project, true, "1.4.0").key();
    assertThat(SourceRepository.of(project, true, "1.4.0").key()).isEqualTo(before);

    git(project, "tag", "v1.4.1");

    assertThat(SourceRepository.of(project, true, "1.4.0").key()).isNotEqualTo(before);
  }

  @Test
  void outsideGitOnlyTheProjectsVersionAndNoGitDirectory() throws Exception {
    Path plain = Files.createDirectories(work.resolve("plain"));
    Files.writeString(plain.resolve("Makefile"), "all:\n");

    SourceRepository none = SourceRepository.of(plain, false, "2.0");

    assertThat(none.key()).isEmpty();
    assertThat(none.shipsGitDir()).isFalse();
    assertThat(none.env()).containsExactly(Map.entry("CROSS_PROJECT_VERSION", "2.0"));
    assertThat(entries(none)).noneMatch(e -> e.startsWith("src/.git"));
  }

  @Test
  void aProjectInASubdirectoryGetsTheVariablesButNoGitDirectory() throws Exception {
    Path module = Files.createDirectories(project.resolve("native"));
    Files.writeString(module.resolve("Makefile"), "all:\n");
    git(project, "add", ".");
    git(project, "commit", "-q", "-m", "module");

    SourceRepository sub = SourceRepository.of(module, true, "1.4.0");

    assertThat(sub.shipsGitDir()).isFalse();
    assertThat(sub.env())
        .containsEntry("CROSS_GIT_COMMIT", git(project, "rev-parse", "HEAD"))
        .doesNotContainKey("GIT_CONFIG_COUNT");
    assertThat(entries(sub)).noneMatch(e -> e.startsWith("src/.git"));
    assertThat(sub.describeForLog()).contains("not the root of its repository");
  }

  @Test
  void aRepositoryJGitCannotReadBuildsAsOutsideGitAndSaysWhy() throws Exception {
    git(project, "update-index", "--split-index");

    SourceRepository unreadable = SourceRepository.of(project, true, "1.4.0");

    assertThat(unreadable.shipsGitDir()).isFalse();
    assertThat(unreadable.key()).isEmpty();
    assertThat(unreadable.env()).containsOnlyKeys("CROSS_PROJECT_VERSION");
    assertThat(unreadable.describeForLog())
        .startsWith("git: the repository could not be read, so the build sees no .git: ");
  }

  /**
   * Unpacks the source stage's tar with the project's files (as the build context lists them) and
   * the git directory, then asks git there what it is asked on the host.
   */
  private void assertSameAnswersInTheContainer(SourceRepository repository) throws Exception {
    Path outputs = work.resolve("outputs-" + System.nanoTime());
    ContextTar tar =
        new ContextTar()
            .withRealTimes()
            .addDirectory(project, ContextFiles.list(project), Dockerfiles.SOURCE_DIR + "/");
    repository.addTo(tar, outputs);
    Path unpacked = Files.createDirectories(work.resolve("unpacked-" + System.nanoTime()));
    Path tarFile = work.resolve("source.tar");
    try (OutputStream out = Files.newOutputStream(tarFile)) {
      tar.writeTo(out);
    }
    run(unpacked, List.of("tar", "-xf", tarFile.toString()));
    assertThat(unpacked.resolve("src/.git/refs")).isDirectory();
    Path src = unpacked.resolve("src");
    for (List<String> question :
        List.of(
            List.of("describe", "--tags", "--dirty"),
            List.of("rev-parse", "HEAD"),
            List.of("log", "-1", "--format=%ct"),
            List.of("status", "--porcelain"))) {
      String[] args = question.toArray(String[]::new);
      assertThat(gitInContainer(src, repository.env(), args))
          .as("git %s", String.join(" ", question))
          .isEqualTo(git(project, args));
    }
  }

  private List<String> entries(SourceRepository repository) throws Exception {
    ContextTar tar = new ContextTar().addFile("cross-build.sh", new byte[0]);
    repository.addTo(tar, work.resolve("outputs"));
    Path tarFile = work.resolve("entries.tar");
    try (OutputStream out = Files.newOutputStream(tarFile)) {
      tar.writeTo(out);
    }
    return List.of(run(work, List.of("tar", "-tf", tarFile.toString())).split("\n"));
  }

  private String git(Path dir, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=T"));
    command.addAll(List.of("-c", "user.email=t@example.invalid", "-c", "init.defaultBranch=main"));
    command.addAll(List.of("-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false"));
    command.addAll(List.of(args));
    return run(dir, command, Map.of());
  }

  /** git as the build script runs it: no configuration but what the script exports. */
  private String gitInContainer(Path dir, Map<String, String> env, String... args)
      throws Exception {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    return run(dir, command, env);
  }

  private String run(Path dir, List<String> command) throws Exception {
    return run(dir, command, Map.of());
  }

  private String run(Path dir, List<String> command, Map<String, String> env) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().put("HOME", home.toString());
    pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
    pb.environment().putAll(env);
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(p.waitFor()).as("%s: %s", command, out).isZero();
    return out;
  }
}
