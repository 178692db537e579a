package dev.crossbuild.target;

/** Text that is not shaped like a target triple ({@code arch-vendor-os[-env]}). */
public class InvalidTripleException extends IllegalArgumentException {

  private final String value;

  public InvalidTripleException(String value) {
    super("Not a target triple (arch-vendor-os[-env]): '" + value + "'");
    this.value = value;
  }

  public String value() {
    return value;
  }
}
