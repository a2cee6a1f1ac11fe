import ArgumentParser

@main
struct PolicyLens: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "policylens",
    abstract: "Make sense of Chinese policy newsletters.")
  func run() throws {}
}
