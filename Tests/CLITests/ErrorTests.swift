import Foundation
import Testing
import TestSupport

@testable import policylens

@Suite("Errors a user can act on")
struct ErrorTests {
  @Test("an unknown article id suggests close ids and exits 66, as missing input does")
  func unknownArticle() async {
    let run = await CLIRunner.run(["similar", "2024-21#99", "--model", CLIRunner.seedModel])
    #expect(run.exitCode == 66)
    #expect(run.output.isEmpty)
    #expect(run.diagnostics.contains("No article with id 2024-21#99"))
    #expect(run.diagnostics.contains("2024-21#9"))
  }

  @Test(
    "a mistyped subcommand gets a suggestion and exits 64", arguments: [("simlar", "similar"), ("artcles", "articles")])
  func subcommandTypo(typed: String, meant: String) async {
    let run = await CLIRunner.run([typed, "2024-21#1"])
    #expect(run.exitCode == 64)
    #expect(run.diagnostics.contains("Did you mean \(meant)?"))
  }

  @Test("an unknown place is a usage error with suggestions; a known place without articles says so")
  func places() async {
    let unknown = await CLIRunner.run(["articles", "--model", CLIRunner.seedModel, "--region", "Jiangsuu"])
    #expect(unknown.exitCode == 64)
    #expect(unknown.diagnostics.contains("Jiangsu (江苏)"))
    let empty = await CLIRunner.run(["articles", "--model", CLIRunner.seedModel, "--region", "宁夏回族自治区"])
    #expect(empty.exitCode == 0)
    #expect(empty.output.contains("No articles of 宁夏"))
  }

  @Test("a hint quotes a model path with a space")
  func quotedHint() async {
    let run = await CLIRunner.run(["topics", "--model", "/nonexistent/my models"])
    #expect(run.exitCode == 66)
    #expect(run.diagnostics.contains("--model '/nonexistent/my models'"))
  }

  @Test("a missing model exits 66 and says how to fit one")
  func missingModel() async {
    let run = await CLIRunner.run(["topics", "--model", "/nonexistent/model"])
    #expect(run.exitCode == 66)
    #expect(run.diagnostics.contains("policylens fit"))
  }

  @Test("fit with a missing themes file exits 66 and offers --no-themes, writing no model")
  func fitMissingThemes() async {
    let model = FileManager.default.temporaryDirectory.appendingPathComponent("fit-\(UUID().uuidString)")
    let run = await CLIRunner.run([
      "fit", RepositoryPaths.seeds.path, "--model", model.path, "--quiet",
      "--user-dictionary", RepositoryPaths.root.appendingPathComponent("models/userdict.txt").path,
      "--themes-file", "/nonexistent/themes.yaml",
    ])
    #expect(run.exitCode == 66)
    #expect(run.diagnostics.contains("/nonexistent/themes.yaml"))
    #expect(run.diagnostics.contains("--no-themes"))
    #expect(!FileManager.default.fileExists(atPath: model.path))
  }

  @Test("a missing input path exits 66 and names it")
  func missingPath() async {
    let run = await CLIRunner.run(["ingest", "/nonexistent/newsletter.txt"])
    #expect(run.exitCode == 66)
    #expect(run.diagnostics.contains("/nonexistent/newsletter.txt"))
  }

  @Test("query text without known terms is refused rather than answered with noise")
  func unknownTerms() async {
    let run = await CLIRunner.run(["similar", "--text", "的 了 123", "--model", CLIRunner.seedModel])
    #expect(run.exitCode != 0)
    #expect(run.output.isEmpty)
    #expect(run.diagnostics.contains("no topic terms"))
  }

  @Test("a query made only of a place says what it understood and where to look instead")
  func placeOnlyQuery() async {
    let run = await CLIRunner.run(["similar", "--text", "江苏省", "--model", CLIRunner.seedModel])
    #expect(run.exitCode == 65)
    #expect(run.output.isEmpty)
    #expect(run.diagnostics.contains("Understood the place 江苏"))
    #expect(run.diagnostics.contains("policylens articles --region 江苏"))
  }

  @Test("dates that do not parse name the flag and the value", arguments: ["2024-13", "yesterday", "2024-02-30"])
  func badDate(value: String) async {
    let run = await CLIRunner.run(["similar", "2024-21#1", "--since", value, "--model", CLIRunner.seedModel])
    #expect(run.exitCode == 64)
    #expect(run.diagnostics.contains("--since"))
    #expect(run.diagnostics.contains(value))
  }

