import ArgumentParser
import Foundation
import Ingest
import TextAnalysis

/// `policylens-bench ingest`: parsing throughput of ``NewsletterParser`` on a generated corpus.
struct IngestBenchmark: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ingest",
    abstract: "Measure newsletter parsing throughput (MB/s) on a generated corpus.",
    discussion: "Example: swift run -c release policylens-bench ingest --articles 10000 --repetitions 5")

  @Option(help: "Number of articles to generate.")
  var articles: Int = 1000

  @Option(help: "Timed repetitions after one warm-up run.")
  var repetitions: Int = 5

  @Option(help: "Seed of the corpus generator.")
  var seed: UInt64 = 42

  @Flag(help: "Inject a growing pseudo-term vocabulary (Heaps' law).")
  var growingVocabulary = false

  @Flag(
    help:
      "Grow the vocabulary with real words from --lexicon instead (Zipf draws, Heaps' law growth; ≈ 207k terms at 100k articles)."
  )
  var realisticVocabulary = false

  @Option(help: "Heaps' law coefficient K of --realistic-vocabulary (words in use after n characters: K · n^0.6).")
  var heapsK = 3.4

  @Option(help: "jieba-format dictionary whose words --realistic-vocabulary uses.", completion: .file())
  var lexicon = TextAnalysisOptions.debianJiebaLexiconPath

  @Option(help: "Folder of seed newsletters to resample.", completion: .directory)
  var seeds: String = "seeds"

  @Option(help: "Also write the generated corpus to this folder.", completion: .directory)
  var writeCorpus: String?

  @Flag(help: "Print one JSON document instead of a table.")
  var json = false

  func validate() throws {
    guard articles >= 1 else { throw ValidationError("--articles must be at least 1; got \(articles).") }
    guard repetitions >= 1 else {
      throw ValidationError("--repetitions must be at least 1; got \(repetitions).")
    }
  }

  /// CPU time of the calling thread, in seconds: unlike wall time, it does not count time the
  /// scheduler gave to other processes on a shared machine.
  static func threadCPUTime() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
  }

  func run() async throws {
    let corpus = try await CorpusLoader.load(paths: [seeds])
    var options = CorpusGenerator.Options(
      articleCount: articles, seed: seed, growingVocabulary: growingVocabulary || realisticVocabulary)
    if realisticVocabulary {
      options.heapsK = heapsK
      options.lexiconWords = try CorpusGenerator.lexiconWords(fromDictionaryAt: lexicon)
    }
    let generator = CorpusGenerator(templates: corpus.articles, options: options)
    let files = generator.generateTexts()
    if let writeCorpus { _ = try generator.write(to: writeCorpus) }
    let bytes = files.reduce(0) { $0 + $1.text.utf8.count }

    var sink = 0
    func parseAll() -> Int {
      files.reduce(0) { $0 + NewsletterParser.parse($1.text, file: $1.name).articles.count }
    }
    sink &+= parseAll()  // warm-up
    let clock = ContinuousClock()
    var seconds: [Double] = []
    var cpuSeconds: [Double] = []
    for _ in 0..<repetitions {
      let cpuStart = Self.threadCPUTime()
      let elapsed = clock.measure { sink &+= parseAll() }
      cpuSeconds.append(Self.threadCPUTime() - cpuStart)
      seconds.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
    }
    seconds.sort()
    cpuSeconds.sort()
    let cpuMedian = cpuSeconds[cpuSeconds.count / 2]
    let median =
      seconds.count % 2 == 1
      ? seconds[seconds.count / 2] : (seconds[seconds.count / 2 - 1] + seconds[seconds.count / 2]) / 2
    let minimum = seconds[0]
    let megabytes = Double(bytes) / 1e6
    let parsedArticles = sink / (repetitions + 1)
    #if DEBUG
      let configuration = "debug"
    #else
      let configuration = "release"
    #endif
    var system = utsname()
    uname(&system)
    let machine = withUnsafeBytes(of: &system.machine) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }

    if parsedArticles != articles {
      FileHandle.standardError.write(
        Data("warning: generated \(articles) articles but the parser found \(parsedArticles)\n".utf8))
    }
    if json {
      let report: [String: Any] = [
        "benchmark": "ingest", "articles_requested": articles, "articles_parsed": parsedArticles,
        "files": files.count, "bytes": bytes, "repetitions": repetitions, "seed": seed,
        "growing_vocabulary": growingVocabulary, "realistic_vocabulary": realisticVocabulary,
        "configuration": configuration, "machine": machine,
        "median_seconds": median, "min_seconds": minimum,
        "median_mb_per_second": megabytes / median, "max_mb_per_second": megabytes / minimum,
        "median_cpu_seconds": cpuMedian, "median_mb_per_cpu_second": megabytes / cpuMedian,
      ]
      let data = try JSONSerialization.data(withJSONObject: report, options: [.prettyPrinted, .sortedKeys])
      print(String(decoding: data, as: UTF8.self))
    } else {
      print(
        "ingest: \(files.count) files, \(String(format: "%.2f", megabytes)) MB, \(parsedArticles) articles parsed (\(configuration), \(machine), seed \(seed))"
      )
      print("stage    median s   min s      MB/s (median)  MB/s (best)  MB per CPU-s (median)")
      print(
        String(
          format: "parse    %-10.4f %-10.4f %-14.1f %-12.1f %.1f", median, minimum, megabytes / median,
          megabytes / minimum, megabytes / cpuMedian))
    }
  }
}
