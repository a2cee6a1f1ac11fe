/// Errors raised while fitting term weights.
public enum VectorizationError: Error, Sendable, Hashable, CustomStringConvertible {
  /// No documents were given.
  case emptyCorpus
  /// The documents contain no tokens at all.
  case noTokens(documentCount: Int)
  /// Document-frequency pruning removed every term.
  case emptyVocabulary(
    documentCount: Int, minimumDocumentFrequency: DocumentFrequencyBound,
    maximumDocumentFrequency: DocumentFrequencyBound)
  /// `--max-df` allows fewer documents than `--min-df` requires.
  case conflictingDocumentFrequencyBounds(
    minimum: DocumentFrequencyBound, maximum: DocumentFrequencyBound, documentCount: Int)
  /// An option is outside its allowed range.
  case invalidOption(name: String, value: String, allowed: String)

  /// What happened, the offending value, and what to try.
  public var description: String {
    switch self {
    case .emptyCorpus:
      "The corpus has no documents; there is nothing to weight. Check the input paths."
    case .noTokens(let n):
      "The \(n) documents contain no tokens after segmentation and filtering; perhaps every "
        + "token was a stop word. Check the input text or the stop-word list."
    case .emptyVocabulary(let n, let minimum, let maximum):
      "After pruning, no terms remain in \(n) documents (--min-df \(minimum), --max-df "
        + "\(maximum)). Try a lower --min-df or a higher --max-df."
    case .conflictingDocumentFrequencyBounds(let minimum, let maximum, let n):
      "--max-df \(maximum) corresponds to fewer of the \(n) documents than --min-df \(minimum); "
        + "raise --max-df or lower --min-df."
    case .invalidOption(let name, let value, let allowed):
      "The \(name) option must be \(allowed); got \(value)."
    }
  }
}
