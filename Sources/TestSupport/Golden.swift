import Foundation
import Testing

/// Compares `actual` with the golden file `name` in `directory`.
///
/// With `RECORD_GOLDEN=1` in the environment the file is rewritten and the check fails on
/// purpose, so every new baseline is reviewed in the diff. Files ending in `.json` compare
/// structurally: strings, integers and booleans exactly, other numbers within
/// `Tolerance.decomposition`, so another BLAS build does not break them.
public func expectMatchesGolden(
  _ actual: String, named name: String, in directory: URL,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let url = directory.appendingPathComponent(name)
  if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try? Data(actual.utf8).write(to: url)
    Issue.record("recorded golden \(name); unset RECORD_GOLDEN and review the diff", sourceLocation: sourceLocation)
    return
  }
  guard let expectedData = FileManager.default.contents(atPath: url.path) else {
    Issue.record("golden \(name) is missing; run with RECORD_GOLDEN=1 to create it", sourceLocation: sourceLocation)
    return
  }
  let expected = String(decoding: expectedData, as: UTF8.self)
  if name.hasSuffix(".json") {
    do {
      let a = try JSONSerialization.jsonObject(with: Data(actual.utf8), options: [.fragmentsAllowed])
      let e = try JSONSerialization.jsonObject(with: expectedData, options: [.fragmentsAllowed])
      if let difference = jsonDifference(a, e, path: "$") {
        Issue.record(Comment(rawValue: "golden \(name) differs at \(difference)"), sourceLocation: sourceLocation)
      }
    } catch {
      Issue.record(Comment(rawValue: "golden \(name): output is not JSON: \(error)"), sourceLocation: sourceLocation)
    }
    return
  }
  if actual != expected {
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let line =
      Array(zip(actualLines, expectedLines)).firstIndex { $0 != $1 }
      ?? min(actualLines.count, expectedLines.count)
    let got = line < actualLines.count ? String(actualLines[line]) : "<end>"
    let want = line < expectedLines.count ? String(expectedLines[line]) : "<end>"
    Issue.record(
      Comment(rawValue: "golden \(name) differs at line \(line + 1):\n  got:      \(got)\n  expected: \(want)"),
      sourceLocation: sourceLocation)
  }
}

/// The first place two JSON values differ, or nil.
func jsonDifference(_ actual: Any, _ expected: Any, path: String) -> String? {
  switch (actual, expected) {
  case (let a as [String: Any], let e as [String: Any]):
    if Set(a.keys) != Set(e.keys) {
      return "\(path): keys \(a.keys.sorted()) ≠ \(e.keys.sorted())"
    }
    for (key, value) in a.sorted(by: { $0.key < $1.key }) {
      if let other = e[key], let d = jsonDifference(value, other, path: "\(path).\(key)") { return d }
    }
    return nil
  case (let a as [Any], let e as [Any]):
    if a.count != e.count { return "\(path): \(a.count) elements ≠ \(e.count)" }
    for index in a.indices {
      if let d = jsonDifference(a[index], e[index], path: "\(path)[\(index)]") { return d }
    }
    return nil
  case (let a as NSNumber, let e as NSNumber):
    let isInteger = { (n: NSNumber) in n.doubleValue.rounded() == n.doubleValue && !"\(n)".contains(".") }
    if isInteger(a) && isInteger(e) {
      return a == e ? nil : "\(path): \(a) ≠ \(e)"
    }
    return Tolerance.decomposition.accepts(a.doubleValue, e.doubleValue) ? nil : "\(path): \(a) ≠ \(e)"
  case (let a as String, let e as String):
    return a == e ? nil : "\(path): \"\(a)\" ≠ \"\(e)\""
  case (is NSNull, is NSNull):
    return nil
  default:
    return "\(path): \(actual) ≠ \(expected)"
  }
}
