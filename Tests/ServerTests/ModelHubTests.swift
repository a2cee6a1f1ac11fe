import Foundation
import PolicyLensKit
import TestSupport
import Testing

@testable import Server

@Suite("Model reloading")
struct ModelHubTests {
  /// A fresh copy of the fixture model (these tests replace it).
  static func copy() async throws -> URL {
    let parent = try WorkbenchFixture.temporaryDirectory()
    let directory = parent.appendingPathComponent("model")
    try FileManager.default.copyItem(at: try await WorkbenchFixture.directory.value, to: directory)
    return directory
  }

  static func hub(_ directory: URL) throws -> ModelHub {
    try ModelHub(
      configuration: WorkbenchConfiguration(modelDirectory: directory, themesFile: WorkbenchFixture.themesFile))
  }

  @Test("a model saved over the served one is picked up by the next request")
  func picksUpRefit() async throws {
    let directory = try await Self.copy()
    let hub = try Self.hub(directory)
    let before = hub.snapshot()
    #expect(hub.snapshot() === before, "reloaded although nothing changed")
    var model = try PolicyModel.load(from: directory)
    model.articles[1].title = "重新拟合后的标题"
    try await model.save(to: directory)
    let after = hub.snapshot()
    #expect(after !== before)
    #expect(after.model.articles[1].title == "重新拟合后的标题")
  }

  @Test("a damaged model is not served: the previous one stays until a sound one replaces it")
  func keepsOldOnFailure() async throws {
    let directory = try await Self.copy()
    let events = Locked<[String]>([])
    let hub = try ModelHub(
      configuration: WorkbenchConfiguration(modelDirectory: directory, themesFile: WorkbenchFixture.themesFile),
      onEvent: { event in events.withLock { $0.append(event) } })
    let before = hub.snapshot()
    let articles = directory.appendingPathComponent("articles.jsonl")
    let original = try Data(contentsOf: articles)
    try Data("damaged\n".utf8).write(to: articles)
    let manifest = directory.appendingPathComponent("manifest.json")
    let manifestData = try Data(contentsOf: manifest)
    try (manifestData + Data(" ".utf8)).write(to: manifest)
    #expect(hub.snapshot() === before)
    #expect(hub.snapshot() === before)
    #expect(events.withLock { $0.count } == 1, "a failed load is retried only when the files change again")
    #expect(events.withLock { $0.first?.contains("still serving the previous one") } == true)
    try original.write(to: articles)
    try manifestData.write(to: manifest)
    let repaired = hub.snapshot()
    #expect(repaired !== before)
    #expect(repaired.model.articles.count == before.model.articles.count)
  }

  @Test("an edited themes file is picked up")
  func picksUpThemes() async throws {
    let directory = try await Self.copy()
    let themes = directory.deletingLastPathComponent().appendingPathComponent("themes.yaml")
    try FileManager.default.copyItem(at: WorkbenchFixture.themesFile, to: themes)
    let hub = try ModelHub(configuration: WorkbenchConfiguration(modelDirectory: directory, themesFile: themes))
    let count = hub.snapshot().catalog.themes.count
    let text = try String(contentsOf: themes, encoding: .utf8)
    try (text + "\n  - key: test-theme\n    name: 测试主题\n    seeds: [测试]\n").write(
      to: themes, atomically: true, encoding: .utf8)
    #expect(hub.snapshot().catalog.themes.count == count + 1)
  }
}
