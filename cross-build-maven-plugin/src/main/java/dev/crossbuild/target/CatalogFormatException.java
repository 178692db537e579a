package dev.crossbuild.target;

/** A target catalog file that is not shaped as expected; carries the line number and its text. */
public class CatalogFormatException extends IllegalArgumentException {

  private final int lineNumber;
  private final String line;

  public CatalogFormatException(int lineNumber, String line, String problem) {
    super("Target catalog line " + lineNumber + ": " + problem + ": '" + line + "'");
    this.lineNumber = lineNumber;
    this.line = line;
  }

  /** 1-based line number in the catalog file, 0 when the whole file is at fault. */
  public int lineNumber() {
    return lineNumber;
  }

  public String line() {
    return line;
  }
}
