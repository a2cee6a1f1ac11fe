import FileIntegrity
import Clustering
import Ingest
import ModelStore
import PolicyLensKit
import Reduction
import Server
import TextAnalysis
import ThemeTagging
import Timelines
import Vectorization

// The exit code of each library error lives here, in the CLI only (sysexits: 64 usage,
// 65 malformed input, 66 missing input, 74 cannot write, 1 anything else).

extension IngestError: ReportableError {
  var exitCode: Int32 {
    switch self {
    case .pathNotFound, .unreadable, .noTextFiles, .notAFile: ExitStatus.noInput
    case .toolMissing, .timedOut: ExitStatus.failure
    default: ExitStatus.dataError
    }
  }
}

extension TextAnalysisError: ReportableError {
  var exitCode: Int32 {
    switch self {
    case .lexiconNotFound, .unreadableFile, .userDictionaryNotFound: ExitStatus.noInput
    default: ExitStatus.dataError
    }
  }
}

extension VectorizationError: ReportableError {
  var exitCode: Int32 {
    switch self {
    case .invalidOption, .conflictingDocumentFrequencyBounds: ExitStatus.usage
    default: ExitStatus.dataError
    }
  }
}

extension ReductionError: ReportableError {
  var exitCode: Int32 {
    switch self {
    case .invalidDimensionCount, .invalidOption: ExitStatus.usage
    case .linearAlgebra: ExitStatus.failure
    default: ExitStatus.dataError
    }
  }
}

extension ModelStoreError: ReportableError {
  /// The description, with the path in the hint quoted for the shell when it needs it.
  var message: String {
    if case .missingModel(let path) = self {
      return "No model at \(path). Fit one first: policylens fit seeds --model \(ShellQuoting.quote(path))"
    }
    return description
  }

  var exitCode: Int32 {
    switch self {
    case .missingModel, .unreadableFile: ExitStatus.noInput
    case .cannotWrite, .notAModelDirectory: ExitStatus.cannotWrite
    case .modelBeingReplaced: ExitStatus.temporaryFailure
    default: ExitStatus.dataError
    }
  }
}

extension ClusteringError: ReportableError {
  var exitCode: Int32 { ExitStatus.usage }
}

extension ThemeTaggingError: ReportableError {
  var exitCode: Int32 { ExitStatus.dataError }
}

extension TimelineError: ReportableError {
  var exitCode: Int32 { ExitStatus.dataError }
}

extension QueryError: ReportableError {
  var exitCode: Int32 {
    switch self {
    case .noKnownTerms: ExitStatus.dataError
    default: ExitStatus.usage
    }
  }
}

extension WorkbenchError: ReportableError {
  var exitCode: Int32 { ExitStatus.noInput }
}

extension EvaluationError: ReportableError {
  var exitCode: Int32 {
    switch self {
    case .unreadable: ExitStatus.noInput
    case .malformed, .unknownArticles: ExitStatus.dataError
    }
  }
}
