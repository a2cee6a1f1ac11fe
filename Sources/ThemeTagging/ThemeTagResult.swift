/// Tags of a corpus, with what ``ThemeTagger/tagging(articles:documentVectors:)`` saw.
public struct ThemeTagResult: Sendable, Hashable {
  /// For each article, its themes by probability descending.
  public var tags: [[ThemeScore]]
  /// For each theme, how many articles contain at least one of its phrases.
  public var articlesWithPhrases: [Int]
  /// For each theme, its phrases that occur in no article.
  public var unmatchedPhrases: [[String]]
}
