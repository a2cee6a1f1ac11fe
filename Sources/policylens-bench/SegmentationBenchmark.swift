import ArgumentParser
import Foundation

#if canImport(Glibc)
  import Glibc
#endif
import PolicyLensKit
import TextAnalysis

/// `policylens-bench segment`: throughput of normalisation + segmentation (+ term filtering),
/// lexicon load time and memory, and optionally the same measurements for jieba and rjieba.
///
/// The corpus is the seed files in name order, one document each; `--megabytes N` repeats
/// them until the UTF-8 size reaches N × 10⁶ bytes (bench/segmentation_peers.py builds the
/// same list). MB/s = UTF-8 bytes / 10⁶ / seconds on one core, median and best over
/// `--repetitions` after one warm-up pass.
struct SegmentationBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "segment",
    abstract: "Chinese segmentation throughput (MB/s), lexicon load time and memory.",
    discussion: """
      Example: swift run -c release policylens-bench segment --seeds --repetitions 5 --peers
      """)

  @Flag(help: "Use the seed files once each (the default unless --megabytes is given).")
  var seeds = false

  @Option(help: "Repeat the seed files until the corpus has this many megabytes (10⁶ bytes).")
  var megabytes: Double?

  @Option(help: "Timed passes over the corpus, after one warm-up pass.")
  var repetitions = 5

  @Flag(help: "Print one JSON document instead of a table.")
  var json = false

  @Option(help: "Folder with the seed newsletters.", completion: .directory)
  var seedsDirectory = "seeds"

  @Option(help: "jieba-format base lexicon.", completion: .file())
  var lexicon = TextAnalysisOptions.debianJiebaLexiconPath

  @Option(help: "Add this user dictionary (default: none, i.e. jieba's default mode).", completion: .file())
  var userDictionary: String?

  @Option(
    help: """
      Analyse as this model's fit did (its lexicon, user dictionary, discovered phrases, stop \
      words and sub-words) instead of jieba's default mode.
      """, completion: .directory)
  var model: String?

  @Option(help: "Cache folder for the compiled lexicon.", completion: .directory)
  var cacheDirectory = "models/.cache"

  @Flag(help: "Also run bench/segmentation_peers.py (jieba, rjieba) on the same corpus and print ratios.")
  var peers = false

  func validate() throws {
    guard repetitions >= 1 else { throw ValidationError("--repetitions must be at least 1; got \(repetitions).") }
    if let megabytes, !(megabytes > 0) { throw ValidationError("--megabytes must be positive; got \(megabytes).") }
  }

  func run() throws {
    let documents = try corpus()
    let bytes = documents.reduce(0) { $0 + $1.utf8.count }
    let cache = URL(fileURLWithPath: cacheDirectory, isDirectory: true)
    var options = TextAnalysisOptions(lexiconPath: lexicon)
    if let model {
      options = try ModelManifest.load(from: URL(fileURLWithPath: model, isDirectory: true)).parameters.textAnalysis
    }
    if let userDictionary {
      options.userDictionary = try UserDictionary(contentsOf: URL(fileURLWithPath: userDictionary))
    }
    let residentBefore = Self.residentBytes()
    let clock = ContinuousClock()
    let firstStart = clock.now
    let first = try TextAnalyzer(options: options, cacheDirectory: cache)
    let firstLoad = clock.now - firstStart
    let residentAfter = Self.residentBytes()
    let warmStart = clock.now
    let analyzer = try TextAnalyzer(options: options, cacheDirectory: cache)
    let warmLoad = clock.now - warmStart
    _ = first

    var sink = 0
    /// MB/s per repetition, by wall clock and by this thread's CPU time (the shared
    /// machine's other processes inflate wall time, not CPU time).
    func measure(_ body: (String) -> Int) -> (wall: [Double], cpu: [Double]) {
      for document in documents { sink &+= body(document) }
      var wall: [Double] = []
      var cpu: [Double] = []
      for _ in 0..<repetitions {
        let start = clock.now
        let cpuStart = Self.threadCPUSeconds()
        for document in documents { sink &+= body(document) }
        cpu.append(Double(bytes) / 1e6 / max(Self.threadCPUSeconds() - cpuStart, 1e-9))
        wall.append(Double(bytes) / 1e6 / (clock.now - start).seconds)
      }
      return (wall, cpu)
    }
    let (tokenRates, tokenCPURates) = measure { analyzer.tokens(in: $0).count }
    let (termRates, termCPURates) = measure { analyzer.terms(in: $0).count }
    let tokenCount = documents.reduce(0) { $0 + analyzer.tokens(in: $1).count }

    var report: [String: Any] = [
      "benchmark": "segment",
      "corpus": ["documents": documents.count, "bytes": bytes, "megabytes": megabytes ?? 0, "tokens": tokenCount],
      "repetitions": repetitions,
      "analysis": model.map { "as fitted in \($0)" } ?? "jieba default",
      "build": Self.buildConfiguration,
      "machine": ProcessInfo.processInfo.hostName + " / " + "\(ProcessInfo.processInfo.activeProcessorCount) cores",
      "tokensMBps": ["median": Statistics.median(tokenRates), "best": tokenRates.max() ?? 0],
      "termsMBps": ["median": Statistics.median(termRates), "best": termRates.max() ?? 0],
      "tokensMBpsCPU": ["median": Statistics.median(tokenCPURates), "best": tokenCPURates.max() ?? 0],
      "termsMBpsCPU": ["median": Statistics.median(termCPURates), "best": termCPURates.max() ?? 0],
      "lexicon": [
        "firstLoadMilliseconds": firstLoad.seconds * 1000,
        "firstLoadStatus": "\(first.lexiconReport.cacheStatus)",
        "cachedLoadMilliseconds": warmLoad.seconds * 1000,
        "cachedLoadStatus": "\(analyzer.lexiconReport.cacheStatus)",
        "words": analyzer.lexiconReport.wordCount,
        "entries": analyzer.lexiconReport.entryCount,
        "tableBytes": analyzer.lexiconReport.residentBytes,
        "residentGrowthBytes": max(0, residentAfter - residentBefore),
        "checksum": analyzer.lexiconReport.checksum,
      ],
      "sink": sink & 1,
    ]
    if peers, let peerReport = try runPeers() {
      report["peers"] = peerReport
      var ratios: [String: Double] = [:]
      for (name, value) in peerReport {
        guard let entry = value as? [String: Any] else { continue }
        if let median = entry["medianMBps"] as? Double, median > 0 {
          ratios[name] = Statistics.median(termRates) / median
        }
        if let median = entry["medianMBpsCPU"] as? Double, median > 0 {
          ratios[name + "CPU"] = Statistics.median(termCPURates) / median
        }
      }
      report["ratiosOursTermsOverPeer"] = ratios
    }
    if json {
      let data = try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys, .withoutEscapingSlashes])
      print(String(decoding: data, as: UTF8.self))
    } else {
      printTable(
        report, tokenRates: tokenRates, termRates: termRates, termCPURates: termCPURates, tokenCPURates: tokenCPURates)
    }
  }

  private func printTable(
    _ report: [String: Any], tokenRates: [Double], termRates: [Double], termCPURates: [Double], tokenCPURates: [Double]
  ) {
    let corpus = report["corpus"] as? [String: Any] ?? [:]
    let lexicon = report["lexicon"] as? [String: Any] ?? [:]
    func f(_ value: Any?) -> String { String(format: "%.2f", (value as? Double) ?? 0) }
    print(
      "corpus: \(corpus["documents"] ?? 0) documents, \(corpus["bytes"] ?? 0) bytes, \(corpus["tokens"] ?? 0) tokens; "
        + "build \(Self.buildConfiguration); \(repetitions) repetitions; analysis \(report["analysis"] ?? "")")
    print(
      "ours tokens(in:)  median \(f(Statistics.median(tokenRates))) MB/s  best \(f(tokenRates.max())) MB/s  "
        + "(per CPU second: median \(f(Statistics.median(tokenCPURates))), best \(f(tokenCPURates.max())))")
    print(
      "ours terms(in:)   median \(f(Statistics.median(termRates))) MB/s  best \(f(termRates.max())) MB/s  "
        + "(per CPU second: median \(f(Statistics.median(termCPURates))), best \(f(termCPURates.max())))")
    print(
      "lexicon: first load \(f(lexicon["firstLoadMilliseconds"])) ms (\(lexicon["firstLoadStatus"] ?? "")), "
        + "cached load \(f(lexicon["cachedLoadMilliseconds"])) ms (\(lexicon["cachedLoadStatus"] ?? "")), "
        + "\(lexicon["words"] ?? 0) words, \(lexicon["entries"] ?? 0) entries, "
        + "table \(((lexicon["tableBytes"] as? Int) ?? 0) / 1_048_576) MiB, RSS growth "
        + "\(((lexicon["residentGrowthBytes"] as? Int) ?? 0) / 1_048_576) MiB")
    if let peers = report["peers"] as? [String: Any] {
      for name in peers.keys.sorted() {
        guard let entry = peers[name] as? [String: Any] else { continue }
        let median = (entry["medianMBps"] as? Double) ?? 0
        let medianCPU = (entry["medianMBpsCPU"] as? Double) ?? 0
        let ratio = median > 0 ? Statistics.median(termRates) / median : 0
        let ratioCPU = medianCPU > 0 ? Statistics.median(termCPURates) / medianCPU : 0
        print(
          "\(name) \(entry["version"] ?? "")  median \(f(median)) MB/s  best \(f(entry["bestMBps"])) MB/s  "
            + "(per CPU second \(f(medianCPU)))  → ours (terms) / \(name) = \(String(format: "%.1f", ratio))× "
            + "(CPU \(String(format: "%.1f", ratioCPU))×)")
      }
    }
  }

  private func corpus() throws -> [String] {
    let folder = URL(fileURLWithPath: seedsDirectory, isDirectory: true)
    let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
      .filter { $0.pathExtension == "txt" }
      .sorted { $0.lastPathComponent < $1.lastPathComponent }
    let texts = try files.map { String(decoding: try Data(contentsOf: $0), as: UTF8.self) }
    guard !texts.isEmpty else { throw ValidationError("No .txt files in \(seedsDirectory).") }
    guard let megabytes else { return texts }
    let target = Int(megabytes * 1e6)
    var documents: [String] = []
    var size = 0
    outer: while size < target {
      for text in texts {
        documents.append(text)
        size += text.utf8.count
        if size >= target { break outer }
      }
    }
    return documents
  }

  private func runPeers() throws -> [String: Any]? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    var arguments = [
      "python3", "bench/segmentation_peers.py", "--seeds", seedsDirectory,
      "--repetitions", "\(repetitions)", "--json",
    ]
    if let megabytes { arguments += ["--megabytes", "\(megabytes)"] }
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0,
      let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    else { return nil }
    return object["peers"] as? [String: Any]
  }

  /// CPU time consumed by the calling thread, in seconds.
  static func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
  }

  /// Resident set size from /proc/self/status (Linux), or 0.
  static func residentBytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
      let digits = line.filter(\.isNumber)
      return (Int(digits) ?? 0) * 1024
    }
    return 0
  }

  #if DEBUG
    static let buildConfiguration = "debug"
  #else
    static let buildConfiguration = "release"
  #endif
}