  @Test("an unknown theme key suggests the closest keys")
  func unknownTheme() async {
    let run = await CLIRunner.run(["tag", "--theme", "green-financ"] + CLIRunner.modelArguments())
    #expect(run.exitCode == 64)
    #expect(run.diagnostics.contains("green-finance"))
  }

  @Test("a theme file with a bad line names the file and line")
  func malformedThemes() async throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("themes-\(UUID().uuidString).yaml")
    try "themes:\n  - key: x\n\tname: bad\n".write(to: url, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: url) }
    let run = await CLIRunner.run(["themes", "--model", CLIRunner.seedModel, "--themes-file", url.path])
    #expect(run.exitCode == 65)
    #expect(run.diagnostics.contains(url.path))
    #expect(run.diagnostics.contains("line 3"))
  }

  @Test("--k larger than the number of articles is a usage error")
  func tooManyClusters() async {
    let run = await CLIRunner.run(["clusters", "--k", "5000", "--model", CLIRunner.seedModel])
    #expect(run.exitCode == 64)
    #expect(run.diagnostics.contains("--k"))
  }

  @Test("--dimensions larger than the corpus allows names the flag and the limit")
  func tooManyDimensions() async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fit-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = await CLIRunner.run([
      "fit", RepositoryPaths.seeds.path, "--model", folder.path, "--dimensions", "5000", "--quiet",
      "--user-dictionary", RepositoryPaths.root.appendingPathComponent("models/userdict.txt").path,
      "--themes-file", RepositoryPaths.root.appendingPathComponent("models/themes.yaml").path,
    ])
    #expect(run.exitCode == 64)
    #expect(run.diagnostics.contains("--dimensions must be between 1 and"))
    #expect(run.diagnostics.contains("5000"))
    #expect(!FileManager.default.fileExists(atPath: folder.path), "a failed fit left a model behind")
  }

  @Test("fit's older flag names --dims and --rank still set the dimensions; giving two names is an error")
  func olderDimensionFlags() throws {
    for name in ["--dimensions", "--dims", "--rank"] {
      #expect(try FitCommand.parse(["seeds", name, "40"]).dimensionCount == 40, "\(name)")
    }
    #expect(try FitCommand.parse(["seeds"]).dimensionCount == nil)
    #expect(throws: (any Error).self) { try FitCommand.parse(["seeds", "--dimensions", "40", "--dims", "40"]) }
    #expect(throws: (any Error).self) { try FitCommand.parse(["seeds", "--dimensions", "0"]) }
  }

  @Test("a refit whose model write fails midway (a file-size limit, like a full disk) keeps the old model")
  func failedWriteKeepsModel() async throws {
    let executable = try #require(CLIRunner.executable, "build policylens first")
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("full-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let model = folder.appendingPathComponent("model")
    let fitArguments = [
      "fit", RepositoryPaths.seeds.path, "--model", model.path, "--quiet",
      "--user-dictionary", RepositoryPaths.root.appendingPathComponent("models/userdict.txt").path,
      "--themes-file", RepositoryPaths.root.appendingPathComponent("models/themes.yaml").path,
    ]
    let first = await CLIRunner.run(fitArguments)
    try #require(first.exitCode == 0, "\(first.diagnostics)")
    func snapshot() throws -> [String: Data] {
      let names = try FileManager.default.contentsOfDirectory(atPath: model.path)
      return try Dictionary(
        uniqueKeysWithValues: names.map {
          ($0, try Data(contentsOf: model.appendingPathComponent($0)))
        })
    }
    let before = try snapshot()
    // With 40 dimensions, term_loadings.npy (terms × 40 doubles) passes the 1 MiB limit below
    // when there are more than 3,277 terms; the seeds have about 7,000.
    let terms = before["vocabulary.tsv"].map { $0.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } } ?? 0
    #expect(terms * 40 * 8 > 1 << 20, "the limit below no longer interrupts the write")

    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments =
      ["-c", "ulimit -f 1024; exec \"$0\" \"$@\"", executable.path] + fitArguments + ["--dimensions", "40"]
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let diagnostics = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()

    #expect(process.terminationReason == .exit, "killed by a signal instead of reporting the failed write")
    #expect(process.terminationStatus == ExitStatus.cannotWrite)
    #expect(diagnostics.contains(model.path))
    #expect(diagnostics.contains("The previous model, if any, is unchanged"))
    #expect(try snapshot() == before, "the old model changed")
    // Only the model and its writers' lock file (.model.lock) remain.
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [".model.lock", "model"],
      "a staging folder was left behind")
    let loaded = await CLIRunner.run(["topics", "--model", model.path, "-n", "3"])
    #expect(loaded.exitCode == 0, "\(loaded.diagnostics)")
  }

  @Test("the binary keeps results on stdout and errors on stderr, with sysexits codes")
  func endToEnd() throws {
    let executable = try #require(CLIRunner.executable, "build policylens first")
    func run(_ arguments: [String]) throws -> (Int32, String, String) {
      let process = Process()
      process.executableURL = executable
      process.arguments = arguments
      let out = Pipe()
      let err = Pipe()
      process.standardOutput = out
      process.standardError = err
      try process.run()
      let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      process.waitUntilExit()
      return (process.terminationStatus, output, errors)
    }
    let ok = try run(["similar", "2024-21#1", "-n", "3", "--model", CLIRunner.seedModel])
    #expect(ok.0 == 0)
    #expect(ok.1.contains("2024-21#1"))
    #expect(ok.2.isEmpty)
    let usage = try run(["similar", "2024-21#1", "--bogus"])
    #expect(usage.0 == 64)
    #expect(usage.1.isEmpty)
    #expect(usage.2.contains("--bogus"))
    let missing = try run(["articles", "/nonexistent"])
    #expect(missing.0 == 66)
    #expect(missing.2.hasPrefix("Error: "))
  }
}

