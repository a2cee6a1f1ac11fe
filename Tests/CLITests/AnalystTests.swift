import Foundation
import Testing
import TestSupport

@testable import policylens

@Suite("Working as an analyst: natural names, narrow terminals, any folder")
struct AnalystTests {
  static let model = ["--model", CLIRunner.seedModel]

  @Test(
    "a region or city as people write it lists the same articles",
    arguments: [["江苏", "江苏省", "Jiangsu"], ["上海", "上海市", "Shanghai"], ["苏州", "苏州市", "Suzhou"]])
  func naturalPlaceNames(names: [String]) async {
    var outputs: [String] = []
    for name in names {
      let run = await CLIRunner.run(["articles", "--region", name] + Self.model)
      #expect(run.exitCode == 0, "\(name): \(run.diagnostics)")
      outputs.append(run.output)
    }
    #expect(Set(outputs).count == 1, "\(names) list different articles")
    #expect(outputs.first?.contains("0 articles") == false)
  }

  @Test("similar --region takes natural names too")
  func similarRegion() async {
    let chinese = await CLIRunner.run(["similar", "2024-21#1", "--region", "江苏省", "--json"] + Self.model)
    let pinyin = await CLIRunner.run(["similar", "2024-21#1", "--region", "Jiangsu", "--json"] + Self.model)
    #expect(chinese.exitCode == 0 && pinyin.exitCode == 0)
    #expect(chinese.output == pinyin.output)
  }

  @Test("tag --theme takes a theme's key or its name")
  func themeByName() async {
    let byKey = await CLIRunner.run(["tag", "--theme", "low-altitude-economy", "--json"] + Self.model)
    let byName = await CLIRunner.run(["tag", "--theme", "低空经济", "--json"] + Self.model)
    #expect(byKey.exitCode == 0 && byName.exitCode == 0, "\(byName.diagnostics)")
    #expect(byKey.output == byName.output)
  }

  @Test(
    "tables fit 80 columns and never cut an id",
    arguments: [
      ["articles", "--region", "区域"], ["articles", "--issue", "2023"], ["similar", "digest-2023-25#28", "-n", "8"],
      ["tag"], ["themes"], ["clusters", "--articles", "3"],
    ])
  func tablesAt80Columns(arguments: [String]) async throws {
    let run = await CLIRunner.run(arguments + Self.model, width: 80)
    #expect(run.exitCode == 0, "\(run.diagnostics)")
    for line in run.output.split(separator: "\n") where !line.hasPrefix("[") {
      #expect(DisplayWidth.of(line) <= 80, "wider than 80 columns: \(line)")
    }
    let json = await CLIRunner.run(["articles", "--json"] + Self.model)
    let object = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
    let ids = (object?["articles"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    let printed = Set(run.output.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
    for id in ids where run.output.contains(id.prefix(8)) && id.hasPrefix("digest-") {
      let cut = printed.contains { $0.hasPrefix(String(id.prefix(10))) && $0.hasSuffix("…") }
      #expect(!cut, "an id is cut: \(id)")
    }
  }

  @Test("fit keeps its themes and user dictionary in the model, and later commands use the model's themes")
  func selfContainedModel() async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("model-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let themes = folder.appendingPathComponent("my themes.yaml")
    try """
    version: 1
    themes:
      - key: drones
        name: 无人机
        description: Drones and low-altitude flight.
        seeds: [无人机, 低空经济, 低空]
    """.write(to: themes, atomically: true, encoding: .utf8)
    let model = folder.appendingPathComponent("model").path
    let fit = await CLIRunner.run([
      "fit", RepositoryPaths.seeds.path, "--model", model, "--quiet", "--themes-file", themes.path,
      "--user-dictionary", RepositoryPaths.root.appendingPathComponent("models/userdict.txt").path,
    ])
    #expect(fit.exitCode == 0, "\(fit.diagnostics)")
    for name in ["themes.yaml", "userdict.txt"] {
      #expect(FileManager.default.fileExists(atPath: "\(model)/\(name)"), "\(name) not in the model")
    }
    let manifest = try String(contentsOfFile: "\(model)/manifest.json", encoding: .utf8)
    #expect(manifest.contains("\"themes.yaml\"") && manifest.contains("\"userdict.txt\""))
    let listed = await CLIRunner.run(["themes", "--model", model, "--json"])
    #expect(listed.exitCode == 0, "\(listed.diagnostics)")
    #expect(listed.output.contains("\"drones\""))
    #expect(!listed.output.contains("green-finance"))
  }

  @Test("the theme file's hint quotes a path with a space")
  func quotedThemePath() async {
    let run = await CLIRunner.run([
      "themes", "--model", CLIRunner.seedModel, "--themes-file", "/nonexistent/my themes.yaml",
    ])
    #expect(run.exitCode == 66)
    #expect(run.diagnostics.contains("'/nonexistent/my themes.yaml'"))
  }
}
