#!/usr/bin/env bash
# Benchmark of the import of an earlier report: reading a 20-page PDF of the 2020 seed report (and the same as
# DOCX) and matching it to the questionnaire (target: under 1 s). Usage: bench/import.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" it.oivreport.importing.ImportBenchmark "${1:-20}"
