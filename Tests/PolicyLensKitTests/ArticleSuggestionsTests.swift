import Testing

@testable import PolicyLensKit

@Suite struct ArticleSuggestionsTests {
  static let ids = ["2024-21#1", "2024-21#10", "2024-6#1", "digest-2023-25#1"]
  static let titles = ["长三角加速低空经济产业布局", "山东出台方案加快构建废弃物循环利用体系", "各地加速未来产业先导区产业集聚", "国办：印发意见"]

  // Expected rows from a separate Levenshtein in Python: 2024-21#11 is 1, 1 and 3 edits from
  // rows 0, 1, 2; 2024-12#1 is 2, 2 and 3 from rows 0, 2, 1 (tolerance 3 for both).
  @Test("a mistyped id finds the nearest ids, nearest first, within max(2, length / 3) edits")
  func ids() {
    #expect(ArticleSuggestions.rows(closestTo: "2024-21#11", ids: Self.ids, titles: Self.titles) == [0, 1, 2])
    #expect(ArticleSuggestions.rows(closestTo: "2024-12#1", ids: Self.ids, titles: Self.titles) == [0, 2, 1])
    #expect(ArticleSuggestions.rows(closestTo: "nothing-like-it", ids: Self.ids, titles: Self.titles).isEmpty)
  }

  @Test("words of a title find the article first, then near ids; the limit holds")
  func titles() {
    #expect(ArticleSuggestions.rows(closestTo: "低空经济", ids: Self.ids, titles: Self.titles) == [0])
    #expect(ArticleSuggestions.rows(closestTo: "2024-21#1", ids: Self.ids, titles: Self.titles, limit: 1) == [0])
  }
}
