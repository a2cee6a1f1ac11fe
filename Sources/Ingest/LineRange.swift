/// An inclusive range of 1-based line numbers in an input file.
public struct LineRange: Codable, Sendable, Hashable, CustomStringConvertible {
  /// The first line, 1-based.
  public var first: Int
  /// The last line, 1-based and inclusive.
  public var last: Int

  /// Creates a range; `first` must not exceed `last`.
  public init(first: Int, last: Int) {
    precondition(first <= last, "a line range must not be reversed")
    self.first = first
    self.last = last
  }

  /// The number of lines in the range.
  public var count: Int { last - first + 1 }

  /// `12` for one line, `12–20` for several.
  public var description: String { first == last ? "\(first)" : "\(first)–\(last)" }
}
