import Testing

@Suite struct PlaceholderReportTests {
  @Test func builds() { #expect(1 + 1 == 2) }
}
