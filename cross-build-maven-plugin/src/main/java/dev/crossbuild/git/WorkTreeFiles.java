package dev.crossbuild.git;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * The files git knows of a directory in a work tree, as relative paths with forward slashes: the
 * files in the index (committed or staged) that still exist, plus untracked files that git does not
 * ignore, limited to the directory. Left out: the directory's {@code target/} (Maven's output,
 * often untracked in a fresh repository) and {@code .git}. Symbolic links are listed as links and
 * never followed.
 */
public final class WorkTreeFiles {

  private static final String MAVEN_OUTPUT = "target";
  private static final String DOT_GIT = ".git";

  /** Lists a nested repository (a submodule) the way the caller lists a directory. */
  @FunctionalInterface
  public interface NestedLister {
    List<String> list(Path dir) throws IOException;
  }

  private WorkTreeFiles() {}

  /**
   * The files git knows of {@code dir} (a real path), unsorted; empty when {@code dir} is not in a
   * work tree, or when its repository ignores it (a project generated under another project's
   * {@code target/}: that repository does not own it).
   */
  public static Optional<List<String>> list(Path dir, NestedLister nested) throws IOException {
    // JGit only where there is a repository: opening it (a signed jar) costs a no-change build a
    // noticeable part.
    FileRepositoryBuilder builder =
        GitPresence.insideGit(dir) ? new FileRepositoryBuilder().findGitDir(dir.toFile()) : null;
    if (builder == null || builder.getGitDir() == null) {
      return Optional.empty();
    }
    try (Repository repository = builder.setMustExist(true).build()) {
      if (repository.isBare()) {
        return Optional.empty();
      }
      Path workTree = repository.getWorkTree().toPath().toRealPath();
      if (!dir.startsWith(workTree)) {
        return Optional.empty();
      }
      return Optional.ofNullable(inGit(repository, slashes(workTree.relativize(dir)), dir, nested));
    }
  }

  /**
   * The files git knows under {@code prefix}, or null when the repository ignores the directory
   * itself.
   */
  private static List<String> inGit(
      Repository repository, String prefix, Path dir, NestedLister nested) throws IOException {
    List<String> files = new ArrayList<>();
    try (TreeWalk walk = new TreeWalk(repository)) {
      int index = walk.addTree(new DirCacheIterator(repository.readDirCache()));
      FileTreeIterator workTreeIterator = new FileTreeIterator(repository);
      int work = walk.addTree(workTreeIterator);
      workTreeIterator.setDirCacheIterator(walk, index);
      walk.setRecursive(false);
      if (!prefix.isEmpty()) {
        walk.setFilter(PathFilter.create(prefix));
      }
      while (walk.next()) {
        String path = walk.getPathString();
        if (!prefix.isEmpty() && !path.startsWith(prefix + "/")) {
          // the project directory itself or one of its parents: only a way down, unless the
          // repository
          // ignores it (a project generated under another project's target/): then the repo does
          // not own it
          WorkingTreeIterator parent = walk.getTree(work, WorkingTreeIterator.class);
          if (parent != null
              && walk.getTree(index, DirCacheIterator.class) == null
              && parent.isEntryIgnored()) {
            return null;
          }
          if (walk.isSubtree()) {
            walk.enterSubtree();
          }
          continue;
        }
        String relative = prefix.isEmpty() ? path : path.substring(prefix.length() + 1);
        if (relative.equals(MAVEN_OUTPUT) || walk.getNameString().equals(DOT_GIT)) {
          continue;
        }
        boolean tracked = walk.getTree(index, DirCacheIterator.class) != null;
        WorkingTreeIterator file = walk.getTree(work, WorkingTreeIterator.class);
        if (file == null || (!tracked && file.isEntryIgnored())) {
          continue; // deleted in the work tree, or untracked and ignored
        }
        if (walk.isSubtree()) {
          walk.enterSubtree();
        } else if (walk.getFileMode(work) == FileMode.GITLINK) {
          // a submodule or a nested repository: its own context, under its path
          for (String inner : nested.list(dir.resolve(relative))) {
            files.add(relative + "/" + inner);
          }
        } else {
          files.add(relative);
        }
      }
    }
    return files;
  }

  private static String slashes(Path relative) {
    return relative.toString().replace(File.separatorChar, '/');
  }
}
