package dev.crossbuild.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextFilesTest {

  @TempDir Path root;

  @Test
  void gitRepoGivesTrackedAndUntrackedButNotIgnoredFiles() throws Exception {
    write(".gitignore", "*.tmp\nbuild/\n");
    write("pom.xml", "<project/>");
    write("src/Main.java", "class Main {}");
    write("gone.txt", "deleted later");
    try (Git git = init(root)) {
      git.add().addFilepattern(".").call();
      commit(git);
      write("NEW.md", "staged, not committed");
      git.add().addFilepattern("NEW.md").call();
    }
    write("notes.txt", "untracked, not ignored");
    write("scratch.tmp", "ignored");
    write("build/out.o", "ignored directory");
    write("target/classes/Main.class", "Maven output, untracked and not ignored");
    Files.delete(root.resolve("gone.txt"));

    assertThat(ContextFiles.list(root))
        .containsExactly(".gitignore", "NEW.md", "notes.txt", "pom.xml", "src/Main.java");
  }

  @Test
  void subdirectoryProjectGetsOnlyItsOwnFilesRelativeToItself() throws Exception {
    write(".gitignore", "*.log\n");
    write("README.md", "root");
    write("other/B.java", "class B {}");
    write("module/pom.xml", "<project/>");
    write("module/src/A.java", "class A {}");
    try (Git git = init(root)) {
      git.add().addFilepattern(".").call();
      commit(git);
    }
    write("module/untracked.txt", "new");
    write("module/debug.log", "ignored by the root .gitignore");
    write("module/target/A.class", "Maven output");
    write("other/untracked.txt", "not this module's");

    assertThat(ContextFiles.list(root.resolve("module")))
        .containsExactly("pom.xml", "src/A.java", "untracked.txt");
  }

  @Test
  void projectInsideADirectoryTheRepositoryIgnoresIsListedAsOutsideGit() throws Exception {
    // e.g. a sample project copied under another project's target/ by an integration test
    write(".gitignore", "generated/\n");
    write("pom.xml", "<project/>");
    try (Git git = init(root)) {
      git.add().addFilepattern(".").call();
      commit(git);
    }
    write("generated/sample/pom.xml", "<project/>");
    write("generated/sample/hello.c", "int main(void) { return 0; }");
    write("generated/sample/target/hello", "output");

    assertThat(ContextFiles.list(root.resolve("generated/sample")))
        .containsExactly("hello.c", "pom.xml");
  }

  @Test
  void trackedFilesInsideAnIgnoredDirectoryStayButItsUntrackedFilesDoNot() throws Exception {
    write("vendor/lib.c", "tracked before the ignore rule");
    try (Git git = init(root)) {
      git.add().addFilepattern(".").call();
      commit(git);
    }
    write(".gitignore", "vendor/\n");
    write("vendor/extra.c", "untracked in an ignored directory");

    assertThat(ContextFiles.list(root)).containsExactly(".gitignore", "vendor/lib.c");
  }

  @Test
  void linksAreListedAndNeverFollowed(@TempDir Path outside) throws Exception {
    Files.writeString(outside.resolve("secret.txt"), "outside the project");
    write("a.txt", "a");
    Files.createSymbolicLink(root.resolve("to-outside"), outside);
    Files.createSymbolicLink(root.resolve("to-a"), Path.of("a.txt"));
    init(root).close();

    assertThat(ContextFiles.list(root)).containsExactly("a.txt", "to-a", "to-outside");
  }

  @Test
  void nestedRepositoryContributesItsOwnContextUnderItsPath() throws Exception {
    write("top.txt", "top");
    write("inner/.gitignore", "*.o\n");
    write("inner/lib.c", "int x;");
    write("inner/lib.o", "ignored by the inner repository");
    try (Git inner = init(root.resolve("inner"))) {
      inner.add().addFilepattern(".").call();
      commit(inner);
    }
    init(root).close();

    assertThat(ContextFiles.list(root))
        .containsExactly("inner/.gitignore", "inner/lib.c", "top.txt");
  }

  @Test
  void outsideGitAllFilesMinusDockerignoreTargetAndGit(@TempDir Path outside) throws Exception {
    assertThat(Files.exists(root.resolve(".git"))).isFalse();
    write(".dockerignore", "# build context rules\n*.log\n!keep.log\nsecret/\n");
    write("a.txt", "a");
    write("x.log", "excluded");
    write("keep.log", "re-included");
    write("secret/key", "excluded directory");
    write("target/out.jar", "Maven output");
    write("sub/target/data.txt", "only the project's own target/ is left out");
    write(".git/HEAD", "not a repository, still never sent");
    Files.writeString(outside.resolve("o.txt"), "outside");
    Files.createSymbolicLink(root.resolve("link"), outside);

    assertThat(ContextFiles.list(root))
        .containsExactly(".dockerignore", "a.txt", "keep.log", "link", "sub/target/data.txt");
  }

  @Test
  void exceptionsReachIntoExcludedDirectories() throws Exception {
    write(".dockerignore", "docs\n!docs/keep.md\n");
    write("docs/keep.md", "kept");
    write("docs/drop.md", "dropped");

    assertThat(ContextFiles.list(root)).containsExactly(".dockerignore", "docs/keep.md");
  }

  private void write(String relative, String content) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private static Git init(Path dir) throws Exception {
    return Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
  }

  private static void commit(Git git) throws Exception {
    PersonIdent who = new PersonIdent("Test", "test@example.invalid");
    git.commit().setMessage("test").setAuthor(who).setCommitter(who).setSign(false).call();
  }
}
