import Foundation

/// The articles of a query model as ``ArticleSummary`` values, in row order, decoded from
/// `article_index.tsv` only when a row is read.
///
/// A `similar` query reads a few hundred rows (the best-scoring candidates and the query); on
/// a 100k-article model, decoding every line into six strings up front was a third of the
/// process's time. Opening the index finds the line starts and checks every line's field
/// count in one pass over the bytes; an id is looked up by comparing bytes.
public struct ArticleIndex: RandomAccessCollection, Sendable {
  private enum Storage: Sendable {
    /// Summaries already in memory (a model fitted in this process).
    case decoded([ArticleSummary])
    /// `article_index.tsv`'s bytes and each article line's byte range (without its newline).
    case lines(Data, [Range<Int>])
  }

  private let storage: Storage

  /// An index over summaries in memory.
  public init(_ summaries: [ArticleSummary]) { storage = .decoded(summaries) }

  private init(storage: Storage) { self.storage = storage }

  /// A line of `article_index.tsv` without six fields.
  struct MalformedLine: Error {
    /// 1-based, counting the header.
    var number: Int
  }

  /// An index over the bytes of `article_index.tsv` (a header line, then one line per
  /// article; empty lines are skipped), or the first line that does not have six
  /// tab-separated fields.
  static func parsing(_ data: Data) -> Result<ArticleIndex, MalformedLine> {
    data.withUnsafeBytes { raw -> Result<ArticleIndex, MalformedLine> in
      let bytes = raw.bindMemory(to: UInt8.self)
      var lines: [Range<Int>] = []
      var lineStart = 0
      var lineNumber = 1
      var tabs = 0
      for position in 0...bytes.count
      where position == bytes.count || bytes[position] == 0x0A || bytes[position] == 0x09 {
        if position < bytes.count && bytes[position] == 0x09 {
          tabs += 1
          continue
        }
        if lineNumber > 1 && position > lineStart {
          guard tabs == 5 else { return .failure(MalformedLine(number: lineNumber)) }
          lines.append(lineStart..<position)
        }
        lineStart = position + 1
        lineNumber += 1
        tabs = 0
      }
      return .success(ArticleIndex(storage: .lines(data, lines)))
    }
  }

  public var startIndex: Int { 0 }

  public var endIndex: Int {
    switch storage {
    case .decoded(let summaries): summaries.count
    case .lines(_, let lines): lines.count
    }
  }

  public subscript(row: Int) -> ArticleSummary {
    switch storage {
    case .decoded(let summaries):
      return summaries[row]
    case .lines(let data, let lines):
      return data.withUnsafeBytes { raw in
        let bytes = raw.bindMemory(to: UInt8.self)
        let line = lines[row]
        var fields: [String] = []
        fields.reserveCapacity(6)
        var fieldStart = line.lowerBound
        for position in line.lowerBound...line.upperBound where position == line.upperBound || bytes[position] == 0x09 {
          fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[fieldStart..<position]), as: UTF8.self))
          fieldStart = position + 1
        }
        // Every line has six fields: `parsing` checked.
        return ArticleSummary(fields: fields)
          ?? ArticleSummary(id: "", title: "", region: "", city: nil, date: nil, issue: "")
      }
    }
  }

  /// The row of the article with `id`, comparing the first field's bytes; nil if absent.
  ///
  /// - Complexity: O(number of articles + length of `id`).
  public func row(ofID id: String) -> Int? {
    switch storage {
    case .decoded(let summaries):
      return summaries.firstIndex { $0.id == id }
    case .lines(let data, let lines):
      let key = Array(id.utf8)
      return data.withUnsafeBytes { raw in
        let bytes = raw.bindMemory(to: UInt8.self)
        return lines.firstIndex { line in
          line.count > key.count && bytes[line.lowerBound + key.count] == 0x09
            && key.indices.allSatisfy { bytes[line.lowerBound + $0] == key[$0] }
        }
      }
    }
  }

  /// Every article's id, in row order, decoding only the first field of each line.
  ///
  /// - Complexity: O(number of articles + bytes of the ids).
  public var ids: [String] {
    switch storage {
    case .decoded(let summaries):
      return summaries.map(\.id)
    case .lines(let data, let lines):
      return data.withUnsafeBytes { raw in
        let bytes = raw.bindMemory(to: UInt8.self)
        return lines.map { line in
          let end = line.firstIndex { bytes[$0] == 0x09 } ?? line.upperBound
          return String(decoding: UnsafeBufferPointer(rebasing: bytes[line.lowerBound..<end]), as: UTF8.self)
        }
      }
    }
  }
}
