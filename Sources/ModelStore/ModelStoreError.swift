import FileIntegrity

/// Why a model could not be read or written.
public enum ModelStoreError: Error, Equatable, CustomStringConvertible {
  /// No model at `path`.
  case missingModel(path: String)
  /// A file the model needs is missing or unreadable.
  case unreadableFile(path: String, reason: String)
  /// A file is present but its content is not what the format says.
  case malformedFile(path: String, reason: String)
  /// The model was written by a format this build does not read.
  case unsupportedFormatVersion(path: String, found: Int, supported: Int)
  /// A file's bytes do not match the checksum in the manifest.
  case checksumMismatch(path: String)
  /// The model's parts disagree in size.
  case shapeMismatch(path: String, expected: String, found: String)
  /// The model could not be written; the previous model, if any, is untouched.
  case cannotWrite(path: String, reason: String)
  /// A model would replace a folder that is not a model (see
  /// ``ModelDirectory/checkReplaceable(_:)``); nothing in it was touched.
  case notAModelDirectory(path: String, reason: String)
  /// The model was replaced by another process while it was being read, more than once.
  case modelBeingReplaced(path: String)

  public var description: String {
    switch self {
    case .missingModel(let path):
      "No model at \(path). Fit one first: policylens fit seeds --model \(ShellQuoting.quote(path))"
    case .unreadableFile(let path, let reason):
      "Cannot read \(path): \(reason). The model is incomplete; refit it with policylens fit."
    case .malformedFile(let path, let reason):
      "\(path) is malformed: \(reason). The model may be corrupted or truncated; refit it with policylens fit."
    case .unsupportedFormatVersion(let path, let found, let supported):
      found > supported
        ? "\(path) has model format version \(found), but this policylens reads version \(supported). Upgrade policylens or refit the model with this version."
        : "\(path) has model format version \(found), which this policylens (version \(supported)) no longer reads. Refit the model with policylens fit."
    case .checksumMismatch(let path):
      "\(path) does not match the checksum in manifest.json: the file was changed or truncated. Refit the model with policylens fit."
    case .shapeMismatch(let path, let expected, let found):
      "\(path) has shape \(found), but the manifest says \(expected). The model is inconsistent; refit it with policylens fit."
    case .cannotWrite(let path, let reason):
      "Cannot write the model to \(path): \(reason). The previous model, if any, is unchanged. Check free space and permissions, or choose another --model directory."
    case .notAModelDirectory(let path, let reason):
      "Refusing to write a model to \(path): \(reason). Writing a model replaces the whole folder, "
        + "so nothing in it was touched. Choose a new or empty folder, such as --model models/mine."
    case .modelBeingReplaced(let path):
      "The model at \(path) was replaced by another policylens process while it was being read. "
        + "Run the command again once that fit or add has finished."
    }
  }
}
