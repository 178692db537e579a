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
 *
 * <p>For {@code make}, {@code cmake}, {@code custom} and {@code cargo}, the cache also keeps the
 * <em>build tree</em>: {@code /src} as the last build left it, objects and all, under the key of
 * its configuration ({@code CROSS_TREE_KEY}: the deps key, this script, which holds the build
 * command, the epoch and the version, and the repository's state, tags and index included, which a
 * build may ask git about). The sources arrive at {@link #INCOMING} with a manifest of their
 * content ({@link SourceDigest#manifest}); a source whose content the tree already has keeps the
 * tree's file and time, a changed one gets a new time, a removed one goes. The build tool then
 * compiles only what changed, as on a developer's machine, and ccache stays underneath. make knows
 * only what its Makefile says, so for {@code make} and {@code custom} the tree is used only when
 * every change is a changed or new compilation unit: a changed header, Makefile or any other file,
 * or a removed file, rebuilds from the sources (every unit then a ccache hit or a compile), as a
 * clean build would. cmake tracks headers itself; a change to its build description ({@code
 * CMakeLists.txt}, {@code *.cmake}, {@code *.in}) starts from the sources, so that no output of the
 * old description (a library named after the old version) stays beside the new ones. cargo's
 * fingerprints cover every input.
 */
final class BuildCacheScript {

  /** Where the cache is mounted in the source stage's container. */
  static final String DIR = "/cache";

  /** Where the source tar puts the project when the build tree is used (then synced to /src). */
  static final String INCOMING = "cross-src";

  /** Where the source tar puts the manifest of the project's files for the build tree. */
  static final String MANIFEST = "cross-src.sha256";

  private static final java.util.Set<String> TREE_RECIPES =
      java.util.Set.of("make", "cmake", "custom", "cargo");

  /**
   * The files of a cmake project's build description: a change there starts from the sources, so
   * that outputs named after it (a library's version in its file name) are not left beside the new
   * ones.
   */
  private static final String CMAKE_DESCRIPTION = "(^|/)CMakeLists\\.txt$|\\.cmake$|\\.in$";

  /** The compilation units make compiles from their own file (extensions, for grep -E). */
  private static final String UNITS =
      "\\.(c|cc|cp|cpp|cxx|c\\+\\+|C|m|mm|s|S|sx|asm|f|for|f90|f95|F|F90)$";

  private static final java.util.Set<String> GCC_RECIPES =
      java.util.Set.of("make", "cmake", "custom");

  private BuildCacheScript() {}

  /** Whether the recipe's builds keep a build tree in the cache (given a manifest). */
  static boolean keepsTree(String recipeId, BuildCacheConfig cache) {
    return cache.on() && TREE_RECIPES.contains(recipeId);
  }

  /** Lines run in {@code /src} before the build command; empty without a cache. */
  static String prelude(String recipeId, BuildCacheConfig cache) {
    return prelude(recipeId, cache, false);
  }

  /**
   * Lines run in {@code /src} before the build command; empty without a cache.
   *
   * @param tree whether the sources are at {@link #INCOMING} to be synced with the build tree
   *     ({@link #keepsTree} and a manifest)
   */
  static String prelude(String recipeId, BuildCacheConfig cache, boolean tree) {
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
    if (tree) {
      s.append(treeLines(recipeId));
    }
    s.append(recipeLines(recipeId, cache));
    return s.toString();
  }

  /**
   * The build tree's restore: the tree into /src when its key is this build's and the changes allow
   * it, then the changed sources with a new time; else the sources alone.
   */
  private static String treeLines(String recipeId) {
    String unitsOnly =
        switch (recipeId) {
          case "cargo" -> ""; // cargo's fingerprints cover every input
          case "cmake" ->
              """
              if [ -z "$cross_why" ] && grep -qE '%1$s' /tmp/cross-changed; then
                cross_why="$(grep -E '%1$s' /tmp/cross-changed | head -n 1) changed: the build description"
              fi
              """
                  .formatted(CMAKE_DESCRIPTION);
          default ->
              """
              if [ -z "$cross_why" ] && [ -s /tmp/cross-gone ]; then
                cross_why="$(head -n 1 /tmp/cross-gone) was removed, and make cannot know what was built from it"
              elif [ -z "$cross_why" ] && grep -qvE '%1$s' /tmp/cross-changed; then
                cross_why="$(grep -vE '%1$s' /tmp/cross-changed | head -n 1) changed, and make knows only what its Makefile says a unit depends on"
              fi
              """
                  .formatted(UNITS);
        };
    return """
        cross_tree="$CROSS_CACHE/tree"
        LC_ALL=C sort /%2$s > /tmp/cross-new.sums
        cross_why=
        if [ ! -d "$cross_tree" ] || [ ! -f "$CROSS_CACHE/tree.sums" ] || [ ! -f "$CROSS_CACHE/tree.key" ]; then
          cross_why="there is none yet"
        elif [ "$(cat "$CROSS_CACHE/tree.key")" != "$CROSS_TREE_KEY" ]; then
          cross_why="the last one was built with another configuration (deps, <env>, build command, commit or version)"
        else
          LC_ALL=C sort "$CROSS_CACHE/tree.sums" > /tmp/cross-old.sums
          LC_ALL=C comm -13 /tmp/cross-old.sums /tmp/cross-new.sums | cut -c %3$d- > /tmp/cross-changed
          cut -c %3$d- /tmp/cross-old.sums | LC_ALL=C sort > /tmp/cross-old.paths
          cut -c %3$d- /tmp/cross-new.sums | LC_ALL=C sort > /tmp/cross-new.paths
          LC_ALL=C comm -23 /tmp/cross-old.paths /tmp/cross-new.paths > /tmp/cross-gone
        fi
        %1$sif [ -z "$cross_why" ]; then
          cp -a "$cross_tree/." /src/
          while IFS= read -r cross_f; do rm -rf "/src/$cross_f"; done < /tmp/cross-gone
          if [ -s /tmp/cross-changed ]; then
            (cd /%4$s && tar -cf - --no-recursion --verbatim-files-from -T /tmp/cross-changed) | (cd /src && tar -xmf -)
          fi
          echo "cross-build: build tree from the build cache: $(wc -l < /tmp/cross-changed) source file(s) changed, $(wc -l < /tmp/cross-gone) removed"
        else
          echo "cross-build: the build starts from the sources, not from a build tree in the build cache: $cross_why"
          cp -a /%4$s/. /src/
        fi
        rm -rf /%4$s
        cd /src
        """
        .formatted(unitsOnly, MANIFEST, SourceDigest.MANIFEST_PATH_COLUMN, INCOMING);
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
    return epilogue(recipeId, cache, false);
  }

  /**
   * Lines run after the outputs are in {@code /out}: statistics, the size cap, and with {@code
   * tree} the build tree saved (the key written last: an interrupted save leaves no tree to use).
   */
  static String epilogue(String recipeId, BuildCacheConfig cache, boolean tree) {
    if (!cache.on()) {
      return "";
    }
    return recipeEpilogue(recipeId, cache) + (tree ? saveTree(recipeId, cache) : "");
  }

  private static String saveTree(String recipeId, BuildCacheConfig cache) {
    // cargo's target directory is in the cache already (a link the prelude makes each build)
    String exclude = recipeId.equals("cargo") ? " --exclude=./target" : "";
    return """
        rm -f "$CROSS_CACHE/tree.key"
        rm -rf "$cross_tree.new" && mkdir -p "$cross_tree.new"
        (cd /src && tar -cf - --exclude=./.git%s .) | (cd "$cross_tree.new" && tar -xpf -)
        rm -rf "$cross_tree" && mv "$cross_tree.new" "$cross_tree"
        cp /tmp/cross-new.sums "$CROSS_CACHE/tree.sums"
        cross_size=$(du -sk "$cross_tree" | cut -f1)
        if [ "$cross_size" -gt %d ]; then
          echo "cross-build: the build tree is ${cross_size}K, over <buildCacheMaxSize> (%dK): not kept, the next build starts from the sources"
          rm -rf "$cross_tree" "$CROSS_CACHE/tree.sums"
        else
          printf '%%s\\n' "$CROSS_TREE_KEY" > "$CROSS_CACHE/tree.key"
        fi
        """
        .formatted(exclude, kibibytes(cache.maxBytes()), kibibytes(cache.maxBytes()));
  }

  private static String recipeEpilogue(String recipeId, BuildCacheConfig cache) {
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
