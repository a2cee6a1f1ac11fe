/// Errors raised by clustering for inputs a user can fix (for example through `--clusters`).
public enum ClusteringError: Error, Sendable, Hashable, CustomStringConvertible {
  /// More clusters were requested than there are documents.
  case tooFewDocuments(documentCount: Int, clusterCount: Int)
  /// A parameter is outside its allowed range.
  case invalidParameter(name: String, value: Int, allowed: String)
  /// The silhouette needs between 2 and n − 1 distinct labels.
  case silhouetteUndefined(documentCount: Int, clusterCount: Int)
  /// Automatic choice of the cluster count needs more documents.
  case tooFewDocumentsToChooseClusterCount(documentCount: Int, minimum: Int)
  /// A label vector does not match the matrix it describes.
  case labelCountMismatch(labelCount: Int, documentCount: Int)
  /// A label is negative.
  case negativeLabel(document: Int, label: Int)

  /// What went wrong, the offending value, and what to try.
  public var description: String {
    switch self {
    case .tooFewDocuments(let n, let k):
      "Cannot form \(k) clusters from \(n) documents. Ask for at most \(n) clusters "
        + "(--clusters) or add documents."
    case .invalidParameter(let name, let value, let allowed):
      "The clustering parameter \(name) must be \(allowed); got \(value)."
    case .silhouetteUndefined(let n, let k):
      "The silhouette is defined only for 2 to n − 1 clusters; got \(k) clusters for "
        + "\(n) documents. Choose a cluster count in 2...\(max(2, n - 1))."
    case .tooFewDocumentsToChooseClusterCount(let n, let minimum):
      "Choosing the number of clusters automatically needs at least \(minimum) documents; "
        + "got \(n). Pass an explicit cluster count (--clusters) instead."
    case .labelCountMismatch(let labels, let n):
      "Got \(labels) cluster labels for \(n) documents; pass one label per document."
    case .negativeLabel(let document, let label):
      "Document \(document) has cluster label \(label); labels must be 0 or greater."
    }
  }
}
