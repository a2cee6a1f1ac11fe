// Pipeline module: implementation lands with its issue.
