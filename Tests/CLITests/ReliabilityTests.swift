import FileIntegrity
import Foundation
import PolicyLensKit
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
    let after = await CLIRunner.run(["articles", "--model", model, "--json"])
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
    let after = await CLIRunner.run(["articles", "--model", model, "--json"])
    #expect(after.output.contains("苏州市出台低空经济高质量发展行动方案"))
    #expect(after.output.contains("杭州市加快人形机器人产业创新发展"))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).filter {
      $0.contains("staging")
    }
    #expect(leftovers.isEmpty)
  }
}

@Suite("Reliability: results to a full or closed stdout")
struct OutputStreamTests {
  @Test("results to a full disk exit 74 saying so (built binary)")
  func fullDisk() throws {
    guard let executable = CLIRunner.executable, let full = FileHandle(forWritingAtPath: "/dev/full") else { return }
    let process = Process()
    process.executableURL = executable
    process.arguments = ["articles", "--model", CLIRunner.seedModel]
    process.standardOutput = full
    let diagnostics = Pipe()
    process.standardError = diagnostics
    try process.run()
    let message = String(decoding: diagnostics.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 74)
    #expect(message.contains("No space left on device"))
    #expect(!message.contains("Fatal error"))
  }

  @Test("a reader that stops early ends the process quietly (built binary)")
  func closedPipe() throws {
    guard let executable = CLIRunner.executable else { return }
    let process = Process()
    process.executableURL = executable
    process.arguments = ["articles", "--model", CLIRunner.seedModel]
    let output = Pipe()
    let diagnostics = Pipe()
    process.standardOutput = output
    process.standardError = diagnostics
    try output.fileHandleForReading.close()
    try process.run()
    let message = String(decoding: diagnostics.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let quiet =
      (process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGPIPE)
      || process.terminationStatus == 74
    #expect(quiet, "status \(process.terminationStatus)")
    #expect(!message.contains("Fatal error"))
  }
}

@Suite("Reliability: no debris from killed writers")
struct StagingDebrisTests {
  @Test("the next writer removes staging folders of dead processes and keeps a live one's")
  func staleStaging() async throws {
    let scratch = try ScratchFolder("stale")
    let model = try scratch.copySeedModel()
    try scratch.write("partial", to: ".model.staging-99999999/idf.npy")
    try scratch.write("partial", to: ".model.staging-99999998.old/idf.npy")
    try scratch.write("live", to: ".model.staging-1/idf.npy")  // pid 1 is always running
    try scratch.write(ConcurrentWriterTests.noteA, to: "a/note-a.txt")
    let run = await CLIRunner.run(["add", scratch.path("a/note-a.txt"), "--model", model, "--quiet"])
    #expect(run.exitCode == 0, "\(run.diagnostics)")
    let names = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).filter {
      $0.contains("staging")
    }
    #expect(names == [".model.staging-1"])
  }

  @Test("SIGTERM during a fit leaves no staging folder and exits 143 (built binary)")
  func terminatedFit() throws {
    guard let executable = CLIRunner.executable else { return }
    let scratch = try ScratchFolder("sigterm")
    let process = Process()
    process.executableURL = executable
    process.arguments = [
      "fit", RepositoryPaths.seeds.path, "--model", scratch.path("model"), "--no-themes", "--quiet",
      "--user-dictionary", RepositoryPaths.root.appendingPathComponent("models/userdict.txt").path,
    ]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    // Wait for the save to begin (its staging folder appears), then interrupt it.
    var sawStaging = false
    while process.isRunning {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: scratch.url.path)) ?? []
      if names.contains(where: { $0.contains("staging") }) {
        sawStaging = true
        process.terminate()
        break
      }
      usleep(500)
    }
    process.waitUntilExit()
    let names = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path)
    #expect(!names.contains { $0.contains("staging") || $0.contains(".tmp-") }, "\(names)")
    if sawStaging {
      // Either the signal arrived during the save (143) or just after it finished (0).
      #expect([143, 0].contains(process.terminationStatus))
    }
  }

  @Test("SIGTERM during an add that appends a segment leaves the old or the new model, whole (built binary)")
  func terminatedAdd() async throws {
    guard let executable = CLIRunner.executable else { return }
    let scratch = try ScratchFolder("sigterm-add")
    let model = try scratch.copySeedModel()
    try scratch.write(ConcurrentWriterTests.noteA, to: "a/note-a.txt")
    try scratch.write(ConcurrentWriterTests.noteB, to: "b/note-b.txt")
    // The first add rewrites the committed model (it predates content keys); the second appends.
    let first = await CLIRunner.run(["add", scratch.path("a/note-a.txt"), "--model", model, "--quiet"])
    #expect(first.exitCode == 0, "\(first.diagnostics)")
    let before = try PolicyModel.load(from: URL(fileURLWithPath: model))
    let process = Process()
    process.executableURL = executable
    process.arguments = ["add", scratch.path("b/note-b.txt"), "--model", model, "--quiet"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    while process.isRunning {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: scratch.url.path)) ?? []
      if names.contains(where: { $0.contains("staging") }) {
        process.terminate()
        break
      }
      usleep(200)
    }
    process.waitUntilExit()
    let names = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path)
    #expect(!names.contains { $0.contains("staging") || $0.contains(".tmp-") }, "\(names)")
    let after = try PolicyModel.load(from: URL(fileURLWithPath: model))  // every checksum verified
    #expect([before.articles.count, before.articles.count + 1].contains(after.articles.count))
    #expect(Array(after.articles.prefix(before.articles.count)) == before.articles)
  }
}

