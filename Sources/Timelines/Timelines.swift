// Timelines module: implementation lands with its issue.
