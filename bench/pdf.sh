#!/usr/bin/env bash
# Benchmark of the report PDF: rendering a full report with long texts and 50 evidence entries (target:
# under 300 ms), sealing it (under 300 ms), validating a file with three signatures (under 500 ms).
# Prints the median and the maximum of 20 warm runs. Usage: bench/pdf.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" it.oivreport.export.PdfBenchmark "${1:-20}"
