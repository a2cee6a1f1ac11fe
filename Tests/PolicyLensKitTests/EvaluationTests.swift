import Foundation
import PolicyLensKit
import SimilaritySearch
import TestSupport
import Testing
import TextAnalysis
import ThemeTagging

/// Quality on the check set in Tests/EvaluationData/checkset.json (judged by reading the seed
/// articles, with candidates pooled from several methods).
///
/// The floors are set on the held-out half only, a little under the measured values, so a change
/// that makes answers worse fails here; settings are chosen on the tuning half
/// (scripts/ablation.py). The measured values are printed for the change description.
@Suite("Quality on the check set", .serialized)
struct EvaluationTests {
  static let checkSetURL = RepositoryPaths.root.appendingPathComponent("Tests/EvaluationData/checkset.json")

  static let report: EvaluationReport = {
    do {
      let model = SeedModel.model
      let analyzer = try TextAnalyzer(
        options: model.textAnalysis,
        cacheDirectory: FileManager.default.temporaryDirectory.appendingPathComponent("policylens-test-cache"))
      let themes = try String(
        contentsOf: RepositoryPaths.root.appendingPathComponent("models/themes.yaml"), encoding: .utf8)
      return try Evaluation.evaluate(
        CheckSet(contentsOf: checkSetURL), model: model, analyzer: analyzer,
        catalog: ThemeCatalog(parsing: themes), request: SimilarityRequest(), allowsMissing: false)
    } catch {
      fatalError("the check set does not evaluate: \(error)")
    }
  }()

  static func ranking(_ task: String, _ split: String) throws -> RankingMetrics {
    try #require(report.ranking.first { $0.task == task && $0.split == split }).metrics
  }

  @Test("the check set has enough questions on both halves")
  func coverage() {
    let similar = Self.report.questions.filter { $0.task == "similar" }
    let search = Self.report.questions.filter { $0.task == "search" }
    #expect(similar.count >= 40 && similar.filter { $0.split == "heldout" }.count >= 20)
    #expect(search.count >= 30 && search.filter { $0.split == "heldout" }.count >= 15)
    #expect(Self.report.missing.isEmpty)
  }

  @Test("similar articles: held-out nDCG@10 and P@5")
  func similarArticles() throws {
    let heldOut = try Self.ranking("similar", "heldout")
    print(
      "evaluation: similar held-out nDCG@10 \(heldOut.ndcgAt10), P@5 \(heldOut.precisionAt5), MAP \(heldOut.averagePrecision), R@10 \(heldOut.recallAt10)"
    )
    #expect(heldOut.ndcgAt10 >= 0.60, "similar nDCG@10 fell to \(heldOut.ndcgAt10)")
    #expect(heldOut.precisionAt5 >= 0.40, "similar P@5 fell to \(heldOut.precisionAt5)")
  }

  @Test("free text: held-out nDCG@10")
  func freeText() throws {
    let heldOut = try Self.ranking("search", "heldout")
    print(
      "evaluation: free text held-out nDCG@10 \(heldOut.ndcgAt10), P@5 \(heldOut.precisionAt5), MAP \(heldOut.averagePrecision)"
    )
    #expect(heldOut.ndcgAt10 >= 0.89, "free-text nDCG@10 fell to \(heldOut.ndcgAt10)")
  }

  @Test("themes: held-out micro F1 and precision, as written and cut to three seeds")
  func themes() throws {
    let heldOut = try #require(Self.report.themes.first { $0.split == "heldout" && $0.variant == "as written" })
      .agreement
    let few = try #require(Self.report.themes.first { $0.split == "heldout" && $0.variant != "as written" }).agreement
    print(
      "evaluation: themes held-out precision \(heldOut.microPrecision), recall \(heldOut.microRecall), "
        + "micro-F1 \(heldOut.microF1); three seeds: micro-F1 \(few.microF1)")
    #expect(heldOut.microF1 >= 0.80, "theme micro-F1 fell to \(heldOut.microF1)")
    #expect(heldOut.microPrecision >= 0.75, "theme precision fell to \(heldOut.microPrecision)")
    #expect(few.microF1 >= 0.58, "three-seed theme micro-F1 fell to \(few.microF1)")
  }

  @Test("themes with three examples from the other half: held-out micro F1 and precision")
  func themesWithExamples() throws {
    let withExamples = try #require(
      Self.report.themes.first { $0.split == "heldout" && $0.variant == "as written + 3 examples" }
    ).agreement
    print("evaluation: themes + 3 examples held-out micro-F1 \(withExamples.microF1)")
    // Measured 0.819 (precision 0.839) with the calibrated example model; floors a little below.
    #expect(withExamples.microF1 >= 0.78, "theme micro-F1 with examples fell to \(withExamples.microF1)")
    #expect(withExamples.microPrecision >= 0.75, "precision with examples fell to \(withExamples.microPrecision)")
  }

  @Test("every 'because of' term of every check-set answer occurs in both texts")
  func explanationsAreTrue() throws {
    let model = SeedModel.model
    let queries = QueryModel(model: model)
    let analyzer = try TextAnalyzer(
      options: model.textAnalysis,
      cacheDirectory: FileManager.default.temporaryDirectory.appendingPathComponent("policylens-test-cache"))
    let checkSet = try CheckSet(contentsOf: Self.checkSetURL)
    let termsOf = { (row: Int) in Set(queries.weightsRow(row).map { queries.terms[$0.column] }) }
    let request = SimilarityRequest(count: 10)
    var checked = 0
    for question in checkSet.similar {
      let row = try #require(model.row(ofArticle: question.query))
      let own = termsOf(row)
      for match in try queries.similar(toArticle: row, request: request) {
        let other = termsOf(try #require(model.row(ofArticle: match.id)))
        for term in match.terms {
          #expect(own.contains(term) && other.contains(term), "\(question.query) → \(match.id): \(term)")
          checked += 1
        }
        #expect(match.relatedTerms.allSatisfy { own.contains($0) != other.contains($0) })
      }
    }
    for question in checkSet.search {
      let asked = Set(analyzer.terms(in: question.text))
      for match in try queries.similar(toText: question.text, analyzer: analyzer, request: request) {
        let other = termsOf(try #require(model.row(ofArticle: match.id)))
        for term in match.terms {
          #expect(asked.contains(term) && other.contains(term), "\(question.text) → \(match.id): \(term)")
          checked += 1
        }
      }
    }
    #expect(checked > 1_000)
  }
}
