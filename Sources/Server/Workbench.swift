import Foundation
import Hummingbird
import NIOCore
import ThemeTagging

/// `policylens serve`: the analysts' workbench (HTML pages) and the JSON API over one model.
///
/// Routes (the OpenAPI document at `/api/openapi.json` describes each):
///
/// | Route | Answers |
/// |---|---|
/// | `GET /` | search page (`q`, `region`, `theme`, `since`, `until`, `n`) |
/// | `GET /articles/{id}` | article page |
/// | `GET /themes`, `GET /themes/{key}` | themes page (counts, trends); one theme's trend, articles and suggestions |
/// | `POST /marks` | marks an article as an example or counter-example of a theme (form; see ``ThemeMarkWriter``) |
/// | `GET /clusters`, `GET /timeline` | the report's clusters and timeline views, live |
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
  /// The token of the writing forms, one per process.
  let forms: FormGuard

  /// Loads the model and themes.
  ///
  /// - Parameter onEvent: Told about reloads and failed reloads (the CLI prints them to stderr).
  /// - Throws: `ModelStoreError`, `ThemeTaggingError`, `TextAnalysisError` or ``WorkbenchError``.
  public init(configuration: WorkbenchConfiguration, onEvent: @escaping @Sendable (String) -> Void = { _ in }) throws {
    self.configuration = configuration
    self.hub = try ModelHub(configuration: configuration, onEvent: onEvent)
    self.forms = FormGuard()
  }

  /// A workbench with its own routes and limits on `other`'s model (tests share one load).
  init(configuration: WorkbenchConfiguration, sharingModelOf other: Workbench) {
    self.configuration = configuration
    self.hub = other.hub
    self.forms = other.forms
  }

  /// The number of articles of the model being served.
  public var articleCount: Int { hub.snapshot().model.articles.count }

  /// The router with every route and middleware.
  public func router() -> Router<BasicRequestContext> {
    let router = Router(context: BasicRequestContext.self)
    router.add(middleware: RequestLimitMiddleware(limits: configuration.limits))
    if let token = configuration.token { router.add(middleware: AccessTokenMiddleware(token: token)) }
    let api = WorkbenchAPI(limits: configuration.limits)
    let marks = ThemeMarkWriter(configuration: configuration)
    let pages = WorkbenchPages(api: api, forms: forms, marks: marks)
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
    get("/articles/{id}") { query, path, snapshot in
      try pages.article(try path.decoded("id"), query, in: snapshot).response()
    }
    get("/themes") { _, _, snapshot in try pages.themes(in: snapshot).response() }
    get("/themes/{key}") { query, path, snapshot in
      try pages.theme(try path.decoded("key"), query, in: snapshot).response()
    }
    get("/clusters") { query, _, snapshot in try pages.clusters(query, in: snapshot).response() }
    get("/timeline") { query, _, snapshot in try pages.timeline(query, in: snapshot).response() }
    let forms = self.forms
    let bodyLimit = configuration.limits.maximumBodySize
    router.post("/marks") { request, _ -> Response in
      guard request.headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true else {
        throw ServerError(
          status: .unsupportedMediaType, message: "Send the mark as a form (application/x-www-form-urlencoded).",
          parameter: nil)
      }
      let body = try await request.body.collect(upTo: bodyLimit)
      let form = QueryParameters(query: String(buffer: body))
      try forms.check(request, form: form)
      let snapshot = hub.snapshot()
      guard try form.text("mark") != nil else {
        throw ServerError.badParameter("mark", "mark is required: example, counter-example or none.")
      }
      let mark = try form.choice("mark", default: ThemeMark.none)
      guard let key = try form.text("theme", maximumLength: 100) else {
        throw ServerError.badParameter("theme", "theme is required: the key of the theme to mark the article for.")
      }
      _ = try snapshot.theme(key)
      guard let id = try form.text("article", maximumLength: 200) else {
        throw ServerError.badParameter("article", "article is required: the id of the article to mark.")
      }
      _ = try snapshot.row(ofArticle: id)
      // Not under the time limit: a write is not abandoned half way (it takes milliseconds;
      // the next page load rereads the model).
      _ = try await marks.mark(id, as: mark, inTheme: key, themesSource: snapshot.themesSource)
      let back =
        try form.choice("back", default: WorkbenchPages.MarkReturn.theme) == .article
        ? "/articles/\(Markup.component(id))" + Markup.query([("marked", mark.rawValue), ("theme", key)])
        : "/themes/\(Markup.component(key))" + Markup.query([("marked", mark.rawValue), ("article", id)])
      return Response(status: .seeOther, headers: [.location: back, .cacheControl: "no-store"])
    }

    get("/api/search") { query, _, snapshot in
      try JSONResponse.document(try api.search(try SearchParameters(query, limits: api.limits), in: snapshot))
    }
    get("/api/articles/{id}") { _, path, snapshot in
      try JSONResponse.document(try api.article(try path.decoded("id"), in: snapshot))
    }
    get("/api/articles/{id}/similar") { query, path, snapshot in
      try JSONResponse.document(try api.similar(toArticle: try path.decoded("id"), query, in: snapshot))
    }
    get("/api/themes") { _, _, snapshot in try JSONResponse.document(try api.themes(in: snapshot)) }
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
