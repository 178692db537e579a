package dev.crossbuild.stage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The labels every image and container made by cross-build carries, so they can be found and
 * removed.
 */
public final class Labels {

  public static final String MANAGED = "dev.crossbuild.managed";
  public static final String PROJECT = "dev.crossbuild.project";
  public static final String TARGET = "dev.crossbuild.target";
  public static final String STAGE = "dev.crossbuild.stage";
  public static final String DEPS_KEY = "dev.crossbuild.deps-key";

  /**
   * On containers only: the Maven run (JVM) that made them, so that it removes its own leftovers,
   * never those of another build of the same project running at the same time.
   */
  public static final String RUN = "dev.crossbuild.run";

  /** This JVM's run ID. */
  public static final String RUN_ID = UUID.randomUUID().toString();

  private Labels() {}

  /** Labels for an image or container of one stage of one target. */
  public static Map<String, String> of(String project, String triple, String stage) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(MANAGED, "true");
    labels.put(PROJECT, project);
    labels.put(TARGET, triple);
    labels.put(STAGE, stage);
    return labels;
  }

  /**
   * Labels for a container that asks a builder whether it runs a foreign platform: no target, this
   * run's ID.
   */
  public static Map<String, String> probe(String project) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(MANAGED, "true");
    labels.put(PROJECT, project);
    labels.put(STAGE, Stages.PROBE);
    labels.put(RUN, RUN_ID);
    return labels;
  }

  /** Labels for a container of one stage of one target: {@link #of} and this run's ID. */
  public static Map<String, String> container(String project, String triple, String stage) {
    Map<String, String> labels = of(project, triple, stage);
    labels.put(RUN, RUN_ID);
    return labels;
  }
}
