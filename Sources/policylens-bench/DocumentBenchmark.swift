import ArgumentParser
import Foundation
import Ingest

/// `policylens-bench documents`: ingest throughput per format, and the share of it spent
/// extracting text (for PDF, in poppler's `pdftotext`).
struct DocumentBenchmark: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "documents",
    abstract: "Measure ingest throughput per format (MB/s, pages/s) and the extractor's share of it.",
    discussion: """
      Reads the five seeds as text (seeds/), PDF (Tests/IngestTests/Fixtures/documents/seed-*.pdf), \
      Word and web pages (bench/documents/seed-*.docx, *.html; all made by \
      scripts/document_fixtures.py), one file at a time. For each format it times the whole \
      load (read, extract, fold, parse) and the extraction alone, and reports medians.

      Example: swift run -c release policylens-bench documents --repetitions 5
      """)

  @Option(help: "Timed repetitions after one warm-up run.")
  var repetitions: Int = 5

  @Option(help: "Folder of the seed newsletters as text.", completion: .directory)
  var seeds: String = "seeds"

  @Option(help: "Folder of the seed newsletters as PDF (seed-*.pdf).", completion: .directory)
  var pdfFolder: String = "Tests/IngestTests/Fixtures/documents"

  @Option(help: "Folder of the seed newsletters as Word and web pages (seed-*.docx, seed-*.html).")
  var documentFolder: String = "bench/documents"

  @Flag(help: "Print one JSON document instead of a table.")
  var json = false

  func validate() throws {
    guard repetitions >= 1 else { throw ValidationError("--repetitions must be at least 1; got \(repetitions).") }
  }

  struct Row {
    var format: String
    var fileCount: Int
    var bytes: Int
    var pages: Int
    var articles: Int
    var loadSeconds: Double
    var extractSeconds: Double
  }

  static func files(in folder: String, prefix: String, suffix: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder)
      .filter { $0.hasPrefix(prefix) && $0.hasSuffix(suffix) }.sorted()
      .map { (folder as NSString).appendingPathComponent($0) }
  }

  func run() async throws {
    let sets: [(String, [String])] = [
      ("txt", try Self.files(in: seeds, prefix: "", suffix: ".txt")),
      ("pdf", try Self.files(in: pdfFolder, prefix: "seed-", suffix: ".pdf")),
      ("docx", try Self.files(in: documentFolder, prefix: "seed-", suffix: ".docx")),
      ("html", try Self.files(in: documentFolder, prefix: "seed-", suffix: ".html")),
    ]
    let clock = ContinuousClock()
    func seconds(_ duration: Duration) -> Double {
      Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
    var rows: [Row] = []
    for (format, files) in sets where !files.isEmpty {
      var bytes = 0
      for file in files {
        bytes += (try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
      }
      var pages = 0
      var articles = 0
      var loads: [Double] = []
      var extracts: [Double] = []
      for repetition in 0...repetitions {
        var load = 0.0
        var extract = 0.0
        var pageCount = 0
        var articleCount = 0
        for file in files {
          var extraction: CorpusLoader.Extraction?
          extract += seconds(clock.measure { extraction = try? CorpusLoader.extract(file) })
          pageCount += extraction?.document.pageCount ?? 0
          let start = clock.now
          let corpus = try await CorpusLoader.load(paths: [file])
          load += seconds(clock.now - start)
          articleCount += corpus.articles.count
        }
        pages = pageCount
        articles = articleCount
        if repetition > 0 {  // the first run warms caches
          loads.append(load)
          extracts.append(extract)
        }
      }
      rows.append(
        Row(
          format: format, fileCount: files.count, bytes: bytes, pages: pages, articles: articles,
          loadSeconds: Statistics.median(loads), extractSeconds: Statistics.median(extracts)))
    }
    #if DEBUG
      let configuration = "debug"
    #else
      let configuration = "release"
    #endif
    if json {
      let report: [String: Any] = [
        "benchmark": "documents", "repetitions": repetitions, "configuration": configuration,
        "formats": rows.map { row -> [String: Any] in
          [
            "format": row.format, "files": row.fileCount, "bytes": row.bytes, "pages": row.pages,
            "articles": row.articles, "median_load_seconds": row.loadSeconds,
            "median_extract_seconds": row.extractSeconds,
            "mb_per_second": Double(row.bytes) / 1e6 / row.loadSeconds,
            "pages_per_second": row.pages > 0 ? Double(row.pages) / row.loadSeconds : 0,
            "extractor_share": row.extractSeconds / row.loadSeconds,
          ]
        },
      ]
      let data = try JSONSerialization.data(withJSONObject: report, options: [.prettyPrinted, .sortedKeys])
      print(String(decoding: data, as: UTF8.self))
      return
    }
    print("documents: the five seeds per format, one file at a time (\(configuration), median of \(repetitions))")
    print("format  files  MB     pages  articles  load s   MB/s    pages/s  extract s  extractor share")
    for row in rows {
      let megabytes = Double(row.bytes) / 1e6
      print(
        String(
          format: "%-6@  %5d  %-5.2f  %5d  %8d  %-7.4f  %-6.2f  %-7@  %-9.4f  %.0f %%", row.format as NSString,
          row.fileCount, megabytes, row.pages, row.articles, row.loadSeconds, megabytes / row.loadSeconds,
          (row.pages > 0 ? String(format: "%.0f", Double(row.pages) / row.loadSeconds) : "—") as NSString,
          row.extractSeconds, 100 * row.extractSeconds / row.loadSeconds))
    }
  }
}
