#!/usr/bin/env bash
# Regenerates the checked-in Java classes from src/main/thrift/TCLIService.thrift.
# Needs the Thrift 0.17 compiler (Debian: apt-get install thrift-compiler).
set -euo pipefail
cd "$(dirname "$0")"
out=src/main/generated
rm -rf "$out" && mkdir -p "$out"
thrift --gen java:generated_annotations=suppress -out "$out" src/main/thrift/TCLIService.thrift
