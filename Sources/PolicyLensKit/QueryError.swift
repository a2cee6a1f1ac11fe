/// Why a question to a model cannot be answered.
public enum QueryError: Error, Equatable, CustomStringConvertible {
  /// The query text is empty or only whitespace.
  case emptyText
  /// None of the query's terms is in the model's vocabulary (`places`: the places it named,
  /// which are preferences, not terms).
  case noKnownTerms(text: String, terms: [String], places: [String])
  /// A date filter that is not yyyy, yyyy-MM or yyyy-MM-dd.
  case invalidDate(flag: String, value: String)
  /// More clusters asked for than there are articles.
  case tooManyClusters(requested: Int, articleCount: Int)

  public var description: String {
    switch self {
    case .emptyText:
      "The query text is empty. Give some words, e.g. --text \"低空经济 起降场 无人机\"."
    case .noKnownTerms(let text, let terms, let places):
      (places.isEmpty
        ? ""
        : "Understood the place\(places.count == 1 ? "" : "s") \(places.joined(separator: ", ")) (a preference, not a search term). ")
        + (terms.isEmpty
          ? "The query \"\(text)\" has no topic terms after analysis (only places, stop words, numbers or punctuation). Add content words such as 低空经济 or 绿色金融"
            + (places.isEmpty ? "." : ", or list the place's articles with: policylens articles --region \(places[0]).")
          : "None of the query's terms (\(terms.joined(separator: ", "))) occurs in the model's articles, so any result would be noise. Try other words, or add articles that use them and refit.")
    case .invalidDate(let flag, let value):
      "\(flag) must be a date like 2024, 2024-06 or 2024-06-30; got \"\(value)\"."
    case .tooManyClusters(let requested, let articleCount):
      "--k must be between 2 and the number of articles (\(articleCount)); got \(requested)."
    }
  }
}