@Suite("A model with a single issue")
struct SingleIssueTests {
  @Test("timeline says a trend needs two periods; the report still renders, without a timeline")
  func singlePeriod() async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("single-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let model = folder.appendingPathComponent("model").path
    let themes = RepositoryPaths.root.appendingPathComponent("models/themes.yaml").path
    let fit = await CLIRunner.run([
      "fit", RepositoryPaths.seeds.appendingPathComponent("000_01685ed864da3128.txt").path, "--model", model,
      "--quiet", "--user-dictionary", RepositoryPaths.root.appendingPathComponent("models/userdict.txt").path,
      "--themes-file", themes,
    ])
    #expect(fit.exitCode == 0, "\(fit.diagnostics)")
    let timeline = await CLIRunner.run(["timeline", "--model", model, "--themes-file", themes])
    #expect(timeline.exitCode == 65)
    #expect(timeline.diagnostics.contains("a trend needs at least two periods"))
    let html = folder.appendingPathComponent("report.html").path
    let report = await CLIRunner.run(["report", "--model", model, "--themes-file", themes, "--out", html])
    #expect(report.exitCode == 0, "\(report.diagnostics)")
    #expect(report.diagnostics.contains("at least two issues"))
    #expect(FileManager.default.fileExists(atPath: html))
  }

  @Test("a theme whose examples name unknown articles is refused with the closest ids")
  func unknownThemeExamples() async throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("themes-\(UUID().uuidString).yaml")
    defer { try? FileManager.default.removeItem(at: file) }
    try """
    themes:
      - key: low-altitude
        name: 低空经济
        seeds: [低空经济]
        examples: [2024-21#99]
    """.write(to: file, atomically: true, encoding: .utf8)
    let run = await CLIRunner.run(["tag", "--model", CLIRunner.seedModel, "--themes-file", file.path])
    #expect(run.exitCode == 65)
    #expect(run.diagnostics.contains("2024-21#99"))
    #expect(run.diagnostics.contains("Closest articles: 2024-21#"))
  }

  @Test("a themes file edited after the fit is used as it is, with a note naming the changed themes")
  func editedThemes() async throws {
    let original = try String(
      contentsOf: RepositoryPaths.root.appendingPathComponent("models/themes.yaml"), encoding: .utf8)
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("themes-\(UUID().uuidString).yaml")
    defer { try? FileManager.default.removeItem(at: file) }
    try original.replacingOccurrences(of: "seeds: [绿色金融, ", with: "seeds: [绿色金融, 气候金融, ")
      .write(to: file, atomically: true, encoding: .utf8)
    let run = await CLIRunner.run([
      "tag", "--theme", "green-finance", "--model", CLIRunner.seedModel, "--themes-file", file.path,
    ])
    #expect(run.exitCode == 0)
    #expect(run.diagnostics.contains("changed: green-finance"))
  }
}
