// Reduction module: implementation lands with its issue.
