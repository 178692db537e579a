package dev.crossbuild.maven;

import dev.crossbuild.release.InvalidReleaseSettingException;
import dev.crossbuild.release.ReleaseSettings;
import dev.crossbuild.release.SettingSource;
import org.apache.maven.plugin.MojoFailureException;

/** What {@code cross:release} says when a setting cannot work, in POM terms. */
final class ReleaseErrors {

  private static final String API_URL_PARAMETER = "<apiUrl> / -Dcross.release.apiUrl";
  private static final String REPOSITORY_PARAMETER = "<repository> / -Dcross.release.repository";

  private ReleaseErrors() {
  }

  static MojoFailureException invalidApiUrl(InvalidReleaseSettingException e) {
    return new MojoFailureException(e.getMessage() + ". Use https://api.github.com, or https://HOST/api/v3 for"
        + " GitHub Enterprise Server, " + where(e.source(), API_URL_PARAMETER, ReleaseSettings.API_URL_VARIABLE), e);
  }

  static MojoFailureException invalidRepository(InvalidReleaseSettingException e) {
    return new MojoFailureException(e.getMessage() + ". Use owner/name, e.g. acme/widget, "
        + where(e.source(), REPOSITORY_PARAMETER, ReleaseSettings.REPOSITORY_VARIABLE), e);
  }

  private static String where(SettingSource source, String parameter, String variable) {
    return source.kind() == SettingSource.Kind.ENVIRONMENT
        ? "in " + variable + " or in " + parameter + ", which win over it."
        : "in " + parameter + ".";
  }
}
