#!/bin/sh
# Builds the AppCDS archive of target/railguard.jar (run by Maven at package time; run it again by hand after
# copying the jar elsewhere): a training run under -XX:ArchiveClassesAtExit dumps the classes it loaded to
# target/railguard.jsa, which the launcher maps at start with -XX:SharedArchiveFile. The archive is only used with
# the exact jar it was built from (same path, same timestamp); otherwise the JVM ignores it and starts normally.
set -e
target=$(cd "${1:-$(dirname "$0")/../../target}" && pwd)
rm -f "$target/railguard.jsa"
"${JAVA:-java}" -XX:ArchiveClassesAtExit="$target/railguard.jsa" -Xlog:disable -Xlog:all=error:stderr \
  -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
  -cp "$target/railguard.jar" dev.railguard.cli.internal.CdsTraining
