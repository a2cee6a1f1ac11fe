import Testing

@Suite struct PlaceholderIngestTests {
  @Test func builds() { #expect(1 + 1 == 2) }
}
