package dev.crossbuild.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for the part of GitHub's Releases API the client uses, with state: releases
 * (drafts hidden from the by-tag endpoint, as on GitHub), assets stored on a separate upload path,
 * the token checked on every request, and failures that can be injected.
 */
public final class FakeGitHub implements AutoCloseable {

  /** One request as the server saw it. */
  public record Request(String method, String path) {
    public boolean write() {
      return !method.equals("GET");
    }
  }

  /** A stored release. */
  public static final class StoredRelease {
    public final long id;
    public final String tag;
    public final String target;
    public boolean draft = true;
    public final Map<String, StoredAsset> assets = new LinkedHashMap<>();

    StoredRelease(long id, String tag, String target) {
      this.id = id;
      this.tag = tag;
      this.target = target;
    }
  }

  /** A stored asset. */
  public record StoredAsset(long id, String name, byte[] content) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern REPO = Pattern.compile("/api/v3/repos/([^/]+)/([^/]+)(/.*)");
  private static final Pattern UPLOAD =
      Pattern.compile("/uploads/repos/([^/]+)/([^/]+)/releases/(\\d+)/assets");

  private final HttpServer server;
  private final String token;
  private final List<Request> requests = new ArrayList<>();
  private final List<StoredRelease> releases = new ArrayList<>();
  private final Queue<Integer> injected = new ArrayDeque<>();
  private final AtomicLong ids = new AtomicLong(100);
  private boolean digests = true;

  public FakeGitHub(String token) throws IOException {
    this.token = token;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The API base URL, GitHub Enterprise style. */
  public String apiUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v3";
  }

  /** Answers the next requests with these statuses, one each, before serving normally again. */
  public synchronized void failNext(int... statuses) {
    for (int status : statuses) {
      injected.add(status);
    }
  }

  /** Whether assets carry GitHub's newer {@code digest} field. */
  public synchronized void digests(boolean on) {
    this.digests = on;
  }

  public synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  public synchronized List<Request> writes() {
    return requests.stream().filter(Request::write).toList();
  }

  public synchronized List<StoredRelease> releases() {
    return List.copyOf(releases);
  }

  public synchronized StoredRelease release(String tag) {
    return releases.stream().filter(r -> r.tag.equals(tag)).findFirst().orElse(null);
  }

  /** Puts a release in place directly, as if made earlier. */
  public synchronized StoredRelease seed(String tag, boolean draft, Map<String, byte[]> assets) {
    StoredRelease release = new StoredRelease(ids.incrementAndGet(), tag, "seeded");
    release.draft = draft;
    assets.forEach(
        (name, content) ->
            release.assets.put(name, new StoredAsset(ids.incrementAndGet(), name, content)));
    releases.add(release);
    return release;
  }

