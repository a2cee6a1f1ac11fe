/// The text evidence (``ThemeTagger/textEvidence(title:body:)``) of many articles for a set of
/// themes, kept where an article says something about a theme: computed once, when the articles
/// enter a model, so that tagging a large corpus does not read its text again.
///
/// Each theme column carries the signature of the theme it was counted for
/// (``ThemeTagger/textSignature(ofTheme:)``, or any fixed digest of it): a tagger uses a column
/// only while its theme's signature is the same (``columns(for:signature:)``), and counts any
/// other theme from the text.
///
/// Only non-zero evidence is kept (a phrase, a name part or a description term occurs). An
/// article without any gets all-zero evidence with a body length of 0: every feature of the
/// tagger's model is then the same as with its real length (the density features are zero
/// counts per thousand characters), so probabilities and tags are exactly those computed
/// from the text.
///
/// - Complexity: O(*m*) memory for *m* non-zero (article, theme) pairs and their phrases.
public struct ThemeEvidenceTable: Sendable, Hashable {
  /// One article's non-zero evidence for one theme column.
  public struct Entry: Sendable, Hashable {
    /// The theme column (index into ``signatures``).
    public var column: Int
    /// The evidence, latent similarity 0 and no examples.
    public var evidence: ThemeEvidence

    /// An entry.
    public init(column: Int, evidence: ThemeEvidence) {
      self.column = column
      self.evidence = evidence
    }
  }

  /// One signature per theme column.
  public let signatures: [String]
  /// For each article, its entries by column.
  public private(set) var articles: [[Entry]]

  /// An empty table for themes with these signatures.
  public init(signatures: [String]) {
    self.signatures = signatures
    self.articles = []
  }

  /// A table from its entries (for example read from a file).
  ///
  /// - Precondition: every entry's column is an index of `signatures`.
  public init(signatures: [String], articles: [[Entry]]) {
    precondition(
      articles.allSatisfy { $0.allSatisfy { signatures.indices.contains($0.column) } }, "entry column out of range")
    self.signatures = signatures
    self.articles = articles
  }

  /// Number of articles.
  public var articleCount: Int { articles.count }

  /// Appends one article's text evidence, one per column (zero evidence is dropped).
  ///
  /// - Precondition: `evidence.count == signatures.count`.
  public mutating func append(_ evidence: [ThemeEvidence]) {
    precondition(evidence.count == signatures.count, "one evidence per theme column")
    articles.append(
      evidence.enumerated().compactMap { column, evidence in
        Self.isZero(evidence) ? nil : Entry(column: column, evidence: evidence)
      })
  }

  /// Appends the articles of `other` (same signatures).
  public mutating func append(contentsOf other: ThemeEvidenceTable) {
    precondition(other.signatures == signatures, "tables for different themes")
    articles += other.articles
  }

  /// For each of `tagger`'s themes, the column holding its evidence, or `nil` when no column
  /// was counted with the theme's current phrases.
  ///
  /// - Parameter signature: The digest under which columns were stored, applied to
  ///   ``ThemeTagger/textSignature(ofTheme:)``.
  public func columns(for tagger: ThemeTagger, signature: (String) -> String) -> [Int?] {
    var byDigest: [String: Int] = [:]
    for (column, digest) in signatures.enumerated() where byDigest[digest] == nil { byDigest[digest] = column }
    return tagger.themes.indices.map { byDigest[signature(tagger.textSignature(ofTheme: $0))] }
  }

  /// Article `row`'s text evidence for `column` (all zero when the table has none).
  public func evidence(ofArticle row: Int, column: Int) -> ThemeEvidence {
    articles[row].first { $0.column == column }?.evidence ?? Self.zero
  }

  /// Evidence with no occurrence, body length 0.
  public static let zero = ThemeEvidence(
    titleCount: 0, leadCount: 0, bodyCount: 0, bodyLength: 0, distinctPhraseCount: 0, nameInTitle: false,
    descriptionCount: 0, latentSimilarity: 0, matchedPhrases: [])

  /// Whether `evidence` carries no occurrence at all (its features are those of ``zero``).
  public static func isZero(_ evidence: ThemeEvidence) -> Bool {
    evidence.titleCount == 0 && evidence.leadCount == 0 && evidence.bodyCount == 0 && !evidence.nameInTitle
      && evidence.descriptionCount == 0 && evidence.matchedPhrases.isEmpty
  }
}
