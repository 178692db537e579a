package dev.crossbuild.git;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.IndexDiff;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.submodule.SubmoduleWalk;
import org.eclipse.jgit.treewalk.FileTreeIterator;

/**
 * The git repository around a project, as a build inside a container sees it: a small
 * self-contained git directory (HEAD's history up to a cap, its tags, HEAD's trees and a fresh
 * index, but no file contents) that answers {@code git describe --tags --dirty}, {@code git
 * rev-parse HEAD}, {@code git log -1} and {@code git status --porcelain} there as the host's
 * repository answers them for the same work tree. The host state is read once, by {@link #of}.
 */
public final class BuildRepository {

  /** The most commits shipped; older history is cut as in a shallow clone. */
  static final int DEFAULT_MAX_COMMITS = 10_000;

  private final Path workTree;
  private final ShippedState state;
  private final long headCommitTime;
  private final boolean atRoot;
  private final String key;
  // Read on first use: a build that nothing changed needs only the key, and describe walks the
  // history while dirty compares the whole work tree.
  private String describe;
  private boolean dirty;

  private BuildRepository(Path workTree, ShippedState state, long headCommitTime, boolean atRoot) {
    this.workTree = workTree;
    this.state = state;
    this.headCommitTime = headCommitTime;
    this.atRoot = atRoot;
    this.key = state.key();
  }

  /**
   * Reads the repository whose work tree holds {@code projectDir}. Empty outside a git work tree,
   * in a bare repository, or in a repository without commits.
   *
   * @throws GitException when the repository cannot be read
   */
  public static Optional<BuildRepository> of(Path projectDir) {
    return of(projectDir, DEFAULT_MAX_COMMITS);
  }

  static Optional<BuildRepository> of(Path projectDir, int maxCommits) {
    if (maxCommits < 1) {
      throw new IllegalArgumentException("maxCommits must be positive: " + maxCommits);
    }
    Path dir = projectDir.toAbsolutePath().normalize();
    // JGit only where there is a repository: loading it costs a no-git build time.
    if (!Files.isDirectory(dir) || !GitPresence.insideGit(dir)) {
      return Optional.empty();
    }
    FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(dir.toFile());
    if (builder.getGitDir() == null) {
      return Optional.empty();
    }
    try (Repository repo = builder.setMustExist(true).build()) {
      if (repo.isBare()) {
        return Optional.empty();
      }
      Path root = repo.getWorkTree().toPath().toRealPath();
      Path real = dir.toRealPath();
      if (!real.startsWith(root) || real.startsWith(repo.getDirectory().toPath().toRealPath())) {
        return Optional.empty(); // inside the .git directory, not the work tree
      }
      Ref head = repo.exactRef(Constants.HEAD);
      if (head == null || head.getObjectId() == null) {
        return Optional.empty(); // no commits yet
      }
      return Optional.of(read(repo, head, root, real.equals(root), maxCommits));
    } catch (IOException | RuntimeException e) {
      if (e instanceof GitException) {
        throw (GitException) e;
      }
      throw new GitException("Cannot read the git repository of " + dir + ": " + e.getMessage(), e);
    }
  }

  private static BuildRepository read(
      Repository repo, Ref head, Path root, boolean atRoot, int maxCommits) throws IOException {
    ObjectId headId = head.getObjectId().copy();
    String headRef = head.isSymbolic() ? head.getTarget().getName() : null;
    try (RevWalk walk = new RevWalk(repo)) {
      RevCommit commit = walk.parseCommit(headId);
      long time = commit.getCommitterIdent().getWhenAsInstant().getEpochSecond();
      File common =
          repo.getCommonDirectory() != null ? repo.getCommonDirectory() : repo.getDirectory();
      int abbrev =
          Abbreviation.forObject(
              repo.getConfig().getString("core", null, "abbrev"),
              common.toPath().resolve(Constants.OBJECTS),
              walk.getObjectReader(),
              headId);
      ShippedState state =
          new ShippedState(
              headId,
              headRef,
              TagRef.readAll(repo.getRefDatabase()),
              IndexEntry.readAll(repo.readDirCache()),
              new TreeSet<>(repo.getObjectDatabase().getShallowCommits()),
              abbrev,
              maxCommits);
      return new BuildRepository(root, state, time, atRoot);
    }
  }

