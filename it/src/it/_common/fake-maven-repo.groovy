// A Maven repository on loopback that takes deploys, for the deploy tests: evaluate(...)(username, password)
// returns [server, state, url]. PUT needs HTTP Basic with those credentials (401 with a challenge otherwise, as a
// repository manager answers); GET and HEAD serve what was put, 404 otherwise. state.files maps each path under
// the repository to its bytes; state.requests lists [method, path, user] of every request.
import com.sun.net.httpserver.HttpExchange
import com.sun.net.httpserver.HttpServer

return { String username, String password ->
  def state = [files: [:], requests: []]
  def server = HttpServer.create(new InetSocketAddress(InetAddress.loopbackAddress, 0), 0)
  def expected = 'Basic ' + "${username}:${password}".toString().bytes.encodeBase64().toString()
  server.createContext('/repository/', { HttpExchange ex ->
    synchronized (state) {
      try {
        def path = ex.requestURI.path.substring('/repository/'.length())
        def auth = ex.requestHeaders.getFirst('Authorization')
        def user = auth?.startsWith('Basic ') ? new String(auth.substring(6).decodeBase64(), 'UTF-8').split(':', 2)[0] : null
        state.requests << [method: ex.requestMethod, path: path, user: user]
        byte[] body = ex.requestBody.readAllBytes()
        if (ex.requestMethod == 'PUT') {
          if (auth != expected) {
            ex.responseHeaders.add('WWW-Authenticate', 'Basic realm="it"')
            ex.sendResponseHeaders(401, -1)
            return
          }
          state.files[path] = body
          ex.sendResponseHeaders(201, -1)
        } else if (ex.requestMethod in ['GET', 'HEAD'] && state.files.containsKey(path)) {
          byte[] content = state.files[path]
          ex.sendResponseHeaders(200, ex.requestMethod == 'HEAD' ? -1 : content.length)
          if (ex.requestMethod == 'GET') ex.responseBody.write(content)
        } else {
          ex.sendResponseHeaders(404, -1)
        }
      } finally {
        ex.close()
      }
    }
  })
  server.start()
  [server, state, "http://127.0.0.1:${server.address.port}/repository".toString()]
}
