/// Errors raised while building a topic timeline or assessing its trends.
public enum TimelineError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A date string is not an ISO `yyyy-MM-dd` calendar date.
  case invalidDate(String, articleID: String)
  /// No articles remain to place on the timeline (none given, or none in the requested region).
  case noArticles(region: String?)
  /// Trends compare the latest periods with earlier ones, so they need at least two periods.
  case singlePeriod(period: String)
  /// The recent window must leave at least one earlier period to compare against.
  case invalidRecentWindow(requested: Int, periodCount: Int)

  public var description: String {
    switch self {
    case .invalidDate(let text, let id):
      "Article \(id) has the date \"\(text)\", which is not an ISO date (yyyy-MM-dd). "
        + "Fix the date in the corpus or re-run ingestion."
    case .noArticles(let region?):
      "No articles belong to region \"\(region)\". Check --region against the regions "
        + "listed by `policylens articles`."
    case .noArticles(nil):
      "There are no articles to place on a timeline. Ingest a corpus first."
    case .singlePeriod(let period):
      "All articles fall in one period (\(period)); a trend needs at least two periods. "
        + "Use a finer --by (issue or month) or add more issues."
    case .invalidRecentWindow(let requested, let count):
      "The recent window of \(requested) period(s) must be between 1 and \(count - 1) "
        + "for a timeline of \(count) periods; got \(requested)."
    }
  }
}
