#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#else
  import Darwin
#endif

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
    compareUTF8(lhs.term, rhs.term) == 0
  }

  func hash(into hasher: inout Hasher) {
    var term = term
    term.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
  }
}

/// Three-way comparison of two strings' UTF-8 bytes (equivalently, their code points):
/// negative, zero or positive like `memcmp`, shorter first on a common prefix.
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