  /** Reads what {@code git describe --tags --dirty} needs: the history and the work tree. */
  private synchronized void readWorkTree() {
    if (describe != null) {
      return;
    }
    try (Repository repo = open();
        RevWalk walk = new RevWalk(repo)) {
      RevCommit commit = walk.parseCommit(state.head());
      walk.setRetainBody(false); // describe may walk the whole history: keep only the headers
      dirty = dirty(repo, state.head());
      String name = GitDescribe.describe(walk, commit, state.tags(), state.abbrev());
      describe = dirty ? name + "-dirty" : name;
    } catch (IOException e) {
      throw new GitException("Cannot describe HEAD of " + workTree + ": " + e.getMessage(), e);
    }
  }

  private Repository open() throws IOException {
    return new FileRepositoryBuilder().findGitDir(workTree.toFile()).setMustExist(true).build();
  }

  /**
   * What {@code git describe --dirty} calls dirty: {@code git diff-index HEAD} after a refresh
   * finds a difference. Untracked files do not count, nor do untracked files inside a submodule
   * (JGit counts those), nor a staged new file deleted from the work tree (diff-index skips it).
   */
  private static boolean dirty(Repository repo, ObjectId head) throws IOException {
    IndexDiff diff = new IndexDiff(repo, head, new FileTreeIterator(repo));
    diff.diff();
    Set<String> added = diff.getAdded();
    Set<String> missing = diff.getMissing();
    if (!diff.getChanged().isEmpty()
        || !diff.getRemoved().isEmpty()
        || !diff.getConflicting().isEmpty()
        || missing.stream().anyMatch(path -> !added.contains(path))
        || added.stream().anyMatch(path -> !missing.contains(path))) {
      return true;
    }
    DirCache index = null;
    for (String path : diff.getModified()) {
      index = index == null ? repo.readDirCache() : index;
      DirCacheEntry entry = index.getEntry(path);
      if (entry == null
          || entry.getFileMode() != FileMode.GITLINK
          || submoduleDirty(repo, path, entry.getObjectId())) {
        return true;
      }
    }
    return false;
  }

  // A submodule counts when it is at another commit or its tracked files changed.
  private static boolean submoduleDirty(Repository repo, String path, ObjectId recorded)
      throws IOException {
    try (Repository sub = SubmoduleWalk.getSubmoduleRepository(repo, path)) {
      if (sub == null) {
        return true; // JGit saw a change it cannot show us: trust it
      }
      ObjectId subHead = sub.resolve(Constants.HEAD);
      return subHead == null || !subHead.equals(recorded) || dirty(sub, subHead);
    }
  }

  /** The full SHA of HEAD. */
  public String headCommit() {
    return state.head().name();
  }

  /** HEAD's committer time in seconds since 1970, as {@code git log -1 --format=%ct} prints it. */
  public long headCommitTime() {
    return headCommitTime;
  }

  /**
   * What {@code git describe --tags --dirty --always} prints on the host: {@code v1.4.0}, {@code
   * v1.4.0-2-gabc1234}, {@code v1.4.0-dirty}, or the abbreviated SHA when no tag is reachable.
   */
  public String describe() {
    readWorkTree();
    return describe;
  }

  /**
   * Whether tracked files are modified, staged or deleted compared with HEAD, as {@code describe
   * --dirty} means it; untracked files do not count.
   */
  public boolean dirty() {
    readWorkTree();
    return dirty;
  }

  /**
   * Whether the project directory is the work tree's root: only then can the git directory be
   * shipped, since the container's {@code /src} is the project directory.
   */
  public boolean atRoot() {
    return atRoot;
  }

  /**
   * A digest (hex SHA-256) of everything the shipped git directory holds: HEAD's commit, the branch
   * HEAD is on, every tag with its target, the index entries (paths, modes, ids, stages), the
   * host's shallow commits and abbreviation length. Computed without packing; the same key means
   * the same bytes from {@link #writeGitDir}.
   */
  public String key() {
    return key;
  }

  /**
   * Writes the git directory into {@code dir}, to be shipped as {@code /src/.git}. {@code dir} must
   * be missing or empty. Deterministic: the same repository state gives the same bytes.
   *
   * @throws IllegalStateException when the project is not at the work tree's root
   */
  public void writeGitDir(Path dir) throws IOException {
    if (!atRoot) {
      throw new IllegalStateException(
          "The project is in a subdirectory of "
              + workTree
              + "; its git directory cannot be shipped");
    }
    try (Repository repo = open()) {
      GitDirWriter.write(repo, state, dir);
    }
  }
}
