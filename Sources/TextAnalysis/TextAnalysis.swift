// TextAnalysis module: implementation lands with its issue.
