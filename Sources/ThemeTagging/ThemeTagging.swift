// ThemeTagging module: implementation lands with its issue.
