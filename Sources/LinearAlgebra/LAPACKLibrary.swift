#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#else
  import Darwin
#endif

internal import CLAPACK

/// The BLAS and LAPACK routines the wrappers call, looked up in the system's LAPACK library the
/// first time one is needed instead of being linked into the executable.
///
/// Linking them made every process load LAPACK, OpenBLAS, gfortran and quadmath and start
/// OpenBLAS's worker thread, which spins (`sched_yield`) for the whole life of a short process:
/// a `similar` query, which never multiplies or factors a dense matrix, spent a few milliseconds
/// of its ~30 on them. Now only the processes that use a routine pay for it, once.
///
/// The library is Debian's `liblapack.so.3` (the alternative OpenBLAS provides when installed;
/// its BLAS comes with it as a dependency, which `dlsym` searches too), or Accelerate on macOS.
/// When it cannot be loaded the process stops with the loader's message, as it did before when
/// the dynamic loader failed at start-up, but only when a routine is first called. Before
/// loading it, ``OpenBLASKernels`` asks OpenBLAS for kernels that suit the processor.
struct LAPACKLibrary: @unchecked Sendable {
  let dgemm: dgemm_routine
  let dgesdd: dgesdd_routine
  let dgeqrf: dgeqrf_routine
  let dorgqr: dorgqr_routine
  let dsyrk: dsyrk_routine
  let dtrsm: dtrsm_routine
  let dpotrf: dpotrf_routine

  /// The routines, loaded on first use (Swift initialises a static property once, thread-safely).
  static let routines = LAPACKLibrary()

  #if os(macOS)
    static let path = "/System/Library/Frameworks/Accelerate.framework/Accelerate"
  #else
    static let path = "liblapack.so.3"
  #endif

  private init() {
    OpenBLASKernels.prepareEnvironment()
    guard let handle = dlopen(Self.path, RTLD_NOW | RTLD_LOCAL) else {
      fatalError(
        "Cannot load LAPACK (\(Self.path)): \(Self.loaderMessage()). Install it (Debian: apt install "
          + "liblapack3 libopenblas0-pthread) or run make setup.")
    }
    func routine<Routine>(_ name: String, as _: Routine.Type) -> Routine {
      guard let symbol = dlsym(handle, name) else {
        fatalError("LAPACK (\(Self.path)) has no routine \(name): \(Self.loaderMessage()).")
      }
      return unsafeBitCast(symbol, to: Routine.self)
    }
    dgemm = routine("dgemm_", as: dgemm_routine.self)
    dgesdd = routine("dgesdd_", as: dgesdd_routine.self)
    dgeqrf = routine("dgeqrf_", as: dgeqrf_routine.self)
    dorgqr = routine("dorgqr_", as: dorgqr_routine.self)
    dsyrk = routine("dsyrk_", as: dsyrk_routine.self)
    dtrsm = routine("dtrsm_", as: dtrsm_routine.self)
    dpotrf = routine("dpotrf_", as: dpotrf_routine.self)
  }

  private static func loaderMessage() -> String {
    dlerror().map { String(cString: $0) } ?? "unknown error"
  }
}
