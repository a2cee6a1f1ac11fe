import TestSupport
import Testing

@testable import Vectorization

@Suite struct TermTableTests {
  @Test("ids follow first occurrence and agree with a Dictionary over code points")
  func matchesDictionary() {
    var generator = SplitMix64(seed: 17)
    var table = TermTable(capacity: 4)
    var reference: [[UInt8]: Int32] = [:]
    let alphabet = ["经", "济", "a", "b", "é", "e\u{301}", "1"]
    for _ in 0..<20_000 {
      let length = Int(generator.next() % 4) + 1
      let term = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined()
      let expected = reference[Array(term.utf8)] ?? Int32(reference.count)
      reference[Array(term.utf8)] = expected
      #expect(table.id(for: term) == expected, "\(term)")
    }
    #expect(table.count == reference.count)
    #expect(table.count > 1000, "enough terms to force the table to grow")
  }

  @Test("canonically equivalent spellings are different terms, as in Python")
  func canonicalEquivalents() {
    var table = TermTable()
    #expect(table.id(for: "é") != table.id(for: "e\u{301}"))
    #expect(table.id(for: "") == 2)
    #expect(table.id(for: "") == 2)
  }
}
