import Testing
import TestSupport

@testable import policylens

@Suite("Help text")
struct HelpTests {
  static let subcommands = [
    "ingest", "articles", "show", "terms", "fit", "topics", "add", "similar", "tag", "themes", "clusters",
    "timeline", "report", "evaluate", "serve",
  ]

  @Test("the root help lists every subcommand")
  func rootHelp() async {
    let run = await CLIRunner.run(["--help"])
    #expect(run.exitCode == 0)
    #expect(run.diagnostics.isEmpty)
    for name in Self.subcommands { #expect(run.output.contains("  \(name) "), "\(name) missing from --help") }
    expectMatchesGolden(run.output, named: "help-root.txt", in: CLIRunner.goldenDirectory)
  }

  @Test("each subcommand's help has an example and matches its golden file", arguments: subcommands)
  func subcommandHelp(name: String) async {
    let run = await CLIRunner.run(["help", name])
    #expect(run.exitCode == 0)
    #expect(run.output.contains("policylens \(name)"), "no example invocation in \(name)'s help")
    expectMatchesGolden(run.output, named: "help-\(name).txt", in: CLIRunner.goldenDirectory)
  }
}