  private synchronized void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      requests.add(new Request(method, path));
      byte[] body = exchange.getRequestBody().readAllBytes();
      Integer failure = injected.poll();
      if (failure != null) {
        exchange.getResponseHeaders().add("Retry-After", "1");
        send(exchange, failure, Map.of("message", "injected failure"));
      } else if (!("Bearer " + token)
          .equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        send(exchange, 401, Map.of("message", "Bad credentials"));
      } else {
        route(exchange, method, path, body);
      }
    }
  }

  private void route(HttpExchange exchange, String method, String path, byte[] body)
      throws IOException {
    Matcher upload = UPLOAD.matcher(path);
    if (upload.matches() && method.equals("POST")) {
      StoredRelease release = byId(Long.parseLong(upload.group(3)));
      String name =
          URLDecoder.decode(
              exchange.getRequestURI().getRawQuery().replaceFirst("^name=", ""),
              StandardCharsets.UTF_8);
      if (release == null) {
        send(exchange, 404, Map.of("message", "Not Found"));
      } else if (release.assets.containsKey(name)) {
        send(exchange, 422, Map.of("message", "Validation Failed: already_exists"));
      } else {
        StoredAsset asset = new StoredAsset(ids.incrementAndGet(), name, body);
        release.assets.put(name, asset);
        send(exchange, 201, assetJson(asset));
      }
      return;
    }
    Matcher repo = REPO.matcher(path);
    if (!repo.matches()) {
      send(exchange, 404, Map.of("message", "Not Found"));
      return;
    }
    String rest = repo.group(3);
    String[] parts = rest.substring(1).split("/");
    if (method.equals("GET") && rest.startsWith("/releases/tags/")) {
      String tag =
          URLDecoder.decode(rest.substring("/releases/tags/".length()), StandardCharsets.UTF_8);
      StoredRelease release =
          releases.stream().filter(r -> r.tag.equals(tag) && !r.draft).findFirst().orElse(null);
      sendRelease(exchange, release, repo);
    } else if (method.equals("GET") && rest.equals("/releases")) {
      List<Object> page = new ArrayList<>();
      releases.forEach(r -> page.add(releaseJson(r, repo)));
      send(exchange, 200, page);
    } else if (method.equals("POST") && rest.equals("/releases")) {
      JsonNode json = JSON.readTree(body);
      StoredRelease release =
          new StoredRelease(
              ids.incrementAndGet(),
              json.path("tag_name").asText(),
              json.path("target_commitish").asText(null));
      release.draft = json.path("draft").asBoolean(false);
      releases.add(release);
      send(exchange, 201, releaseJson(release, repo));
    } else if (method.equals("PATCH") && parts.length == 2 && parts[0].equals("releases")) {
      StoredRelease release = byId(Long.parseLong(parts[1]));
      JsonNode json = JSON.readTree(body);
      if (release != null && json.has("draft")) {
        release.draft = json.get("draft").asBoolean();
      }
      sendRelease(exchange, release, repo);
    } else if (method.equals("GET") && parts.length == 3 && parts[2].equals("assets")) {
      StoredRelease release = byId(Long.parseLong(parts[1]));
      List<Object> list = new ArrayList<>();
      if (release != null) {
        release.assets.values().forEach(a -> list.add(assetJson(a)));
      }
      send(exchange, release == null ? 404 : 200, list);
    } else if (parts.length == 3 && parts[1].equals("assets")) {
      long id = Long.parseLong(parts[2]);
      StoredRelease owner =
          releases.stream()
              .filter(r -> r.assets.values().stream().anyMatch(a -> a.id() == id))
              .findFirst()
              .orElse(null);
      StoredAsset asset =
          owner == null
              ? null
              : owner.assets.values().stream().filter(a -> a.id() == id).findFirst().orElseThrow();
      if (asset == null) {
        send(exchange, 404, Map.of("message", "Not Found"));
      } else if (method.equals("DELETE")) {
        owner.assets.remove(asset.name());
        exchange.sendResponseHeaders(204, -1);
      } else {
        exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(200, asset.content().length);
        exchange.getResponseBody().write(asset.content());
      }
    } else {
      send(exchange, 404, Map.of("message", "Not Found"));
    }
  }

  private StoredRelease byId(long id) {
    return releases.stream().filter(r -> r.id == id).findFirst().orElse(null);
  }

  private void sendRelease(HttpExchange exchange, StoredRelease release, Matcher repo)
      throws IOException {
    if (release == null) {
      send(exchange, 404, Map.of("message", "Not Found"));
    } else {
      send(exchange, 200, releaseJson(release, repo));
    }
  }

  private Map<String, Object> releaseJson(StoredRelease r, Matcher repo) {
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", r.id);
    json.put("tag_name", r.tag);
    json.put("target_commitish", r.target);
    json.put("draft", r.draft);
    json.put(
        "html_url", base + "/" + repo.group(1) + "/" + repo.group(2) + "/releases/tag/" + r.tag);
    json.put(
        "upload_url",
        base
            + "/uploads/repos/"
            + repo.group(1)
            + "/"
            + repo.group(2)
            + "/releases/"
            + r.id
            + "/assets{?name,label}");
    json.put("assets", r.assets.values().stream().map(this::assetJson).toList());
    return json;
  }

  private Map<String, Object> assetJson(StoredAsset asset) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", asset.id());
    json.put("name", asset.name());
    json.put("size", asset.content().length);
    json.put("state", "uploaded");
    json.put("digest", digests ? "sha256:" + sha256(asset.content()) : null);
    return json;
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void send(HttpExchange exchange, int status, Object json) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(json);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
