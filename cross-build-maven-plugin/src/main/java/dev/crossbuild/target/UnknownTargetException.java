package dev.crossbuild.target;

import java.util.List;

/** A triple that is well formed but not in the catalog; carries the closest known triples. */
public class UnknownTargetException extends IllegalArgumentException {

  private final String value;
  private final List<String> suggestions;

  public UnknownTargetException(String value, List<String> suggestions) {
    super(
        "Unknown target '"
            + value
            + "'"
            + (suggestions.isEmpty()
                ? ""
                : ". Did you mean " + String.join(" or ", suggestions) + "?"));
    this.value = value;
    this.suggestions = List.copyOf(suggestions);
  }

  public String value() {
    return value;
  }

  public List<String> suggestions() {
    return suggestions;
  }
}
