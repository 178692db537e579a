package dev.crossbuild.actions.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Token permissions, scope to {@code read}/{@code write}, in the order they are written.
 *
 * @param scopes the scopes, e.g. {@code contents -> read}
 */
public record Permissions(Map<String, String> scopes) {
  public Permissions {
    scopes = Collections.unmodifiableMap(new LinkedHashMap<>(scopes));
  }

  /** The least a build needs: read the repository. */
  public static Permissions readContents() {
    return new Permissions(Map.of("contents", "read"));
  }

  /** Whether any scope is {@code write}. */
  public boolean writes() {
    return scopes.containsValue("write");
  }
}
