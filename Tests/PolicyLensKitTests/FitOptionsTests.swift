import Foundation
import PolicyLensKit
import Reduction
import Testing
import TestSupport

@Suite("FitOptions")
struct FitOptionsTests {
  @Test("decodes the parameters of a manifest written before the rename (rank, choosesRankAutomatically)")
  func decodesOldParameters() throws {
    let current = SeedModel.model.manifest.parameters
    let data = try JSONEncoder().encode(current)
    var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(object["choosesDimensionsAutomatically"] != nil && object["choosesRankAutomatically"] == nil)
    var lsa = try #require(object["lsa"] as? [String: Any])
    #expect(lsa["dimensionCount"] != nil && lsa["rank"] == nil)

    // The old manifest's spelling of the same parameters.
    object["choosesRankAutomatically"] = object.removeValue(forKey: "choosesDimensionsAutomatically")
    lsa["rank"] = lsa.removeValue(forKey: "dimensionCount")
    object["lsa"] = lsa
    let old = try JSONSerialization.data(withJSONObject: object)
    #expect(try JSONDecoder().decode(FitOptions.self, from: old) == current)
  }

  @Test("the automatic dimension count is 100, at most half the documents or terms, at least 1")
  func automaticDimensionCount() {
    #expect(FitOptions.automaticDimensionCount(documentCount: 10_000, termCount: 50_000) == 100)
    #expect(FitOptions.automaticDimensionCount(documentCount: 106, termCount: 6_068) == 53)
    #expect(FitOptions.automaticDimensionCount(documentCount: 300, termCount: 40) == 20)
    #expect(FitOptions.automaticDimensionCount(documentCount: 1, termCount: 1) == 1)
  }
}
