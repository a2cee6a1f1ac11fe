import Testing

@testable import Timelines

@Suite struct TopicTimelineRenderingTests {
  @Test("sparklines have one column per period, mark gaps and zeros, and peak at the largest share")
  func sparkline() throws {
    let articles = [
      article("a", "2024-01-10", ["x"]), article("b", "2024-01-11", ["y"]),
      article("c", "2024-03-10", ["x"]),
    ]
    let timeline = try TopicTimeline(articles: articles, options: TimelineOptions(granularity: .month))
    #expect(timeline.sparkline(for: "x") == "▄ █")
    #expect(timeline.sparkline(for: "y") == "▄ ·")
    #expect(timeline.sparkline(for: "missing") == nil)
    for row in timeline.series {
      #expect(timeline.sparkline(for: row.category)?.count == timeline.periods.count)
    }
  }
}
