import Foundation
import PolicyLensKit
import Testing
import TestSupport
import ThemeTagging

/// Quality on the hand-judged check set in Tests/EvaluationData (written by reading the seed
/// articles, not by looking at PolicyLens's output). The floors sit a little under the
/// measured values, so a change that makes answers worse fails here; the measured values are
/// printed for the change description.
@Suite("Quality on the hand-judged check set")
struct EvaluationTests {
  struct SimilarityJudgements: Decodable {
    struct Relevant: Decodable { var id: String; var grade: Int }
    struct Query: Decodable { var query: String; var relevant: [Relevant] }
    var queries: [Query]
  }

  struct ThemeJudgements: Decodable {
    struct Entry: Decodable { var id: String; var themes: [String] }
    var articles: [Entry]
  }

  static func load<T: Decodable>(_ name: String) throws -> T {
    let url = RepositoryPaths.root.appendingPathComponent("Tests/EvaluationData/\(name)")
    return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
  }

  @Test("similar: precision@5 and R-precision against the analyst's judgements")
  func similarityPrecision() throws {
    let model = SeedModel.model
    let judgements: SimilarityJudgements = try Self.load("similarity_judgements.json")
    let queries = QueryModel(model: model)
    var precisionAt5: [Double] = []
    var rPrecision: [Double] = []
    for query in judgements.queries {
      let row = try #require(model.row(ofArticle: query.query), "unknown query \(query.query)")
      let relevant = Set(query.relevant.map(\.id))
      let results = try queries.similar(toArticle: row, request: SimilarityRequest(count: 5)).map(\.id)
      precisionAt5.append(Double(results.filter(relevant.contains).count) / 5)
      let r = min(5, relevant.count)
      rPrecision.append(Double(results.prefix(r).filter(relevant.contains).count) / Double(r))
    }
    let meanP5 = precisionAt5.reduce(0, +) / Double(precisionAt5.count)
    let meanR = rPrecision.reduce(0, +) / Double(rPrecision.count)
    print("evaluation: similar precision@5 = \(meanP5), precision@min(5,R) = \(meanR) over \(precisionAt5.count) queries")
    #expect(meanP5 >= 0.32, "precision@5 fell to \(meanP5)")
    #expect(meanR >= 0.37, "precision@min(5,R) fell to \(meanR)")
  }

  @Test("tag: micro-averaged F1 of themes against the analyst's judgements")
  func tagF1() throws {
    let model = SeedModel.model
    let judgements: ThemeJudgements = try Self.load("theme_judgements.json")
    let text = try String(contentsOf: RepositoryPaths.root.appendingPathComponent("models/themes.yaml"), encoding: .utf8)
    let catalog = try ThemeCatalog(parsing: text)
    let tagged = Dictionary(uniqueKeysWithValues: model.themes(from: catalog).articles.map { ($0.id, Set($0.themes.map(\.key))) })
    var truePositives = 0
    var falsePositives = 0
    var falseNegatives = 0
    for entry in judgements.articles {
      let expected = Set(entry.themes)
      let predicted = try #require(tagged[entry.id], "unknown article \(entry.id)")
      truePositives += expected.intersection(predicted).count
      falsePositives += predicted.subtracting(expected).count
      falseNegatives += expected.subtracting(predicted).count
    }
    let precision = Double(truePositives) / Double(max(1, truePositives + falsePositives))
    let recall = Double(truePositives) / Double(max(1, truePositives + falseNegatives))
    let f1 = 2 * precision * recall / max(1e-12, precision + recall)
    print("evaluation: tag precision = \(precision), recall = \(recall), F1 = \(f1) over \(judgements.articles.count) articles")
    #expect(f1 >= 0.58, "tag F1 fell to \(f1)")
  }
}
