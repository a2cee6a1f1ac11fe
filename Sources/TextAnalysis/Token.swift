/// One segmented unit of a normalised text, before filtering.
///
/// Tokens of one text are contiguous: concatenating their `text` gives back
/// ``TextNormalizer/normalize(_:)`` of the input, and their `range`s tile
/// `0..<normalizedScalarCount` in order.
public struct Token: Sendable, Hashable {
  /// What a token is made of, which decides whether it can become a term.
  public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Contains at least one Han character (`低空经济`, `5g网络`, `十五五`).
    case han
    /// Letters without Han, possibly with digits (`esg`, `evtol`, `5g`, `c++`).
    case latin
    /// Digits, optionally with `.`, `%` or other jieba block symbols (`2024`, `3.5%`).
    case number
    /// A space, tab, line break or `\r\n`.
    case whitespace
    /// Punctuation (`，` after NFKC is `,`; `《`, `—`, `-` on its own).
    case punctuation
    /// Anything else: symbols, emoji, control characters, U+FFFD.
    case symbol
  }

  /// The token's normalised text.
  public var text: String
  /// The token's class; see ``Kind``.
  public var kind: Kind
  /// Position in the normalised text, in Unicode scalars.
  public var range: Range<Int>

  /// Creates a token.
  public init(text: String, kind: Kind, range: Range<Int>) {
    self.text = text
    self.kind = kind
    self.range = range
  }
}
