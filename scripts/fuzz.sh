#!/usr/bin/env bash
# The long fuzz run (issue 12): each Jazzer target in its own JVM, in fuzzing mode, then execs and crashes per target.
#   scripts/fuzz.sh [LIMIT] [TARGET...]
# LIMIT: executions per target (a plain number, default 1000000) or a duration (30s, 10m, 2h).
# TARGET: readLog, checkLog, decodeLine, mockApns (default: all four, one after the other). readLog is the device-log
# reader alone (thousands of execs/s); checkLog adds every rule and the report (a few hundred execs/s).
# Exit 0 when no target crashed, 1 on a crash (or a target that did not run), 2 on a usage error.
# A crash reproducer lands where Jazzer puts it, in the target's inputs directory under src/test/resources (printed
# below); there it also becomes a regression input that `mvn test` runs. Logs: target/fuzz/<target>.log. The generated
# corpus grows in .cifuzz-corpus/ (ignored by git) and seeds the next run. `mvn test` runs the same targets briefly.
set -uo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$home"
limit="${1:-1000000}"
shift $(( $# > 0 ? 1 : 0 ))
declare -A tests=(
  [readLog]="dev.callflow.devicelog.DeviceLogReaderFuzzTest#readLog"
  [checkLog]="dev.callflow.devicelog.CheckLogFuzzTest#checkLog"
  [decodeLine]="dev.callflow.iut.external.CodecFuzzTest#decodeLine"
  [mockApns]="dev.callflow.push.PushPayloadFuzzTest#mockApns"
)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(readLog checkLog decodeLine mockApns)

case "$limit" in
  *[0-9][smh]) limitProp="-Djazzer.max_duration=$limit -Djazzer.max_executions=0" ;;
  *[!0-9]* | "") echo "fuzz.sh: LIMIT is executions (1000000) or a duration (30s, 10m, 2h), not '$limit'" >&2; exit 2 ;;
  *) limitProp="-Djazzer.max_executions=$limit -Djazzer.max_duration=" ;;
esac
for t in "${targets[@]}"; do
  [ -n "${tests[$t]:-}" ] || { echo "fuzz.sh: no target '$t'; targets: ${!tests[*]}" >&2; exit 2; }
done

if [ ! -f target/test-classes/dev/callflow/fuzz/FuzzMain.class ] || [ ! -s target/fuzz.classpath ] \
    || [ -n "$(find src pom.xml -newer target/fuzz.classpath -print -quit)" ]; then
  mvn -o -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/fuzz.classpath \
    || { echo "fuzz.sh: the build failed" >&2; exit 2; }
  touch target/fuzz.classpath # the plugin leaves an unchanged file as it was
fi
cp="target/test-classes:target/classes:$(cat target/fuzz.classpath)"
mkdir -p target/fuzz

status=0
summary=()
for t in "${targets[@]}"; do
  log="target/fuzz/$t.log"
  echo "== $t (${tests[$t]}), limit $limit, log $log"
  start=$(date +%s)
  # shellcheck disable=SC2086
  JAZZER_FUZZ=1 java -XX:-OmitStackTraceInFastThrow -XX:+UseParallelGC $limitProp -cp "$cp" \
    dev.callflow.fuzz.FuzzMain "${tests[$t]}" > "$log" 2>&1
  rc=$?
  secs=$(( $(date +%s) - start ))
  grep -E '^#[0-9]+[[:space:]]+(INITED|DONE)|^Done [0-9]+ runs|== Java Exception|Test unit written to|FuzzMain ' "$log"
  execs=$(sed -nE 's/^Done ([0-9]+) runs in ([0-9]+) second.*/\1/p' "$log" | tail -1)
  runSecs=$(sed -nE 's/^Done ([0-9]+) runs in ([0-9]+) second.*/\2/p' "$log" | tail -1)
  [ -n "$execs" ] || execs=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#')
  rate=$(grep -oE 'exec/s: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+')
  crashes=$(grep -c 'Test unit written to' "$log")
  if grep -q 'libFuzzer: run interrupted' "$log"; then
    crashes="$crashes (interrupted)"
  elif [ "$rc" -ne 0 ] && [ "$crashes" -eq 0 ]; then
    crashes="? (the run failed, see the log)"
  fi
  line=$(printf '%-10s execs %s, exec/s %s, crashes %s, fuzzing %ss (%ss with start-up), exit %s' \
    "$t" "${execs:-0}" "${rate:-?}" "$crashes" "${runSecs:-?}" "$secs" "$rc")
  summary+=("$line")
  if [ "$rc" -ne 0 ]; then
    status=1
    grep -E 'Test unit written to' "$log" | sed 's/^/   reproducer: /'
    echo "   see $log; reproduce with: mvn -o test -Dtest='${tests[$t]%%#*}' (regression mode runs the inputs directory)"
  fi
done
echo "== summary"
printf '%s\n' "${summary[@]}"
exit $status
