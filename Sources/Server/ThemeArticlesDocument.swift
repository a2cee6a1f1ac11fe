import PolicyLensKit

/// `/api/themes/{key}`: a theme's counts and the articles that carry it, most probable first
/// (each as `tag --theme KEY --json` lists it).
struct ThemeArticlesDocument: Sendable, Hashable, Encodable {
  var theme: ThemeCount
  var articles: [ArticleThemes]
}