@Suite("Reliability: a damaged model is an error, never a wrong answer or a crash")
struct DamagedModelTests {
  /// The commands tried on each damaged model, with the files each one reads.
  static let commands: [(arguments: [String], reads: Set<String>)] = {
    let query: Set<String> = [
      "manifest.json", "article_index.tsv", "vocabulary.tsv", "idf.npy", "singular_values.npy",
      "latent_unit_rows.npy", "tfidf_indptr.npy", "tfidf_indices.npy", "tfidf_data.npy", "term_loadings.npy",
    ]
    // Commands that need no article text read the index, not articles.jsonl, and the stored theme
    // evidence with the rest of the model.
    let whole: Set<String> = [
      "manifest.json", "vocabulary.tsv", "idf.npy", "singular_values.npy", "term_loadings.npy",
      "document_coordinates.npy", "tfidf_indptr.npy", "tfidf_indices.npy", "tfidf_data.npy", "article_index.tsv",
      "theme_evidence.npy", "theme_evidence_phrases.npy",
    ]
    // Tagging with themes that have no examples reads no TF-IDF rows and maps the unit latent
    // rows instead of the coordinates (files not read are not checksummed: a command is answered
    // from the files it reads, and each of those is checked).
    let tagging = whole.subtracting([
      "tfidf_indptr.npy", "tfidf_indices.npy", "tfidf_data.npy", "document_coordinates.npy",
    ]).union(["latent_unit_rows.npy"])
    let themes = ["--themes-file", RepositoryPaths.root.appendingPathComponent("models/themes.yaml").path]
    return [
      (["similar", "2024-21#4"], query),
      (["similar", "--text", "低空经济 起降场 无人机"], query),
      (["topics"], whole),
      (["tag"] + themes, tagging),
      (["tag", "--themes-file", themesWithExamples], whole.union(["latent_unit_rows.npy"])),
      (["themes"] + themes, tagging),
      (["timeline", "--by", "month", "--themes"] + themes, tagging),
      (["clusters", "--k", "4"], whole),
    ]
  }()

  /// models/themes.yaml with an example for its first theme, so tagging compares TF-IDF rows too.
  static let themesWithExamples: String = {
    // One fixed path, rewritten with the same text by every run (atomically), so none piles up.
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("policylens-themes-with-examples.yaml")
    let original =
      (try? String(contentsOf: RepositoryPaths.root.appendingPathComponent("models/themes.yaml"), encoding: .utf8))
      ?? ""
    var lines = original.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if let seeds = lines.firstIndex(where: { $0.hasPrefix("    seeds:") }) {
      lines.insert("    examples: [2024-21#4]", at: seeds + 1)
    }
    try? lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }()

  static let files = [
    "tfidf_indices.npy", "tfidf_indptr.npy", "tfidf_data.npy", "latent_unit_rows.npy", "term_loadings.npy",
    "idf.npy", "singular_values.npy", "document_coordinates.npy", "vocabulary.tsv", "article_index.tsv",
    "articles.jsonl", "theme_evidence.npy", "theme_evidence_phrases.npy", "manifest.json",
  ]

