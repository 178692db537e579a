package dev.crossbuild.recipe;

/** A preset cannot work out a target's recipe from the project (e.g. an unreadable manifest). */
public class RecipeException extends RuntimeException {

  public RecipeException(String message, Throwable cause) {
    super(message, cause);
  }
}
