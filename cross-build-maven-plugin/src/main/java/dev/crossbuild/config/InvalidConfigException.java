package dev.crossbuild.config;

import java.util.List;
import java.util.stream.Collectors;

/** Every configuration problem found, reported together. */
public class InvalidConfigException extends IllegalArgumentException {

  private final List<ConfigProblem> problems;

  public InvalidConfigException(List<ConfigProblem> problems) {
    super(
        problems.size()
            + " configuration problem(s): "
            + problems.stream().map(String::valueOf).collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  public List<ConfigProblem> problems() {
    return problems;
  }
}
