#!/bin/sh
# t0802: 'judge stress' on an accepted solution finds nothing; bad inputs
# are clear errors (exit 2); Ctrl-C stops it cleanly (exit 3, no run left).
. "$(dirname "$0")/lib.sh"
S="$ROOT/solutions"

expect_exit 0 "an accepted solution: nothing found" \
	"$JUDGE" stress max-gap "$S/max-gap/accepted/2-radix-sort.c" --iterations 25 --json
equals "found false with the number of runs" "$OUT" '{"found":false,"runs":25}'
expect_exit 0 "an explicit reference" "$JUDGE" stress max-gap "$S/max-gap/accepted/1-ref-buckets.c" \
	--ref "$S/max-gap/accepted/3-qsort.c" --iterations 10
contains "text: no counterexample" "$OUT" "max-gap: no counterexample in 10 runs"
expect_exit 0 "a custom checker agrees with itself" "$JUDGE" stress combination-sum-ii \
	"$S/combination-sum-ii/accepted/2-multiplicities.c" --iterations 20 --json
equals "found false" "$(printf '%s' "$OUT" | jq -c .)" '{"found":false,"runs":20}'
expect_exit 1 "--mode restricts the generator" "$JUDGE" stress convex-hull \
	"$S/convex-hull/wrong_answer/sort-x-only.c" --mode vline --json
equals "found on the first input" "$(printf '%s' "$OUT" | jq -r .found)" "true"

# Bad usage and input.
expect_exit 2 "no arguments" "$JUDGE" stress
contains "usage" "$ERR" "usage: judge stress ID FILE.c"
expect_exit 2 "unknown problem" "$JUDGE" stress max-gpa "$S/max-gap/accepted/2-radix-sort.c"
contains "suggestion" "$ERR" "judge: error: unknown problem 'max-gpa'; did you mean 'max-gap'?"
expect_exit 2 "missing file" "$JUDGE" stress max-gap nothere.c
contains "names the file" "$ERR" "nothere.c"
expect_exit 2 "bad --iterations" "$JUDGE" stress max-gap "$S/max-gap/accepted/2-radix-sort.c" --iterations 0
contains "says which option" "$ERR" "bad --iterations '0'"
expect_exit 2 "bad --time" "$JUDGE" stress max-gap "$S/max-gap/accepted/2-radix-sort.c" --time x
printf 'int main(void) { return }\n' > ce.c
expect_exit 2 "a solution that does not compile" "$JUDGE" stress max-gap ce.c
contains "compile error" "$ERR" "judge: error: the solution 'ce.c' does not compile"
printf 'int main(void) { return 1; }\n' > bad-ref.c
expect_exit 2 "a reference that fails" "$JUDGE" stress max-gap "$S/max-gap/accepted/2-radix-sort.c" --ref bad-ref.c
contains "says the reference failed" "$ERR" "the reference failed"

# A problem without a generator, and one without accepted solutions.
mkdir nogen && cd nogen && JUDGE_DB="$PWD/judge.db"
mini_catalog
cp "$ROOT/solutions/a-plus-b/wrong_answer/int32.c" .
expect_exit 1 "with gen.c and --ref it works" "$JUDGE" stress a-plus-b int32.c \
	--ref "$S/a-plus-b/accepted/1-ref-long-long.c" --json
expect_exit 2 "no accepted solution to use" "$JUDGE" stress a-plus-b int32.c
contains "says so" "$ERR" "judge: error: problem 'a-plus-b' has no accepted solution to use as the reference; pass one with --ref REF.c"
rm problems/a-plus-b/gen.c
expect_exit 2 "no generator" "$JUDGE" stress a-plus-b int32.c --ref int32.c
contains "says so" "$ERR" "judge: error: problem 'a-plus-b' has no generator (gen.c)"
expect_exit 2 "complexity: no generator" "$JUDGE" complexity a-plus-b int32.c
contains "says so" "$ERR" "judge: error: problem 'a-plus-b' has no generator (gen.c)"
cd .. && JUDGE_DB="$SCRATCH/judge.db"

# Ctrl-C: the current run ends, the sandbox is closed, exit 3.
under() { for k in $(pgrep -P "$1"); do echo "$k"; under "$k"; done; }
"$JUDGE" stress convex-hull "$S/convex-hull/accepted/2-graham-scan.c" --iterations 100000 \
	--time 120 >out.txt 2>err.txt &
pid=$!
sleep 2
kids=$(under $pid)
check "the sandbox runs under the judge" test -n "$kids"
kill -INT $pid
i=0
while kill -0 $pid 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
if kill -0 $pid 2>/dev/null; then
	fail "still running 10 s after SIGINT"
	kill -9 $pid
fi
wait $pid
equals "exit 3" "$?" "3"
contains "says it was interrupted" "$(cat err.txt)" "judge: error: interrupted after"
# gone, or a zombie left to init to reap (the box's PID 1 is reparented)
for k in $kids; do
	check "process $k is not running" sh -c "! grep -Eq '^State:[[:space:]]+[^Z]' /proc/$k/status 2>/dev/null"
done
check "no box left" sh -c "! ls -d /tmp/judge-box/*-$pid /tmp/judge-box/*-$pid-* 2>/dev/null | grep -q ."
finish
