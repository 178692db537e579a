package dev.crossbuild.stage;

import java.util.List;

/**
 * The names of a target's stages, as its timings, its log, the progress lines, the report and the
 * labels of its images and containers spell them.
 */
public final class Stages {

  /** The base image for the target's platform: found, pulled or made. */
  public static final String BASE = "base";

  /** The deps image: toolchain, setup, manifests and the deps command. */
  public static final String DEPS = "deps";

  /** The build of the sources in a container of the deps image. */
  public static final String SOURCE = "source";

  /** The outputs copied out, audited and packed. */
  public static final String OUTPUTS = "outputs";

  /** The smoke test of the outputs. */
  public static final String SMOKE = "smoke";

  /** A build on this machine, without a container. */
  public static final String HOST = "host";

  /** The no-change check that found the last build still up to date. */
  public static final String CHECK = "check";

  /** Not a stage of a target: the label of a build cache volume. */
  public static final String CACHE = "cache";

  /** Not a stage of a target: the label of an emulation probe's container. */
  public static final String PROBE = "probe";

  /** Not a stage of a target: the label of the container {@code cross:clean} runs. */
  public static final String CLEAN = "clean";

  /** The stages a target can go through, in their order. */
  public static final List<String> IN_ORDER =
      List.of(BASE, DEPS, SOURCE, OUTPUTS, SMOKE, HOST, CHECK);

  private Stages() {}
}
