import FileIntegrity
import Foundation
import Ingest
import ModelStore
import ThemeTagging

/// A model's stored theme evidence: the text evidence of every article for the themes it was
/// fitted with (`theme_evidence.npy`, `theme_evidence_phrases.npy`), so that tagging reads no
/// article text.
public struct StoredThemeEvidence: Sendable, Hashable {
  /// The evidence, one column per theme.
  public var table: ThemeEvidenceTable
  /// Per column, the theme's phrases (the files store a phrase by its index here).
  public var phrases: [[String]]

  /// Stored evidence from its parts.
  public init(table: ThemeEvidenceTable, phrases: [[String]]) {
    precondition(table.signatures.count == phrases.count, "one phrase list per column")
    self.table = table
    self.phrases = phrases
  }

  /// The digest under which a theme's ``ThemeTagger/textSignature(ofTheme:)`` is stored.
  static func digest(_ signature: String) -> String { Checksum.hex(of: Array(signature.utf8)) }
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
    guard let stored = themeEvidence, stored.table.articleCount == articles.count else { return false }
    return stored.table.columns(for: tagger, signature: StoredThemeEvidence.digest).allSatisfy { $0 != nil }
  }

  /// Article row → its text evidence for every theme of `tagger`: read from the stored
  /// evidence when it covers them (``storesThemeEvidence(for:)``), else counted in the
  /// article's text.
  ///
  /// - Precondition: the article text is loaded when the stored evidence does not cover `tagger`.
  func textEvidence(for tagger: ThemeTagger) -> @Sendable (Int) -> [ThemeEvidence] {
    if storesThemeEvidence(for: tagger), let table = themeEvidence?.table {
      let columns = table.columns(for: tagger, signature: StoredThemeEvidence.digest).compactMap { $0 }
      return { row in columns.map { table.evidence(ofArticle: row, column: $0) } }
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
    if let stored = themeEvidence, stored.table.signatures == signatures, stored.table.articleCount <= articles.count {
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

  /// Stored evidence from the two arrays, checked: rows in article order and in range, phrase
  /// indices in range, every phrase row used.
  ///
  /// - Throws: ``ModelStoreError/malformedFile(path:reason:)`` naming the file.
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
    var articles = [[ThemeEvidenceTable.Entry]](repeating: [], count: articleCount)
    var nextPhrase = 0
    var previous = (row: -1, column: -1)
    for start in stride(from: 0, to: rows.count, by: columnCount) {
      let value = { (offset: Int) in Int(rows[start + offset]) }
      let (row, column, phraseCount) = (value(0), value(1), value(8))
      guard (0..<articleCount).contains(row), columns.phrases.indices.contains(column),
        (row, column) > previous, phraseCount >= 0, nextPhrase + phraseCount * 2 <= phraseRows.count
      else {
        throw .malformedFile(
          path: files.path(.themeEvidence), reason: "row \(start / columnCount) is out of order or out of range")
      }
      previous = (row, column)
      var matched: [ThemeEvidence.PhraseCount] = []
      for _ in 0..<phraseCount {
        let (phrase, count) = (Int(phraseRows[nextPhrase]), Int(phraseRows[nextPhrase + 1]))
        guard columns.phrases[column].indices.contains(phrase) else {
          throw .malformedFile(
            path: files.path(.themeEvidencePhrases), reason: "row \(nextPhrase / 2) names no phrase of its theme")
        }
        matched.append(.init(phrase: columns.phrases[column][phrase], count: count))
        nextPhrase += 2
      }
      articles[row].append(
        .init(
          column: column,
          evidence: ThemeEvidence(
            titleCount: value(2), leadCount: value(3), bodyCount: value(4), bodyLength: value(5),
            distinctPhraseCount: phraseCount, nameInTitle: value(6) != 0, descriptionCount: value(7),
            latentSimilarity: 0, matchedPhrases: matched)))
    }
    guard nextPhrase == phraseRows.count else {
      throw .malformedFile(path: files.path(.themeEvidencePhrases), reason: "rows left over")
    }
    return StoredThemeEvidence(
      table: ThemeEvidenceTable(signatures: columns.signatures, articles: articles), phrases: columns.phrases)
  }
}
