import Testing

@testable import Ingest

@Suite("Gazetteer names as people write them")
struct GazetteerNamesTests {
  @Test(
    "a name with or without its suffix, or in pinyin, is the same place",
    arguments: [
      ("江苏", "江苏", nil), ("江苏省", "江苏", nil), ("Jiangsu", "江苏", nil), ("jiangsu sheng", "江苏", nil),
      ("上海", "上海", nil), ("上海市", "上海", nil), ("Shanghai", "上海", nil),
      ("苏州", "江苏", "苏州"), ("苏州市", "江苏", "苏州"), ("Suzhou", "江苏", "苏州"),
      ("深圳市", "广东", "深圳"), ("Shenzhen", "广东", "深圳"), ("前海", "广东", "深圳"),
      ("广西壮族自治区", "广西", nil), ("Inner Mongolia", "内蒙古", nil), ("Xi'an", "陕西", "西安"),
      ("区域", "区域", nil), ("全国", "全国", nil), (" 广东 ", "广东", nil),
    ] as [(String, String, String?)])
  func resolves(name: String, region: String, city: String?) throws {
    let place = try #require(Gazetteer.place(named: name))
    #expect(place.region == region)
    #expect(place.city == city)
  }

  @Test("names the gazetteer does not know resolve to nothing", arguments: ["Jiangsuu", "火星", "", "省", "abc市"])
  func unknown(name: String) {
    #expect(Gazetteer.place(named: name) == nil)
  }

  @Test("every pinyin name leads to a province or a city of the gazetteer")
  func pinyinTargetsAreKnown() {
    for (pinyin, chinese) in Gazetteer.pinyinNames {
      #expect(Gazetteer.place(named: chinese) != nil, "\(pinyin) → \(chinese) is not a known place")
    }
  }

  @Test("suggestions for a misspelt name are the closest known names, pinyin for pinyin")
  func suggestions() {
    #expect(Gazetteer.suggestions(for: "Jiangsuu").first == "Jiangsu (江苏)")
    #expect(Gazetteer.suggestions(for: "Shenzen").contains("Shenzhen (深圳)"))
    #expect(Gazetteer.suggestions(for: "江苏苏").contains("江苏"))
  }
}
