import FileIntegrity
import Foundation
import Testing
import TestSupport

@testable import policylens

/// A scratch folder for one test, removed afterwards.
struct ScratchFolder: ~Copyable {
  let url: URL

  init(_ label: String) throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("policylens-\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  /// `relative` inside the folder.
  func path(_ relative: String) -> String { url.appendingPathComponent(relative).path }

  /// Writes `text` to `relative` (creating folders on the way).
  func write(_ text: String, to relative: String) throws {
    let file = url.appendingPathComponent(relative)
    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: file)
  }

  /// A copy of the committed seeds model at `relative`.
  func copySeedModel(to relative: String = "model") throws -> String {
    let destination = url.appendingPathComponent(relative)
    try FileManager.default.createDirectory(
      at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: URL(fileURLWithPath: CLIRunner.seedModel), to: destination)
    return destination.path
  }

  /// Every path under the folder with the checksum of its content (folders map to ""), to show
  /// that nothing was touched.
  func snapshot(_ relative: String = "") -> [String: String] {
    let root = relative.isEmpty ? url : url.appendingPathComponent(relative)
    var result: [String: String] = [:]
    let paths = (FileManager.default.subpaths(atPath: root.path) ?? []).sorted()
    for path in paths {
      let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path)
      result[path] = data.map(Checksum.hex(of:)) ?? ""
    }
    return result
  }
}

/// Runs the built `policylens` binary in `directory`; nil when it has not been built.
func runBinary(_ arguments: [String], in directory: URL) throws -> CLIRun? {
  guard let executable = CLIRunner.executable else { return nil }
  let process = Process()
  process.executableURL = executable
  process.arguments = arguments
  process.currentDirectoryURL = directory
  let output = Pipe()
  let diagnostics = Pipe()
  process.standardOutput = output
  process.standardError = diagnostics
  try process.run()
  let outputData = output.fileHandleForReading.readDataToEndOfFile()
  let diagnosticsData = diagnostics.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return CLIRun(
    exitCode: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
    diagnostics: String(decoding: diagnosticsData, as: UTF8.self))
}

@Suite("Reliability: fit never replaces a folder that is not a model")
struct FitTargetTests {
  /// `fit` of the seeds into `model` (the fit itself never starts when the folder is refused).
  func fit(into model: String) async -> CLIRun {
    await CLIRunner.run([
      "fit", RepositoryPaths.seeds.path, "--model", model, "--quiet",
      "--themes-file", RepositoryPaths.root.appendingPathComponent("models/themes.yaml").path,
      "--user-dictionary", RepositoryPaths.root.appendingPathComponent("models/userdict.txt").path,
    ])
  }

  @Test("--model pointing at the newsletters folder is refused, the newsletters kept")
  func newslettersFolder() async throws {
    let scratch = try ScratchFolder("fit-seeds")
    try FileManager.default.copyItem(at: RepositoryPaths.seeds, to: scratch.url.appendingPathComponent("seeds"))
    let before = scratch.snapshot()
    let run = await fit(into: scratch.path("seeds"))
    #expect(run.exitCode == 74)
    #expect(run.diagnostics.contains("Refusing to write a model to \(scratch.path("seeds"))"))
    #expect(run.diagnostics.contains("no manifest.json"))
    #expect(run.output.isEmpty)
    #expect(scratch.snapshot() == before)
  }

  @Test("--model pointing at a folder of models and settings is refused")
  func modelsFolder() async throws {
    let scratch = try ScratchFolder("fit-models")
    _ = try scratch.copySeedModel(to: "models/seeds")
    try scratch.write("theme: x\n", to: "models/themes.yaml")
    try scratch.write("低空经济\n", to: "models/userdict.txt")
    let before = scratch.snapshot()
    let run = await fit(into: scratch.path("models"))
    #expect(run.exitCode == 74)
    #expect(run.diagnostics.contains(scratch.path("models")))
    #expect(scratch.snapshot() == before)
  }

  @Test("a folder holding a user's file is refused and the file kept")
  func userFile() async throws {
    let scratch = try ScratchFolder("fit-thesis")
    try scratch.write("my thesis", to: "mydocs/thesis.txt")
    let before = scratch.snapshot()
    let run = await fit(into: scratch.path("mydocs"))
    #expect(run.exitCode == 74)
    #expect(run.diagnostics.contains(scratch.path("mydocs")))
    #expect(scratch.snapshot() == before)
  }

