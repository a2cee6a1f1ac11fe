/// The pages (1-based, inclusive) of a PDF or Word document an article spans.
public struct PageRange: Codable, Sendable, Hashable {
  /// The first page.
  public var first: Int
  /// The last page (at least ``first``).
  public var last: Int

  /// Creates a range.
  ///
  /// - Precondition: `1 <= first <= last`.
  public init(first: Int, last: Int) {
    precondition(first >= 1 && first <= last, "a page range runs forwards from page 1")
    self.first = first
    self.last = last
  }

  /// `p. 3` or `pp. 3–5`.
  public var label: String { first == last ? "p. \(first)" : "pp. \(first)–\(last)" }
}
