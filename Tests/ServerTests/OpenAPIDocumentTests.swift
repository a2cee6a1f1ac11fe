import Foundation
import Testing

@testable import Server

@Suite("OpenAPI document")
struct OpenAPIDocumentTests {
  static func spec() throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8))
    return try #require(object as? [String: Any])
  }

  static func paths() throws -> [String: [String: Any]] {
    try #require(try spec()["paths"] as? [String: [String: Any]])
  }

  @Test("is OpenAPI 3 JSON whose references all resolve")
  func wellFormed() throws {
    let spec = try Self.spec()
    #expect((spec["openapi"] as? String)?.hasPrefix("3.") == true)
    let text = OpenAPIDocument.json
    let references = text.matches(of: /"\$ref": "#\/components\/(\w+)\/(\w+)"/).map { (String($0.1), String($0.2)) }
    #expect(!references.isEmpty)
    let components = try #require(spec["components"] as? [String: [String: Any]])
    for (section, name) in references {
      #expect(components[section]?[name] != nil, "unresolved #/components/\(section)/\(name)")
    }
  }

  @Test("documents exactly the router's routes")
  func sameRoutes() async throws {
    let router = try await WorkbenchFixture.workbench().router()
    let routed = Set(router.routes.map { "\($0.method) \($0.path)" })
    var documented: Set<String> = []
    for (path, operations) in try Self.paths() {
      for method in operations.keys { documented.insert("\(method.uppercased()) \(path)") }
    }
    #expect(
      routed == documented,
      "routed only: \(routed.subtracting(documented)); documented only: \(documented.subtracting(routed))")
  }

  @Test("every documented route answers with a documented status and content type")
  func everyRouteAnswers() async throws {
    try await WorkbenchFixture.test(try await WorkbenchFixture.workbench()) { client in
      // POST /marks writes; ThemeMarkWriterTests covers it on a model of its own.
      for (path, operations) in try Self.paths() {
        guard let operation = operations["get"] as? [String: Any] else { continue }
        let responses = try #require(operation["responses"] as? [String: Any])
        var uri = path.replacing("{id}", with: encoded("2024-21#4")).replacing("{key}", with: "green-finance")
        if path == "/api/search" || path == "/" { uri += "?q=\(encoded("绿色金融"))" }
        try await client.execute(uri: uri, method: .get) { response in
          #expect(response.status == .ok, "\(uri): \(response.status)")
          let ok = try #require(responses["200"] as? [String: Any])
          let content = try #require(ok["content"] as? [String: Any])
          let type = (response.headers[.contentType] ?? "").split(separator: ";").first.map(String.init) ?? ""
          #expect(content[type] != nil, "\(uri) answered \(type), documented \(content.keys.sorted())")
        }
      }
    }
  }

  @Test("every JSON document's required keys are present")
  func requiredKeys() async throws {
    let cases: [(String, String)] = [
      ("/api/search?q=\(encoded("绿色金融"))", "SimilarDocument"),
      ("/api/articles/\(encoded("2024-21#4"))", "ArticleDetailDocument"),
      ("/api/articles/\(encoded("2024-21#4"))/similar", "SimilarDocument"), ("/api/themes", "ThemesDocument"),
      ("/api/themes/green-finance", "ThemeArticlesDocument"), ("/api/tag/\(encoded("2024-21#4"))", "TagDocument"),
      ("/api/clusters?k=3", "ClustersDocument"), ("/api/timeline", "TimelineDocument"),
    ]
    try await WorkbenchFixture.test(try await WorkbenchFixture.workbench()) { client in
      let components = try Self.spec()["components"] as? [String: Any]
      let schemas = try #require(components?["schemas"] as? [String: [String: Any]])
      for (uri, schema) in cases {
        let required = (schemas[schema]?["required"] as? [String]) ?? []
        #expect(!required.isEmpty, "\(schema) lists no required keys")
        try await client.execute(uri: uri, method: .get) { response in
          let document = try response.json()
          for key in required { #expect(document[key] != nil, "\(uri) lacks \(key) (\(schema))") }
        }
      }
    }
  }
}