  @Test("16 flipped bytes in any model file: exit 65 from every command that reads it", arguments: files)
  func flippedBytes(file: String) async throws {
    let scratch = try ScratchFolder("damaged")
    let model = try scratch.copySeedModel()
    let url = URL(fileURLWithPath: model).appendingPathComponent(file)
    let original = try Data(contentsOf: url)
    // In the header (the first bytes) and in the middle of the values.
    for offset in [8, original.count / 2] {
      var damaged = original
      for index in offset..<min(offset + 16, damaged.count) { damaged[index] ^= 0x5A }
      try damaged.write(to: url)
      for command in Self.commands {
        let run = await CLIRunner.run(command.arguments + ["--model", model])
        if command.reads.contains(file) && file != "manifest.json" {
          #expect(run.exitCode == 65, "\(command.arguments) with \(file) damaged at \(offset): \(run.diagnostics)")
          #expect(run.diagnostics.contains(file))
          #expect(run.output.isEmpty)
        } else {
          // The manifest's corpus list may be damaged without harm; anything else is reported.
          #expect([0, 65].contains(run.exitCode), "\(command.arguments) with \(file) damaged at \(offset)")
        }
      }
    }
  }

  /// Rewrites `file` of the model with `data` and records its checksum in the manifest, as a
  /// buggy writer (not a flipped bit) would leave it.
  func replace(_ file: String, in model: String, with data: Data) throws {
    let directory = URL(fileURLWithPath: model)
    try data.write(to: directory.appendingPathComponent(file))
    let manifestURL = directory.appendingPathComponent("manifest.json")
    var manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: manifestURL)) as? [String: Any])
    var files = try #require(manifest["files"] as? [String: [String: Any]])
    files[file]?["checksum"] = Checksum.hex(of: data)
    files[file]?["bytes"] = data.count
    manifest["files"] = files
    try JSONSerialization.data(withJSONObject: manifest).write(to: manifestURL)
  }

  @Test("row offsets that fall, or a column index out of range, are reported even with matching checksums")
  func inconsistentRows() async throws {
    for (file, damage) in [("tfidf_indptr.npy", 0x7F as UInt8), ("tfidf_indices.npy", 0x7F)] {
      let scratch = try ScratchFolder("csr")
      let model = try scratch.copySeedModel()
      var data = try Data(contentsOf: URL(fileURLWithPath: model).appendingPathComponent(file))
      data[data.count - 5] = damage  // the high byte of a value near the end
      try replace(file, in: model, with: data)
      for arguments in [["similar", "2024-21#4"], ["topics"]] {
        let run = await CLIRunner.run(arguments + ["--model", model])
        #expect(run.exitCode == 65, "\(arguments) \(file): \(run.diagnostics)")
        #expect(run.diagnostics.contains("tfidf_"))
      }
    }
  }
}

@Suite("Reliability: add recognises articles by content")
struct AddByContentTests {
  @Test("a second, different note.txt from another folder is added; the same text again is skipped")
  func sameNameDifferentText() async throws {
    let scratch = try ScratchFolder("add-content")
    let model = try scratch.copySeedModel()
    try scratch.write(ConcurrentWriterTests.noteA, to: "one/note.txt")
    try scratch.write(ConcurrentWriterTests.noteB, to: "two/note.txt")
    try scratch.write(ConcurrentWriterTests.noteA, to: "three/copy-of-a.txt")
    let first = await CLIRunner.run(["add", scratch.path("one/note.txt"), "--model", model, "--quiet"])
    #expect(first.exitCode == 0, "\(first.diagnostics)")
    let second = await CLIRunner.run(["add", scratch.path("two/note.txt"), "--model", model, "--quiet"])
    #expect(second.exitCode == 0, "\(second.diagnostics)")
    #expect(second.output.contains("Added 1 articles"))
    let copy = await CLIRunner.run(["add", scratch.path("three/copy-of-a.txt"), "--model", model, "--quiet"])
    #expect(copy.output.contains("Added 0 articles"))
    #expect(copy.output.contains("skipped 1 already in the model"))
    let listed = await CLIRunner.run(["articles", "--model", model, "--json"])
    #expect(listed.output.contains("\"note#1\""))
    #expect(listed.output.contains("\"note-"))
  }

