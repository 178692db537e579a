package dev.crossbuild.stage;

import dev.crossbuild.git.GitPresence;
import dev.crossbuild.git.WorkTreeFiles;
import java.io.File;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The files that make up the build context of a project directory, as sorted relative paths with
 * forward slashes.
 *
 * <p>Inside a git work tree: the files git knows ({@link WorkTreeFiles}). Outside git: every
 * regular file minus what {@code .dockerignore} excludes. Always left out: the project's {@code
 * target/} (Maven's output) and {@code .git}. Symbolic links are listed as links and never
 * followed.
 */
public final class ContextFiles {

  private static final String MAVEN_OUTPUT = "target";
  private static final String DOT_GIT = ".git";

  private ContextFiles() {}

  /**
   * The context's files, and whether git listed them (the project belongs to a work tree that does
   * not ignore it).
   */
  public record Listed(List<String> files, boolean inGit) {
    public Listed {
      files = List.copyOf(files);
    }
  }

  /** The build context files of {@code projectDir}, relative to it, sorted. */
  public static List<String> list(Path projectDir) throws IOException {
    return listed(projectDir).files();
  }

  /** {@link #list}, and whether git listed them. */
  public static Listed listed(Path projectDir) throws IOException {
    Path dir = projectDir.toRealPath();
    // WorkTreeFiles (and with it JGit) is not even loaded outside git
    Optional<List<String>> known =
        GitPresence.insideGit(dir) ? WorkTreeFiles.list(dir, ContextFiles::list) : Optional.empty();
    List<String> files = known.isPresent() ? known.get() : outsideGit(dir);
    return new Listed(files.stream().sorted().toList(), known.isPresent());
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
}
