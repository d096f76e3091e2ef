#!/bin/bash
# Start-up of a one-event `railguard eval` against a local stub judge: process wall time minus the judge time that
# summary.json records (usage.judge_time_ms), for plain `java -jar` and for the launcher, run round-robin N times
# (default 10) so that machine load hits both alike; `java -version` for scale. Needs the built jar:
#   mvn -B -q -DskipTests package -pl evaluation-cli -am && evaluation-cli/src/build/startup/measure.sh 10
set -e
here=$(cd "$(dirname "$0")" && pwd); module=$(cd "$here/../../.." && pwd)
jar="$module/target/railguard.jar"; launcher="$module/railguard"; n=${1:-10}; port=${PORT:-18799}
work=$(mktemp -d); trap 'kill $stub 2>/dev/null; rm -rf "$work"' EXIT
java "$here/JudgeStub.java" "$port" & stub=$!
sleep 3
printf '%s\n' '{"id":"a","model_input":{"user_prompt":"What is the capital of France?"},"model_output":"Paris is the capital of France.","run_mode":"fast","guardrail_metrics":["correctness"]}' > "$work/one.jsonl"
export RAILGUARD_JUDGE_BASE_URL="http://127.0.0.1:$port/v1"
names=("java -jar railguard.jar" "evaluation-cli/railguard (C1, SerialGC, AppCDS)")
cmds=("java -jar $jar" "$launcher")
for i in $(seq 1 "$n"); do
  for k in 0 1; do
    rm -rf "$work/out"
    s=$(date +%s%N); ${cmds[$k]} eval "$work/one.jsonl" --out "$work/out" --progress quiet >/dev/null 2>&1; e=$(date +%s%N)
    j=$(grep -o '"judge_time_ms" : [0-9]*' "$work/out/summary.json" | grep -o '[0-9]*$')
    echo "$k $(( (e - s) / 1000000 - j ))" >> "$work/runs"
  done
done
for k in 0 1; do
  awk -v k="$k" '$1 == k { print $2 }' "$work/runs" | sort -n | awk -v name="${names[$k]}" \
    '{ v[NR] = $1; s += $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
       printf "%s: wall minus judge time mean %d ms, median %d ms (n=%d)\n", name, s / NR, m, NR }'
done
s=$(date +%s%N); for i in $(seq 1 "$n"); do java -version 2>/dev/null; done; e=$(date +%s%N)
echo "java -version: mean $(( (e - s) / 1000000 / n )) ms"
