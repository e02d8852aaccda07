#!/bin/sh
# t1090: testlib programs as they are, on native problems: a checker (0 OK,
# 1 WA, 2 PE, 3 FAIL = IE, 7 points = partial with its score; stderr is the
# message), a validator and a generator with free arguments (judge stress
# runs 'gen ARG... SEED' and keeps shrunk inputs the validator accepts), an
# interactor ('interactor input output answer'); the contract detected from
# #include "testlib.h" or given by a key; testlib.h sits in the problem's
# folder and is visible to the compile. The header is our own stand-in
# (tests/fixtures/testlib/testlib.h), with testlib's conventions.
. "$(dirname "$0")/lib.sh"
[ -x "$JUDGE" ] || skip "bin/judge is not built"
command -v jq >/dev/null || skip "jq is not installed"
command -v g++ >/dev/null || skip "g++ is not installed"

F=$ROOT/tests/fixtures/testlib
for p in sum guess; do
	cp -r "$F/$p" "$p"
	cp "$F/testlib.h" "$p/"
done
cp -r sum sum-broken
echo x > sum-broken/tests/sample-1.ans
cp -r sum sum-judge
cat > problems.toml <<'TOML'
[[problem]]
id = "sum"
title = "Sum"
folder = "sum"
time_limit_ms = 1000
memory_limit_mb = 256
checker = "custom"
checker_source = "checker.cpp"

[[problem]]
id = "sum-broken"
title = "Sum with a broken answer"
folder = "sum-broken"
time_limit_ms = 1000
memory_limit_mb = 256
checker = "custom"
checker_source = "checker.cpp"

[[problem]]
id = "sum-judge"
title = "Sum, its checker declared as the judge's"
folder = "sum-judge"
time_limit_ms = 1000
memory_limit_mb = 256
checker = "custom"
checker_source = "checker.cpp"
checker_contract = "judge"

[[problem]]
id = "guess"
title = "Guess"
folder = "guess"
time_limit_ms = 1000
memory_limit_mb = 256
interactor = "interactor.cpp"

[[problem]]
id = "guess-checked"
title = "Guess, its output file checked"
folder = "guess"
time_limit_ms = 1000
memory_limit_mb = 256
interactor = "interactor.cpp"
checker = "custom"
checker_source = "questions.cpp"
TOML
J="$JUDGE --catalog $SCRATCH/problems.toml"

prog() { # NAME EXPRESSION: a solution printing the sum's EXPRESSION
	cat > "$1.c" <<C
#include <stdio.h>
int main(void) { long n, x, s = 0, a = 0; scanf("%ld", &n);
for (long i = 0; i < n; i++) { scanf("%ld", &x); s += x; a += x < 0 ? -x : x; } $2; return 0; }
C
}
prog ac 'printf("%ld\n", s)'
prog wa 'printf("%ld\n", s - 1)'
prog pe 'printf("%ld %ld\n", s, s)'
prog pts 'printf("%ld\n", s + 1)'
prog pc 'printf("%ld\n", s + 2)'
prog absval 'printf("%ld\n", a)'

cat > quote.c <<'C'
#include <stdio.h>
int main(void) { puts("six"); return 0; }
C

verdict() { # ID FILE
	run $J submit "$1" "$2" --json
	V=$(printf '%s' "$OUT" | jq -r .verdict 2>/dev/null)
	M=$(printf '%s' "$OUT" | jq -r '[.tests[] | select(.verdict != "AC")][0].message // .tests[0].message' 2>/dev/null)
}

verdict sum ac.c
equals "checker exit 0: AC" "$V $RC" "AC 0"
equals "AC: the checker's stderr" "$M" "ok the sum is 6"
verdict sum wa.c
equals "checker exit 1: WA" "$V" WA
equals "WA: the checker's stderr" "$M" "wrong answer expected 6, found 5"
verdict sum quote.c
equals "a message's quotes are kept as written" "$M" "wrong answer expected an integer, found 'six'"
verdict sum pe.c
equals "checker exit 2: PE" "$V" PE
verdict sum pts.c
equals "checker exit 7 (points): not accepted" "$V" WA
equals "points: partial, with its score" "$M" "partially correct: points 0.5 off by one: 7 instead of 6"
verdict sum pc.c
equals "quitf(_pc(40)): exit 40, partially correct (not IE)" "$V" WA
equals "_pc: testlib's own line" "$M" "partially correct (40) off by two: 8 instead of 6"
verdict sum-broken ac.c
equals "checker exit 3 (FAIL): IE, exit 3" "$V $RC" "IE 3"
contains "FAIL: the problem's fault, with the checker's message" "$M" \
	"checker failed (testlib FAIL, exit code 3): FAIL expected an integer, found 'x'"
verdict sum-judge pts.c
equals "checker_contract = judge: exit 7 is a checker failure (IE)" "$V" IE
contains "...said so" "$M" "checker failed with exit code 7"

run $J show sum --json
equals "show: the contracts detected from the sources" \
	"$(printf '%s' "$OUT" | jq -c '[.checker_contract, .validator_contract]')" '["testlib","testlib"]'
run $J show sum-judge
contains "show: a contract given by the key" "$OUT" "checker: custom (checker.cpp, judge contract)"

