package dev.crossbuild.audit;

import java.io.IOException;

/**
 * A file whose magic number says it is a binary but whose headers are truncated or point outside
 * the file, so the audit cannot tell what it needs.
 */
public class BinaryFormatException extends IOException {

  private final String file;

  /**
   * @param file the path of the binary as the audit reports it
   * @param problem what is wrong with its headers, without a trailing full stop
   */
  public BinaryFormatException(String file, String problem) {
    super(
        "Corrupt binary "
            + file
            + ": "
            + problem
            + ". Its magic number says it is a binary but its headers are truncated or corrupt;"
            + " rebuild it, or remove it from the audited directory if it is not meant to be shipped.");
    this.file = file;
  }

  /** The path of the offending binary, as given to {@link BinaryAudit#read}. */
  public String file() {
    return file;
  }
}
