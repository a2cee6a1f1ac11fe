import Foundation
import Ingest
import TestSupport

/// The hand-verified expectations in `Fixtures/seed-articles.json`.
struct SeedFixture: Decodable {
  struct Seed: Decodable {
    var file: String
    var publication: String
    var issue: String
    var date: String
    var titles: [String]
    var samples: [Sample]
  }

  struct Sample: Decodable {
    var id: String
    var title: String
    var region: String
    var city: String?
    var section: String
    var date: String
    var source: String?
    var sourceDate: String?

    enum CodingKeys: String, CodingKey {
      case id, title, region, city, section, date, source
      case sourceDate = "source_date"
    }
  }

  var seeds: [Seed]

  static func load() throws -> SeedFixture {
    try loadFixture(SeedFixture.self, named: "seed-articles.json", in: .module)
  }

  static func parsedSeed(_ file: String) throws -> Newsletter {
    let url = RepositoryPaths.seeds.appendingPathComponent(file)
    return NewsletterParser.parse(try String(contentsOf: url, encoding: .utf8), file: file)
  }
}

/// Characters other than whitespace.
func visibleCharacterCount(_ text: some StringProtocol) -> Int {
  text.unicodeScalars.reduce(0) { $0 + ($1.properties.isWhitespace || $1 == "\u{FEFF}" ? 0 : 1) }
}

func fixtureText(_ name: String) throws -> String {
  String(decoding: try fixtureData(named: name, in: .module), as: UTF8.self)
}
