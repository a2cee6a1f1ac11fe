// C declarations of the BLAS and LAPACK routines PolicyLens calls, exactly as the
// reference Fortran libraries export them: every argument is a pointer, integers are
// 32-bit, and each CHARACTER argument has a trailing hidden length (size_t).
// Only LinearAlgebra imports this module.
//
// Each routine is declared as the type of a pointer to it (`<name>_routine`), not as a
// function to link against: LinearAlgebra's LAPACKLibrary loads the system's LAPACK
// (liblapack.so.3, which brings its BLAS) the first time a routine is called, so that a
// process that never multiplies or factors a dense matrix (a query) neither loads it nor
// starts OpenBLAS's worker threads.
#ifndef POLICYLENS_CLAPACK_H
#define POLICYLENS_CLAPACK_H

#include <stddef.h>

// DGEMM: C := alpha*op(A)*op(B) + beta*C.
// https://www.netlib.org/lapack/explore-html/ (BLAS level 3, dgemm)
typedef void (*dgemm_routine)(const char *transa, const char *transb, const int *m, const int *n,
            const int *k, const double *alpha, const double *a, const int *lda,
            const double *b, const int *ldb, const double *beta, double *c,
            const int *ldc, size_t transa_len, size_t transb_len);

// DGESDD: singular value decomposition by divide and conquer.
// https://www.netlib.org/lapack/explore-html/ (dgesdd)
typedef void (*dgesdd_routine)(const char *jobz, const int *m, const int *n, double *a,
             const int *lda, double *s, double *u, const int *ldu, double *vt,
             const int *ldvt, double *work, const int *lwork, int *iwork,
             int *info, size_t jobz_len);

// DGEQRF: QR factorization A = Q*R (Householder).
// https://www.netlib.org/lapack/explore-html/ (dgeqrf)
typedef void (*dgeqrf_routine)(const int *m, const int *n, double *a, const int *lda, double *tau,
             double *work, const int *lwork, int *info);

// DORGQR: forms the explicit Q of a QR factorization computed by DGEQRF.
// https://www.netlib.org/lapack/explore-html/ (dorgqr)
typedef void (*dorgqr_routine)(const int *m, const int *n, const int *k, double *a, const int *lda,
             const double *tau, double *work, const int *lwork, int *info);

// DSYRK: C := alpha*A**T*A + beta*C (trans = "T"), updating the uplo triangle of C.
// https://www.netlib.org/lapack/explore-html/ (BLAS level 3, dsyrk)
typedef void (*dsyrk_routine)(const char *uplo, const char *trans, const int *n, const int *k,
            const double *alpha, const double *a, const int *lda, const double *beta,
            double *c, const int *ldc, size_t uplo_len, size_t trans_len);

// DTRSM: solves op(A)*X = alpha*B or X*op(A) = alpha*B for triangular A; X overwrites B.
// https://www.netlib.org/lapack/explore-html/ (BLAS level 3, dtrsm)
typedef void (*dtrsm_routine)(const char *side, const char *uplo, const char *transa, const char *diag,
            const int *m, const int *n, const double *alpha, const double *a,
            const int *lda, double *b, const int *ldb, size_t side_len, size_t uplo_len,
            size_t transa_len, size_t diag_len);

// DPOTRF: Cholesky factorization A = U**T*U of a symmetric positive definite matrix.
// https://www.netlib.org/lapack/explore-html/ (dpotrf)
typedef void (*dpotrf_routine)(const char *uplo, const int *n, double *a, const int *lda, int *info,
             size_t uplo_len);

#endif
