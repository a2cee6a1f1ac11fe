import Testing

@Suite struct PlaceholderTimelinesTests {
  @Test func builds() { #expect(1 + 1 == 2) }
}
