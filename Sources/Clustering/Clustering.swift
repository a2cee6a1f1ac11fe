// Clustering module: implementation lands with its issue.
