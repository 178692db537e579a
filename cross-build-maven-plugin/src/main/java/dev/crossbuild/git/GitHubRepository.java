package dev.crossbuild.git;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A GitHub repository, {@code owner/name}.
 *
 * @param owner the user or organisation
 * @param name the repository name, without {@code .git}
 */
public record GitHubRepository(String owner, String name) {

  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]+");

  public GitHubRepository {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(name, "name");
    if (!SEGMENT.matcher(owner).matches() || !SEGMENT.matcher(name).matches()) {
      throw new InvalidRepositoryNameException(owner + "/" + name);
    }
  }

  /** Parses a configured {@code owner/name}. */
  public static GitHubRepository parse(String ownerSlashName) {
    Optional<GitHubRepository> parsed =
        fromPath(ownerSlashName == null ? "" : ownerSlashName.trim());
    return parsed.orElseThrow(() -> new InvalidRepositoryNameException(ownerSlashName));
  }

  /**
   * Reads {@code owner/name} from a remote URL: {@code https://host/owner/name(.git)}, {@code
   * git@host:owner/name(.git)}, {@code ssh://git@host[:port]/owner/name(.git)} or {@code
   * git://host/owner/name(.git)}. Any host is accepted, so GitHub Enterprise remotes work.
   */
  public static Optional<GitHubRepository> fromRemoteUrl(String url) {
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    String trimmed = url.trim();
    if (trimmed.contains("://")) {
      try {
        URI uri = new URI(trimmed);
        return uri.getHost() == null ? Optional.empty() : fromPath(uri.getPath());
      } catch (URISyntaxException e) {
        return Optional.empty();
      }
    }
    // scp-like syntax: [user@]host:owner/name
    int colon = trimmed.indexOf(':');
    if (colon <= 0 || trimmed.startsWith("/")) {
      return Optional.empty();
    }
    return fromPath(trimmed.substring(colon + 1));
  }

  /** The URL without any user name or password, fit for messages and logs. */
  public static String withoutCredentials(String url) {
    if (url == null) {
      return null;
    }
    return url.replaceFirst("^([A-Za-z][A-Za-z0-9+.-]*://)[^/@]*@", "$1");
  }

  private static Optional<GitHubRepository> fromPath(String path) {
    String p = path == null ? "" : path;
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    if (p.endsWith(".git")) {
      p = p.substring(0, p.length() - 4);
    }
    String[] parts = p.split("/", -1);
    if (parts.length != 2
        || !SEGMENT.matcher(parts[0]).matches()
        || !SEGMENT.matcher(parts[1]).matches()) {
      return Optional.empty();
    }
    return Optional.of(new GitHubRepository(parts[0], parts[1]));
  }

  @Override
  public String toString() {
    return owner + "/" + name;
  }
}
