/// The files of a model directory, which an analyst can also open in Python.
///
/// This is the only place their names are spelled.
///
/// | file | content |
/// |---|---|
/// | `manifest.json` | format version, parameters, corpus checksums, counts, file checksums |
/// | `vocabulary.tsv` | `term⇥document_frequency`, one line per term in column order |
/// | `idf.npy` | inverse document frequency per term (`'<f8'`) |
/// | `singular_values.npy` | σ₁ ≥ … ≥ σ_k |
/// | `term_loadings.npy` | V, terms × k |
/// | `document_coordinates.npy` | U, documents × k (fold-in coordinates q V Σ⁻¹) |
/// | `latent_unit_rows.npy` | rows of UΣ scaled to unit length (row-major), for cosine queries |
/// | `tfidf_indptr.npy`, `tfidf_indices.npy`, `tfidf_data.npy` | TF-IDF rows in CSR form: `scipy.sparse.csr_matrix((data, indices, indptr))` |
/// | `articles.jsonl` | one article (metadata and body) per line, in row order |
/// | `article_index.tsv` | `id⇥region⇥city⇥date⇥issue⇥title` per article, for fast queries |
/// | `themes.yaml` | the theme definitions `fit` used, byte for byte (absent when fitted without themes) |
/// | `userdict.txt` | the user dictionary file `fit` read, byte for byte (absent when none was given) |
/// | `theme_evidence.npy` | `'<i4'`, one row per (article, theme) whose text mentions the theme: article row, theme column, title, lead and body counts, body length, name in title (0/1), description-term count, number of phrases found (absent in models fitted before it, or without themes) |
/// | `theme_evidence_phrases.npy` | `'<i4'`, one row per phrase found, in the order of `theme_evidence.npy`'s rows: the phrase's index in its theme's phrase list, its count |
/// | `content_keys.txt` | the content key of each article (16 hex digits), one line per article, so that `add` recognises a known text without reading `articles.jsonl` (absent in models written before it) |
///
/// `add` appends articles as *segments* instead of rewriting the files (see ``takesSegments``
/// and ``segmentName(_:)``): segment *n* of `articles.jsonl` is `articles.seg-n.jsonl`, holding
/// only the added rows, and readers take a file's rows as the base file's, then each segment's,
/// in order. `fit` (and a compacting `add`) write one base file again.
public enum ModelFile: String, CaseIterable, Sendable {
  case manifest = "manifest.json"
  case vocabulary = "vocabulary.tsv"
  case inverseDocumentFrequency = "idf.npy"
  case singularValues = "singular_values.npy"
  case termLoadings = "term_loadings.npy"
  case documentCoordinates = "document_coordinates.npy"
  case latentUnitRows = "latent_unit_rows.npy"
  case tfidfRowStarts = "tfidf_indptr.npy"
  case tfidfColumnIndices = "tfidf_indices.npy"
  case tfidfValues = "tfidf_data.npy"
  case articles = "articles.jsonl"
  case articleIndex = "article_index.tsv"
  case themeDefinitions = "themes.yaml"
  case userDictionary = "userdict.txt"
  case themeEvidence = "theme_evidence.npy"
  case themeEvidencePhrases = "theme_evidence_phrases.npy"
  case contentKeys = "content_keys.txt"

  /// The file's name in the directory.
  public var name: String { rawValue }

  /// Whether the file holds rows of articles, so that `add` appends its new rows as segments.
  ///
  /// The vocabulary, idf and the topics do not change when articles are added.
  public var takesSegments: Bool {
    switch self {
    case .documentCoordinates, .latentUnitRows, .tfidfRowStarts, .tfidfColumnIndices, .tfidfValues, .articles,
      .articleIndex, .themeEvidence, .themeEvidencePhrases, .contentKeys:
      true
    case .manifest, .vocabulary, .inverseDocumentFrequency, .singularValues, .termLoadings, .themeDefinitions,
      .userDictionary:
      false
    }
  }

  /// The name of segment `number` (from 1) of this file: `articles.jsonl` → `articles.seg-1.jsonl`.
  ///
  /// - Precondition: the file takes segments and `number` ≥ 1.
  public func segmentName(_ number: Int) -> String {
    precondition(takesSegments && number >= 1, "\(name) has no segment \(number)")
    let dot = name.firstIndex(of: ".") ?? name.endIndex
    return "\(name[..<dot]).seg-\(number)\(name[dot...])"
  }

  /// The names of the file's parts in a model with `segmentCount` segments: the base file, then
  /// its segments in order (just the base file when it takes no segments).
  public func partNames(segmentCount: Int) -> [String] {
    guard takesSegments else { return [name] }
    return [name] + (0..<segmentCount).map { segmentName($0 + 1) }
  }

  /// The file and segment number that `name` stands for, or `nil` when it is no segment name.
  public static func segment(named name: String) -> (file: ModelFile, number: Int)? {
    guard let marker = name.range(of: ".seg-") else { return nil }
    let rest = name[marker.upperBound...]
    let digits = rest.prefix { $0.isASCII && $0.isNumber }
    guard let number = Int(digits), number >= 1, String(number) == digits,
      let file = ModelFile(rawValue: String(name[..<marker.lowerBound]) + rest.dropFirst(digits.count)),
      file.takesSegments
    else { return nil }
    return (file, number)
  }

  /// Whether `name` is the name of a model file or of a segment of one.
  public static func isModelFileName(_ name: String) -> Bool {
    ModelFile(rawValue: name) != nil || segment(named: name) != nil
  }
}
