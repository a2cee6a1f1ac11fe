/// A term as a dictionary key compared by its UTF-8 bytes (code points), not by Unicode
/// canonical equivalence.
///
/// This is Python's `str` equality, so two tokens are one term here exactly when they are one
/// term in scikit-learn. It is also much faster: `String`'s own hashing normalizes non-ASCII
/// text (all of Chinese) on every call.
struct TermKey: Hashable {
  let term: String

  init(_ term: String) { self.term = term }

  static func == (lhs: TermKey, rhs: TermKey) -> Bool {
    lhs.term.utf8.elementsEqual(rhs.term.utf8)
  }

  func hash(into hasher: inout Hasher) {
    let hashed: Void? = term.utf8.withContiguousStorageIfAvailable { bytes in
      hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
    }
    if hashed == nil {
      for byte in term.utf8 { hasher.combine(byte) }
    }
  }
}
