import Foundation
import HTTPTypes
import Hummingbird
import PolicyLensKit
import Testing
import ThemeTagging

@testable import Server

@Suite("Marking articles for a theme")
struct ThemeMarkWriterTests {
  /// A fresh copy of the fixture model that serves its own themes copy, fitted (says its
  /// manifest) from `source.yaml` beside it; neither is shared with other tests.
  static func writableWorkbench() async throws -> (workbench: Workbench, model: URL, source: URL) {
    let parent = try WorkbenchFixture.temporaryDirectory()
    let source = parent.appendingPathComponent("source.yaml")
    try FileManager.default.copyItem(at: WorkbenchFixture.themesFile, to: source)
    var model = try PolicyModel.load(from: try await WorkbenchFixture.directory.value)
    model.manifest.themesSource = source.path
    model.themeDefinitions = try Data(contentsOf: source)
    let directory = parent.appendingPathComponent("model")
    try await model.save(to: directory)
    let workbench = try Workbench(
      configuration: WorkbenchConfiguration(
        modelDirectory: directory, themesFile: directory.appendingPathComponent("themes.yaml"), port: 0,
        limits: RequestLimits(timeLimit: .seconds(60))))
    return (workbench, directory, source)
  }

  /// A form body.
  static func form(_ fields: [(String, String)]) -> ByteBuffer {
    ByteBuffer(string: fields.map { "\($0)=\(encoded($1))" }.joined(separator: "&"))
  }

  static let formHeaders: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

  @Test("a mark is written to the model's themes copy (a new generation) and its source, and retags the articles")
  func marks() async throws {
    let (workbench, model, source) = try await Self.writableWorkbench()
    let id = "2024-21#4"
    let before = try workbench.hub.snapshot()
    let theme = try before.theme("green-finance")
    #expect(
      !(try await WorkbenchFixture.tagging(of: before)).articles[try before.row(ofArticle: id)].themes.contains {
        $0.key == "green-finance"
      })
    let termLoadings =
      try FileManager.default.attributesOfItem(
        atPath: model.appendingPathComponent("term_loadings.npy").path)[.systemFileNumber] as? Int
    try await WorkbenchFixture.test(workbench) { client in
      let body = Self.form([
        ("form", workbench.forms.token), ("theme", "green-finance"), ("article", id), ("mark", "example"),
        ("back", "article"),
      ])
      try await client.execute(uri: "/marks", method: .post, headers: Self.formHeaders, body: body) { response in
        #expect(response.status == .seeOther)
        #expect(response.headers[.location] == "/articles/\(encoded(id))?marked=example&theme=green-finance")
      }
      try await client.execute(uri: "/articles/\(encoded(id))?marked=example&theme=green-finance", method: .get) {
        response in
        #expect(response.text.contains("is marked as an example of 绿色金融"))
      }
    }
    let loaded = try PolicyModel.load(from: model)  // every checksum verified
    let copy = try ThemeCatalog(parsing: String(decoding: try #require(loaded.themeDefinitions), as: UTF8.self))
    #expect(copy.themes[theme].examples == [id])
    let sourceCatalog = try ThemeCatalog(parsing: try String(contentsOf: source, encoding: .utf8))
    #expect(sourceCatalog == copy)
    let linked =
      try FileManager.default.attributesOfItem(
        atPath: model.appendingPathComponent("term_loadings.npy").path)[.systemFileNumber] as? Int
    #expect(linked == termLoadings, "a numeric file was rewritten")
    let after = workbench.hub.snapshot()
    #expect(
      (try await WorkbenchFixture.tagging(of: after)).articles[try after.row(ofArticle: id)].themes.contains {
        $0.key == "green-finance"
      })
  }

  @Test("a form without this server's token, from another origin, or not a form is refused and writes nothing")
  func refusals() async throws {
    let (workbench, model, source) = try await Self.writableWorkbench()
    let manifest = try Data(contentsOf: model.appendingPathComponent("manifest.json"))
    let sourceText = try Data(contentsOf: source)
    let fields = [("theme", "green-finance"), ("article", "2024-21#4"), ("mark", "example")]
    try await WorkbenchFixture.test(workbench) { client in
      try await client.execute(
        uri: "/marks", method: .post, headers: Self.formHeaders, body: Self.form(fields + [("form", "guess")])
      ) { response in
        #expect(response.status == .forbidden)
        #expect(response.text.contains("Reload the page"))
      }
      var crossSite = Self.formHeaders
      crossSite[.origin] = "http://evil.example"
      try await client.execute(
        uri: "/marks", method: .post, headers: crossSite, body: Self.form(fields + [("form", workbench.forms.token)])
      ) { response in
        #expect(response.status == .forbidden)
      }
      var fetchSite = Self.formHeaders
      fetchSite[HTTPField.Name("Sec-Fetch-Site")!] = "cross-site"
      try await client.execute(
        uri: "/marks", method: .post, headers: fetchSite, body: Self.form(fields + [("form", workbench.forms.token)])
      ) { response in
        #expect(response.status == .forbidden)
      }
      try await client.execute(
        uri: "/marks", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: "{}")
      ) { response in
        #expect(response.status == .unsupportedMediaType)
      }
      let unknown = [("theme", "green-finance"), ("article", "no-such"), ("mark", "example")]
      try await client.execute(
        uri: "/marks", method: .post, headers: Self.formHeaders,
        body: Self.form(unknown + [("form", workbench.forms.token)])
      ) { response in
        #expect(response.status == .notFound)
      }
      try await client.execute(uri: "/marks", method: .get) { response in
        #expect(response.status == .notFound || response.status == .methodNotAllowed)
      }
    }
    #expect(try Data(contentsOf: model.appendingPathComponent("manifest.json")) == manifest)
    #expect(try Data(contentsOf: source) == sourceText)
  }

  @Test("with --token, a mark needs the token too")
  func tokenRespected() async throws {
    let (shared, _, _) = try await Self.writableWorkbench()
    var configuration = shared.configuration
    configuration.token = "secret-token-1"
    let workbench = Workbench(configuration: configuration, sharingModelOf: shared)
    try await WorkbenchFixture.test(workbench) { client in
      let body = Self.form([
        ("form", workbench.forms.token), ("theme", "green-finance"), ("article", "2024-21#4"), ("mark", "example"),
      ])
      try await client.execute(uri: "/marks", method: .post, headers: Self.formHeaders, body: body) { response in
        #expect(response.status == .unauthorized)
      }
    }
  }
}
