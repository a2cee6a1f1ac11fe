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
    columnWidths(fittingIn: width, cellWidths: cellWidths())
  }

  /// The display width of every cell (missing cells are blank), measured once: a table of tens of
  /// thousands of rows (`tag` on a large model) would otherwise measure each cell three times.
  private func cellWidths() -> [[Int]] {
    rows.map { row in columns.indices.map { index in index < row.count ? DisplayWidth.of(row[index]) : 0 } }
  }

  private func columnWidths(fittingIn width: Int?, cellWidths: [[Int]]) -> [Int] {
    var widths = columns.indices.map { index in
      let widest = cellWidths.lazy.map { $0[index] }.max() ?? 0
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
  ///
  /// - Complexity: O(total text), written into one string.
  func render(width: Int? = nil) -> String {
    let measured = cellWidths()
    let widths = columnWidths(fittingIn: width, cellWidths: measured)
    // The widest padding a cell can need, made once; a cell takes a prefix of it.
    let spaces = String(repeating: " ", count: widths.max() ?? 0)
    var text = ""
    text.reserveCapacity(rows.reduce(0) { total, row in row.reduce(total) { $0 + $1.utf8.count + 2 } } + 256)
    // One cell: cut to its column, padded to it (on the left when the column aligns right),
    // with the two-space separator before it; trailing spaces of a line are dropped at its end.
    func append(_ values: [String], widths cellWidths: [Int]?) {
      let lineStart = text.utf8.count
      for index in columns.indices {
        if index > 0 { text += "  " }
        var value = index < values.count ? values[index] : ""
        var valueWidth = cellWidths.map { index < $0.count ? $0[index] : 0 } ?? DisplayWidth.of(value)
        if cellWidths != nil, valueWidth > widths[index] {
          value = DisplayWidth.truncate(value, to: widths[index])
          valueWidth = DisplayWidth.of(value)
        }
        let padding = spaces.utf8.prefix(max(0, widths[index] - valueWidth))
        if columns[index].alignsRight {
          text += Substring(padding)
          text += value
        } else {
          text += value
          text += Substring(padding)
        }
      }
      text.trimTrailingSpaces(after: lineStart)
    }
    append(columns.map(\.header), widths: nil)
    text += "\n" + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
    for (row, cells) in zip(rows, measured) {
      text += "\n"
      append(row, widths: cells)
    }
    return text
  }
}

extension String {
  func trimmingTrailingSpaces() -> String {
    var result = self
    result.trimTrailingSpaces(after: 0)
    return result
  }

  /// Removes the spaces (U+0020) at the end, keeping the first `offset` UTF-8 bytes.
  mutating func trimTrailingSpaces(after offset: Int) {
    let bytes = utf8
    var end = bytes.endIndex
    var kept = bytes.count
    while kept > offset {
      let before = bytes.index(before: end)
      guard bytes[before] == 0x20 else { break }
      end = before
      kept -= 1
    }
    if end != bytes.endIndex { removeSubrange(end...) }
  }
}
