// Ingest module: implementation lands with its issue.
