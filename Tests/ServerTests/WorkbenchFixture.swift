import Foundation
import HTTPTypes
import Hummingbird
import PolicyLensKit
@testable import Server
import TestSupport
import Testing

/// A copy of the committed seeds model whose first article is hostile (markup and
/// `javascript:` links in its title, body, source and links), with the committed themes.
enum WorkbenchFixture {
  static let hostileTitle = #"<script>alert("title")</script>"><img src=x onerror=alert(1)>"#
  static let hostileBody = [
    #"低空经济 <script>alert("body")</script> 起降场"#,
    #""><img src=x onerror=alert(2)> <a href="javascript:alert(3)">点击</a>"#,
  ]
  static let hostileURLs = ["javascript:alert(4)", #"https://example.org/a?b=1&c="><script>x</script>"#]
  static let themesFile = RepositoryPaths.root.appendingPathComponent("models/themes.yaml")

  /// The fixture model's directory, written once per test process.
  static let directory = Task { try await makeModel(in: temporaryDirectory()) }

  /// A new empty temporary directory.
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("policylens-serve-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Writes the seeds model with its first article made hostile to `parent/model`.
  static func makeModel(in parent: URL) async throws -> URL {
    var model = try PolicyModel.load(from: RepositoryPaths.root.appendingPathComponent("models/seeds"))
    model.articles[0].title = hostileTitle
    model.articles[0].body = hostileBody
    model.articles[0].urls = hostileURLs
    model.articles[0].source = "<b>来源</b>"
    let directory = parent.appendingPathComponent("model")
    try await model.save(to: directory)
    return directory
  }

  /// The first article's id (the hostile one).
  static var hostileID: String { "2024-21#1" }

  /// The fixture model, loaded once per test process, its themes tagged.
  static let shared = Task {
    let workbench = try Workbench(
      configuration: WorkbenchConfiguration(modelDirectory: try await directory.value, themesFile: themesFile, port: 0))
    _ = try await tagging(of: workbench.hub.snapshot())
    return workbench
  }

  /// The snapshot's tagging, once the background tagging is done (at most a minute).
  static func tagging(of snapshot: ModelSnapshot) async throws -> ModelSnapshot.Tagging {
    for _ in 0..<600 {
      let result = Result { () throws(ServerError) -> ModelSnapshot.Tagging in try snapshot.tagging }
      if case .failure(let error) = result, error.status == .serviceUnavailable {
        try await Task.sleep(for: .milliseconds(100))
        continue
      }
      return try result.get()
    }
    return try snapshot.tagging
  }

  /// A workbench on the fixture model with these routes' settings.
  ///
  /// The default limits allow a minute per request: a debug build on a busy machine can take
  /// longer than the server's 10 s to cluster the first time, and only the limit tests time out.
  static func workbench(
    token: String? = nil, limits: RequestLimits = RequestLimits(timeLimit: .seconds(60))
  ) async throws -> Workbench {
    let shared = try await shared.value
    var configuration = shared.configuration
    configuration.token = token
    configuration.limits = limits
    return Workbench(configuration: configuration, sharingModelOf: shared)
  }

  /// Runs `body` against `workbench`'s router in-process (no socket).
  static func test(_ workbench: Workbench, _ body: (RouterClient) async throws -> Void) async throws {
    try await body(RouterClient(responder: workbench.router().buildResponder()))
  }
}

extension RouterResponse {
  /// The body as a JSON object.
  func json() throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
    return try #require(object as? [String: Any], "not a JSON object: \(text.prefix(200))")
  }
}

/// `value` percent-encoded for a URL path or query.
func encoded(_ value: String) -> String {
  var allowed = CharacterSet.alphanumerics.intersection(
    CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
  allowed.insert(charactersIn: "-._~")
  return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
}
