import Testing

@Suite struct PlaceholderReductionTests {
  @Test func builds() { #expect(1 + 1 == 2) }
}
