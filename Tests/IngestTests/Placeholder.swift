import Foundation
import Testing
import Ingest
import TestSupport

@Suite struct DebugDump {
  @Test func dump() throws {
    for url in try RepositoryPaths.seedFiles() {
      let text = try String(contentsOf: url, encoding: .utf8)
      let n = NewsletterParser.parse(text, file: url.lastPathComponent)
      var out = "\(n.file) \(n.publication?.rawValue ?? "-") \(n.issue) \(n.date ?? "-") warnings: \(n.warnings)\n"
      for a in n.articles {
        out += "\(a.id) [\(a.section)] \(a.region)/\(a.city ?? "-") \(a.date ?? "-") \(a.source ?? "-") \(a.sourceDate ?? "-") L\(a.lines) | \(a.title) | \(a.body.count)p urls=\(a.urls.count)\n"
      }
      for b in n.boilerplate { out += "  BP \(b.kind) L\(b.lines): \(b.text.prefix(60).replacingOccurrences(of: "\n", with: "⏎"))\n" }
      try out.write(toFile: "/tmp/ingdbg/\(url.lastPathComponent)", atomically: true, encoding: .utf8)
      let bodies = n.articles.map { $0.body.joined(separator: "\n¶ ") }.joined(separator: "\n=====\n")
      try bodies.write(toFile: "/tmp/ingdbg/\(url.lastPathComponent).bodies", atomically: true, encoding: .utf8)
    }
  }
}
