extension HTMLReport {
  /// The clusters section alone (see ``render(_:)``), for a page that embeds it, such as
  /// `policylens serve`'s `/clusters`.
  ///
  /// - Parameter articleHref: The link target of an article's title, given its id (the report
  ///   itself links to its own `#article-ID` anchors). The result is escaped here.
  public static func clustersFragment(_ document: ReportDocument, articleHref: (String) -> String) -> String {
    withoutActuallyEscaping(articleHref) { clustersSection(RenderContext(document), articleHref: $0) }
  }

  /// The timeline section alone (the theme × period heat map; see ``render(_:)``).
  public static func timelineFragment(_ document: ReportDocument) -> String {
    timelineSection(RenderContext(document))
  }

  /// The report's style sheet, which a page embedding its sections includes.
  public static var sectionStyleSheet: String { styleSheet }
}
