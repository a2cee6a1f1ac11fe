/// Everything loaded from a set of paths: newsletters in path order, and what went wrong
/// without stopping the load.
public struct Corpus: Codable, Sendable {
  /// Parsed files, sorted by path within each folder, folders in the order given.
  public var newsletters: [Newsletter]
  /// The file each newsletter was read from, in the same order as ``newsletters``.
  public var sources: [SourceFile]
  /// Load-level and parse-level warnings, in file order.
  public var warnings: [IngestWarning]

  /// Creates a corpus.
  ///
  /// - Precondition: `sources` has one entry per newsletter.
  public init(newsletters: [Newsletter], sources: [SourceFile], warnings: [IngestWarning]) {
    precondition(sources.count == newsletters.count, "a corpus has one source file per newsletter")
    self.newsletters = newsletters
    self.sources = sources
    self.warnings = warnings
  }

  /// All articles of all newsletters, in order.
  public var articles: [Article] { newsletters.flatMap(\.articles) }
}
