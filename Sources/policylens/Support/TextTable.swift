/// An aligned text table for terminal output, measuring display width so that Chinese
/// text lines up.
struct TextTable {
  /// One column: its header, alignment and the widest it may grow before text is cut.
  struct Column {
    var header: String
    var alignsRight = false
    var maximumWidth = 60
  }

  var columns: [Column]
  var rows: [[String]] = []

  init(_ columns: [Column]) { self.columns = columns }

  /// Adds a row; missing cells are blank.
  mutating func append(_ cells: [String]) { rows.append(cells) }

  /// The table as lines: header, a rule, then the rows.
  func render() -> String {
    let cells = rows.map { row in
      columns.indices.map { index in
        DisplayWidth.truncate(index < row.count ? row[index] : "", to: columns[index].maximumWidth)
      }
    }
    let widths = columns.indices.map { index in
      max(DisplayWidth.of(columns[index].header), cells.map { DisplayWidth.of($0[index]) }.max() ?? 0)
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
