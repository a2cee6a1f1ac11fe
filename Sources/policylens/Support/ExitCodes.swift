import ArgumentParser

/// A library error the CLI knows how to report: its description is the message, and
/// `exitCode` follows sysexits (65 malformed input, 66 missing input, 74 cannot write).
protocol ReportableError: Error, CustomStringConvertible {
  var exitCode: Int32 { get }
  /// What the CLI prints after "Error: " (the description, unless the CLI words it better).
  var message: String { get }
}

extension ReportableError {
  var message: String { description }
}

/// Exit codes used by `policylens` (sysexits.h names).
enum ExitStatus {
  static let success: Int32 = 0
  static let failure: Int32 = 1
  static let usage: Int32 = 64
  static let dataError: Int32 = 65
  static let noInput: Int32 = 66
  static let cannotWrite: Int32 = 74
  /// The model changed under a reader twice in a row (another process is rewriting it); retry.
  static let temporaryFailure: Int32 = 75
}

/// A problem found by a command itself (not by a library), with its exit code.
struct CommandError: ReportableError {
  var description: String
  var exitCode: Int32
}
