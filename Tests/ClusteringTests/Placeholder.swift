import Testing

@Suite struct PlaceholderClusteringTests {
  @Test func builds() { #expect(1 + 1 == 2) }
}
