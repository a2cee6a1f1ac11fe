/// `tag --explain ID --json`: every theme's probability and evidence for one article.
public struct TagExplanationDocument: Sendable, Hashable, Encodable {
  public var id: String
  public var title: String
  /// The probability from which a theme is given.
  public var threshold: Double
  /// Most probable first.
  public var themes: [ThemeExplanation]

  public init(id: String, title: String, threshold: Double, themes: [ThemeExplanation]) {
    self.id = id
    self.title = title
    self.threshold = threshold
    self.themes = themes
  }
}
