package dev.crossbuild.stage;

import dev.crossbuild.git.BuildRepository;
import dev.crossbuild.git.GitException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the source stage sees of the repository around the project, so that the build answers as a
 * host build does: a small copy of its git directory at {@code /src/.git} (HEAD, the tags, the
 * history's commits, HEAD's trees and an index; see {@link BuildRepository}), and variables for
 * build scripts that do not call git. The deps stage never sees any of it: its key must not change
 * with each commit. Made once per build and shared by every target.
 */
public final class SourceRepository {

  /** Where the git directory is written before it is sent, under the output directory. */
  static final String GIT_DIR = ".state/git/.git";

  private final BuildRepository repository;
  private final String projectVersion;
  private final String unreadable;
  private WrittenGitDir written;
  private Map<String, String> variables;

  private SourceRepository(BuildRepository repository, String projectVersion, String unreadable) {
    this.repository = repository;
    this.projectVersion = projectVersion;
    this.unreadable = unreadable;
  }

  /**
   * The repository around {@code projectDir}, or none when it is not in a git work tree, or when
   * {@code inGit} is false: the context was listed without git (a project under another one's
   * ignored {@code target/} is not that repository's).
   */
  public static SourceRepository of(Path projectDir, boolean inGit, String projectVersion) {
    try {
      Optional<BuildRepository> found =
          inGit ? BuildRepository.of(projectDir) : Optional.<BuildRepository>empty();
      return new SourceRepository(found.orElse(null), projectVersion, null);
    } catch (GitException e) {
      // A repository JGit cannot read (a split index, say) must not stop the build: it builds as
      // outside git, and the target's log says why.
      return new SourceRepository(null, projectVersion, e.getMessage());
    }
  }

  /** No repository: the project's version alone. */
  public static SourceRepository none(String projectVersion) {
    return new SourceRepository(null, projectVersion, null);
  }

  /**
   * What the build's view of the repository depends on (HEAD, its branch, the tags), for the
   * no-change checks: a new tag on an unchanged tree is a new build. Empty outside git.
   */
  public String key() {
    return repository == null ? "" : repository.key();
  }

  /** Whether a git directory goes to {@code /src/.git}: only when the project is the work tree. */
  public boolean shipsGitDir() {
    return repository != null && repository.atRoot();
  }

  /**
   * Variables for build scripts that do not call git: {@code CROSS_PROJECT_VERSION} always; {@code
   * CROSS_GIT_COMMIT}, {@code CROSS_GIT_DESCRIBE} and vergen's overrides ({@code VERGEN_GIT_SHA},
   * {@code VERGEN_GIT_DESCRIBE}, {@code VERGEN_GIT_DIRTY}) in a repository. Host builds get them
   * too.
   */
  public synchronized Map<String, String> variables() {
    if (variables == null) {
      Map<String, String> vars = new LinkedHashMap<>();
      if (projectVersion != null) {
        vars.put("CROSS_PROJECT_VERSION", projectVersion);
      }
      if (repository != null) {
        vars.put("CROSS_GIT_COMMIT", repository.headCommit());
        vars.put("VERGEN_GIT_SHA", repository.headCommit());
        describe()
            .ifPresent(
                d -> {
                  vars.put("CROSS_GIT_DESCRIBE", d);
                  vars.put("VERGEN_GIT_DESCRIBE", d);
                  vars.put("VERGEN_GIT_DIRTY", String.valueOf(repository.dirty()));
                });
      }
      variables = Collections.unmodifiableMap(vars);
    }
    return variables;
  }

  /**
   * What the source stage's script exports: {@link #variables}, and when the git directory is
   * shipped a {@code safe.directory} for {@code /src} (as command-line configuration, which git
   * honours for it), so that git's ownership check never refuses it whatever user the build runs
   * as.
   */
  public Map<String, String> env() {
    if (!shipsGitDir()) {
      return variables();
    }
    Map<String, String> vars = new LinkedHashMap<>(variables());
    vars.put("GIT_CONFIG_COUNT", "1");
    vars.put("GIT_CONFIG_KEY_0", "safe.directory");
    vars.put("GIT_CONFIG_VALUE_0", "/src");
    return Collections.unmodifiableMap(vars);
  }

  /**
   * Adds the git directory to the source stage's tar at {@code src/.git}, writing it under {@code
   * outputDir} the first time a target asks.
   */
  public void addTo(ContextTar tar, Path outputDir) {
    if (!shipsGitDir()) {
      return;
    }
    WrittenGitDir git = gitDir(outputDir);
    String prefix = Dockerfiles.SOURCE_DIR + "/.git/";
    tar.addDirectory(git.dir(), git.files(), prefix);
    // git takes a directory for a repository only with refs/ and objects/ in it, even when empty.
    git.emptyDirectories().forEach(d -> tar.addEmptyDirectory(prefix + d));
  }

  /** One line for the target's log: what the build sees of the repository. */
  public String describeForLog() {
    if (unreadable != null) {
      return "git: the repository could not be read, so the build sees no .git: " + unreadable;
    }
    if (repository == null) {
      return "no git repository: the build sees no .git";
    }
    String state =
        repository.headCommit().substring(0, 12)
            + describe()
                .map(d -> " (" + d + (repository.dirty() ? ", uncommitted changes" : "") + ")")
                .orElse(" (not described: the work tree could not be compared with it)");
    return shipsGitDir()
        ? "git: /src/.git holds HEAD " + state + ", the tags and the history's commits"
        : "git: HEAD "
            + state
            + " in variables only: the project is not the root of its repository, so no .git"
            + " is copied";
  }

  /**
   * What {@code git describe --tags --dirty} says, empty when the work tree could not be read: no
   * description rather than a wrong one.
   */
  private Optional<String> describe() {
    try {
      return Optional.of(repository.describe());
    } catch (GitException e) {
      return Optional.empty();
    }
  }

  /** The git directory as written once for every target: its files and its empty directories. */
  private record WrittenGitDir(Path dir, List<String> files, List<String> emptyDirectories) {}

  private synchronized WrittenGitDir gitDir(Path outputDir) {
    if (written == null) {
      Path dir = outputDir.resolve(GIT_DIR);
      try {
        NativeResources.deleteTree(dir);
        Files.createDirectories(dir);
        repository.writeGitDir(dir);
        written = listed(dir);
      } catch (IOException | GitException e) {
        throw new UncheckedIOException(
            "Cannot write the git directory for the build into " + dir,
            e instanceof IOException io ? io : new IOException(e.getMessage(), e));
      }
    }
    return written;
  }

  /** One walk: the regular files, and the directories no other path is in. */
  private static WrittenGitDir listed(Path dir) throws IOException {
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(dir)) {
      paths = walk.filter(p -> !p.equals(dir)).toList();
    }
    Set<Path> parents = new HashSet<>();
    paths.forEach(p -> parents.add(p.getParent()));
    List<String> files = new ArrayList<>();
    List<String> empty = new ArrayList<>();
    for (Path p : paths) {
      String relative = dir.relativize(p).toString().replace('\\', '/');
      if (Files.isRegularFile(p)) {
        files.add(relative);
      } else if (Files.isDirectory(p) && !parents.contains(p)) {
        empty.add(relative);
      }
    }
    Collections.sort(files);
    Collections.sort(empty);
    return new WrittenGitDir(dir, List.copyOf(files), List.copyOf(empty));
  }
}
