import FileIntegrity
import Foundation
import Ingest
import ModelStore
import ThemeTagging

/// A model's stored theme evidence: the text evidence of every article for the themes it was
/// fitted with (`theme_evidence.npy`, `theme_evidence_phrases.npy`), so that tagging reads no
/// article text.
///
/// Read from a model, it keeps the files' rows as they are (checked, not turned into a
/// ``ThemeEvidenceTable``): tagging asks for one article's evidence at a time
/// (``evidence(ofArticle:column:)``), and building a table of 100,000 articles' entries only to
/// read each once cost more than the tagging. ``table`` builds it when asked (to extend it).
public struct StoredThemeEvidence: Sendable, Hashable {
  /// Per column, the theme's phrases (the files store a phrase by its index here).
  public var phrases: [[String]]
  private var storage: Storage

  private enum Storage: Sendable {
    case table(ThemeEvidenceTable)
    case encoded(EncodedThemeEvidence)
  }

  /// Stored evidence from its parts.
  public init(table: ThemeEvidenceTable, phrases: [[String]]) {
    precondition(table.signatures.count == phrases.count, "one phrase list per column")
    self.storage = .table(table)
    self.phrases = phrases
  }

  init(encoded: EncodedThemeEvidence, phrases: [[String]]) {
    self.storage = .encoded(encoded)
    self.phrases = phrases
  }

  /// The evidence, one column per theme.
  ///
  /// - Complexity: O(*m*) for evidence read from a model (*m* stored entries), built on each access.
  public var table: ThemeEvidenceTable {
    switch storage {
    case .table(let table): table
    case .encoded(let encoded): encoded.table(phrases: phrases)
    }
  }

  /// One signature per theme column.
  public var signatures: [String] {
    switch storage {
    case .table(let table): table.signatures
    case .encoded(let encoded): encoded.signatures
    }
  }

  /// Number of articles.
  public var articleCount: Int {
    switch storage {
    case .table(let table): table.articleCount
    case .encoded(let encoded): encoded.articleStarts.count - 1
    }
  }

  /// Article `row`'s text evidence for `column` (all zero when none is stored), as ``table``'s
  /// ``ThemeEvidenceTable/evidence(ofArticle:column:)`` gives it.
  ///
  /// - Complexity: O(entries of the article + phrases found).
  public func evidence(ofArticle row: Int, column: Int) -> ThemeEvidence {
    switch storage {
    case .table(let table): table.evidence(ofArticle: row, column: column)
    case .encoded(let encoded): encoded.evidence(ofArticle: row, column: column, phrases: phrases)
    }
  }

  public static func == (lhs: StoredThemeEvidence, rhs: StoredThemeEvidence) -> Bool {
    lhs.phrases == rhs.phrases && lhs.table == rhs.table
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(phrases)
    hasher.combine(table)
  }

  /// The digest under which a theme's ``ThemeTagger/textSignature(ofTheme:)`` is stored.
  static func digest(_ signature: String) -> String { Checksum.hex(of: Array(signature.utf8)) }
}

/// The rows of `theme_evidence.npy` and `theme_evidence_phrases.npy` as read, with where each
/// article's entries and each entry's phrases start (checked when read, see
/// `StoredThemeEvidence.decoding`).
struct EncodedThemeEvidence: Sendable {
  var signatures: [String]
  /// ``StoredThemeEvidence/columnCount`` values per entry: row, column, title, lead, body,
  /// body length, name in title, description, phrase count.
  var values: [Int32]
  /// (phrase index, count) pairs, entry after entry.
  var phraseValues: [Int32]
  /// Per article, the index of its first entry; one more for the end.
  var articleStarts: [Int32]
  /// Per entry, the offset in `phraseValues` of its first pair; one more for the end.
  var phraseStarts: [Int32]

  func evidence(ofArticle row: Int, column: Int, phrases: [[String]]) -> ThemeEvidence {
    for entry in Int(articleStarts[row])..<Int(articleStarts[row + 1]) {
      let base = entry * StoredThemeEvidence.columnCount
      if Int(values[base + 1]) == column { return evidence(ofEntry: entry, phrases: phrases[column]) }
    }
    return ThemeEvidenceTable.zero
  }

  private func evidence(ofEntry entry: Int, phrases: [String]) -> ThemeEvidence {
    let base = entry * StoredThemeEvidence.columnCount
    let value = { (offset: Int) in Int(values[base + offset]) }
    var matched: [ThemeEvidence.PhraseCount] = []
    matched.reserveCapacity(value(8))
    for pair in stride(from: Int(phraseStarts[entry]), to: Int(phraseStarts[entry + 1]), by: 2) {
      matched.append(.init(phrase: phrases[Int(phraseValues[pair])], count: Int(phraseValues[pair + 1])))
    }
    return ThemeEvidence(
      titleCount: value(2), leadCount: value(3), bodyCount: value(4), bodyLength: value(5),
      distinctPhraseCount: value(8), nameInTitle: value(6) != 0, descriptionCount: value(7), latentSimilarity: 0,
      matchedPhrases: matched)
  }

