import Foundation
import Hummingbird
import NIOCore

/// `policylens serve`: the analysts' workbench (HTML pages) and the JSON API over one model.
///
/// Routes (the OpenAPI document at `/api/openapi.json` describes each):
///
/// | Route | Answers |
/// |---|---|
/// | `GET /` | search page (`q`, `region`, `theme`, `since`, `until`, `n`) |
/// | `GET /articles/{id}` | article page |
/// | `GET /themes`, `GET /themes/{key}` | themes page, one theme's articles |
/// | `GET /api/search` | `similar --text … --json` with filters |
/// | `GET /api/articles/{id}` | the article, its themes with evidence, similar policies elsewhere |
/// | `GET /api/articles/{id}/similar` | `similar ID --json` |
/// | `GET /api/themes`, `GET /api/themes/{key}` | `themes --json`; a theme's articles |
/// | `GET /api/tag/{id}` | `tag ID --json` |
/// | `GET /api/clusters` | `clusters --json` |
/// | `GET /api/timeline` | `timeline --json` |
/// | `GET /api/openapi.json` | the OpenAPI 3 document |
///
/// The model is read once at start and again whenever its manifest or the themes file changes
/// (see ``ModelHub``).
public struct Workbench: Sendable {
  public let configuration: WorkbenchConfiguration
  let hub: ModelHub

  /// Loads the model and themes.
  ///
  /// - Parameter onEvent: Told about reloads and failed reloads (the CLI prints them to stderr).
  /// - Throws: `ModelStoreError`, `ThemeTaggingError`, `TextAnalysisError` or ``WorkbenchError``.
  public init(configuration: WorkbenchConfiguration, onEvent: @escaping @Sendable (String) -> Void = { _ in }) throws {
    self.configuration = configuration
    self.hub = try ModelHub(configuration: configuration, onEvent: onEvent)
  }

  /// A workbench with its own routes and limits on `other`'s model (tests share one load).
  init(configuration: WorkbenchConfiguration, sharingModelOf other: Workbench) {
    self.configuration = configuration
    self.hub = other.hub
  }

  /// The number of articles of the model being served.
  public var articleCount: Int { hub.snapshot().model.articles.count }

  /// The router with every route and middleware.
  public func router() -> Router<BasicRequestContext> {
    let router = Router(context: BasicRequestContext.self)
    router.add(middleware: RequestLimitMiddleware(limits: configuration.limits))
    if let token = configuration.token { router.add(middleware: AccessTokenMiddleware(token: token)) }
    let api = WorkbenchAPI(limits: configuration.limits)
    let pages = WorkbenchPages(api: api)
    let hub = self.hub
    let limit = configuration.limits.timeLimit

    /// Registers a GET route whose work runs under the time limit on the current snapshot.
    func get(
      _ path: RouterPath,
      _ answer: @escaping @Sendable (QueryParameters, Parameters, ModelSnapshot) throws -> Response
    ) {
      router.get(path) { request, context -> Response in
        let query = QueryParameters(query: request.uri.query)
        let parameters = context.parameters
        return try await TimeLimit.run(limit) { try answer(query, parameters, hub.snapshot()) }
      }
    }

    get("/") { query, _, snapshot in pages.search(query, in: snapshot).response() }
    get("/articles/{id}") { _, path, snapshot in try pages.article(try path.decoded("id"), in: snapshot).response() }
    get("/themes") { _, _, snapshot in pages.themes(in: snapshot).response() }
    get("/themes/{key}") { _, path, snapshot in try pages.theme(try path.decoded("key"), in: snapshot).response() }

    get("/api/search") { query, _, snapshot in
      try JSONResponse.document(try api.search(try SearchParameters(query, limits: api.limits), in: snapshot))
    }
    get("/api/articles/{id}") { _, path, snapshot in
      try JSONResponse.document(try api.article(try path.decoded("id"), in: snapshot))
    }
    get("/api/articles/{id}/similar") { query, path, snapshot in
      try JSONResponse.document(try api.similar(toArticle: try path.decoded("id"), query, in: snapshot))
    }
    get("/api/themes") { _, _, snapshot in try JSONResponse.document(api.themes(in: snapshot)) }
    get("/api/themes/{key}") { _, path, snapshot in
      try JSONResponse.document(try api.theme(try path.decoded("key"), in: snapshot))
    }
    get("/api/tag/{id}") { _, path, snapshot in
      try JSONResponse.document(try api.tag(try path.decoded("id"), in: snapshot))
    }
    get("/api/clusters") { query, _, snapshot in try JSONResponse.document(try api.clusters(query, in: snapshot)) }
    get("/api/timeline") { query, _, snapshot in try JSONResponse.document(try api.timeline(query, in: snapshot)) }
    router.get("/api/openapi.json") { _, _ in
      JSONResponse.respond(Data(OpenAPIDocument.json.utf8), status: .ok, headers: [:])
    }
    return router
  }

  /// The HTTP application on ``WorkbenchConfiguration/host`` and ``WorkbenchConfiguration/port``.
  ///
  /// - Parameter onServerRunning: Called with the port once the server listens (useful with port 0).
  public func application(
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
  ) -> some ApplicationProtocol {
    Application(
      router: router(),
      server: .http1(configuration: .init(idleTimeout: .seconds(60))),
      configuration: ApplicationConfiguration(
        address: .hostname(configuration.host, port: configuration.port), serverName: "policylens"),
      onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) })
  }

  /// Serves until SIGTERM or SIGINT, then finishes the requests under way and returns.
  public func run(onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
    try await application(onServerRunning: onServerRunning).runService(gracefulShutdownSignals: [.sigterm, .sigint])
  }
}

extension Parameters {
  /// A path parameter, percent-decoded (`2024-21%234` → `2024-21#4`).
  ///
  /// - Throws: 400 when it is not valid percent-encoded UTF-8.
  func decoded(_ name: String) throws(ServerError) -> String {
    guard let raw = get(name), let value = raw.removingPercentEncoding else {
      throw .badParameter(name, "\(name) is not valid percent-encoded UTF-8.")
    }
    return value
  }
}
