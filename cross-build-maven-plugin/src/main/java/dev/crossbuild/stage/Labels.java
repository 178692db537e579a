package dev.crossbuild.stage;

import java.util.LinkedHashMap;
import java.util.Map;

/** The labels every image and container made by cross-build carries, so they can be found and removed. */
public final class Labels {

  public static final String MANAGED = "dev.crossbuild.managed";
  public static final String PROJECT = "dev.crossbuild.project";
  public static final String TARGET = "dev.crossbuild.target";
  public static final String STAGE = "dev.crossbuild.stage";
  public static final String DEPS_KEY = "dev.crossbuild.deps-key";

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
}
