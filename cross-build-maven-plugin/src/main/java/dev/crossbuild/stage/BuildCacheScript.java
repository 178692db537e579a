package dev.crossbuild.stage;

import dev.crossbuild.config.BuildCacheConfig;

/**
 * The build script's lines for the build cache mounted at {@link #DIR}, by recipe. The caches are
 * content-addressed wherever the tool allows it, so that a stale cache can never give a wrong
 * binary:
 *
 * <ul>
 *   <li>gcc recipes ({@code make}, {@code cmake}, {@code custom}): ccache, through Debian's
 *       masquerade directory for native and cross compilers alike (and CMake's compiler launcher);
 *   <li>{@code go}: {@code GOCACHE}, seeded from the deps image's standard library build;
 *   <li>{@code cargo}: the target directory, seeded from the deps image's build when its deps key
 *       changes, the workspace's own crates then rebuilt once; later builds compare the sources'
 *       real modification times (the source tar carries them), as cargo does on a developer's
 *       machine.
 * </ul>
 *
 * The whole build holds a lock on the cache, so two builds of one target at once take turns instead
 * of disturbing each other.
 */
final class BuildCacheScript {

  /** Where the cache is mounted in the source stage's container. */
  static final String DIR = "/cache";

  private static final java.util.Set<String> GCC_RECIPES =
      java.util.Set.of("make", "cmake", "custom");

  private BuildCacheScript() {}

  /** Lines run in {@code /src} before the build command; empty without a cache. */
  static String prelude(String recipeId, BuildCacheConfig cache) {
    if (!cache.on()) {
      return "";
    }
    StringBuilder s = new StringBuilder();
    s.append("export CROSS_CACHE=").append(DIR).append('\n');
    s.append(
        """
        if command -v flock >/dev/null 2>&1; then
          exec 9>"$CROSS_CACHE/.lock"
          flock -n 9 || { echo "cross-build: waiting for the build cache (another build of this target holds it)"; flock 9; }
        else
          echo "cross-build: no flock in the image: two builds of this target at once could disturb the cache of each other"
        fi
        """);
    s.append(recipeLines(recipeId, cache));
    return s.toString();
  }

  private static String recipeLines(String recipeId, BuildCacheConfig cache) {
    if (GCC_RECIPES.contains(recipeId)) {
      return """
          if command -v ccache >/dev/null 2>&1; then
            export CCACHE_DIR="$CROSS_CACHE/ccache" CCACHE_MAXSIZE=%s CROSS_CCACHE=1
            [ -d /usr/lib/ccache ] && export PATH="/usr/lib/ccache:$PATH"
            ccache -z >/dev/null
            echo "cross-build: ccache in the build cache (max size %s)"
          fi
          """
          .formatted(kibibytes(cache.maxBytes()) + "K", kibibytes(cache.maxBytes()) + "K");
    }
    if (recipeId.equals("go")) {
      return """
          cross_image_gocache=$(go env GOCACHE 2>/dev/null || true)
          export GOCACHE="$CROSS_CACHE/go-build"
          mkdir -p "$GOCACHE"
          if [ "$(cat "$CROSS_CACHE/deps-key" 2>/dev/null)" != "$CROSS_DEPS_KEY" ]; then
            if [ -n "$cross_image_gocache" ] && [ -d "$cross_image_gocache" ]; then cp -a "$cross_image_gocache/." "$GOCACHE/"; fi
            printf '%s\\n' "$CROSS_DEPS_KEY" > "$CROSS_CACHE/deps-key"
            echo "cross-build: GOCACHE seeded from the deps image"
          fi
          """;
    }
    if (recipeId.equals("cargo")) {
      return """
          if [ "$(cat "$CROSS_CACHE/deps-key" 2>/dev/null)" != "$CROSS_DEPS_KEY" ]; then
            rm -rf "$CROSS_CACHE/cargo-target"
            mkdir -p "$CROSS_CACHE/cargo-target"
            if [ -d target ]; then cp -a target/. "$CROSS_CACHE/cargo-target/"; fi
            printf '%s\\n' "$CROSS_DEPS_KEY" > "$CROSS_CACHE/deps-key"
            export CROSS_CARGO_SEEDED=1
            echo "cross-build: the cargo target directory seeded from the deps image (its deps key changed)"
          fi
          mkdir -p "$CROSS_CACHE/cargo-target"
          rm -rf target && ln -s "$CROSS_CACHE/cargo-target" target
          """;
    }
    return "";
  }

  /** Lines run after the outputs are in {@code /out}: statistics, and the size cap. */
  static String epilogue(String recipeId, BuildCacheConfig cache) {
    if (!cache.on()) {
      return "";
    }
    if (GCC_RECIPES.contains(recipeId)) {
      return """
          if [ -n "${CROSS_CCACHE:-}" ]; then echo "cross-build: ccache statistics of this build:"; ccache -s; fi
          """;
    }
    if (recipeId.equals("cargo")) {
      return """
          cross_size=$(du -sk "$CROSS_CACHE/cargo-target" | cut -f1)
          if [ "$cross_size" -gt %d ]; then
            echo "cross-build: the cargo target directory is ${cross_size}K, over <buildCacheMaxSize> (%dK): dropped, the next build starts cold"
            rm -rf "$CROSS_CACHE/cargo-target" "$CROSS_CACHE/deps-key"
          fi
          """
          .formatted(kibibytes(cache.maxBytes()), kibibytes(cache.maxBytes()));
    }
    return "";
  }

  private static long kibibytes(long bytes) {
    return Math.max(1, bytes >> 10);
  }
}
