/// A run of input lines that belongs to no article: masthead, contents list, distribution
/// list, or page furniture.
///
/// Every line of an input is either inside exactly one ``Article`` or inside exactly one
/// boilerplate block (blank lines aside), so nothing is silently dropped.
public struct BoilerplateBlock: Codable, Sendable, Hashable {
  /// What the lines are.
  public enum Kind: String, Codable, Sendable, Hashable, CaseIterable {
    /// Front page and imprint: publication name, issue number, publisher, editors, phone.
    case masthead
    /// The front page's list of titles (biweekly) or the table of contents (digest).
    case contents
    /// The back page: slogan, QR-code note and the 报：/送： distribution list.
    case distribution
    /// Page numbers, running headers and section headings between articles.
    case furniture
  }

  /// What the lines are.
  public var kind: Kind
  /// Where the block is in the input (1-based, inclusive).
  public var lines: LineRange
  /// The block's non-blank lines, trimmed and joined with newlines.
  public var text: String

  /// Creates a block.
  public init(kind: Kind, lines: LineRange, text: String) {
    self.kind = kind
    self.lines = lines
    self.text = text
  }
}
