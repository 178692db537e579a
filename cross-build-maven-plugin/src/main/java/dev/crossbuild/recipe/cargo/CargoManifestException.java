package dev.crossbuild.recipe.cargo;

/**
 * A Cargo manifest or lock file of the project cannot be used to make the dependency skeleton. The
 * message names the file (relative to the project) and what is wrong with it.
 */
public class CargoManifestException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public CargoManifestException(String message) {
    super(message);
  }

  public CargoManifestException(String message, Throwable cause) {
    super(message, cause);
  }
}
