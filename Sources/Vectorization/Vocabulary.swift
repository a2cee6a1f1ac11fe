#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#else
  import Darwin
#endif

/// The terms of a fitted model and their column indices.
///
/// Terms are sorted by Unicode code point (equivalently, by UTF-8 bytes), which is Python's
/// string order and hence scikit-learn's `vocabulary_` order, so column *j* here is column *j*
/// there. The order does not depend on the order of the documents.
public struct Vocabulary: Sendable, Hashable, Codable {
  /// The terms; `terms[j]` is column *j*.
  public let terms: [String]
  /// Term → column: a ``TermTable`` filled in column order, so a term's id is its column; `nil`
  /// for a vocabulary that looks terms up by binary search instead (see
  /// ``init(sortedUniqueTerms:indexed:)``).
  private let indices: TermTable?

  /// A vocabulary over `terms`, sorted by code point and with duplicates (equal code points)
  /// removed.
  ///
  /// - Complexity: O(V log V).
  public init<S: Sequence<String>>(_ terms: S) {
    var table = TermTable()
    for term in terms { _ = table.id(for: term) }
    let unique = table.terms
    self.init(sortedUniqueTerms: table.idsInCodePointOrder().map { unique[Int($0)] })
  }

  /// A vocabulary over terms already strictly increasing in code-point order.
  ///
  /// - Parameter indexed: Whether to build the term → column table (O(*V*) hashing, O(1)
  ///   lookups) or to look terms up by binary search (O(log *V*) comparisons): a free-text query
  ///   looks up a few words, and hashing a 200k-term vocabulary for them was 15 % of a query's
  ///   process at 100k articles.
  init(sortedUniqueTerms: [String], indexed: Bool = true) {
    self.terms = sortedUniqueTerms
    guard indexed else {
      self.indices = nil
      return
    }
    var indices = TermTable(capacity: sortedUniqueTerms.count)
    for term in sortedUniqueTerms { _ = indices.id(for: term) }
    self.indices = indices
  }

  /// The column of `term`, or `nil` when it is not in the vocabulary.
  ///
  /// O(1) expected; O(log *V*) for a vocabulary made without its table.
  public func index(of term: String) -> Int? {
    if let indices { return indices.id(of: term).map(Int.init) }
    var (low, high) = (0, terms.count)
    while low < high {
      let middle = (low + high) / 2
      let order = compareUTF8(terms[middle], term)
      if order == 0 { return middle }
      if order < 0 { low = middle + 1 } else { high = middle }
    }
    return nil
  }

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

/// Three-way comparison of two strings' UTF-8 bytes (equivalently, their code points):
/// negative, zero or positive like `memcmp`, shorter first on a common prefix.
///
/// This is Python's `str` order, so two tokens are one term here exactly when they are one
/// term in scikit-learn. It is also much faster than `String`'s own comparison, which
/// normalizes non-ASCII text (all of Chinese) on every call.
func compareUTF8(_ a: String, _ b: String) -> Int {
  var a = a
  var b = b
  return a.withUTF8 { x in
    b.withUTF8 { y in
      let common = min(x.count, y.count)
      if common > 0, let px = x.baseAddress, let py = y.baseAddress {
        let order = Int(memcmp(px, py, common))
        if order != 0 { return order }
      }
      return x.count - y.count
    }
  }
}
