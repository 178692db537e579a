package dev.crossbuild.git;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedSet;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Everything a shipped git directory is made from, read once from the host. Its {@link #key()}
 * digests all of it, so two states with one key give the same bytes.
 *
 * @param head the commit HEAD names
 * @param headRef the branch HEAD is on ({@code refs/heads/...}), or {@code null} when detached
 * @param tags every tag of the host, in git's ref order
 * @param index the host's index entries, in index order
 * @param hostShallow the commits the host repository itself is cut at (a shallow clone)
 * @param abbrev the length the host abbreviates HEAD's id to
 * @param maxCommits the most commits to ship
 */
record ShippedState(
    ObjectId head,
    String headRef,
    List<TagRef> tags,
    List<IndexEntry> index,
    SortedSet<ObjectId> hostShallow,
    int abbrev,
    int maxCommits) {

  /** Bump when the layout written changes, so keys of older layouts do not match. */
  private static final String FORMAT = "cross-build git dir 1";

  String key() {
    MessageDigest digest = sha256();
    line(digest, FORMAT);
    line(digest, "head " + head.name());
    line(digest, "ref " + (headRef == null ? "" : headRef));
    line(digest, "abbrev " + abbrev);
    line(digest, "max-commits " + maxCommits);
    for (TagRef tag : tags) {
      line(
          digest,
          "tag "
              + tag.name()
              + " "
              + tag.target().name()
              + (tag.peeled() == null ? "" : " " + tag.peeled().name()));
    }
    for (ObjectId cut : hostShallow) {
      line(digest, "shallow " + cut.name());
    }
    for (IndexEntry e : index) {
      line(
          digest,
          "index "
              + e.stage()
              + " "
              + Integer.toOctalString(e.mode())
              + " "
              + e.id().name()
              + (e.assumeValid() ? " assume-valid" : ""));
      digest.update(e.path());
      digest.update((byte) 0);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void line(MessageDigest digest, String text) {
    digest.update(text.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) '\n');
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
