package dev.crossbuild.actions.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A job's {@code strategy:} with a matrix made only of {@code include} entries.
 *
 * @param include one entry per leg; values are strings or booleans, keys in the order written
 * @param failFast whether one failing leg cancels the others
 */
public record Matrix(List<Map<String, Object>> include, boolean failFast) {
  public Matrix {
    include =
        include.stream()
            .map(entry -> Collections.unmodifiableMap(new LinkedHashMap<>(entry)))
            .toList();
  }
}
