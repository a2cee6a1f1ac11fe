// Vectorization module: implementation lands with its issue.
