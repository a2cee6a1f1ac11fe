import ArgumentParser
import Foundation
import LinearAlgebra
import Reduction
import Vectorization

#if canImport(Glibc)
  import Glibc
#endif

/// `policylens-bench lsa`: times TF-IDF fitting and the truncated SVD on a seeded synthetic
/// corpus, and optionally the same stages in scikit-learn and gensim on the same tokens.
///
/// The corpus: document lengths uniform in 50…250 tokens; each token is term *r* of a
/// universe of `--terms` with probability ∝ 1 / (r + 2.7)^1.07 (Zipf–Mandelbrot, the usual
/// fit for running text), so the number of distinct terms seen grows with the corpus like
/// Heaps' law. Terms are two-character CJK strings, like segmented Chinese.
struct LSABenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lsa",
    abstract: "Time TF-IDF and LSA (randomized SVD) on a synthetic Zipf corpus.",
    discussion: """
      Example: swift run -c release policylens-bench lsa --documents 10000 --dimensions 100 --peers
      """)

  @Option(help: "Number of synthetic documents.") var documents = 10_000
  @Option(help: "Size of the term universe the Zipf sampler draws from.") var terms = 200_000
  @Option(help: ArgumentHelp("Number of latent dimensions k (default 100).", valueName: "k")) var dimensions: Int?
  /// The older name of `--dimensions`, kept for existing scripts; not shown in help.
  @Option(name: .customLong("rank"), help: .hidden) var legacyDimensions: Int?
  @Option(help: "Timed repetitions (median and minimum are reported).") var repetitions = 3
  @Option(help: "Untimed warm-up runs before the timed ones.") var warmUp = 1
  @Option(help: "Seed of the corpus and of the SVD's random test matrix.") var seed: UInt64 = 1
  @Flag(help: "Also time scikit-learn and gensim on the same tokens (runs bench/lsa_peers.py).")
  var peers = false
  @Flag(help: "With --peers, leave gensim out (its LSI is slow at 100k documents).")
  var skipGensim = false
  @Flag(help: "Print one JSON document instead of a table.") var json = false

  /// `--dimensions`, or its older name `--rank`, or the default 100.
  var dimensionCount: Int { dimensions ?? legacyDimensions ?? 100 }

  mutating func validate() throws {
    guard documents >= 2, terms >= 2 else { throw ValidationError("--documents and --terms must be at least 2.") }
    if dimensions != nil && legacyDimensions != nil {
      throw ValidationError("--rank is the older name of --dimensions; give --dimensions only.")
    }
    guard dimensionCount >= 1, dimensionCount < documents else {
      throw ValidationError(
        "--dimensions must be between 1 and --documents − 1 (\(documents - 1)); got \(dimensionCount).")
    }
    guard repetitions >= 1 else { throw ValidationError("--repetitions must be at least 1; got \(repetitions).") }
  }

  func run() throws {
    let corpusStart = ContinuousClock.now
    let corpus = SyntheticCorpus(documentCount: documents, universe: terms, seed: seed)
    let corpusSeconds = (ContinuousClock.now - corpusStart).seconds
    var tfidfTimes: [Double] = []
    var svdTimes: [Double] = []
    var sink = 0.0
    // Each stage's runs one after the other, as bench/lsa_peers.py times the peers: TF-IDF runs
    // right after an SVD would share the cores with OpenBLAS threads still spinning down.
    var model: TFIDFModel?
    for run in 0..<(warmUp + repetitions) {
      let start = ContinuousClock.now
      let fitted = try TFIDFModel(fitting: corpus.documents)
      if run >= warmUp { tfidfTimes.append((ContinuousClock.now - start).seconds) }
      sink += fitted.inverseDocumentFrequency[0]
      model = fitted
    }
    guard let model else { return }
    var lsa: LSAModel?
    for run in 0..<(warmUp + repetitions) {
      let start = ContinuousClock.now
      var generator = SplitMix64(seed: seed)
      let reduced = try LSAModel(
        fitting: model.trainingWeights, options: LSAOptions(dimensionCount: dimensionCount, algorithm: .randomized),
        using: &generator)
      if run >= warmUp { svdTimes.append((ContinuousClock.now - start).seconds) }
      sink += reduced.singularValues[0]
      lsa = reduced
    }
    guard let lsa else { return }
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    var report: [String: Any] = [
      "benchmark": "lsa", "documents": documents, "termUniverse": terms, "dimensions": dimensionCount,
      "seed": seed, "repetitions": repetitions, "warmUp": warmUp,
      "tokens": corpus.tokenCount, "terms": model.vocabulary.count,
      "nonZeros": model.trainingWeights.nonZeroCount,
      "corpusGenerationSeconds": corpusSeconds,
      "tfidfSeconds": ["median": Statistics.median(tfidfTimes), "min": tfidfTimes.min() ?? 0],
      "svdSeconds": ["median": Statistics.median(svdTimes), "min": svdTimes.min() ?? 0],
      "sigma1": lsa.singularValues[0], "sink": sink,
      "peakResidentMegabytes": Double(usage.ru_maxrss) / 1024,
      "configuration": buildConfiguration,
      "processors": ProcessInfo.processInfo.activeProcessorCount,
    ]
    if peers {
      let file = FileManager.default.temporaryDirectory.appendingPathComponent(
        "policylens-lsa-\(documents)-\(seed).tokens")
      try corpus.write(to: file)
      defer { try? FileManager.default.removeItem(at: file) }
      let peer = try runPeers(tokens: file)
      report["peers"] = peer
      var ratios: [String: Double] = [:]
      for library in ["sklearn", "gensim"] {
        guard let stages = peer[library] as? [String: Any] else { continue }
        if let t = (stages["tfidfSeconds"] as? [String: Any])?["median"] as? Double {
          ratios["\(library)TfidfOverOurs"] = t / Statistics.median(tfidfTimes)
        }
        if let s = (stages["svdSeconds"] as? [String: Any])?["median"] as? Double {
          ratios["\(library)SvdOverOurs"] = s / Statistics.median(svdTimes)
        }
      }
      report["ratios"] = ratios
    }
    if json {
      let data = try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys, .prettyPrinted])
      print(String(decoding: data, as: UTF8.self))
    } else {
      printTable(report, tfidf: tfidfTimes, svd: svdTimes)
    }
  }

  private func printTable(_ report: [String: Any], tfidf: [Double], svd: [Double]) {
    func f(_ x: Double) -> String { String(format: "%.3f", x) }
    print(
      "lsa  documents \(documents)  tokens \(report["tokens"] ?? 0)  terms \(report["terms"] ?? 0)  nnz \(report["nonZeros"] ?? 0)  dimensions \(dimensionCount)  (\(buildConfiguration), \(repetitions) runs after \(warmUp) warm-up)"
    )
    print("stage     median s   min s")
    print("tfidf     \(f(Statistics.median(tfidf)))      \(f(tfidf.min() ?? 0))")
    print("svd       \(f(Statistics.median(svd)))      \(f(svd.min() ?? 0))")
    print("peak RSS  \(String(format: "%.0f", report["peakResidentMegabytes"] as? Double ?? 0)) MB")
    if let peers = report["peers"] as? [String: Any] {
      for library in ["sklearn", "gensim"] {
        guard let stages = peers[library] as? [String: Any] else { continue }
        let t = (stages["tfidfSeconds"] as? [String: Any])?["median"] as? Double ?? .nan
        let s = (stages["svdSeconds"] as? [String: Any])?["median"] as? Double ?? .nan
        print(
          "\(library.padding(toLength: 8, withPad: " ", startingAt: 0))  tfidf \(f(t)) s (×\(f(t / Statistics.median(tfidf))) ours)   svd \(f(s)) s (×\(f(s / Statistics.median(svd))) ours)"
        )
      }
      if let peak = peers["peakResidentMegabytes"] as? Double {
        print("peers' peak RSS  \(String(format: "%.0f", peak)) MB (one Python process for all peers)")
      }
      if let versions = peers["versions"] { print("peers: \(versions)") }
    }
  }

  private func runPeers(tokens: URL) throws -> [String: Any] {
    let script = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("bench/lsa_peers.py")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments =
      [
        "python3", script.path, "--tokens", tokens.path, "--dimensions", "\(dimensionCount)",
        "--repetitions", "\(repetitions)", "--seed", "\(seed)",
      ] + (skipGensim ? ["--skip-gensim"] : [])
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0,
      let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    else { throw ValidationError("bench/lsa_peers.py failed (exit \(process.terminationStatus)).") }
    return object
  }
}

