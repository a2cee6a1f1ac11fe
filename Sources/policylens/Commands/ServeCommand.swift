import ArgumentParser
import Foundation
import ModelStore
import Server

/// `policylens serve`: the workbench in a browser and the JSON API.
struct ServeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Serve the analysts' workbench (search, articles, themes) and a JSON API.",
    discussion: """
      Pages at /, /articles/ID, /themes, /clusters and /timeline work without JavaScript; on \
      article and theme pages an analyst marks articles as examples or counter-examples of a \
      theme (written to the themes file under the model's writer lock, never to the numeric \
      files). The JSON API under /api/ returns the same documents as the commands' --json \
      (described at /api/openapi.json). \
      A refit or add of the model is picked up without a restart. Binds to 127.0.0.1 unless \
      --host says otherwise; then anyone who can reach the port can read the model unless \
      --token is given. SIGTERM or Ctrl-C stops it after the requests under way.

      Examples:
        policylens serve --port 8080
        policylens serve --host 0.0.0.0 --token "$(openssl rand -hex 16)"
      """)

  @Option(help: ArgumentHelp("TCP port to listen on (0: any free port).", valueName: "port"))
  var port = 8080

  @Option(help: ArgumentHelp("Address to bind (127.0.0.1 keeps it to this machine).", valueName: "address"))
  var host = "127.0.0.1"

  @Option(
    help: ArgumentHelp(
      "Require this token on every request (Authorization: Bearer TOKEN, or ?token=TOKEN once in a browser).",
      valueName: "token"))
  var token: String?

  @Option(
    name: .customLong("time-limit"),
    help: ArgumentHelp("Longest time one request may take before it is answered 503, in seconds.", valueName: "seconds")
  )
  var timeLimit = 10

  @OptionGroup var modelOptions: ModelOptions
  @OptionGroup var themeOptions: ThemeOptions
  @Flag(name: .shortAndLong, help: "Print no notes (start, reloads); errors still go to stderr.")
  var quiet = false

  func validate() throws {
    if !(0...65_535).contains(port) { throw ValidationError("--port must be between 0 and 65,535; got \(port).") }
    if !(1...3_600).contains(timeLimit) {
      throw ValidationError("--time-limit must be between 1 and 3,600 seconds; got \(timeLimit).")
    }
    if let token, token.count < 8 {
      throw ValidationError("--token must be at least 8 characters; got \(token.count).")
    }
  }

  func run() async throws {
    let terminal = Terminal.current
    let modelDirectory = URL(fileURLWithPath: modelOptions.model)
    // --themes-file, else the model's own copy, else the repository's file (as other commands).
    let modelThemes = modelDirectory.appendingPathComponent(ModelFile.themeDefinitions.name)
    let themesFile =
      themeOptions.themes.map { URL(fileURLWithPath: $0) }
      ?? (FileManager.default.fileExists(atPath: modelThemes.path)
        ? modelThemes : URL(fileURLWithPath: ThemeOptions.repositoryThemes))
    let configuration = WorkbenchConfiguration(
      modelDirectory: modelDirectory, themesFile: themesFile,
      lexiconCacheDirectory: lexiconCacheDirectory(), host: host, port: port, token: token,
      limits: RequestLimits(timeLimit: .seconds(timeLimit)))
    if configuration.isPublic && token == nil {
      terminal.note(
        "warning: listening on \(host) with no authentication: anyone who can reach this port can read the model. "
          + "Pass --token to require a token.")
    }
    let quiet = self.quiet
    let workbench = try Workbench(configuration: configuration) { event in
      if !quiet { terminal.note(event) }
    }
    let articleCount = workbench.articleCount
    let host = self.host
    try await workbench.run { port in
      if !quiet {
        let shown = host.contains(":") ? "[\(host)]" : host
        terminal.note(
          "serving \(articleCount) articles of \(configuration.modelDirectory.path) at http://\(shown):\(port)/")
      }
    }
  }
}
