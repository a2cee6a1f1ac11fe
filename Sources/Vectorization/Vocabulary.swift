/// The terms of a fitted model and their column indices.
///
/// Terms are sorted by Unicode code point (equivalently, by UTF-8 bytes), which is Python's
/// string order and hence scikit-learn's `vocabulary_` order, so column *j* here is column *j*
/// there. The order does not depend on the order of the documents.
public struct Vocabulary: Sendable, Hashable, Codable {
  /// The terms; `terms[j]` is column *j*.
  public let terms: [String]
  private let indices: [TermKey: Int]

  /// A vocabulary over `terms`, sorted by code point and with duplicates (equal code points)
  /// removed.
  ///
  /// - Complexity: O(V log V).
  public init<S: Sequence<String>>(_ terms: S) {
    let unique = Set(terms.map(TermKey.init)).map(\.term)
    self.init(sortedUniqueTerms: unique.sorted(by: Vocabulary.precedes))
  }

  init(sortedUniqueTerms: [String]) {
    self.terms = sortedUniqueTerms
    var indices = [TermKey: Int](minimumCapacity: sortedUniqueTerms.count)
    for (index, term) in sortedUniqueTerms.enumerated() { indices[TermKey(term)] = index }
    self.indices = indices
  }

  /// The column of `term`, or `nil` when it is not in the vocabulary.
  ///
  /// O(1) expected.
  public func index(of term: String) -> Int? { indices[TermKey(term)] }

  /// Number of terms.
  public var count: Int { terms.count }

  /// Code-point order (Python's `<` on `str`), which differs from Swift's `<` only for
  /// strings that are canonically equivalent but not identical.
  public static func precedes(_ a: String, _ b: String) -> Bool {
    compareUTF8(a, b) < 0
  }

  /// Decodes the term list (a JSON array of strings, in column order).
  ///
  /// The order is taken as stored, not re-sorted, so that column indices survive a round trip.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    self.init(sortedUniqueTerms: try container.decode([String].self))
  }

  /// Encodes the terms as an array in column order.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(terms)
  }

  /// Vocabularies are equal when they have the same terms in the same order.
  public static func == (lhs: Vocabulary, rhs: Vocabulary) -> Bool { lhs.terms == rhs.terms }
  /// Hashes the term list.
  public func hash(into hasher: inout Hasher) { hasher.combine(terms) }
}
