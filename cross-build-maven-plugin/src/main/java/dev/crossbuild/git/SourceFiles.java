package dev.crossbuild.git;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * The files that make up the build context of a project directory, as sorted relative paths with
 * forward slashes.
 *
 * <p>Inside a git work tree: the files in the index (committed or staged) that still exist, plus
 * untracked files that git does not ignore, limited to the project directory. Outside git: every
 * regular file minus what {@code .dockerignore} excludes. Always left out: the project's {@code
 * target/} (Maven's output, often untracked in a fresh repository) and {@code .git}. Symbolic links
 * are listed as links and never followed.
 */
public final class SourceFiles {

  private static final String MAVEN_OUTPUT = "target";
  private static final String DOT_GIT = ".git";

  private SourceFiles() {}

  /** The build context files of {@code projectDir}, relative to it, sorted. */
  public static List<String> list(Path projectDir) throws IOException {
    Path dir = projectDir.toRealPath();
    // JGit only where there is a repository: opening it (a signed jar) costs a no-change build a
    // noticeable part.
    FileRepositoryBuilder builder =
        insideGit(dir) ? new FileRepositoryBuilder().findGitDir(dir.toFile()) : null;
    if (builder != null && builder.getGitDir() != null) {
      try (Repository repository = builder.setMustExist(true).build()) {
        if (!repository.isBare()) {
          Path workTree = repository.getWorkTree().toPath().toRealPath();
          if (dir.startsWith(workTree)) {
            List<String> files = inGit(repository, slashes(workTree.relativize(dir)), dir);
            if (files != null) {
              return sorted(files);
            }
          }
        }
      }
    }
    return sorted(outsideGit(dir));
  }

  /**
   * Whether {@code dir} or a parent has a {@code .git} (a directory, or the file of a worktree).
   */
  static boolean insideGit(Path dir) {
    for (Path d = dir.toAbsolutePath(); d != null; d = d.getParent()) {
      if (java.nio.file.Files.exists(d.resolve(DOT_GIT))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The files git knows under {@code prefix}, or null when the repository ignores the directory
   * itself.
   */
  private static List<String> inGit(Repository repository, String prefix, Path dir)
      throws IOException {
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
          for (String inner : list(dir.resolve(relative))) {
            files.add(relative + "/" + inner);
          }
        } else {
          files.add(relative);
        }
      }
    }
    return files;
  }

  private static List<String> outsideGit(Path dir) throws IOException {
    DockerIgnore ignore = DockerIgnore.read(dir);
    List<String> files = new ArrayList<>();
    // no FOLLOW_LINKS: a link is visited as a file and listed, never walked into
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path path, BasicFileAttributes attrs) {
            if (path.equals(dir)) {
              return FileVisitResult.CONTINUE;
            }
            String relative = slashes(dir.relativize(path));
            boolean skip =
                relative.equals(MAVEN_OUTPUT)
                    || path.getFileName().toString().equals(DOT_GIT)
                    || (ignore.excludes(relative) && !ignore.hasExceptions());
            return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path path, BasicFileAttributes attrs) {
            String relative = slashes(dir.relativize(path));
            if ((attrs.isRegularFile() || attrs.isSymbolicLink())
                && !path.getFileName().toString().equals(DOT_GIT)
                && !(dir.equals(path.getParent()) && relative.equals(MAVEN_OUTPUT))
                && !ignore.excludes(relative)) {
              files.add(relative);
            }
            return FileVisitResult.CONTINUE;
          }
        });
    return files;
  }

  private static String slashes(Path relative) {
    return relative.toString().replace(File.separatorChar, '/');
  }

  private static List<String> sorted(List<String> files) {
    return files.stream().sorted().toList();
  }
}
