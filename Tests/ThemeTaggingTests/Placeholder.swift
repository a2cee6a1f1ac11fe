import Testing

@Suite struct PlaceholderThemeTaggingTests {
  @Test func builds() { #expect(1 + 1 == 2) }
}
