#!/bin/sh
# t0940: an unbounded recursion gets one verdict every time, RE with the hint
# "stack overflow: recursion too deep?", whatever the stack limit: with
# 'judge run's defaults (stack = memory = 256 MB: the stack limit is kept
# below the memory limit, so the memory cgroup never races it, and a run
# whose time runs out deep in the recursion is told by its stack), with a
# 32 MB limit, and on a problem whose stack limit is 8 MB. A crash far from
# the stack limit keeps its own hint.
# run-all: alone
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/grade_fixtures.sh"
need_root "the memory cgroup"
grade_fixtures
cat > rec.c <<'C'
#include <stdio.h>
static int down(int n)
{
	volatile char pad[64];

	pad[0] = (char)n;
	return down(n + 1) + pad[0];
}
int main(void) { printf("%d\n", down(0)); return 0; }
C
prog segv '#include <stdio.h>
int main(void) { volatile int *p = 0; printf("%d\n", *p); return 0; }'

# runs N ARGS...: 'judge run rec.c ARGS' N times; one line per run in
# runs.txt: verdict, signal and message (the sizes cut from the message).
runs() {
	n=$1; shift
	: > runs.txt
	while [ "$n" -gt 0 ]; do
		"$JUDGE" run rec.c "$@" --json </dev/null > run.json
		jq -r '[.verdict, .signal, (.message | sub(" \\(.*"; ""))] | join(" / ")' run.json >> runs.txt
		n=$((n - 1))
	done
}
# Default memory and stack limits, with a CPU limit the recursion never
# meets (at 1 s it reaches the 224 MB stack at about 0.8 s here, so a slower
# moment would decide by time instead: the battery's r11 does the same)
runs 3 --time-limit 10000
cat runs.txt
equals "defaults: one verdict, three times" "$(sort -u runs.txt | wc -l)" 1
check "defaults: RE with the hint, every time" sh -c '! grep -Evx "RE / SIGSEGV / killed by SIGSEGV: stack overflow: recursion too deep\?" runs.txt'
runs 2 --memory-limit 32
equals "32 MB: one verdict, twice" "$(sort -u runs.txt | wc -l)" 1
equals "32 MB: RE by SIGSEGV with the hint" "$(head -n 1 runs.txt)" \
	"RE / SIGSEGV / killed by SIGSEGV: stack overflow: recursion too deep?"
equals "32 MB: the stack limit kept below the memory limit" \
	"$(jq -r .message run.json)" "killed by SIGSEGV: stack overflow: recursion too deep? (the stack limit is 28.0 MB)"

run "$JUDGE" submit sum rec.c --json
equals "stack 8 MB: RE with the hint" "$(printf '%s' "$OUT" | jq -c '[.verdict, .tests[0].message]')" \
	'["RE","killed by SIGSEGV: stack overflow: recursion too deep? (the stack limit is 8.0 MB)"]'
run "$JUDGE" run segv.c --json </dev/null
equals "a bad access is not a stack overflow" "$(printf '%s' "$OUT" | jq -c '[.verdict, .message]')" \
	'["RE","killed by signal SIGSEGV"]'
finish
