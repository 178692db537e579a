package dev.crossbuild.config;

/**
 * Which setting of the plugin's configuration a {@link ConfigProblem} is about. The maven room
 * knows which POM element and {@code -D} property each one is; this package only says which.
 */
public enum ConfigKey {
  /** The build goals' target list. */
  TARGETS,
  /** The workflow goal's own target list. */
  WORKFLOW_TARGETS,
  /** The build goals' target list as the workflow goal reads it when it has none of its own. */
  WORKFLOW_BUILD_TARGETS,
  /** The strategy a target forces. */
  TARGET_STRATEGY,
  /** The builder a target names. */
  TARGET_BUILDER,
  /** A target's own directory in the jar. */
  TARGET_NATIVE_RESOURCE_DIR,
  /** Whether a container engine is used. */
  ENGINE,
  RECIPE,
  IMAGE,
  ENV,
  /** Debian packages of the deps stage, for the target's architecture. */
  SETUP,
  /** Debian packages of the deps stage, for the builder's own architecture. */
  BUILD_TOOLS,
  BUILD_COMMAND,
  CA_CERTIFICATES,
  /** How many targets the local engine builds at once. */
  PARALLEL,
  BUILDER_ID,
  BUILDER_HOST,
  BUILDER_MAX_PARALLEL,
  CACHE_REPOSITORY,
  CACHE_USERNAME,
  CACHE_PASSWORD_VARIABLE,
  CACHE_USERNAME_SECRET,
  CACHE_PASSWORD_SECRET,
  /** The build cache mode. */
  BUILD_CACHE,
  BUILD_CACHE_DIRECTORY,
  BUILD_CACHE_MAX_SIZE,
  GLIBC_MAX,
  NEEDED_LIBRARIES,
  /** The glibc every glibc Linux target's outputs must run on. */
  GLIBC,
  /** The glibc one target's outputs must run on. */
  TARGET_GLIBC,
  SMOKE_PACKAGES,
  SMOKE_FILES,
  /** The environment variable that fixes the archives' time. */
  SOURCE_DATE_EPOCH
}
