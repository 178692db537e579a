package dev.crossbuild.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What a container sees: the work tree's tracked and untracked-but-not-ignored files (no {@code
 * .git}) copied with new modification times, as a tar into a container gives them, plus the git
 * directory {@link BuildRepository#writeGitDir} writes. Also the git commands whose answers must
 * match between host and container.
 */
final class ShippedCopy {

  /** What a build asks git, Go's VCS stamping included. */
  static final List<List<String>> COMMANDS =
      List.of(
          List.of("describe", "--tags", "--dirty"),
          List.of("describe", "--tags", "--dirty", "--always"),
          List.of("rev-parse", "HEAD"),
          List.of("rev-parse", "--abbrev-ref", "HEAD"),
          List.of("log", "-1", "--format=%ct"),
          List.of("status", "--porcelain"),
          List.of("-c", "log.showsignature=false", "log", "-1", "--format=%H:%ct"),
          // Go before 1.23 asks this instead; it diffs HEAD against its parents
          List.of("-c", "log.showsignature=false", "show", "-s", "--format=%H:%ct"));

  private static final FileTime COPIED_AT = FileTime.from(Instant.parse("2001-09-09T01:46:40Z"));

  private ShippedCopy() {}

  /** Each command's answer in {@code workTree}, keyed by the command line. */
  static Map<String, GitCli.Result> answers(GitCli git, Path workTree) {
    Map<String, GitCli.Result> answers = new LinkedHashMap<>();
    for (List<String> command : COMMANDS) {
      List<String> args = new ArrayList<>(List.of("-c", "safe.directory=*"));
      args.addAll(command);
      answers.put(String.join(" ", command), git.run(workTree, args));
    }
    return answers;
  }

  /**
   * Copies the files of {@code host} to {@code copy}, writes {@code copy/.git} from {@code repo}
   * and returns {@code copy}.
   */
  static Path ship(GitCli hostGit, Path host, BuildRepository repo, Path copy) {
    try {
      Files.createDirectories(copy);
      String listed =
          hostGit
              .run(host, List.of("ls-files", "-z", "--cached", "--others", "--exclude-standard"))
              .out();
      for (String path : new TreeSet<>(List.of(listed.split("\0")))) {
        if (!path.isEmpty()) {
          copy(host.resolve(path), copy.resolve(path));
        }
      }
      repo.writeGitDir(copy.resolve(".git"));
      return copy;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every file under {@code dir} with its bytes, by relative path. */
  static Map<String, byte[]> files(Path dir) {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(p).toString(), Files.readAllBytes(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /** The size in bytes of every file under {@code dir}. */
  static long size(Path dir) {
    return files(dir).values().stream().mapToLong(b -> b.length).sum();
  }

  /** Asserts the container answers every command as the host does. */
  static void assertSameAnswers(Map<String, GitCli.Result> host, Map<String, GitCli.Result> copy) {
    for (String command : host.keySet()) {
      assertThat(copy.get(command)).as("git " + command).isEqualTo(host.get(command));
    }
  }

  // A deleted tracked file is listed but absent; a submodule's directory is copied without .git.
  private static void copy(Path from, Path to) throws IOException {
    if (!Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (Files.isDirectory(from, LinkOption.NOFOLLOW_LINKS)) {
      try (Stream<Path> inner = Files.walk(from)) {
        for (Path p : inner.toList()) {
          Path relative = from.relativize(p);
          boolean inDotGit = false;
          for (Path part : relative) {
            inDotGit |= part.toString().equals(".git");
          }
          if (!inDotGit && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            copy(p, to.resolve(relative.toString()));
          }
        }
      }
      return;
    }
    Files.createDirectories(to.getParent());
    Files.copy(from, to, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
    if (!Files.isSymbolicLink(to)) {
      Files.setLastModifiedTime(to, COPIED_AT);
    }
  }
}