  func table(phrases: [[String]]) -> ThemeEvidenceTable {
    let articles = (0..<(articleStarts.count - 1)).map { row in
      (Int(articleStarts[row])..<Int(articleStarts[row + 1])).map { entry in
        let column = Int(values[entry * StoredThemeEvidence.columnCount + 1])
        return ThemeEvidenceTable.Entry(column: column, evidence: evidence(ofEntry: entry, phrases: phrases[column]))
      }
    }
    return ThemeEvidenceTable(signatures: signatures, articles: articles)
  }
}

extension PolicyModel {
  /// The catalog of the theme file the model keeps (`themes.yaml`), if it has one that parses.
  public var fittedThemeCatalog: ThemeCatalog? { Self.themeCatalog(definedBy: themeDefinitions) }

  /// The catalog of a model's `themes.yaml` bytes, if they parse.
  static func themeCatalog(definedBy themeDefinitions: Data?) -> ThemeCatalog? {
    guard let themeDefinitions, let text = String(data: themeDefinitions, encoding: .utf8) else { return nil }
    return try? ThemeCatalog(parsing: text)
  }

  /// Whether the stored theme evidence covers every article for every theme of `tagger` as it
  /// counts them now, so tagging needs no article text.
  public func storesThemeEvidence(for tagger: ThemeTagger) -> Bool {
    guard let stored = themeEvidence, stored.articleCount == articles.count else { return false }
    return ThemeEvidenceTable(signatures: stored.signatures).columns(
      for: tagger, signature: StoredThemeEvidence.digest
    ).allSatisfy { $0 != nil }
  }

  /// Article row → its text evidence for every theme of `tagger`: read from the stored
  /// evidence when it covers them (``storesThemeEvidence(for:)``), else counted in the
  /// article's text.
  ///
  /// - Precondition: the article text is loaded when the stored evidence does not cover `tagger`.
  func textEvidence(for tagger: ThemeTagger) -> @Sendable (Int) -> [ThemeEvidence] {
    if storesThemeEvidence(for: tagger), let stored = themeEvidence {
      let columns = ThemeEvidenceTable(signatures: stored.signatures).columns(
        for: tagger, signature: StoredThemeEvidence.digest
      ).compactMap { $0 }
      return { row in columns.map { stored.evidence(ofArticle: row, column: $0) } }
    }
    precondition(hasArticleText, "tagging without stored evidence needs the articles' text")
    let articles = self.articles
    return { row in tagger.textEvidence(title: articles[row].analysisTitle, body: articles[row].analysisBody) }
  }

  /// The theme evidence to save with the model: the stored evidence extended to articles it does
  /// not cover yet (articles added by `add`), or counted for every article when the model keeps
  /// no evidence for its theme file as it reads now; `nil` for a model fitted without themes.
  ///
  /// Counting runs on every core, in article order.
  ///
  /// - Complexity: O(*L*) for *L* characters of the articles counted.
  func themeEvidenceForSaving() async -> StoredThemeEvidence? {
    guard let catalog = fittedThemeCatalog else { return nil }
    let tagger = themeTagger(for: catalog)
    let signatures = tagger.themes.indices.map { StoredThemeEvidence.digest(tagger.textSignature(ofTheme: $0)) }
    var table = ThemeEvidenceTable(signatures: signatures)
    if let stored = themeEvidence, stored.signatures == signatures, stored.articleCount <= articles.count {
      table = stored.table
    }
    precondition(hasArticleText || table.articleCount == articles.count, "counting evidence needs the text")
    table.append(contentsOf: await Self.themeEvidence(of: Array(articles[table.articleCount...]), tagger: tagger))
    return StoredThemeEvidence(table: table, phrases: tagger.phrases)
  }

  /// The text evidence of `articles` for every theme of `tagger`, counted on every core, in
  /// article order.
  ///
  /// - Complexity: O(*L*) for *L* characters of the articles.
  static func themeEvidence(of articles: [Article], tagger: ThemeTagger) async -> ThemeEvidenceTable {
    let signatures = tagger.themes.indices.map { StoredThemeEvidence.digest(tagger.textSignature(ofTheme: $0)) }
    let chunkCount = max(1, min(articles.count / 256, ProcessInfo.processInfo.activeProcessorCount * 4))
    let chunkSize = (articles.count + chunkCount - 1) / chunkCount
    var chunks = [ThemeEvidenceTable](repeating: ThemeEvidenceTable(signatures: signatures), count: chunkCount)
    await withTaskGroup(of: (Int, ThemeEvidenceTable).self) { group in
      for chunk in 0..<chunkCount {
        let range = min(articles.count, chunk * chunkSize)..<min(articles.count, (chunk + 1) * chunkSize)
        group.addTask {
          var part = ThemeEvidenceTable(signatures: signatures)
          for article in articles[range] {
            part.append(tagger.textEvidence(title: article.analysisTitle, body: article.analysisBody))
          }
          return (chunk, part)
        }
      }
      for await (chunk, part) in group { chunks[chunk] = part }
    }
    var table = ThemeEvidenceTable(signatures: signatures)
    for chunk in chunks { table.append(contentsOf: chunk) }
    return table
  }
}

