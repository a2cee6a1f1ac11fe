import Testing

@Suite struct PlaceholderPipelineTests {
  @Test func builds() { #expect(1 + 1 == 2) }
}
