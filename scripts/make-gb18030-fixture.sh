#!/bin/sh
# Writes a GB18030 copy of a seed for IngestTests (CorpusLoaderTests.gb18030).
# Requires iconv (glibc). Run from the repository root.
set -eu
iconv -f UTF-8 -t GB18030 seeds/004_ed97ee6178b6ef7d.txt > Tests/IngestTests/Fixtures/gb18030/004-gb18030.txt
