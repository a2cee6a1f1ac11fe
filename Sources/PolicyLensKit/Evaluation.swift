import Foundation
import SimilaritySearch
import TextAnalysis
import ThemeTagging

/// How a model answers a ``CheckSet``: ranking measures for similar-article and free-text
/// questions, tag agreement for themes, per split.
public struct EvaluationReport: Sendable, Codable {
  /// Ranking measures of one kind of question on one split.
  public struct RankingRow: Sendable, Codable {
    /// `similar` or `search`.
    public var task: String
    /// `tuning`, `heldout` or `all`.
    public var split: String
    public var questionCount: Int
    public var metrics: RankingMetrics
  }

  /// Theme tagging on one split.
  public struct ThemeRow: Sendable, Codable {
    public var split: String
    /// `as written` (the catalog given), or the same themes cut to their first three seeds,
    /// as a new user writes a theme.
    public var variant: String
    public var articleCount: Int
    public var agreement: TagAgreement
  }

  /// One question's measures (for finding where a setting helps or hurts).
  public struct Question: Sendable, Codable {
    public var task: String
    public var split: String
    public var question: String
    public var metrics: RankingMetrics
    /// The top 10 answers' ids.
    public var answers: [String]
  }

  public var ranking: [RankingRow]
  public var themes: [ThemeRow]
  public var questions: [Question]
  /// Judged articles the model does not have (reported, and left out of the measures).
  public var missing: [EvaluationError.UnknownArticle]
  /// The blend and preference the rankings were made with.
  public var lexicalWeight: Double
  public var placePreference: Double
}

/// Runs a ``CheckSet`` against a model.
public enum Evaluation {
  /// The splits a check set may use.
  public static let splits: Set<String> = ["tuning", "heldout"]
  /// How many answers are ranked per question (AP is computed over these).
  static let rankedAnswerCount = 100

