import Foundation
import Ingest
import PolicyLensKit
import Report
import ThemeTagging

extension WorkbenchPages {
  /// `/themes`: every theme with its count, its trend marker, and the theme × issue heat map.
  func themes(in snapshot: ModelSnapshot) throws -> HTMLPage {
    let trends = try snapshot.themeTimeline()
    var body =
      "<h1>Themes</h1><table><tr><th>theme</th><th class=\"num\">articles</th><th>trend</th><th>description</th></tr>"
    for theme in try api.themes(in: snapshot).themes {
      let trend = trends?.series.first { $0.name == theme.name }?.trend
      body += """
        <tr><td><a href="/themes/\(Markup.component(theme.key))">\(Markup.text(theme.name))</a> \
        <span class="meta">\(Markup.text(theme.key))</span></td>\
        <td class="num">\(theme.articleCount)</td><td>\(trend.map { "<span class=\"trend trend-\(Markup.text($0))\">\(Markup.text($0))</span>" } ?? "—")</td>\
        <td>\(Markup.text(theme.description))</td></tr>
        """
    }
    body += "</table>"
    if let trends {
      body += HTMLReport.timelineFragment(
        snapshot.model.reportDocument(
          clustering: nil,
          themes: try snapshot.tagging.articles, catalog: snapshot.catalog, timeline: trends))
    }
    return HTMLPage(title: "Themes", body: body, includesReportStyle: true)
  }

  /// `/themes/{key}`: a theme's trend over issues, the articles worth marking, and its articles
  /// with their probabilities, each with the forms that mark it.
  ///
  /// - Parameter parameters: `n` (articles listed, default 100), and `marked` and `article`
  ///   after a mark.
  func theme(_ key: String, _ parameters: QueryParameters, in snapshot: ModelSnapshot) throws -> HTMLPage {
    let document = try api.theme(key, in: snapshot)
    let shown = try parameters.integer("n", in: 1...1_000, default: 100)
    let definition = snapshot.catalog.themes[try snapshot.theme(key)]
    var body = "<h1>\(Markup.text(document.theme.name))</h1><p>\(Markup.text(document.theme.description))</p>"
    let count = document.theme.articleCount
    body += "<p class=\"meta\">\(count) article\(count == 1 ? " carries" : "s carry") it. "
    body += "Seeds: \(definition.seedTerms.map(Markup.text).joined(separator: " "))</p>"
    body += markNotice(parameters, snapshot: snapshot, article: parameters.textIgnoringErrors("article"))
    body += marksSummary(definition, snapshot: snapshot)

    if let timeline = try snapshot.themeTimeline() {
      var single = timeline
      single.series = timeline.series.filter { $0.name == definition.name }
      body += HTMLReport.timelineFragment(
        snapshot.model.reportDocument(
          clustering: nil,
          themes: try snapshot.tagging.articles, catalog: snapshot.catalog, timeline: single))
    }

    body += "<h2 id=\"suggestions\">Worth marking</h2>"
    body +=
      "<p class=\"meta\">The articles the tagger is least sure about for this theme (as <code>policylens themes --suggest \(Markup.text(key))</code>). "
      + "Marking one as an example or a counter-example retags every article. \(recordedIn(snapshot))</p>"
    let suggestions = try snapshot.suggestions(forTheme: key)
    if suggestions.isEmpty { body += "<p class=\"meta\">None: every candidate is marked.</p>" }
    body +=
      "<table><tr><th class=\"num\">P</th><th>now</th><th>article</th><th>place</th><th>phrases</th><th>mark</th></tr>"
    for item in suggestions {
      body += """
        <tr><td class="num">\(Markup.number(item.probability, digits: 2))</td><td>\(item.isTagged ? "tagged" : "—")</td>\
        <td>\(Markup.articleLink(item.id, title: item.title))</td><td>\(Markup.text(item.region))</td>\
        <td class="terms">\(item.evidence.prefix(4).map { "<span>\(Markup.text($0))</span>" }.joined())</td>\
        <td>\(markForm(article: item.id, theme: key, current: .none, back: .theme))</td></tr>
        """
    }
    body += "</table>"

    body += "<h2 id=\"articles\">Articles</h2>"
    if document.articles.count > shown {
      body +=
        "<p class=\"meta\">The \(shown) most probable of \(document.articles.count); "
        + "<a href=\"/themes/\(Markup.component(key))?n=1000\">show up to 1,000</a> or use /api/themes/\(Markup.text(key)).</p>"
    }
    body += "<table><tr><th class=\"num\">P</th><th>article</th><th>place</th><th>evidence</th><th>mark</th></tr>"
    for article in document.articles.prefix(shown) {
      guard let tag = article.themes.first(where: { $0.key == document.theme.key }) else { continue }
      body += """
        <tr><td class="num">\(Markup.number(tag.score, digits: 2))</td>\
        <td>\(Markup.articleLink(article.id, title: article.title))</td><td>\(Markup.text(article.region))</td>\
        <td class="terms">\(tag.evidence.prefix(6).map { "<span>\(Markup.text($0))</span>" }.joined())</td>\
        <td>\(markForm(article: article.id, theme: key, current: definition.mark(of: article.id, title: article.title), back: .theme))</td></tr>
        """
    }
    return HTMLPage(title: document.theme.name, body: body + "</table>", includesReportStyle: true)
  }

