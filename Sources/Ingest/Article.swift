/// One item parsed from a newsletter issue: its title, where and when it is about, and its text.
///
/// Articles are plain values: the same input file always yields the same articles with the
/// same ``id``s, in reading order. JSON uses the keys `id`, `file`, `publication`, `issue`,
/// `date`, `region`, `city`, `section`, `title`, `body`, `source`, `source_date`, `urls` and
/// `lines`, and, when they apply, `format` (absent for text files), `pages` and `simplified`.
/// Models saved before these existed load unchanged.
public struct Article: Codable, Sendable, Hashable, Identifiable {
  /// A short, stable, typeable identifier; see ``ArticleID`` for the scheme
  /// (`2024-21#3`, `digest-2023-25#7`).
  public var id: String
  /// The name (last path component) of the file the article came from.
  public var file: String
  /// The publication's name: `双周决策观察`, `信息摘编`, or the file name when the input
  /// is not a recognised newsletter.
  public var publication: String
  /// The issue label as printed, with spaces removed: `2024年第21期`, `2023年（总第二十五期）`.
  public var issue: String
  /// ISO 8601 date (`yyyy-MM-dd`): the article's own source date when it has one in the
  /// digest, otherwise the issue date; `nil` when neither is known.
  public var date: String?
  /// Province-level region (`上海`, `广东`, …), or `区域`, `全国` or `国际` when the article
  /// is not about one place.
  public var region: String
  /// Prefecture-level city named by the title (`深圳`, `苏州`, …), if any.
  ///
  /// Municipalities directly under the central government (北京, 上海, 天津, 重庆) are regions, not cities.
  public var city: String?
  /// The section: the digest's heading (`热点关注`, `国内动态`, …) or the biweekly's region
  /// tag (`区域`, `上海`, …).
  public var section: String
  /// The title, with markup (`**…**`, region tags) removed.
  public var title: String
  /// Paragraphs in order, with PDF line breaks repaired and source lines and URLs removed.
  public var body: [String]
  /// The outlet the article was taken from (`上海证券报`, `人民网`), if stated.
  public var source: String?
  /// The outlet's date in ISO 8601, if stated.
  public var sourceDate: String?
  /// URLs given with the article, in order of appearance.
  public var urls: [String]
  /// The input lines (1-based, inclusive) the article spans, title line included; for a PDF,
  /// Word document or web page, lines of its extracted text.
  public var lines: LineRange
  /// The kind of file the article was read from; `nil` for a text file (and in models saved
  /// before other formats were read).
  public var format: DocumentFormat?
  /// The pages of the PDF or Word document the article spans, when the document has pages.
  public var pages: PageRange?
  /// The title and body folded to simplified characters, when the article is written in
  /// traditional ones (``title`` and ``body`` keep the text as written); analysis reads
  /// ``analysisTitle`` and ``analysisBody``.
  public var simplified: SimplifiedText?

  /// The title and body in simplified characters.
  public struct SimplifiedText: Codable, Sendable, Hashable {
    /// The title, folded.
    public var title: String
    /// The paragraphs, folded.
    public var body: [String]

    /// Creates a folded text.
    public init(title: String, body: [String]) {
      self.title = title
      self.body = body
    }
  }

  /// Creates an article from its parts.
  public init(
    id: String, file: String, publication: String, issue: String, date: String?,
    region: String, city: String?, section: String, title: String, body: [String],
    source: String?, sourceDate: String?, urls: [String], lines: LineRange
  ) {
    self.id = id
    self.file = file
    self.publication = publication
    self.issue = issue
    self.date = date
    self.region = region
    self.city = city
    self.section = section
    self.title = title
    self.body = body
    self.source = source
    self.sourceDate = sourceDate
    self.urls = urls
    self.lines = lines
  }

  enum CodingKeys: String, CodingKey {
    case id, file, publication, issue, date, region, city, section, title, body, source
    case sourceDate = "source_date"
    case urls, lines, format, pages, simplified
  }

  /// The title followed by the body paragraphs, separated by newlines: the text later stages
  /// segment.
  public var text: String { ([title] + body).joined(separator: "\n") }

  /// The title analysis reads: folded to simplified characters when the article is written
  /// in traditional ones, else ``title``.
  public var analysisTitle: String { simplified?.title ?? title }

  /// The paragraphs analysis reads: folded to simplified characters when the article is
  /// written in traditional ones, else ``body``.
  public var analysisBody: [String] { simplified?.body ?? body }

  /// ``analysisTitle`` followed by ``analysisBody``, separated by newlines.
  public var analysisText: String { ([analysisTitle] + analysisBody).joined(separator: "\n") }
}
