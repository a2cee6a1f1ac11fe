/// `themes --json` and `/api/themes`: every theme with its article counts.
public struct ThemesDocument: Sendable, Hashable, Encodable {
  /// In the catalog's order.
  public var themes: [ThemeCount]

  public init(themes: [ThemeCount]) { self.themes = themes }
}
