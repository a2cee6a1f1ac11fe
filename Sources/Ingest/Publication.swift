/// The newsletter formats the parser understands.
public enum Publication: String, Codable, Sendable, Hashable, CaseIterable {
  /// 双周决策观察 (biweekly): region tags such as `【上海】` before runs of articles.
  case biweekly = "双周决策观察"
  /// 信息摘编 (monthly digest): a table of contents with sections and page numbers.
  case digest = "信息摘编"

  /// The name printed on the masthead.
  public var name: String { rawValue }
}
