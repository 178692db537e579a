package dev.crossbuild.release;

/**
 * A GitHub release, as far as this client needs it.
 *
 * @param id the release id
 * @param tagName its tag
 * @param draft whether it is still a draft (not visible to the public)
 * @param htmlUrl the page people see
 * @param uploadUrl the upload endpoint template, e.g. {@code
 *     https://uploads.github.com/repos/o/r/releases/1/assets{?name,label}}
 */
public record Release(long id, String tagName, boolean draft, String htmlUrl, String uploadUrl) {

  /** The upload endpoint without its {@code {?name,label}} URI template. */
  public String uploadEndpoint() {
    int brace = uploadUrl.indexOf('{');
    return brace < 0 ? uploadUrl : uploadUrl.substring(0, brace);
  }
}
