import Ingest
import PolicyLensKit

/// `/api/articles/{id}`: an article with its text, the themes it carries with their evidence,
/// and similar policies from other places.
struct ArticleDetailDocument: Sendable, Hashable, Encodable {
  /// Every field of the article, body included (the keys of `articles.jsonl`).
  var article: Article
  /// The themes the article carries, most probable first, with the evidence (`tag --explain`).
  var themes: [ThemeExplanation]
  /// `similar ID --other-regions`.
  var similarInOtherRegions: [SimilarityMatch]
}
