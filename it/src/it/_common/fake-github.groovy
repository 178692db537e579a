// A stateful stand-in for GitHub's Releases API (release endpoints under /api/v3 and a separate upload path)
// on loopback, for the release tests: evaluate(...)(repository, token, head) returns [server, state, apiUrl].
// state.requests lists every request; state.releases the releases with their assets' bytes.
import com.sun.net.httpserver.HttpExchange
import com.sun.net.httpserver.HttpHandler
import com.sun.net.httpserver.HttpServer
import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import java.security.MessageDigest

return { String repository, String token, String head ->
  def state = [releases: [], requests: [], nextId: 100, token: token, head: head, repository: repository]
  def server = HttpServer.create(new InetSocketAddress(InetAddress.loopbackAddress, 0), 0)
  def base = "http://127.0.0.1:${server.address.port}"

  def sha256 = { byte[] bytes -> MessageDigest.getInstance('SHA-256').digest(bytes).encodeHex().toString() }
  def assetJson = { a -> [id: a.id, name: a.name, size: a.content.length, state: 'uploaded', digest: 'sha256:' + sha256(a.content)] }
  def releaseJson = { r ->
    [id: r.id, tag_name: r.tag, target_commitish: r.target, draft: r.draft, name: r.tag,
     html_url: "${base}/${repository}/releases/tag/${r.tag}".toString(),
     upload_url: "${base}/uploads/repos/${repository}/releases/${r.id}/assets{?name,label}".toString(),
     assets: r.assets.collect(assetJson)]
  }
  def send = { HttpExchange ex, int status, Object body ->
    byte[] bytes = JsonOutput.toJson(body).getBytes('UTF-8')
    ex.responseHeaders.add('Content-Type', 'application/json')
    ex.sendResponseHeaders(status, bytes.length)
    ex.responseBody.write(bytes)
  }

  server.createContext('/', { HttpExchange ex ->
    synchronized (state) {
      try {
        def method = ex.requestMethod
        def path = ex.requestURI.path
        byte[] body = ex.requestBody.readAllBytes()
        state.requests << [method: method, path: path]
        if (ex.requestHeaders.getFirst('Authorization') != "Bearer ${state.token}".toString()) {
          send(ex, 401, [message: 'Bad credentials']); return
        }
        def upload = path =~ "^/uploads/repos/${java.util.regex.Pattern.quote(repository)}/releases/(\\d+)/assets\$"
        def api = path =~ "^/api/v3/repos/${java.util.regex.Pattern.quote(repository)}(/.*)\$"
        if (upload.matches() && method == 'POST') {
          def release = state.releases.find { it.id == (upload.group(1) as long) }
          def name = URLDecoder.decode(ex.requestURI.rawQuery.replaceFirst('^name=', ''), 'UTF-8')
          if (release == null) { send(ex, 404, [message: 'Not Found']); return }
          if (release.assets.any { it.name == name }) { send(ex, 422, [message: 'already_exists']); return }
          def asset = [id: ++state.nextId, name: name, content: body]
          release.assets << asset
          send(ex, 201, assetJson(asset)); return
        }
        if (!api.matches()) { send(ex, 404, [message: 'Not Found']); return }
        def rest = api.group(1)
        def byTag = rest =~ '^/releases/tags/(.+)$'
        def one = rest =~ '^/releases/(\\d+)$'
        def assets = rest =~ '^/releases/(\\d+)/assets$'
        def asset = rest =~ '^/releases/assets/(\\d+)$'
        if (method == 'GET' && byTag.matches()) {
          def release = state.releases.find { it.tag == byTag.group(1) && !it.draft }
          release == null ? send(ex, 404, [message: 'Not Found']) : send(ex, 200, releaseJson(release))
        } else if (method == 'GET' && rest == '/releases') {
          send(ex, 200, state.releases.collect(releaseJson))
        } else if (method == 'POST' && rest == '/releases') {
          def json = new JsonSlurper().parse(body)
          def release = [id: ++state.nextId, tag: json.tag_name, target: json.target_commitish, draft: json.draft, assets: []]
          state.releases << release
          send(ex, 201, releaseJson(release))
        } else if (method == 'PATCH' && one.matches()) {
          def release = state.releases.find { it.id == (one.group(1) as long) }
          def json = new JsonSlurper().parse(body)
          if (json.containsKey('draft')) { release.draft = json.draft }
          send(ex, 200, releaseJson(release))
        } else if (method == 'GET' && assets.matches()) {
          def release = state.releases.find { it.id == (assets.group(1) as long) }
          send(ex, 200, release.assets.collect(assetJson))
        } else if (method == 'DELETE' && asset.matches()) {
          state.releases.each { r -> r.assets.removeIf { it.id == (asset.group(1) as long) } }
          ex.sendResponseHeaders(204, -1)
        } else {
          send(ex, 404, [message: 'Not Found'])
        }
      } catch (Throwable t) {
        t.printStackTrace()
        send(ex, 500, [message: t.toString()])
      } finally {
        ex.close()
      }
    }
  } as HttpHandler)
  server.start()
  [server, state, "${base}/api/v3".toString()]
}
