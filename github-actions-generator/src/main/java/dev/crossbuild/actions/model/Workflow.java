package dev.crossbuild.actions.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A whole GitHub Actions workflow file.
 *
 * @param name the workflow name shown in the Actions tab
 * @param on the events that start it
 * @param permissions the default token permissions of every job
 * @param concurrency how runs of the same ref are grouped
 * @param jobs the jobs by id, in the order they are written
 */
public record Workflow(
    String name,
    Triggers on,
    Permissions permissions,
    Concurrency concurrency,
    Map<String, Job> jobs) {
  public Workflow {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(on, "on");
    permissions = permissions == null ? Permissions.readContents() : permissions;
    jobs = Collections.unmodifiableMap(new LinkedHashMap<>(jobs));
  }
}
