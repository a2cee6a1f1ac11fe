import Foundation
import Testing
import TestSupport

@testable import policylens

@Suite("Command output")
struct OutputTests {
  @Test("articles --json lists the seeds' first articles with formatVersion")
  func articlesJSON() async {
    let run = await CLIRunner.run(["articles", "--model", CLIRunner.seedModel, "--json", "--limit", "3"])
    #expect(run.exitCode == 0)
    expectMatchesGolden(run.output, named: "articles-limit3.json", in: CLIRunner.goldenDirectory)
  }

  @Test("articles prints an aligned table with Chinese titles")
  func articlesTable() async {
    let run = await CLIRunner.run(["articles", "--model", CLIRunner.seedModel, "--region", "广东", "--limit", "4"])
    #expect(run.exitCode == 0)
    expectMatchesGolden(run.output, named: "articles-guangdong.txt", in: CLIRunner.goldenDirectory)
    let widths = run.output.split(separator: "\n").prefix(6).map { DisplayWidth.of($0) }
    #expect(widths.count == 6)
    #expect(widths.allSatisfy { $0 <= widths[1] }, "a row is wider than the table's rule: \(widths)")
  }

  @Test("similar --json has query and results with id, title, region, city, date, score, terms")
  func similarJSON() async throws {
    // Shape and ordering only: which articles come back is the model's answer, measured by
    // the evaluation set (EvaluationTests), not frozen here.
    let run = await CLIRunner.run(
      ["similar", "2024-21#1", "--other-regions", "-n", "5", "--json"] + ["--model", CLIRunner.seedModel])
    #expect(run.exitCode == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
    #expect(Set(object.keys) == ["formatVersion", "query", "queryTitle", "results"])
    #expect(object["formatVersion"] as? Int == 1)
    #expect(object["query"] as? String == "2024-21#1")
    #expect(object["queryTitle"] is String)
    let results = try #require(object["results"] as? [[String: Any]])
    #expect(results.count == 5)
    for result in results {
      #expect(
        Set(result.keys) == [
          "city", "date", "id", "latentScore", "lexicalScore", "region", "relatedTerms", "score", "terms", "title",
        ])
      #expect(result["id"] is String && result["title"] is String && result["region"] is String)
      #expect(result["city"] is String || result["city"] is NSNull)
      #expect(result["date"] is String || result["date"] is NSNull)
      let terms = try #require(result["terms"] as? [Any])
      #expect(terms.allSatisfy { $0 is String })
      let score = try #require(result["score"] as? Double)
      #expect((-1...1).contains(score))
    }
    #expect(results.allSatisfy { $0["id"] as? String != "2024-21#1" }, "the query is among its own results")
    let scores = results.compactMap { $0["score"] as? Double }
    #expect(scores == scores.sorted(by: >))
  }

  @Test("topics prints each topic's terms as --json has them, and says when a topic has no negative terms")
  func topicsTable() async throws {
    let arguments = ["topics", "--model", CLIRunner.seedModel, "-n", "4", "--limit", "6"]
    let table = await CLIRunner.run(arguments)
    let json = await CLIRunner.run(arguments + ["--json"])
    #expect(table.exitCode == 0 && json.exitCode == 0)
    let object = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
    let topics = try #require(object?["topics"] as? [[String: Any]])
    #expect(topics.count == 6)
    let lines = table.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var sawEmptyNegativeSide = false
    for topic in topics {
      let index = try #require(topic["index"] as? Int)
      let header = try #require(lines.firstIndex { $0.hasPrefix("topic \(index)  σ ") }, "topic \(index)")
      func terms(_ key: String) -> [String] {
        (topic[key] as? [[String: Any]] ?? []).compactMap { $0["term"] as? String }
      }
      #expect(lines[header + 1] == "  + " + terms("positiveTerms").joined(separator: " "))
      let negative = terms("negativeTerms")
      if negative.isEmpty {
        sawEmptyNegativeSide = true
        #expect(lines[header + 2] == "  − (none: every term loads positively, as on a first topic)")
      } else {
        #expect(lines[header + 2] == "  − " + negative.joined(separator: " "))
      }
    }
    // The seeds' first topic is all positive (the leading singular vector of a non-negative matrix).
    #expect(sawEmptyNegativeSide)
  }

  @Test("tag --json gives each requested article, in order, its themes with key, name, score and evidence")
  func tagJSON() async throws {
    // Shape only: which themes an article gets, and their scores, are measured by the theme
    // judgements (EvaluationTests), not frozen here.
    let run = await CLIRunner.run(["tag", "2024-21#1", "2024-8#5", "--json"] + CLIRunner.modelArguments())
    #expect(run.exitCode == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
    #expect(Set(object.keys) == ["articles", "formatVersion"])
    #expect(object["formatVersion"] as? Int == 1)
    let articles = try #require(object["articles"] as? [[String: Any]])
    #expect(articles.compactMap { $0["id"] as? String } == ["2024-21#1", "2024-8#5"])
    for article in articles {
      #expect(Set(article.keys) == ["id", "region", "themes", "title"])
      #expect(article["region"] is String && article["title"] is String)
      let themes = try #require(article["themes"] as? [[String: Any]])
      for theme in themes {
        #expect(Set(theme.keys) == ["evidence", "key", "name", "score"])
        #expect(theme["key"] is String && theme["name"] is String && theme["score"] is Double)
        #expect((theme["evidence"] as? [Any])?.allSatisfy { $0 is String } == true)
      }
      #expect(Set(themes.compactMap { $0["key"] as? String }).count == themes.count, "a theme appears twice")
      let scores = themes.compactMap { $0["score"] as? Double }
      #expect(scores == scores.sorted(by: >), "themes are not by score descending")
    }
  }

  @Test("clusters with a fixed seed print the same clusters twice")
  func clustersDeterministic() async {
    let first = await CLIRunner.run(["clusters", "--k", "8", "--json", "--model", CLIRunner.seedModel])
    let second = await CLIRunner.run(["clusters", "--k", "8", "--json", "--model", CLIRunner.seedModel])
    #expect(first.exitCode == 0)
    #expect(first.output == second.output)
  }

  @Test("clusters --json lists the unclustered articles and the stability across 5 seeds")
  func clustersJSONShape() async throws {
    let run = await CLIRunner.run(["clusters", "--json", "--model", CLIRunner.seedModel])
    #expect(run.exitCode == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
    let unclustered = try #require(object["unclustered"] as? [[String: Any]])
    #expect(unclustered.allSatisfy { $0["id"] is String && $0["similarity"] is Double })
    let stability = try #require(object["stability"] as? [String: Any])
    #expect((stability["seeds"] as? [Int])?.count == 5)
    #expect(stability["meanAdjustedRandIndex"] is Double && stability["minimumAdjustedRandIndex"] is Double)
    let clusters = try #require(object["clusters"] as? [[String: Any]])
    #expect(object["clusterCount"] as? Int == clusters.count)
    let clustered = clusters.reduce(0) { $0 + (($1["articles"] as? [Any])?.count ?? 0) }
    #expect(clustered + unclustered.count == 106)
  }

  @Test("timeline --csv has one row per period and theme, in report --csv's timeline schema")
  func timelineCSV() async throws {
    let run = await CLIRunner.run(["timeline", "--csv", "--no-bom"] + CLIRunner.modelArguments())
    #expect(run.exitCode == 0)
    let lines = run.output.split(separator: "\r\n")
    #expect(lines.first == "period,start,end,period_articles,category,count,share,trend")
    #expect(lines.count > 20)
    let json = await CLIRunner.run(["timeline", "--json"] + CLIRunner.modelArguments())
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
    let periods = try #require(object["periods"] as? [[String: Any]])
    let series = try #require(object["series"] as? [[String: Any]])
    #expect(lines.count == 1 + periods.count * series.count)
    let withMark = await CLIRunner.run(["timeline", "--csv"] + CLIRunner.modelArguments())
    #expect(withMark.output == "\u{FEFF}" + run.output, "CSV does not start with a UTF-8 byte-order mark by default")
  }
}