private var buildConfiguration: String {
  #if DEBUG
    "debug"
  #else
    "release"
  #endif
}

/// The seeded Zipf corpus described on ``LSABenchmark``.
struct SyntheticCorpus {
  let documents: [[String]]
  var tokenCount: Int { documents.reduce(0) { $0 + $1.count } }

  init(documentCount: Int, universe: Int, seed: UInt64) {
    var generator = SplitMix64(seed: seed ^ 0x5EED)
    // Cumulative Zipf–Mandelbrot weights; sampling is a binary search.
    var cumulative = [Double](repeating: 0, count: universe)
    var total = 0.0
    for r in 0..<universe {
      total += 1 / pow(Double(r) + 2.7, 1.07)
      cumulative[r] = total
    }
    let names = (0..<universe).map(SyntheticCorpus.term)
    var documents: [[String]] = []
    documents.reserveCapacity(documentCount)
    for _ in 0..<documentCount {
      let length = 50 + Int(generator.next() % 201)
      var document: [String] = []
      document.reserveCapacity(length)
      for _ in 0..<length {
        let u = Double(generator.next() >> 11) * 0x1p-53 * total
        var low = 0
        var high = universe - 1
        while low < high {
          let mid = (low + high) / 2
          if cumulative[mid] < u { low = mid + 1 } else { high = mid }
        }
        document.append(names[low])
      }
      documents.append(document)
    }
    self.documents = documents
  }

  /// Term r as two CJK ideographs (U+4E00 + digits in base 20,000).
  static func term(_ r: Int) -> String {
    var scalars = String.UnicodeScalarView()
    var value = r
    repeat {
      scalars.append(Unicode.Scalar(0x4E00 + UInt32(value % 20_000)) ?? "一")
      value /= 20_000
    } while value > 0
    if scalars.count < 2 { scalars.append("一") }
    return String(scalars)
  }

  /// One document per line, tokens separated by single spaces.
  func write(to url: URL) throws {
    var text = ""
    for document in documents {
      text += document.joined(separator: " ")
      text += "\n"
    }
    try text.write(to: url, atomically: false, encoding: .utf8)
  }
}
