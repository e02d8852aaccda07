#!/bin/sh
# judge regress over packages: every C/C++ file of submissions/FOLDER is
# graded against its folder's Kattis meaning (accepted, wrong_answer,
# time_limit_exceeded, run_time_error; 2025-09 rejected and brute_force),
# a crash after a correct answer is run_time_error, a run over the memory
# limit is RE (Kattis has no MLE folder); other languages are listed as
# skipped and counted, never failures. No solutions/ folder is needed.
. "$(dirname "$0")/lib.sh"
cp -r "$ROOT/tests/packages" pk
mkdir -p pk/float-sum/submissions/run_time_error
printf '%s\n' '#include <stdio.h>' '#include <stdlib.h>' '#include <string.h>' \
	'int main(void) { double a, b; if (scanf("%lf %lf", &a, &b) != 2) return 1;' \
	'size_t n = 200u << 20; volatile char *p = malloc(n); if (!p) return 1;' \
	'for (size_t i = 0; i < n; i += 4096) p[i] = 1; printf("%.9f\n", a + b + p[4096] - 1); return 0; }' \
	> pk/float-sum/submissions/run_time_error/hog.c
cat > problems.toml <<'TOML'
[[problem]]
id = "float-sum"
package = "pk/float-sum"

[[problem]]
id = "parity"
package = "pk/parity"
TOML
run "$JUDGE" regress --json
equals "regress: exit 0, every folder matched" "$RC" 0
equals "summary" "$(printf '%s' "$OUT" | jq -c '.summary | [.total, .matched, .mismatched, .skipped]')" "[10,10,0,1]"
equals "the skipped submission" "$(printf '%s' "$OUT" | jq -c .skipped)" '["float-sum/accepted/sum.py"]'
got() { printf '%s' "$OUT" | jq -r --arg s "$1" '.solutions[] | select(.solution == $s) | "\(.expected) \(.got) \(.match)"'; }
equals "accepted C" "$(got float-sum/accepted/sum.c)" "AC AC true"
equals "accepted C++" "$(got float-sum/accepted/sum.cpp)" "AC AC true"
equals "crash after a correct answer" "$(got float-sum/run_time_error/after.c)" "RE RE true"
equals "over the memory limit is RE" "$(got float-sum/run_time_error/hog.c)" "RE RE true"
equals "time_limit_exceeded" "$(got float-sum/time_limit_exceeded/spin.c)" "TLE TLE true"
equals "wrong_answer" "$(got float-sum/wrong_answer/rounds.c)" "WA WA true"
equals "rejected: any verdict but AC" "$(got parity/rejected/upper.c)" "WA WA true"
equals "brute_force: TLE" "$(got parity/brute_force/slowish.c)" "TLE TLE true"

# text: the skipped line and count
run "$JUDGE" regress parity/accepted float-sum/accepted
equals "patterns: exit 0" "$RC" 0
contains "text: skipped listed" "$OUT" "skipped: float-sum/accepted/sum.py (not C or C++)"
contains "text: summary" "$OUT" "3 solutions: 3 matched, 0 mismatched"
contains "text: skipped counted" "$OUT" "1 skipped (not C or C++)"

# a wrong folder is a mismatch
cp pk/parity/submissions/wrong_answer/always-odd.c pk/parity/submissions/accepted/
run "$JUDGE" regress parity --json
equals "mismatch: exit 1" "$RC" 1
equals "mismatch: AC expected, WA got" "$(got parity/accepted/always-odd.c)" "AC WA false"
finish
