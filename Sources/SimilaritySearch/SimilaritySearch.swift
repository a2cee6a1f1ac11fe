// SimilaritySearch module: implementation lands with its issue.
