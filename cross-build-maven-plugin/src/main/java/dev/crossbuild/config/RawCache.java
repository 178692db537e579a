package dev.crossbuild.config;

/**
 * {@code <cache>} as given in the POM, with the {@code -Dcross.cache.*} properties applied over it.
 *
 * @param repository {@code <repository>}, e.g. {@code registry.corp:5000/team/cache}
 * @param push {@code <push>}, null for the default (false)
 * @param pull {@code <pull>}, null for the default (true)
 * @param username {@code <username>}
 * @param passwordEnvironmentVariable {@code <passwordEnvironmentVariable>}: the variable holding
 *     the password
 * @param usernameSecret {@code <usernameSecret>}: the GitHub secret the generated workflow logs in
 *     with
 * @param passwordSecret {@code <passwordSecret>}: the GitHub secret holding the workflow's password
 */
public record RawCache(
    String repository,
    Boolean push,
    Boolean pull,
    String username,
    String passwordEnvironmentVariable,
    String usernameSecret,
    String passwordSecret) {}
