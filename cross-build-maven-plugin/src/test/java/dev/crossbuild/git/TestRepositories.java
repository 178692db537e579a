package dev.crossbuild.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.storage.file.FileBasedConfig;

/**
 * Builds small git repositories in temporary directories for tests (JGit stays in this package).
 */
public final class TestRepositories implements AutoCloseable {

  private static final PersonIdent AUTHOR = new PersonIdent("Test", "test@example.invalid");

  private final Git git;
  private final Path root;

  private TestRepositories(Git git, Path root) {
    this.git = git;
    this.root = root;
  }

  public static TestRepositories init(Path root) {
    try {
      Files.createDirectories(root);
      Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call();
      // Keep the user's global git configuration out of the tests.
      FileBasedConfig config = (FileBasedConfig) git.getRepository().getConfig();
      config.setBoolean("commit", null, "gpgsign", false);
      config.setBoolean("tag", null, "gpgsign", false);
      config.save();
      return new TestRepositories(git, root);
    } catch (GitAPIException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes a file and commits it; returns the commit SHA. */
  public String commit(String file, String content) {
    try {
      Files.writeString(root.resolve(file), content);
      git.add().addFilepattern(file).call();
      RevCommit commit =
          git.commit()
              .setMessage("change " + file)
              .setAuthor(AUTHOR)
              .setCommitter(AUTHOR)
              .setSign(false)
              .call();
      return commit.name();
    } catch (GitAPIException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public TestRepositories lightweightTag(String name) {
    try {
      git.tag().setName(name).setAnnotated(false).call();
      return this;
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  public TestRepositories annotatedTag(String name) {
    try {
      git.tag()
          .setName(name)
          .setAnnotated(true)
          .setMessage("release " + name)
          .setTagger(AUTHOR)
          .setSigned(false)
          .call();
      return this;
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  public TestRepositories remote(String name, String url) {
    try {
      var config = git.getRepository().getConfig();
      config.setString("remote", name, "url", url);
      config.save();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path root() {
    return root;
  }

  @Override
  public void close() {
    git.close();
  }
}