# the interactor
cat > bisect.c <<'C'
#include <stdio.h>
int main(void) { int lo = 1, hi = 100; char r[4];
for (;;) { int m = (lo + hi) / 2; printf("? %d\n", m); fflush(stdout);
if (scanf("%3s", r) != 1) return 1; if (r[0] == '=') return 0; if (r[0] == '<') hi = m - 1; else lo = m + 1; } }
C
cat > linear.c <<'C'
#include <stdio.h>
int main(void) { char r[4]; for (int y = 1; y <= 100; y++) { printf("? %d\n", y); fflush(stdout);
if (scanf("%3s", r) != 1) return 1; if (r[0] == '=') return 0; } return 0; }
C
cat > words.c <<'C'
#include <stdio.h>
int main(void) { printf("guess 5\n"); fflush(stdout); return 0; }
C
verdict guess bisect.c
equals "testlib interactor exit 0: AC" "$V $RC" "AC 0"
equals "AC: its stderr" "$M" "ok found 50 in 1 questions"
verdict guess linear.c
equals "testlib interactor exit 1: WA" "$V" WA
equals "WA: its stderr" "$M" "wrong answer more than 7 questions"
verdict guess words.c
equals "testlib interactor exit 2: PE" "$V" PE
# Polygon's pair: the interactor's output file (tout) is the checker's output
run $J submit guess-checked bisect.c --json --all
equals "interactor + checker: the checker judges the interactor's output file" \
	"$(printf '%s' "$OUT" | jq -c '[.tests[] | .verdict]')" '["AC","AC","WA","AC"]'
equals "...with its message" "$(printf '%s' "$OUT" | jq -r '.tests[2].message')" \
	"wrong answer 7 questions, more than 6"
equals "...and the accepted tests' messages are the checker's" \
	"$(printf '%s' "$OUT" | jq -r '.tests[0].message')" "ok 1 questions"
run $J show guess-checked
contains "show: the checker of the interactor's output file" "$OUT" \
	"checker: custom (questions.cpp, testlib contract), on the interactor's output file"
# an output file over the box's room is cut: IE, not a checker's guess
mkdir -p chatty/tests
cp guess/testlib.h guess/questions.cpp chatty/
echo 5 > chatty/tests/t1.in; : > chatty/tests/t1.ans; echo "# chatty" > chatty/statement.md
cat > chatty/interactor.cpp <<'CPP'
#include "testlib.h"
int main(int argc, char *argv[])
{
	registerInteraction(argc, argv);
	inf.readInt();
	for (int i = 0; i < 40000; i++)
		tout << "1234567\n";
	quitf(_ok, "wrote 320 KB");
}
CPP
cat >> problems.toml <<'TOML'

[[problem]]
id = "chatty"
title = "An interactor writing too much"
folder = "chatty"
time_limit_ms = 1000
memory_limit_mb = 256
interactor = "interactor.cpp"
checker = "custom"
checker_source = "questions.cpp"
TOML
verdict chatty words.c
equals "an output file over the box's room: IE" "$V" IE
contains "...said" "$M" "the interactor's output file reached 248 KB"
run $J show guess --json
equals "show: a testlib interactor, detected" "$(printf '%s' "$OUT" | jq -r .interactor_contract)" testlib

# the generator (free arguments from gen.list, the seed appended) and the
# validator (the shrunk input is still valid)
run $J stress sum absval.c --ref ac.c --iterations 40
equals "stress with a testlib generator: a counterexample (exit 1)" "$RC" 1
contains "stress: the generator's free arguments and the seed" "$OUT" "on 'gen -n "
g++ -O2 -std=gnu++20 -I "$F" -o val "$F/sum/validator.cpp" 2>val.log || fail "the validator compiles on the host" "$(cat val.log)"
run $J stress sum absval.c --ref ac.c --iterations 40 --json
printf '%s' "$OUT" | jq -j .input > shrunk.in
expect_exit 0 "stress: the shrunk input passes the testlib validator" ./val < shrunk.in
contains "stress: it has a negative number" "$(cat shrunk.in)" "-"
cat > crash.c <<'C'
int main(void) { return 1; }
C
run $J stress sum absval.c --ref crash.c --iterations 1
equals "stress: a reference that fails: exit 2" "$RC" 2
contains "...on the testlib generator's own command line" "$ERR" "error: 'gen -n "
run $J stress guess-checked bisect.c --ref bisect.c --iterations 1
equals "stress: an interactor's output file checked against an answer: refused (exit 2)" "$RC" 2
contains "...saying why" "$ERR" "has a checker of its interactor's output file"
run $J complexity sum ac.c
equals "complexity refuses a testlib generator (exit 2)" "$RC" 2
contains "complexity: says why" "$ERR" "follows testlib's contract"

# bad keys
sed 's/checker_contract = "judge"/checker_contract = "polygon"/' problems.toml > bad.toml
run $JUDGE --catalog "$SCRATCH/bad.toml" list
equals "an unknown contract: exit 2" "$RC" 2
contains "an unknown contract: one line, where" "$ERR" "bad.toml:27:20: unknown contract 'polygon' (one of judge, kattis, testlib)"
printf '\ninteractor_contract = "judge"\n' >> problems.toml
run $J list
equals "an interactor under the judge's contract: exit 2" "$RC" 2
contains "...said" "$ERR" "an interactor follows the kattis or the testlib contract, not 'judge'"
finish
