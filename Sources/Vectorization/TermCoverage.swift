/// How many of a document's tokens a fitted vocabulary knows: fold-in of a document whose
/// tokens are mostly unknown rests on little evidence and deserves a warning.
public struct TermCoverage: Sendable, Hashable, Codable {
  /// All tokens in the document.
  public var tokenCount: Int
  /// Tokens whose term is in the vocabulary (pruned terms count as unknown).
  public var knownTokenCount: Int

  /// Creates a coverage record.
  public init(tokenCount: Int, knownTokenCount: Int) {
    self.tokenCount = tokenCount
    self.knownTokenCount = knownTokenCount
  }

  /// (tokens − known tokens) / tokens: the share of raw term-frequency mass that the model
  /// ignores; 0 for an empty document.
  public var unknownShare: Double {
    tokenCount == 0 ? 0 : Double(tokenCount - knownTokenCount) / Double(tokenCount)
  }
}
