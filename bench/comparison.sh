#!/usr/bin/env bash
# Benchmark of the year-over-year comparison of a full report on worst-case texts (target: under 50 ms).
# Usage: bench/comparison.sh [runs]   (prints the median and the slowest time)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  it.oivreport.comparison.ComparisonBenchmark "${1:-100}"
