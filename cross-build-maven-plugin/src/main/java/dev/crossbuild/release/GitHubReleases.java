package dev.crossbuild.release;

import dev.crossbuild.git.GitHubRepository;
import java.io.FileNotFoundException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** The part of GitHub's Releases REST API that publishing needs, on {@code java.net.http}. */
public final class GitHubReleases {

  private static final int PAGE_SIZE = 100;
  private static final int MAX_PAGES = 50;
  private static final Duration API_TIMEOUT = Duration.ofMinutes(2);

  private final String api;
  private final GitHubRepository repository;
  private final GitHubHttp http;

  /**
   * @param apiUrl the API base, {@code https://api.github.com} or {@code https://HOST/api/v3} for
   *     GitHub Enterprise
   * @param token the token, or {@code null} for anonymous read-only use
   */
  public GitHubReleases(
      String apiUrl,
      GitHubRepository repository,
      String token,
      RetryPolicy retry,
      Consumer<String> log) {
    String base = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
    this.api = base + "/repos/" + repository.owner() + "/" + repository.name();
    this.repository = repository;
    this.http = new GitHubHttp(token, retry, log);
  }

  public GitHubRepository repository() {
    return repository;
  }

  /** The release for a tag, drafts included (GitHub's by-tag endpoint does not return drafts). */
  public Optional<Release> findRelease(String tag) {
    HttpResponse<String> byTag =
        http.send(
            get(api + "/releases/tags/" + encode(tag)), HttpResponse.BodyHandlers.ofString(), 404);
    if (byTag.statusCode() == 200) {
      return Optional.of(Json.read(byTag.body(), Release.class, "GET release by tag"));
    }
    for (int page = 1; page <= MAX_PAGES; page++) {
      Release[] releases =
          getJson(api + "/releases?per_page=" + PAGE_SIZE + "&page=" + page, Release[].class);
      Optional<Release> match =
          Arrays.stream(releases).filter(r -> tag.equals(r.tagName())).findFirst();
      if (match.isPresent() || releases.length < PAGE_SIZE) {
        return match;
      }
    }
    return Optional.empty();
  }

  /**
   * Creates a draft release for {@code tag}; {@code commit} (may be null) is the target if the tag
   * must be created.
   */
  public Release createDraft(String tag, String commit) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("tag_name", tag);
    if (commit != null) {
      body.put("target_commitish", commit);
    }
    body.put("name", tag);
    body.put("draft", true);
    return sendJson("POST", api + "/releases", body, Release.class);
  }

  /** Makes a draft public. */
  public Release publish(Release release) {
    return sendJson(
        "PATCH", api + "/releases/" + release.id(), Map.of("draft", false), Release.class);
  }

  public List<RemoteAsset> assets(Release release) {
    List<RemoteAsset> all = new ArrayList<>();
    for (int page = 1; page <= MAX_PAGES; page++) {
      RemoteAsset[] assets =
          getJson(
              api + "/releases/" + release.id() + "/assets?per_page=" + PAGE_SIZE + "&page=" + page,
              RemoteAsset[].class);
      all.addAll(List.of(assets));
      if (assets.length < PAGE_SIZE) {
        break;
      }
    }
    return List.copyOf(all);
  }

  public void deleteAsset(RemoteAsset asset) {
    HttpRequest request =
        http.request(URI.create(api + "/releases/assets/" + asset.id()), true)
            .timeout(API_TIMEOUT)
            .DELETE()
            .build();
    http.send(request, HttpResponse.BodyHandlers.discarding(), 404);
  }

  /**
   * Uploads a file as an asset named {@code name}, streaming it from disk, to the release's upload
   * endpoint.
   */
  public RemoteAsset upload(Release release, String name, Path file) {
    URI uri = URI.create(release.uploadEndpoint() + "?name=" + encode(name));
    HttpRequest request;
    try {
      request =
          http.request(uri, true)
              .header("Content-Type", "application/octet-stream")
              .POST(HttpRequest.BodyPublishers.ofFile(file))
              .build();
    } catch (FileNotFoundException e) {
      throw new java.io.UncheckedIOException(e);
    }
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    return Json.read(response.body(), RemoteAsset.class, "POST upload " + name);
  }

  /**
   * Streams an asset's bytes. GitHub answers with a redirect to storage that must be followed
   * without the token.
   */
  public InputStream download(RemoteAsset asset) {
    URI uri = URI.create(api + "/releases/assets/" + asset.id());
    HttpRequest request =
        http.request(uri, true).header("Accept", "application/octet-stream").GET().build();
    HttpResponse<InputStream> response =
        http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    if (response.statusCode() / 100 == 3) {
      URI location =
          uri.resolve(
              response
                  .headers()
                  .firstValue("location")
                  .orElseThrow(
                      () ->
                          new GitHubApiException(
                              response.statusCode(),
                              "GET asset " + asset.name(),
                              "GitHub redirected the download of "
                                  + asset.name()
                                  + " without a location")));
      boolean sameHost =
          location.getHost() != null
              && location.getHost().equals(uri.getHost())
              && location.getPort() == uri.getPort();
      HttpRequest next =
          http.request(location, sameHost)
              .header("Accept", "application/octet-stream")
              .GET()
              .build();
      closeQuietly(response.body());
      return http.send(next, HttpResponse.BodyHandlers.ofInputStream()).body();
    }
    return response.body();
  }

  private <T> T getJson(String url, Class<T> type) {
    HttpResponse<String> response = http.send(get(url), HttpResponse.BodyHandlers.ofString());
    return Json.read(response.body(), type, "GET " + URI.create(url).getPath());
  }

  private <T> T sendJson(String method, String url, Object body, Class<T> type) {
    HttpRequest request =
        http.request(URI.create(url), true)
            .timeout(API_TIMEOUT)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(Json.write(body)))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    return Json.read(response.body(), type, method + " " + URI.create(url).getPath());
  }

  private HttpRequest get(String url) {
    return http.request(URI.create(url), true).timeout(API_TIMEOUT).GET().build();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (java.io.IOException ignored) {
      // only releasing the connection
    }
  }
}