  /// Evaluates every section of `checkSet` that can be answered.
  ///
  /// - Parameters:
  ///   - model: The model (articles, weights, topics).
  ///   - analyzer: The model's text analysis, for free-text questions.
  ///   - catalog: Themes to tag with; `nil` skips the themes section.
  ///   - request: The ranking settings (`lexicalWeight`, `placePreference`); no filters are
  ///     applied, because judgements are about the topic, not the place.
  ///   - allowsMissing: Whether judged articles the model lacks are listed and skipped
  ///     (otherwise they are an error).
  /// - Throws: ``EvaluationError/unknownArticles(path:entries:)``, or a query's `QueryError`.
  public static func evaluate(
    _ checkSet: CheckSet, model: PolicyModel, analyzer: TextAnalyzer, catalog: ThemeCatalog?,
    request: SimilarityRequest, themeOptions: ThemeTaggerOptions = ThemeTaggerOptions(), allowsMissing: Bool
  ) throws -> EvaluationReport {
    let queries = QueryModel(model: model)
    var rowByID: [String: Int] = [:]
    var rowByTitle: [String: Int] = [:]
    for (row, article) in model.articles.enumerated() {
      rowByID[article.id] = row
      if rowByTitle[article.title] == nil { rowByTitle[article.title] = row }
    }
    var missing: [EvaluationError.UnknownArticle] = []
    func resolve(_ value: String) -> String? {
      if rowByID[value] != nil { return value }
      if let row = rowByTitle[value] { return model.articles[row].id }
      if !missing.contains(where: { $0.value == value }) {
        missing.append(
          .init(
            line: checkSet.line(of: "\"\(value)\""), value: value,
            suggestions: ArticleSuggestions.ids(closestTo: value, in: model.articles)))
      }
      return nil
    }
    func grades(_ judgements: [CheckSet.Judgement]) -> [String: Int] {
      var grades: [String: Int] = [:]
      for judgement in judgements { if let id = resolve(judgement.id) { grades[id] = judgement.grade } }
      return grades
    }

    var ranked = request
    ranked.count = min(rankedAnswerCount, model.articles.count)
    ranked.explanationTermCount = 0
    var questions: [EvaluationReport.Question] = []
    for question in checkSet.similar {
      let judged = grades(question.judgements)
      guard let id = resolve(question.query), let row = rowByID[id] else { continue }
      let answers = try queries.similar(toArticle: row, request: ranked).map(\.id)
      questions.append(
        .init(
          task: "similar", split: question.split, question: id,
          metrics: RankingMetrics(ranking: answers, grades: judged), answers: Array(answers.prefix(10))))
    }
    for question in checkSet.search {
      let judged = grades(question.judgements)
      let answers = try queries.similar(toText: question.text, analyzer: analyzer, request: ranked).map(\.id)
      questions.append(
        .init(
          task: "search", split: question.split, question: question.text,
          metrics: RankingMetrics(ranking: answers, grades: judged), answers: Array(answers.prefix(10))))
    }

    var themeRows: [EvaluationReport.ThemeRow] = []
    if let catalog, !checkSet.themes.isEmpty {
      // Examples for the "+ k examples" rows: each theme's first k judged articles of the
      // other half (in file order), so a row never scores the articles it learned from: the
      // held-out rows learn from the tuning half, the tuning rows from the held-out half.
      func examples(_ count: Int, drawnFrom split: String) -> [String: [String]] {
        var chosen: [String: [String]] = [:]
        for entry in checkSet.themes where entry.split == split && rowByID[entry.id] != nil {
          for key in entry.themes where (chosen[key]?.count ?? 0) < count { chosen[key, default: []].append(entry.id) }
        }
        return chosen
      }
      let few = catalog.keepingFirstSeeds(fewSeedCount)
      var variants: [(String, ThemeCatalog, [String])] = [
        ("as written", catalog, ["tuning", "heldout", "all"]),
        ("first \(fewSeedCount) seeds", few, ["tuning", "heldout", "all"]),
      ]
      for (name, themes, count) in [
        ("as written", catalog, 3), ("as written", catalog, 5), ("first \(fewSeedCount) seeds", few, 3),
      ] {
        for (split, other) in [("tuning", "heldout"), ("heldout", "tuning")] {
          variants.append(
            ("\(name) + \(count) examples", themes.withExamples(examples(count, drawnFrom: other)), [split]))
        }
      }
      for (variant, themes, splits) in variants {
        let tagged = Dictionary(
          try model.themes(from: themes, options: themeOptions).articles.map { ($0.id, Set($0.themes.map(\.key))) },
          uniquingKeysWith: { first, _ in first })
        var entries: [(split: String, predicted: Set<String>, judged: Set<String>)] = []
        for entry in checkSet.themes {
          guard let id = resolve(entry.id), let predicted = tagged[id] else { continue }
          entries.append((entry.split, predicted, Set(entry.themes)))
        }
        for split in splits {
          let chosen = entries.filter { split == "all" || $0.split == split }
          guard !chosen.isEmpty else { continue }
          themeRows.append(
            .init(
              split: split, variant: variant, articleCount: chosen.count,
              agreement: TagAgreement(predicted: chosen.map(\.predicted), judged: chosen.map(\.judged))))
        }
      }
    }
    if !missing.isEmpty && !allowsMissing {
      throw EvaluationError.unknownArticles(path: checkSet.path, entries: missing)
    }
    var rows: [EvaluationReport.RankingRow] = []
    for task in ["similar", "search"] {
      for split in ["tuning", "heldout", "all"] {
        let chosen = questions.filter { $0.task == task && (split == "all" || $0.split == split) }
        guard !chosen.isEmpty else { continue }
        rows.append(
          .init(task: task, split: split, questionCount: chosen.count, metrics: .mean(of: chosen.map(\.metrics))))
      }
    }
    return EvaluationReport(
      ranking: rows, themes: themeRows, questions: questions, missing: missing,
      lexicalWeight: request.lexicalWeight, placePreference: request.placePreference)
  }
}