  /// The theme's marked articles, each with a form that takes the mark back.
  private func marksSummary(_ definition: ThemeDefinition, snapshot: ModelSnapshot) -> String {
    guard !definition.examples.isEmpty || !definition.counterExamples.isEmpty else {
      return "<p class=\"meta\">No article is marked as an example or counter-example yet.</p>"
    }
    var html = "<div class=\"card\"><h2>Marked</h2><table>"
    for (items, mark) in [(definition.examples, ThemeMark.example), (definition.counterExamples, .counterExample)] {
      for item in items {
        let row = try? snapshot.row(ofArticle: item)
        let link = row.map { Markup.articleLink(item, title: snapshot.model.articles[$0].title) } ?? Markup.text(item)
        html +=
          "<tr><td>\(Markup.text(mark.rawValue))</td><td>\(link)</td>"
          + "<td>\(row == nil ? "" : markForm(article: item, theme: definition.key, current: mark, back: .theme))</td></tr>"
      }
    }
    return html + "</table></div>"
  }

  /// The article page's table: every theme, the article's mark for it, and the forms.
  func markTable(article: Article, snapshot: ModelSnapshot) -> String {
    var html =
      "<details class=\"marks\"><summary>Mark as an example or counter-example of a theme</summary>"
      + "<p class=\"meta\">\(recordedIn(snapshot)) the tags of every article follow.</p><table>"
    for theme in snapshot.catalog.themes {
      let current = theme.mark(of: article.id, title: article.title)
      html +=
        "<tr><td><a href=\"/themes/\(Markup.component(theme.key))\">\(Markup.text(theme.name))</a></td>"
        + "<td>\(markForm(article: article.id, theme: theme.key, current: current, back: .article))</td></tr>"
    }
    return html + "</table></details>"
  }

  /// Which files a mark is written to, as a sentence.
  private func recordedIn(_ snapshot: ModelSnapshot) -> String {
    let files = marks.destinations(themesSource: snapshot.themesSource, catalog: snapshot.catalog)
    return "Marks are recorded under <code>examples:</code> / <code>counter-examples:</code> in "
      + files.map { "<code>\(Markup.text($0))</code>" }.joined(separator: " and ") + ";"
  }

  /// Where the browser returns after a mark.
  enum MarkReturn: String, CaseIterable {
    case article, theme
  }

  /// The form that marks `article` for `theme` (a POST to `/marks`, no JavaScript needed).
  ///
  /// It offers the two marks the article does not have, and taking its mark back.
  func markForm(article: String, theme: String, current: ThemeMark, back: MarkReturn) -> String {
    var buttons = ""
    if current != .none {
      buttons += "<span class=\"chip\">\(Markup.text(current.rawValue))</span>"
    }
    for mark in [ThemeMark.example, .counterExample, .none] where mark != current {
      let label =
        switch mark {
        case .example: "example"
        case .counterExample: "counter-example"
        case .none: "unmark"
        }
      buttons += "<button name=\"mark\" value=\"\(mark.rawValue)\">\(label)</button>"
    }
    return """
      <form class="mark" method="post" action="/marks">\(forms.hiddenField)\
      <input type="hidden" name="theme" value="\(Markup.text(theme))">\
      <input type="hidden" name="article" value="\(Markup.text(article))">\
      <input type="hidden" name="back" value="\(back.rawValue)">\(buttons)</form>
      """
  }

  /// The notice after a mark (`?marked=example&theme=…` or `&article=…`).
  func markNotice(_ parameters: QueryParameters, snapshot: ModelSnapshot, article: String?) -> String {
    guard let marked = parameters.textIgnoringErrors("marked").flatMap(ThemeMark.init(rawValue:)) else { return "" }
    let subject =
      article.flatMap { id in (try? snapshot.row(ofArticle: id)).map { snapshot.model.articles[$0].title } }
      .map { "“\(Markup.text($0))”" } ?? "The article"
    let theme = parameters.textIgnoringErrors("theme").flatMap { key in
      snapshot.catalog.themes.first { $0.key == key }?.name
    }
    let what =
      switch marked {
      case .example: "marked as an example"
      case .counterExample: "marked as a counter-example"
      case .none: "no longer marked"
      }
    return
      "<p class=\"notice\">\(subject) is \(what)\(theme.map { " of \(Markup.text($0))" } ?? ""); the tags were recomputed.</p>"
  }
}

extension ThemeDefinition {
  /// How an article (listed by id or exact title) is marked for this theme.
  func mark(of id: String, title: String) -> ThemeMark {
    if examples.contains(id) || examples.contains(title) { return .example }
    if counterExamples.contains(id) || counterExamples.contains(title) { return .counterExample }
    return .none
  }
}
