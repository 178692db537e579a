package dev.crossbuild.config;

/**
 * One thing wrong with the configuration, in POM terms.
 *
 * @param element the POM element, e.g. {@code <targets>}
 * @param property the {@code -D} user property that sets it, or null when there is none
 * @param value the offending value as given
 * @param message what is wrong and what to do
 */
public record ConfigProblem(String element, String property, String value, String message) {}
