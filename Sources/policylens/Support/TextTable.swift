/// An aligned text table for terminal output, measuring display width so that Chinese
/// text lines up.
///
/// Identifiers are never cut: when the table is wider than the terminal, the columns marked
/// ``Column/givesWay`` (titles, explanations) shrink, widest first, down to
/// ``Column/minimumWidth``; only their text is cut, ending in "…".
struct TextTable {
  /// One column: its header, alignment and how far it may grow or shrink.
  struct Column {
    var header: String
    var alignsRight = false
    /// The widest the column grows before its text is cut (`Int.max`: never cut).
    var maximumWidth = Int.max
    /// Whether the column shrinks to fit the terminal (text columns such as titles).
    var givesWay = false
    /// The narrowest a column that gives way becomes.
    var minimumWidth = 12

    /// A column of identifiers or short values, never cut.
    init(header: String, alignsRight: Bool = false) {
      self.header = header
      self.alignsRight = alignsRight
    }

    /// A text column that is cut at `maximumWidth` and gives way to the terminal's width.
    init(header: String, maximumWidth: Int, minimumWidth: Int = 12) {
      self.header = header
      self.maximumWidth = maximumWidth
      self.givesWay = true
      self.minimumWidth = minimumWidth
    }
  }

  var columns: [Column]
  var rows: [[String]] = []

  init(_ columns: [Column]) { self.columns = columns }

  /// Adds a row; missing cells are blank.
  mutating func append(_ cells: [String]) { rows.append(cells) }

  /// The widths of the columns: each the widest cell (capped by its maximum), then, while the
  /// table is wider than `width`, the widest column that gives way loses a column.
  func columnWidths(fittingIn width: Int?) -> [Int] {
    var widths = columns.indices.map { index in
      let widest = rows.map { DisplayWidth.of(index < $0.count ? $0[index] : "") }.max() ?? 0
      return max(DisplayWidth.of(columns[index].header), min(widest, columns[index].maximumWidth))
    }
    guard let width else { return widths }
    let separators = 2 * max(0, columns.count - 1)
    while widths.reduce(separators, +) > width {
      let shrinkable = columns.indices.filter {
        columns[$0].givesWay && widths[$0] > max(columns[$0].minimumWidth, DisplayWidth.of(columns[$0].header))
      }
      guard let widest = shrinkable.max(by: { widths[$0] < widths[$1] }) else { break }
      widths[widest] -= 1
    }
    return widths
  }

  /// The table as lines: header, a rule, then the rows, fitted to `width` columns when given.
  func render(width: Int? = nil) -> String {
    let widths = columnWidths(fittingIn: width)
    let cells = rows.map { row in
      columns.indices.map { index in
        DisplayWidth.truncate(index < row.count ? row[index] : "", to: widths[index])
      }
    }
    func line(_ values: [String]) -> String {
      columns.indices.map { index in
        DisplayWidth.pad(values[index], to: widths[index], alignRight: columns[index].alignsRight)
      }
      .joined(separator: "  ")
      .trimmingTrailingSpaces()
    }
    var lines = [line(columns.map(\.header))]
    lines.append(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  "))
    lines += cells.map(line)
    return lines.joined(separator: "\n")
  }
}

extension String {
  func trimmingTrailingSpaces() -> String {
    var result = self
    while result.last == " " { result.removeLast() }
    return result
  }
}
