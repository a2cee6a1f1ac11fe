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

  /// The file's name in the directory.
  public var name: String { rawValue }
}