  @Test("a plain text file gets its title, place and date from the text; an undated one a warning")
  func plainText() async throws {
    let scratch = try ScratchFolder("add-plain")
    let model = try scratch.copySeedModel()
    try scratch.write(ConcurrentWriterTests.noteA, to: "dated.txt")
    try scratch.write("深圳市支持人形机器人企业发展\n深圳市发布措施，支持人形机器人企业开展场景应用。\n", to: "undated.txt")
    let run = await CLIRunner.run(["add", scratch.path("dated.txt"), scratch.path("undated.txt"), "--model", model])
    #expect(run.exitCode == 0, "\(run.diagnostics)")
    #expect(run.diagnostics.contains("undated.txt: no date found"))
    let listed = await CLIRunner.run(["articles", "--model", model, "--json"])
    let data = Data(listed.output.utf8)
    struct Listing: Decodable {
      struct Row: Decodable {
        var id: String
        var title: String
        var region: String
        var city: String?
        var date: String?
      }
      var articles: [Row]
    }
    let rows = try JSONDecoder().decode(Listing.self, from: data).articles
    let dated = try #require(rows.first { $0.id == "dated#1" })
    #expect(dated.title == "苏州市出台低空经济高质量发展行动方案")
    #expect(dated.region == "江苏")
    #expect(dated.city == "苏州")
    #expect(dated.date == "2024-05-10")
    let undated = try #require(rows.first { $0.id == "undated#1" })
    #expect(undated.region == "广东")
    #expect(undated.date == nil)
    let timeline = await CLIRunner.run(
      [
        "timeline", "--model", model, "--themes-file",
        RepositoryPaths.root.appendingPathComponent("models/themes.yaml").path,
      ])
    #expect(timeline.exitCode == 0, "\(timeline.diagnostics)")
    #expect(timeline.diagnostics.contains("1 article without a date is left out of the timeline"))
  }
}

@Suite("Reliability: messages say what the path is")
struct SpecialPathTests {
  @Test("a symbolic link loop, a named pipe, a folder named x.txt and /dev/null each get their own message")
  func specialPaths() async throws {
    let scratch = try ScratchFolder("special")
    try FileManager.default.createSymbolicLink(atPath: scratch.path("loop.txt"), withDestinationPath: "loop.txt")
    try FileManager.default.createSymbolicLink(atPath: scratch.path("gone.txt"), withDestinationPath: "missing.txt")
    #expect(mkfifo(scratch.path("fifo.txt"), 0o644) == 0)
    try FileManager.default.createDirectory(atPath: scratch.path("x.txt"), withIntermediateDirectories: false)
    let cases: [(String, String)] = [
      (scratch.path("loop.txt"), "symbolic link that loops"), (scratch.path("gone.txt"), "which does not exist"),
      (scratch.path("fifo.txt"), "named pipe"), (scratch.path("x.txt"), "contains no newsletter files"),
      ("/dev/null", "is a device"),
    ]
    for (path, message) in cases {
      let run = await CLIRunner.run(["ingest", path])
      #expect(run.exitCode == 66, "\(path)")
      #expect(run.diagnostics.contains(message), "\(path): \(run.diagnostics)")
      #expect(!run.diagnostics.contains("Check its permissions"))
    }
    // A folder named like a file inside a folder of newsletters is passed over.
    try FileManager.default.copyItem(
      at: try RepositoryPaths.seedFiles()[0], to: scratch.url.appendingPathComponent("x.txt/issue.txt"))
    try FileManager.default.createDirectory(atPath: scratch.path("x.txt/inner.txt"), withIntermediateDirectories: false)
    let folder = await CLIRunner.run(["ingest", scratch.path("x.txt")])
    #expect(folder.exitCode == 0, "\(folder.diagnostics)")
  }

  @Test("a file-size limit is reported as such, not as a Foundation error code (built binary)")
  func fileSizeLimit() throws {
    guard let executable = CLIRunner.executable else { return }
    let scratch = try ScratchFolder("ulimit")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = [
      "-c", "ulimit -f 8; exec \"$0\" \"$@\"", executable.path, "ingest", RepositoryPaths.seeds.path, "--out",
      scratch.path("out.json"),
    ]
    let diagnostics = Pipe()
    process.standardError = diagnostics
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let message = String(decoding: diagnostics.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 74)
    #expect(message.contains("File too large"))
    #expect(!message.contains("NSCocoaErrorDomain"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).isEmpty)
  }

  @Test("hints quote paths with spaces")
  func quotedHints() async {
    let run = await CLIRunner.run(["topics", "--model", "/nonexistent/my models/seeds"])
    #expect(run.exitCode == 66)
    #expect(run.diagnostics.contains("--model '/nonexistent/my models/seeds'"))
    #expect(ShellQuoting.quote("models/seeds") == "models/seeds")
    #expect(ShellQuoting.quote("it's") == "'it'\\''s'")
  }
}
