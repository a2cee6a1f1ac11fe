import Foundation
import Reduction
import Testing

@Suite("LSAOptions")
struct LSAOptionsTests {
  @Test("encodes the dimension count as dimensionCount and decodes it back")
  func roundTrip() throws {
    let options = LSAOptions(dimensionCount: 40, algorithm: .randomized, oversampling: 12, powerIterations: 3)
    let data = try JSONEncoder().encode(options)
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(Set(object.keys) == ["dimensionCount", "algorithm", "oversampling", "powerIterations"])
    #expect(try JSONDecoder().decode(LSAOptions.self, from: data) == options)
  }

  @Test("decodes the lsa parameters of a manifest written before the rename (rank)")
  func decodesOldManifestFragment() throws {
    let fragment = #"{"algorithm": "automatic", "oversampling": 10, "powerIterations": 5, "rank": 53}"#
    let options = try JSONDecoder().decode(LSAOptions.self, from: Data(fragment.utf8))
    #expect(options == LSAOptions(dimensionCount: 53, algorithm: .automatic, oversampling: 10, powerIterations: 5))
  }

  @Test("prefers dimensionCount when a manifest has both keys, and names it when it has neither")
  func keyPrecedence() throws {
    let both = #"{"algorithm": "exact", "oversampling": 10, "powerIterations": 5, "rank": 7, "dimensionCount": 9}"#
    #expect(try JSONDecoder().decode(LSAOptions.self, from: Data(both.utf8)).dimensionCount == 9)
    let neither = #"{"algorithm": "exact", "oversampling": 10, "powerIterations": 5}"#
    #expect {
      try JSONDecoder().decode(LSAOptions.self, from: Data(neither.utf8))
    } throws: { error in
      guard case DecodingError.keyNotFound(let key, _) = error else { return false }
      return key.stringValue == "dimensionCount"
    }
  }
}
