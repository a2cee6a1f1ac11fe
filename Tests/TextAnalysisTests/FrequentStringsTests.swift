import Foundation
import Testing
import TestSupport

@testable import TextAnalysis

@Suite struct FrequentStringsTests {
  /// Every substring of up to `maximumLength` characters of every Han run, counted directly.
  static func directCounts(of runs: HanRuns, maximumLength: Int) -> [NGram: Int] {
    var counts: [NGram: Int] = [:]
    for run in runs.ranges {
      for start in run {
        for length in 1...maximumLength where start + length <= run.upperBound {
          counts[NGram(runs.characters[start..<(start + length)]), default: 0] += 1
        }
      }
    }
    return counts
  }

  @Test(
    "frequent strings and all their substrings have exact counts; infrequent ones are never frequent",
    arguments: [2, 5])
  func exactCounts(minimumCount: Int) throws {
    let texts = try RepositoryPaths.seedFiles().prefix(2).map { try String(contentsOf: $0, encoding: .utf8) }
    let runs = HanRuns(texts)
    let strings = FrequentStrings(in: runs, maximumLength: 6, minimumCount: minimumCount, listing: 1...6)
    let direct = Self.directCounts(of: runs, maximumLength: 6)
    var frequent = 0
    for (gram, count) in direct where count >= minimumCount {
      frequent += 1
      #expect(strings.count(of: gram) == count, "\(gram.scalars)")
    }
    #expect(frequent > 1_000)
    for (gram, count) in direct where count < minimumCount {
      #expect([0, count].contains(strings.count(of: gram)), "\(gram.scalars)")
    }
    for length in 1...6 {
      for (start, id) in strings.occurrences[length] {
        let gram = NGram(runs.characters[start..<(start + length)])
        #expect(strings.grams[Int(id)] == gram && direct[gram, default: 0] >= minimumCount)
      }
      let listed = strings.occurrences[length].count
      let expected = direct.filter { $0.key.count == length && $0.value >= minimumCount }.values.reduce(0, +)
      #expect(listed == expected, "length \(length)")
    }
  }

  @Test("Han runs end at punctuation, Latin text and the end of a text")
  func runs() {
    let runs = HanRuns(["低空经济，abc新质生产力", "未来产业"])
    let strings = runs.ranges.map {
      String(String.UnicodeScalarView(runs.characters[$0].compactMap(Unicode.Scalar.init)))
    }
    #expect(strings == ["低空经济", "新质生产力", "未来产业"])
  }
}
