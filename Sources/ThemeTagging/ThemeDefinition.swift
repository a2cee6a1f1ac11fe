/// One theme: a label defined by a hand-made lexicon of seed terms.
///
/// Themes are read from a definition file (see ``ThemeCatalog``); the default set ships in
/// `models/themes.yaml`.
public struct ThemeDefinition: Sendable, Hashable, Codable {
  /// Stable ASCII identifier: lowercase letters, digits and single hyphens (`low-altitude-economy`).
  public var key: String
  /// Display name (`低空经济`).
  public var name: String
  /// One line for people reading reports; may be empty.
  public var description: String
  /// Seed terms as the segmenter outputs them, in file order, without duplicates.
  public var seedTerms: [String]
  /// Articles (ids or exact titles) an analyst marked as carrying the theme.
  public var examples: [String]
  /// Articles (ids or exact titles) an analyst marked as not carrying it.
  public var counterExamples: [String]

  /// A theme with the given fields.
  public init(
    key: String, name: String, description: String = "", seedTerms: [String], examples: [String] = [],
    counterExamples: [String] = []
  ) {
    self.key = key
    self.name = name
    self.description = description
    self.seedTerms = seedTerms
    self.examples = examples
    self.counterExamples = counterExamples
  }

  /// Whether `key` is a valid theme key: `[a-z0-9]+(-[a-z0-9]+)*`.
  public static func isValidKey(_ key: String) -> Bool {
    guard !key.isEmpty, !key.hasPrefix("-"), !key.hasSuffix("-"), !key.contains("--") else {
      return false
    }
    return key.unicodeScalars.allSatisfy {
      ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
    }
  }
}