extension StoredThemeEvidence {
  /// Columns of `theme_evidence.npy`.
  static let columnCount = 9

  /// The two `.npy` files (see `ModelFile.themeEvidence`) and the manifest's description of
  /// their columns.
  ///
  /// - Parameter firstRow: The model row of the table's first article (a segment's rows follow
  ///   the rows before it; the files store model rows).
  func encoded(firstRow: Int = 0) -> (evidence: Data, phrases: Data, columns: ModelManifest.ThemeEvidenceColumns) {
    var rows: [Int32] = []
    var phraseRows: [Int32] = []
    let index = phrases.map { Dictionary($0.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first }) }
    for (row, entries) in table.articles.enumerated() {
      for entry in entries {
        let evidence = entry.evidence
        rows += [
          Int32(firstRow + row), Int32(entry.column), Int32(evidence.titleCount), Int32(evidence.leadCount),
          Int32(evidence.bodyCount), Int32(evidence.bodyLength), evidence.nameInTitle ? 1 : 0,
          Int32(evidence.descriptionCount), Int32(evidence.matchedPhrases.count),
        ]
        for match in evidence.matchedPhrases {
          phraseRows += [Int32(index[entry.column][match.phrase] ?? -1), Int32(match.count)]
        }
      }
    }
    return (
      NumPyFormat.encode(rows, columnCount: Self.columnCount), NumPyFormat.encode(phraseRows, columnCount: 2),
      ModelManifest.ThemeEvidenceColumns(signatures: table.signatures, phrases: phrases)
    )
  }

  /// Stored evidence from the two arrays, checked.
  ///
  /// Rows must be in article order and in range, phrase indices in range, every phrase row
  /// used. The rows are kept as read (see ``StoredThemeEvidence``).
  ///
  /// - Throws: ``ModelStoreError/malformedFile(path:reason:)`` naming the file.
  /// - Complexity: O(*m* + *p*) for *m* entries and *p* phrase rows, allocating only offsets.
  static func decoding(
    evidence: NumPyArray<Int32>, phrases phraseArray: NumPyArray<Int32>, columns: ModelManifest.ThemeEvidenceColumns,
    articleCount: Int, files: ModelDirectory
  ) throws(ModelStoreError) -> StoredThemeEvidence {
    guard evidence.shape.count == 2, evidence.shape[1] == columnCount, phraseArray.shape.count == 2,
      phraseArray.shape[1] == 2, columns.signatures.count == columns.phrases.count
    else {
      throw .shapeMismatch(
        path: files.path(.themeEvidence), expected: "[m, \(columnCount)] and [p, 2]",
        found: "\(evidence.shape) and \(phraseArray.shape)")
    }
    let rows = evidence.elements
    let phraseRows = phraseArray.elements
    let entryCount = rows.count / columnCount
    guard entryCount < Int(Int32.max), phraseRows.count < Int(Int32.max) else {
      throw .malformedFile(path: files.path(.themeEvidence), reason: "too many rows")
    }
    var articleStarts = [Int32](repeating: 0, count: articleCount + 1)
    var phraseStarts: [Int32] = []
    phraseStarts.reserveCapacity(entryCount + 1)
    var nextPhrase = 0
    var previous = (row: -1, column: -1)
    var nextRow = 0
    for entry in 0..<entryCount {
      let start = entry * columnCount
      let value = { (offset: Int) in Int(rows[start + offset]) }
      let (row, column, phraseCount) = (value(0), value(1), value(8))
      guard (0..<articleCount).contains(row), columns.phrases.indices.contains(column),
        (row, column) > previous, phraseCount >= 0, nextPhrase + phraseCount * 2 <= phraseRows.count
      else {
        throw .malformedFile(path: files.path(.themeEvidence), reason: "row \(entry) is out of order or out of range")
      }
      previous = (row, column)
      // Articles up to this one start here (those in between have no entries).
      while nextRow <= row {
        articleStarts[nextRow] = Int32(entry)
        nextRow += 1
      }
      phraseStarts.append(Int32(nextPhrase))
      for _ in 0..<phraseCount {
        guard columns.phrases[column].indices.contains(Int(phraseRows[nextPhrase])) else {
          throw .malformedFile(
            path: files.path(.themeEvidencePhrases), reason: "row \(nextPhrase / 2) names no phrase of its theme")
        }
        nextPhrase += 2
      }
    }
    while nextRow <= articleCount {
      articleStarts[nextRow] = Int32(entryCount)
      nextRow += 1
    }
    phraseStarts.append(Int32(nextPhrase))
    guard nextPhrase == phraseRows.count else {
      throw .malformedFile(path: files.path(.themeEvidencePhrases), reason: "rows left over")
    }
    return StoredThemeEvidence(
      encoded: EncodedThemeEvidence(
        signatures: columns.signatures, values: rows, phraseValues: phraseRows, articleStarts: articleStarts,
        phraseStarts: phraseStarts),
      phrases: columns.phrases)
  }
}
