// Report module: implementation lands with its issue.
