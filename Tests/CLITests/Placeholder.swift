import Testing

@Suite struct PlaceholderCLITests {
  @Test func builds() { #expect(1 + 1 == 2) }
}