  @Test("a model folder with a note dropped into it is refused, naming the note")
  func modelWithNote() async throws {
    let scratch = try ScratchFolder("fit-note")
    let model = try scratch.copySeedModel()
    try scratch.write("remember", to: "model/notes.md")
    let before = scratch.snapshot()
    let run = await fit(into: model)
    #expect(run.exitCode == 74)
    #expect(run.diagnostics.contains("notes.md"))
    #expect(scratch.snapshot() == before)
  }

  @Test("a file where the model folder should be is refused")
  func fileInTheWay() async throws {
    let scratch = try ScratchFolder("fit-file")
    try scratch.write("keep", to: "model")
    let run = await fit(into: scratch.path("model"))
    #expect(run.exitCode == 74)
    #expect(run.diagnostics.contains("it is a file"))
    #expect(FileManager.default.contents(atPath: scratch.path("model")) == Data("keep".utf8))
  }

  @Test("an empty --model is a usage error", arguments: ["", " "])
  func emptyModel(value: String) async {
    let run = await fit(into: value)
    #expect(run.exitCode == 64)
    #expect(run.diagnostics.contains("--model must name a folder"))
  }

  @Test("--model . in a working folder is refused and the folder untouched (built binary)")
  func workingFolder() async throws {
    let scratch = try ScratchFolder("fit-dot")
    try scratch.write("notes", to: "notes.txt")
    try scratch.write("theme: x\n", to: "models/themes.yaml")
    let before = scratch.snapshot()
    for model in [".", "./", "models/.."] {
      guard
        let run = try runBinary(["fit", RepositoryPaths.seeds.path, "--model", model, "--no-themes"], in: scratch.url)
      else { return }
      #expect(run.exitCode == 74, "--model \(model)")
      #expect(run.diagnostics.contains("Refusing to write a model"))
      #expect(scratch.snapshot() == before)
    }
  }
}

@Suite("Reliability: writers take turns, readers see one generation")
struct ConcurrentWriterTests {
  static let noteA = """
    苏州市出台低空经济高质量发展行动方案
    2024年5月10日，苏州市印发低空经济行动方案，支持无人机物流配送和起降场建设，培育低空经济产业集群。
    """
  static let noteB = """
    杭州市加快人形机器人产业创新发展
    2024年6月3日，杭州市发布人形机器人产业政策，设立专项资金支持关键零部件攻关和场景应用示范。
    """

  @Test("two adds started together both land in the model (in one process)")
  func concurrentAddsInProcess() async throws {
    let scratch = try ScratchFolder("add-race")
    let model = try scratch.copySeedModel()
    try scratch.write(Self.noteA, to: "a/note-a.txt")
    try scratch.write(Self.noteB, to: "b/note-b.txt")
    let (fileA, fileB) = (scratch.path("a/note-a.txt"), scratch.path("b/note-b.txt"))
    async let first = CLIRunner.run(["add", fileA, "--model", model, "--quiet"])
    async let second = CLIRunner.run(["add", fileB, "--model", model, "--quiet"])
    let runs = await [first, second]
    #expect(runs.map(\.exitCode) == [0, 0], "\(runs.map(\.diagnostics))")
    let after = await CLIRunner.run(["articles", "--model", model])
    #expect(after.output.contains("苏州市出台低空经济高质量发展行动方案"))
    #expect(after.output.contains("杭州市加快人形机器人产业创新发展"))
  }

  @Test("two add processes started together both land in the model (built binary)")
  func concurrentAddProcesses() async throws {
    guard let executable = CLIRunner.executable else { return }
    let scratch = try ScratchFolder("add-race-bin")
    let model = try scratch.copySeedModel()
    try scratch.write(Self.noteA, to: "a/note-a.txt")
    try scratch.write(Self.noteB, to: "b/note-b.txt")
    let processes = ["a/note-a.txt", "b/note-b.txt"].map { file in
      let process = Process()
      process.executableURL = executable
      process.arguments = ["add", scratch.path(file), "--model", model, "--quiet"]
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      return process
    }
    for process in processes { try process.run() }
    for process in processes { process.waitUntilExit() }
    #expect(processes.map(\.terminationStatus) == [0, 0])
    let after = await CLIRunner.run(["articles", "--model", model])
    #expect(after.output.contains("苏州市出台低空经济高质量发展行动方案"))
    #expect(after.output.contains("杭州市加快人形机器人产业创新发展"))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).filter {
      $0.contains("staging")
    }
    #expect(leftovers.isEmpty)
  }
}
