import Testing

@Suite struct PlaceholderTextAnalysisTests {
  @Test func builds() { #expect(1 + 1 == 2) }
}
