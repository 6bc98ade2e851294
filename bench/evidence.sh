#!/usr/bin/env bash
# Benchmark of evidence uploads and downloads of 25 MB files through HTTP, side by side with cp of the same
# file on the same disk (target: at least half of cp's speed), and of the heap over ten 25 MB uploads
# (target: grows by less than 32 MB). Starts the application on a throwaway embedded PostgreSQL.
# Usage: bench/evidence.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
# A heap large enough that the figure is what the uploads keep, not what the collector had to give back.
java -Xmx512m -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  it.oivreport.evidence.EvidenceBenchmark