@Suite("Report files")
struct ReportFileTests {
  @Test("report writes the HTML and CSV tables, and overwrites an existing report")
  func writesAndOverwrites() async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let html = folder.appendingPathComponent("report.html").path
    try "old".write(toFile: html, atomically: true, encoding: .utf8)
    let run = await CLIRunner.run(
      ["report", "--out", html, "--csv", folder.appendingPathComponent("csv").path] + CLIRunner.modelArguments())
    #expect(run.exitCode == 0, "\(run.diagnostics)")
    let text = try String(contentsOfFile: html, encoding: .utf8)
    #expect(text.hasPrefix("<!DOCTYPE html>"))
    #expect(text.contains("长三角加速低空经济产业布局"))
    let tables = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("csv").path).sorted()
    #expect(tables == ["articles.csv", "clusters.csv", "region_theme.csv", "similar.csv", "timeline.csv"])
    let articles = try Data(contentsOf: folder.appendingPathComponent("csv/articles.csv"))
    #expect(articles.starts(with: [0xEF, 0xBB, 0xBF]), "articles.csv has no UTF-8 byte-order mark")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["csv", "report.html"])
  }

  @Test("an output path in a missing folder exits 74 and names the path")
  func unwritable() async {
    let run = await CLIRunner.run(["report", "--out", "/nonexistent/folder/report.html"] + CLIRunner.modelArguments())
    #expect(run.exitCode == 74)
    #expect(run.diagnostics.contains("/nonexistent/folder/report.html"))
  }
}
