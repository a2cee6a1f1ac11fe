import Foundation

/// A JSON document as the CLI's `--json` and the server's `/api/` print it: the payload's own
/// keys beside `formatVersion`, sorted keys, Chinese unescaped, pretty-printed.
///
/// The payload types (``SimilarDocument``, ``ThemesDocument``, ``TagDocument``,
/// ``TagExplanationDocument``, ``ClustersDocument``, ``TimelineDocument``) live here so that a
/// command and the route answering the same question encode the same document.
public struct JSONDocument<Payload: Encodable>: Encodable {
  /// The version of every document's layout; bump it when a key changes meaning.
  public static var formatVersion: Int { 1 }

  /// The command's or route's own keys.
  public var payload: Payload

  /// Wraps `payload`.
  public init(_ payload: Payload) { self.payload = payload }

  private enum CodingKeys: String, CodingKey { case formatVersion }

  /// Encodes the payload's keys, then `formatVersion`.
  public func encode(to encoder: any Encoder) throws {
    try payload.encode(to: encoder)
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(Self.formatVersion, forKey: .formatVersion)
  }

  /// The document's UTF-8 bytes.
  public func encoded() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(self)
  }
}
