/// `themes --suggest KEY --json`: the articles most worth labelling for one theme.
public struct ThemeSuggestionsDocument: Sendable, Hashable, Encodable {
  /// The theme's key.
  public var theme: String
  /// Closest to the tagging threshold first.
  public var suggestions: [ThemeSuggestion]

  public init(theme: String, suggestions: [ThemeSuggestion]) {
    self.theme = theme
    self.suggestions = suggestions
  }
}
