package dev.crossbuild.recipe;

import java.util.List;

/** A {@code <recipe>} that names no known preset. */
public class UnknownPresetException extends IllegalArgumentException {

  private final String value;
  private final List<String> known;

  public UnknownPresetException(String value, List<String> known) {
    super("Unknown recipe '" + value + "'. Known recipes: " + String.join(", ", known));
    this.value = value;
    this.known = List.copyOf(known);
  }

  public String value() {
    return value;
  }

  public List<String> known() {
    return known;
  }
}
