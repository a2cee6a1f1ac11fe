/// Everything loaded from a set of paths: newsletters in path order, and what went wrong
/// without stopping the load.
public struct Corpus: Codable, Sendable {
  /// Parsed files, sorted by path within each folder, folders in the order given.
  public var newsletters: [Newsletter]
  /// Load-level and parse-level warnings, in file order.
  public var warnings: [IngestWarning]

  /// Creates a corpus.
  public init(newsletters: [Newsletter], warnings: [IngestWarning]) {
    self.newsletters = newsletters
    self.warnings = warnings
  }

  /// All articles of all newsletters, in order.
  public var articles: [Article] { newsletters.flatMap(\.articles) }
}
