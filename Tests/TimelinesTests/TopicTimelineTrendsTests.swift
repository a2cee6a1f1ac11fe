import Testing
import TestSupport

@testable import Timelines

/// Builds a timeline with one issue per entry of `sizes`, planting `planted[key][t]` articles of
/// each key in issue *t* and filling the rest of the issue with the key `other`.
func plantedTimeline(sizes: [Int], planted: [String: [Int]]) throws -> TopicTimeline {
  var articles: [TimelineArticle] = []
  for (period, size) in sizes.enumerated() {
    let date = "2024-" + (period + 1 < 10 ? "0" : "") + "\(period + 1)-01"
    var used = 0
    for key in planted.keys.sorted() {
      for index in 0..<(planted[key]?[period] ?? 0) {
        articles.append(
          TimelineArticle(
            id: "\(key)\(period)-\(index)", date: date, issue: "第\(period + 1)期", region: "r", categories: [key]))
        used += 1
      }
    }
    for index in used..<size {
      articles.append(
        TimelineArticle(
          id: "o\(period)-\(index)", date: date, issue: "第\(period + 1)期", region: "r", categories: ["other"]))
    }
  }
  let keys = planted.keys.sorted() + ["other"]
  return try TopicTimeline(articles: articles, options: TimelineOptions(granularity: .issue, categories: keys))
}

@Suite struct TopicTimelineTrendsTests {
  @Test("planted series get the marker their shape implies")
  func plantedMarkers() throws {
    let timeline = try plantedTimeline(
      sizes: [10, 10, 10, 10],
      planted: [
        "rising": [0, 1, 1, 5], "fading": [4, 4, 3, 0], "steady": [2, 2, 2, 2],
        "new": [0, 0, 0, 2], "absent": [0, 0, 0, 0], "single": [0, 1, 0, 1],
      ])
    let markers = Dictionary(uniqueKeysWithValues: try timeline.trends().map { ($0.category, $0.marker) })
    #expect(markers["rising"] == .rising)
    #expect(markers["fading"] == .fading)
    #expect(markers["steady"] == .steady)
    #expect(markers["new"] == .new)
    #expect(markers["absent"] == .absent)
    // Share 1/10 recent vs 1/30 earlier is a large ratio but one recent article is too little evidence.
    #expect(markers["single"] == .steady)
  }

  @Test("trends compare shares, so a longer latest issue alone is not a rise")
  func sharesNotCounts() throws {
    let timeline = try plantedTimeline(sizes: [5, 5, 20], planted: ["k": [1, 1, 4]])
    let trend = try #require(try timeline.trends().first { $0.category == "k" })
    #expect(trend.marker == .steady)
    expectClose(trend.recentShare, 4.5 / 21)
    expectClose(trend.earlierShare, 2.5 / 11)
  }

  @Test("a wider recent window pools the latest periods")
  func recentWindow() throws {
    let timeline = try plantedTimeline(sizes: [10, 10, 10, 10], planted: ["k": [0, 0, 3, 3]])
    let one = try timeline.trends(options: TrendOptions(recentPeriodCount: 1))
    let two = try timeline.trends(options: TrendOptions(recentPeriodCount: 2))
    #expect(one.first?.marker == .rising)
    #expect(two.first?.marker == .new)
    #expect(two.first?.recentCount == 6)
  }

  @Test("the marker flips exactly at the threshold")
  func thresholdBoundary() throws {
    // Recent (4 + .5)/(10 + 1) against earlier (c + .5)/(20 + 1): ratio 1.5 needs c + .5 = 5.727…
    let timeline = try plantedTimeline(sizes: [10, 10, 10], planted: ["k": [3, 3, 4]])
    let trend = try #require(try timeline.trends().first)
    let threshold = trend.ratio
    #expect(try timeline.trends(options: TrendOptions(threshold: threshold)).first?.marker == .rising)
    #expect(try timeline.trends(options: TrendOptions(threshold: threshold * 1.0001)).first?.marker == .steady)
  }

  @Test("one period cannot have a trend")
  func singlePeriod() throws {
    let timeline = try TopicTimeline(articles: [article("a", "2024-11-07", issue: "第21期", ["x"])])
    #expect(throws: TimelineError.singlePeriod(period: "第21期")) { try timeline.trends() }
    #expect(TimelineError.singlePeriod(period: "第21期").description.contains("two periods"))
  }

  @Test("the recent window must leave an earlier period")
  func windowTooWide() throws {
    let timeline = try plantedTimeline(sizes: [2, 2], planted: ["k": [1, 1]])
    #expect(throws: TimelineError.invalidRecentWindow(requested: 2, periodCount: 2)) {
      try timeline.trends(options: TrendOptions(recentPeriodCount: 2))
    }
  }
}
