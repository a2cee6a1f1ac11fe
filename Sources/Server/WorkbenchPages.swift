import Foundation
import Ingest
import PolicyLensKit

/// The server-rendered pages: search, article, themes, theme, clusters, timeline.
///
/// Each asks ``WorkbenchAPI`` for the
/// same document the JSON API returns and renders it; every text from a newsletter goes through
/// ``Markup``.
struct WorkbenchPages: Sendable {
  let api: WorkbenchAPI
  /// The token the writing forms carry.
  let forms: FormGuard
  /// Where marks are written (the pages say so).
  let marks: ThemeMarkWriter

  /// `/`: the search form and, with `q`, the results.
  func search(_ parameters: QueryParameters, in snapshot: ModelSnapshot) -> HTMLPage {
    var body = ""
    let search: SearchParameters
    do {
      search = try SearchParameters(parameters, limits: api.limits)
    } catch {
      return HTMLPage(
        title: "Search",
        body: form(SearchParameters.empty, snapshot: snapshot)
          + "<p class=\"notice error\">\(Markup.text(error.message))</p>")
    }
    body += form(search, snapshot: snapshot)
    guard let text = search.text else {
      body +=
        "<p class=\"meta\">\(snapshot.model.articles.count) articles. Search in free text (as <code>policylens similar --text</code>); "
        + "places and dates narrow the results.</p>"
      return HTMLPage(title: "Search", body: body)
    }
    body += suggestions(for: text, search: search, snapshot: snapshot)
    let document: SimilarDocument
    do {
      document = try api.search(search, in: snapshot)
    } catch {
      return HTMLPage(title: text, body: body + "<p class=\"notice\">\(Markup.text(error.message))</p>")
    }
    if document.results.isEmpty {
      body += "<p class=\"notice\">No articles pass the filters. Loosen the place, theme or dates.</p>"
    }
    for match in document.results {
      body += result(match, snapshot: snapshot)
    }
    return HTMLPage(title: text, body: body)
  }

  /// The search form, filled in with the current search.
  private func form(_ search: SearchParameters, snapshot: ModelSnapshot) -> String {
    let places = snapshot.places
    func options(_ values: [(value: String, label: String)], selected: String?) -> String {
      "<option value=\"\">any</option>"
        + values.map { value, label in
          "<option value=\"\(Markup.text(value))\"\(value == selected ? " selected" : "")>\(Markup.text(label))</option>"
        }.joined()
    }
    return """
      <form class="search" method="get" action="/">
      <label>Search<input name="q" type="search" maxlength="\(api.limits.maximumQueryLength)" value="\(Markup.text(search.text ?? ""))" placeholder="低空经济 起降场 无人机" autofocus></label>
      <label>Place<select name="region">\(options(places.map { ($0, $0) }, selected: search.region))</select></label>
      <label>Theme<select name="theme">\(options(snapshot.catalog.themes.map { ($0.key, $0.name) }, selected: search.theme))</select></label>
      <label>Since<input name="since" size="10" placeholder="2024-06" value="\(Markup.text(search.since ?? ""))"></label>
      <label>Until<input name="until" size="10" placeholder="2024-12-31" value="\(Markup.text(search.until ?? ""))"></label>
      <label>Results<input name="n" type="number" min="1" max="\(api.limits.maximumResultCount)" value="\(search.count)"></label>
      <button type="submit">Search</button>
      </form>
      """
  }

  /// Places and themes that the query names, offered as filters.
  private func suggestions(for text: String, search: SearchParameters, snapshot: ModelSnapshot) -> String {
    var offers: [String] = []
    if search.region == nil, let understood = try? snapshot.query.understand(text: text, analyzer: snapshot.analyzer) {
      for place in understood.query.places {
        var narrowed = search
        narrowed.region = place
        offers.append("<a class=\"chip\" href=\"/\(narrowed.queryString)\">only \(Markup.text(place))</a>")
      }
    }
    if search.theme == nil {
      for theme in snapshot.catalog.themes where text.contains(theme.name) {
        var narrowed = search
        narrowed.theme = theme.key
        offers.append("<a class=\"chip\" href=\"/\(narrowed.queryString)\">theme \(Markup.text(theme.name))</a>")
      }
    }
    return offers.isEmpty ? "" : "<p class=\"meta\">Filter: \(offers.joined(separator: " "))</p>"
  }

