import Foundation

/// A set of judged questions for measuring a model: similar-article questions, free-text
/// questions and theme tags, each judged by reading the articles (`policylens evaluate`).
///
/// The file is JSON:
///
/// ```json
/// {
///   "formatVersion": 1,
///   "description": "what was judged, by whom, how candidates were pooled",
///   "similar": [ {"query": "2024-21#1", "split": "tuning",
///                 "judgements": [ {"id": "2024-6#1", "grade": 1, "why": "…"} ]} ],
///   "search":  [ {"text": "江苏 低空经济", "split": "heldout",
///                 "judgements": [ {"id": "2024-21#1", "grade": 2} ]} ],
///   "themes":  [ {"id": "2024-21#1", "split": "heldout", "themes": ["low-altitude-economy"]} ]
/// }
/// ```
///
/// Every section is optional. An article is named by its id or by its exact title. Grades:
/// 2 = the same kind of policy (or, for free text, mainly about it), 1 = related, and
/// every unlisted article is 0. `split` is `tuning` (choose settings there) or `heldout`
/// (report figures there); other fields (`title`, `why`, `form`, `pooled`) are for people.
public struct CheckSet: Sendable, Decodable {
  public struct Judgement: Sendable, Decodable {
    public var id: String
    public var grade: Int
  }

  public struct SimilarQuestion: Sendable, Decodable {
    public var query: String
    public var split: String
    public var judgements: [Judgement]
  }

  public struct SearchQuestion: Sendable, Decodable {
    public var text: String
    public var split: String
    public var judgements: [Judgement]
  }

  public struct ThemeEntry: Sendable, Decodable {
    public var id: String
    public var split: String
    public var themes: [String]
  }

  public var formatVersion: Int
  public var similar: [SimilarQuestion]
  public var search: [SearchQuestion]
  public var themes: [ThemeEntry]
  /// The file's text, kept to report line numbers.
  var text: String = ""
  /// Where the file was read from, for messages.
  public var path: String = ""

  private enum CodingKeys: String, CodingKey { case formatVersion, similar, search, themes }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    formatVersion = try container.decode(Int.self, forKey: .formatVersion)
    similar = try container.decodeIfPresent([SimilarQuestion].self, forKey: .similar) ?? []
    search = try container.decodeIfPresent([SearchQuestion].self, forKey: .search) ?? []
    themes = try container.decodeIfPresent([ThemeEntry].self, forKey: .themes) ?? []
  }

  /// The only format version this build reads.
  public static let currentFormatVersion = 1

  /// Reads and checks a check-set file.
  ///
  /// - Throws: ``EvaluationError`` when the file is missing, not JSON of this shape, of
  ///   another format version, or has a grade outside 0…3 or a split other than tuning/heldout.
  public init(contentsOf url: URL) throws(EvaluationError) {
    guard let data = FileManager.default.contents(atPath: url.path) else {
      throw .unreadable(path: url.path)
    }
    let text = String(decoding: data, as: UTF8.self)
    do {
      self = try JSONDecoder().decode(CheckSet.self, from: data)
    } catch {
      throw .malformed(path: url.path, reason: ModelManifest.describe(error))
    }
    self.text = text
    self.path = url.path
    guard formatVersion == Self.currentFormatVersion else {
      throw .malformed(
        path: url.path, reason: "formatVersion \(formatVersion); this build reads \(Self.currentFormatVersion)")
    }
    let splits = similar.map(\.split) + search.map(\.split) + themes.map(\.split)
    if let bad = splits.first(where: { !Evaluation.splits.contains($0) }) {
      throw .malformed(
        path: url.path, reason: "line \(line(of: "\"\(bad)\"")): split \"\(bad)\" is not tuning or heldout")
    }
    let grades = (similar.flatMap(\.judgements) + search.flatMap(\.judgements)).map(\.grade)
    if let bad = grades.first(where: { !(0...3).contains($0) }) {
      throw .malformed(path: url.path, reason: "a grade of \(bad); grades are 0, 1, 2 (or 3)")
    }
  }

  /// The 1-based line of the first occurrence of `needle` in the file (0 when absent).
  func line(of needle: String) -> Int {
    guard let range = text.range(of: needle) else { return 0 }
    return text[..<range.lowerBound].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
  }
}

/// Why a check set cannot be evaluated.
public enum EvaluationError: Error, Equatable, CustomStringConvertible {
  /// The file cannot be read.
  case unreadable(path: String)
  /// The file is not a check set.
  case malformed(path: String, reason: String)
  /// Articles the file names that the model does not have: (line, value).
  case unknownArticles(path: String, entries: [UnknownArticle])

  /// An article reference that names no article of the model.
  public struct UnknownArticle: Sendable, Hashable, Codable {
    public var line: Int
    public var value: String
    /// The model's ids or titles closest to the value.
    public var suggestions: [String]
  }

  public var description: String {
    switch self {
    case .unreadable(let path):
      "Cannot read the check set \(path). Check the path (see Tests/EvaluationData/checkset.json for the format)."
    case .malformed(let path, let reason):
      "\(path) is not a PolicyLens check set: \(reason). See `policylens evaluate --help` for the format."
    case .unknownArticles(let path, let entries):
      "\(path) names \(entries.count) article\(entries.count == 1 ? "" : "s") the model does not have: "
        + entries.prefix(10).map { entry in
          "line \(entry.line): \"\(entry.value)\""
            + (entry.suggestions.isEmpty ? "" : " (did you mean \(entry.suggestions.joined(separator: ", "))?)")
        }.joined(separator: "; ")
        + (entries.count > 10 ? "; …" : "")
        + ". Fix the ids, or pass --allow-missing to evaluate the rest and list these."
    }
  }
}
