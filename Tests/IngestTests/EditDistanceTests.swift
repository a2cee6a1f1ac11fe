import Testing

@testable import Ingest

@Suite("Edit distance")
struct EditDistanceTests {
  @Test(
    "counts insertions, deletions and substitutions over characters",
    arguments: [
      ("", "", 0), ("abc", "", 3), ("", "ab", 2), ("simlar", "similar", 1), ("kitten", "sitting", 3),
      ("江苏省", "江苏", 1), ("苏州", "宿州", 1),
    ])
  func distance(a: String, b: String, expected: Int) {
    #expect(EditDistance.between(a, b) == expected)
    #expect(EditDistance.between(b, a) == expected)
  }
}