  /// One search or similarity result.
  private func result(_ match: SimilarityMatch, snapshot: ModelSnapshot) -> String {
    let body = (try? snapshot.row(ofArticle: match.id)).map { snapshot.model.articles[$0].body } ?? []
    let place = match.region + (match.city.map { "·" + $0 } ?? "")
    let because = match.terms.map { "<span>\(Markup.text($0))</span>" }.joined()
    let related = match.relatedTerms.map { "<span>\(Markup.text($0))</span>" }.joined()
    return """
      <div class="result"><div><span class="score">\(Markup.number(match.score))</span> \
      <span class="meta">\(Markup.text(place)) · \(Markup.text(match.date ?? "undated"))</span></div>
      <div><strong>\(Markup.articleLink(match.id, title: match.title))</strong></div>
      <div>\(Markup.snippet(of: body, terms: match.terms))</div>
      <div class="terms meta">because of \(because.isEmpty ? "—" : because)\
      \(related.isEmpty ? "" : " · related <span class=\"related\">\(related)</span>")</div></div>
      """
  }

  /// `/articles/{id}`: everything about one article.
  ///
  /// - Parameter parameters: `marked` and `theme` after a mark (a notice says what was recorded).
  func article(_ id: String, _ parameters: QueryParameters, in snapshot: ModelSnapshot) throws -> HTMLPage {
    let document = try api.article(id, in: snapshot)
    let article = document.article
    var meta = [article.publication, article.issue, article.date ?? "undated"]
    meta.append(article.region + (article.city.map { "·" + $0 } ?? ""))
    meta.append(article.section)
    var body = "<h1>\(Markup.text(article.title))</h1>"
    body +=
      "<p class=\"meta\">\(meta.map(Markup.text).joined(separator: " · ")) · id <code>\(Markup.text(article.id))</code></p>"
    if let source = article.source {
      body +=
        "<p class=\"meta\">Source: \(Markup.text(source))\(article.sourceDate.map { " (\(Markup.text($0)))" } ?? "")</p>"
    }
    if !article.urls.isEmpty {
      body += "<p class=\"meta\">Links: \(article.urls.map(Markup.externalLink).joined(separator: " "))</p>"
    }
    body += markNotice(parameters, snapshot: snapshot, article: nil)
    body += "<div class=\"card\"><h2>Themes</h2>"
    if document.themes.isEmpty { body += "<p class=\"meta\">No theme.</p>" }
    for theme in document.themes {
      let phrases = theme.evidence.matchedPhrases.map { "<span>\(Markup.text($0.phrase)) ×\($0.count)</span>" }
      body += """
        <div><a href="/themes/\(Markup.component(theme.key))">\(Markup.text(theme.name))</a> \
        <span class="score">P = \(Markup.number(theme.probability, digits: 2))</span> \
        <span class="meta">title \(theme.evidence.titleCount), lead \(theme.evidence.leadCount), body \(theme.evidence.bodyCount)</span>
        <div class="terms">\(phrases.joined())</div></div>
        """
    }
    body += markTable(article: article, snapshot: snapshot)
    body += "</div><article>"
    body += article.body.map { "<p>\(Markup.text($0))</p>" }.joined()
    body += "</article><div class=\"card\"><h2>Similar policies in other regions</h2>"
    if document.similarInOtherRegions.isEmpty { body += "<p class=\"meta\">None.</p>" }
    body += document.similarInOtherRegions.map { result($0, snapshot: snapshot) }.joined()
    body += "</div>"
    return HTMLPage(title: article.title, body: body)
  }
}

extension SearchParameters {
  /// No search yet.
  static var empty: SearchParameters {
    SearchParameters(text: nil, region: nil, theme: nil, since: nil, until: nil, count: 10)
  }

  /// The query string that repeats this search.
  var queryString: String {
    Markup.query([
      ("q", text), ("region", region), ("theme", theme), ("since", since), ("until", until), ("n", String(count)),
    ])
  }
}
