package dev.crossbuild.git;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * What a release needs to know about the git repository around a project: the tag at HEAD, the
 * commit it points at, and the GitHub repository of a remote. Read-only.
 */
public final class GitInfo implements AutoCloseable {

  /** The remote whose URL names the GitHub repository unless one is configured. */
  public static final String DEFAULT_REMOTE = "origin";

  private final Repository repository;

  private GitInfo(Repository repository) {
    this.repository = repository;
  }

  /** Opens the repository containing {@code directory} (the directory itself or a parent). */
  public static GitInfo open(Path directory) {
    Path absolute = directory.toAbsolutePath().normalize();
    FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(absolute.toFile());
    if (builder.getGitDir() == null) {
      throw new NotAGitRepositoryException(absolute);
    }
    try {
      return new GitInfo(builder.setMustExist(true).build());
    } catch (IOException e) {
      throw new GitException(
          "Cannot open the git repository at " + builder.getGitDir() + ": " + e.getMessage(), e);
    }
  }

  /** The working tree's root directory. */
  public Path root() {
    return repository.getWorkTree().toPath();
  }

  /** The full SHA of HEAD, empty in a repository without commits. */
  public Optional<String> headCommit() {
    try {
      ObjectId head = repository.resolve(Constants.HEAD);
      return Optional.ofNullable(head).map(ObjectId::name);
    } catch (IOException e) {
      throw new GitException("Cannot resolve HEAD in " + root() + ": " + e.getMessage(), e);
    }
  }

  /**
   * The committer time of HEAD in seconds since 1970, empty in a repository without commits: the
   * date a reproducible build stamps on its outputs.
   */
  public Optional<Long> headCommitTime() {
    try (org.eclipse.jgit.revwalk.RevWalk walk = new org.eclipse.jgit.revwalk.RevWalk(repository)) {
      ObjectId head = repository.resolve(Constants.HEAD);
      return head == null
          ? Optional.empty()
          : Optional.of((long) walk.parseCommit(head).getCommitTime());
    } catch (IOException e) {
      throw new GitException("Cannot read the HEAD commit in " + root() + ": " + e.getMessage(), e);
    }
  }

  /**
   * The commit time of HEAD of the repository around {@code directory}, empty outside git or
   * without commits; never fails.
   */
  public static Optional<Long> commitTimeAround(Path directory) {
    if (!GitPresence.insideGit(directory)) {
      return Optional.empty(); // no repository: JGit is not even loaded
    }
    try (GitInfo git = open(directory)) {
      return git.headCommitTime();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Names of the tags (annotated or lightweight) that point at HEAD, highest semantic version
   * first.
   */
  public List<String> tagsAtHead() {
    Optional<String> head = headCommit();
    if (head.isEmpty()) {
      return List.of();
    }
    List<String> tags = new ArrayList<>();
    try {
      for (Ref ref : repository.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
        if (head.get().equals(peeledCommit(ref))) {
          tags.add(ref.getName().substring(Constants.R_TAGS.length()));
        }
      }
    } catch (IOException e) {
      throw new GitException("Cannot read the tags of " + root() + ": " + e.getMessage(), e);
    }
    tags.sort(SemanticVersion.TAG_PREFERENCE);
    return List.copyOf(tags);
  }

  /**
   * The tag to release: {@code override} when given (with the commit it points at if it exists
   * locally), otherwise the tag at HEAD; of several, the highest semantic version.
   *
   * @throws NoTagAtHeadException when no override is given and HEAD has no tag
   */
  public ReleaseTag releaseTag(String override) {
    if (override != null && !override.isBlank()) {
      String name = override.trim();
      return new ReleaseTag(name, commitOfTag(name).orElse(null));
    }
    List<String> tags = tagsAtHead();
    if (tags.isEmpty()) {
      throw new NoTagAtHeadException(headCommit().orElse(null));
    }
    return new ReleaseTag(tags.get(0), headCommit().orElseThrow());
  }

  /** The commit a local tag points at, annotated tags peeled. */
  public Optional<String> commitOfTag(String tag) {
    try {
      Ref ref = repository.getRefDatabase().exactRef(Constants.R_TAGS + tag);
      return ref == null ? Optional.empty() : Optional.ofNullable(peeledCommit(ref));
    } catch (IOException e) {
      throw new GitException("Cannot read tag " + tag + " in " + root() + ": " + e.getMessage(), e);
    }
  }

  /** The URL of a remote, empty when it is not configured. */
  public Optional<String> remoteUrl(String remote) {
    return Optional.ofNullable(repository.getConfig().getString("remote", remote, "url"));
  }

  /**
   * The GitHub repository: {@code configured} ({@code owner/name}) when given, otherwise read from
   * the URL of the {@code origin} remote.
   */
  public GitHubRepository gitHubRepository(String configured) {
    if (configured != null && !configured.isBlank()) {
      return GitHubRepository.parse(configured);
    }
    String url =
        remoteUrl(DEFAULT_REMOTE)
            .orElseThrow(() -> new NotAGitHubRemoteException(DEFAULT_REMOTE, null));
    return GitHubRepository.fromRemoteUrl(url)
        .orElseThrow(
            () ->
                new NotAGitHubRemoteException(
                    DEFAULT_REMOTE, GitHubRepository.withoutCredentials(url)));
  }

  private String peeledCommit(Ref ref) throws IOException {
    Ref peeled = repository.getRefDatabase().peel(ref);
    ObjectId id =
        peeled.getPeeledObjectId() != null ? peeled.getPeeledObjectId() : peeled.getObjectId();
    return id == null ? null : id.name();
  }

  @Override
  public void close() {
    repository.close();
  }
}
