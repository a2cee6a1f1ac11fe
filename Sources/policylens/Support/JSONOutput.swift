import Foundation

/// The version of every `--json` document's layout; bump it when a key changes meaning.
let jsonFormatVersion = 1

/// A `--json` document: `formatVersion` beside the command's own keys.
struct JSONDocument<Payload: Encodable>: Encodable {
  var payload: Payload

  private enum CodingKeys: String, CodingKey { case formatVersion }

  func encode(to encoder: any Encoder) throws {
    try payload.encode(to: encoder)
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(jsonFormatVersion, forKey: .formatVersion)
  }
}

/// Encodes `payload` as one JSON document: sorted keys, Chinese unescaped, pretty-printed.
func renderJSON(_ payload: some Encodable) throws -> String {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
  let data = try encoder.encode(JSONDocument(payload: payload))
  return String(decoding: data, as: UTF8.self)
}
