import Testing

@Suite struct PlaceholderVectorizationTests {
  @Test func builds() { #expect(1 + 1 == 2) }
}
