import Foundation
import Testing

@testable import TextAnalysis

@Suite struct CompoundTermsTests {
  @Test("sub-words fold into the compound that contains them, in the place of the first")
  func compounds() {
    let ranked = ["低空", "低空经济", "人机", "无人机", "无人", "经济", "产业", "布局", "集聚"]
    #expect(CompoundTerms.folding(ranked, count: 3) == ["低空经济", "无人机", "产业"])
    #expect(CompoundTerms.folding(ranked, count: 5) == ["低空经济", "无人机", "产业", "布局", "集聚"])
    // A compound that contains two chosen parts replaces both, keeping the first one's place.
    #expect(CompoundTerms.folding(["数据", "要素", "数据要素", "市场"], count: 3) == ["数据要素", "市场"])
    // A compound replaces its parts even once `count` are chosen; other terms are not added.
    #expect(CompoundTerms.folding(["数据", "要素", "数据要素", "市场"], count: 2) == ["数据要素", "市场"])
    #expect(CompoundTerms.folding(["数据", "要素", "市场", "数据要素"], count: 2) == ["数据要素"])
    #expect(CompoundTerms.folding(["a", "b"], count: 0).isEmpty)
  }

  @Test("excluded terms are skipped, and so is a part of an excluded term read before it")
  func exclusions() {
    let ranked = ["深圳", "低空", "低空经济", "措施", "经济", "无人机"]
    #expect(
      CompoundTerms.folding(ranked, count: 3, isExcluded: { ["深圳", "措施"].contains($0) }) == ["低空经济", "无人机"])
    let withPlace = ["上海市委", "海市", "科创金融", "其他"]
    #expect(CompoundTerms.folding(withPlace, count: 2, isExcluded: { $0 == "上海市委" }) == ["科创金融", "其他"])
    // Without the exclusion the compound is shown and its part is folded into it.
    #expect(CompoundTerms.folding(withPlace, count: 2) == ["上海市委", "科创金融"])
  }

  @Test("a term occurs in another exactly when Foundation's literal search finds it")
  func occurrenceIsALiteralSearch() {
    let terms = ["", "经", "济", "经济", "低空经济", "空经", "济经", "AI", "ai", "人工智能AI", "5G", "5G基站", "基站5G", "ＡＩ"]
    for part in terms {
      for text in terms {
        let expected = part.isEmpty || text.range(of: part, options: .literal) != nil
        #expect(CompoundTerms.occurs(part, in: text) == expected, "\(part) in \(text)")
      }
    }
  }
}
