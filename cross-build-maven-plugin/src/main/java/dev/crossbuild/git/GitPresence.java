package dev.crossbuild.git;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a directory is in a git work tree, without JGit: JGit's jar is signed, and loading any
 * class that refers to JGit (the verifier resolves the types it checks) costs a build outside git
 * the jar's verification.
 */
public final class GitPresence {

  private GitPresence() {}

  /**
   * Whether {@code dir} or a parent has a {@code .git} (a directory, or the file of a worktree).
   */
  public static boolean insideGit(Path dir) {
    for (Path d = dir.toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.exists(d.resolve(".git"))) {
        return true;
      }
    }
    return false;
  }
}
