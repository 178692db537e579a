package dev.crossbuild.release;

/** A release setting, configured or taken from the environment, has a value that cannot work. */
public class InvalidReleaseSettingException extends RuntimeException {

  private final String value;
  private final SettingSource source;

  /**
   * @param what the setting in words, e.g. {@code The GitHub API URL}
   * @param expected what it must be, e.g. {@code an http(s) URL}
   * @param value the value as shown in the message, with any credentials removed
   */
  public InvalidReleaseSettingException(
      String what, String expected, String value, SettingSource source) {
    super(what + " " + source + " is not " + expected + ": '" + value + "'");
    this.value = value;
    this.source = source;
  }

  public String value() {
    return value;
  }

  public SettingSource source() {
    return source;
  }
}
