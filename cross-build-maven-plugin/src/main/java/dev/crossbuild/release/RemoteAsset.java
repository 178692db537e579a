package dev.crossbuild.release;

import java.util.Optional;

/**
 * An asset attached to a GitHub release.
 *
 * @param id the asset id
 * @param name the file name
 * @param size its size in bytes
 * @param digest {@code sha256:<hex>} on newer API versions, otherwise {@code null}
 * @param state {@code uploaded}, or {@code starter} for an upload that never finished
 */
public record RemoteAsset(long id, String name, long size, String digest, String state) {

  /** The SHA-256 GitHub reports, in lower-case hex, if it reports one. */
  public Optional<String> sha256() {
    return digest != null && digest.startsWith("sha256:")
        ? Optional.of(digest.substring("sha256:".length()).toLowerCase(java.util.Locale.ROOT))
        : Optional.empty();
  }

  /** Whether the upload finished; GitHub keeps unfinished uploads as {@code starter} assets. */
  public boolean complete() {
    return state == null || "uploaded".equals(state);
  }
}
