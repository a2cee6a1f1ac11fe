import Testing

@Suite struct PlaceholderSimilaritySearchTests {
  @Test func builds() { #expect(1 + 1 == 2) }
}
