#!/bin/sh
# t1083: the verdicts of interactive runs, problemtools' order, on native
# problems whose Kattis interactor (tests/fixtures/interactive) behaves as
# its test says: accepted, wrong, a crash, a solution that never flushes or
# never reads (while the interactor floods it: nothing deadlocks), an
# interactor that rejects or accepts before reading anything (the
# solution's later SIGPIPE or EOF does not count), an interactor that
# exits 0 or crashes (IE: the problem's fault).
. "$(dirname "$0")/lib.sh"
[ -x "$JUDGE" ] || skip "bin/judge is not built"
command -v jq >/dev/null || skip "jq is not installed"

: > problems.toml
for mode in normal early-wa early-ac exit0 crash flood; do
	mkdir -p "p-$mode/tests"
	cp "$ROOT/tests/fixtures/interactive/interactor.c" "p-$mode/"
	echo "# $mode" > "p-$mode/statement.md"
	echo "$mode 41" > "p-$mode/tests/t1.in"
	: > "p-$mode/tests/t1.ans"
	cat >> problems.toml <<TOML
[[problem]]
id = "p-$mode"
title = "Interactive $mode"
folder = "p-$mode"
time_limit_ms = 200
memory_limit_mb = 64
interactor = "interactor.c"

TOML
done
cat > good.c <<'C'
#include <stdio.h>
int main(void) { long k; if (scanf("%ld", &k) != 1) return 1; printf("%ld\n", k + 1); fflush(stdout); return 0; }
C
cat > off.c <<'C'
#include <stdio.h>
int main(void) { long k; if (scanf("%ld", &k) != 1) return 1; printf("%ld\n", k + 2); fflush(stdout); return 0; }
C
cat > segv.c <<'C'
#include <signal.h>
#include <stdio.h>
int main(void) { long k; if (scanf("%ld", &k) != 1) return 1; raise(SIGSEGV); return 0; }
C
cat > noflush.c <<'C'
#include <stdio.h>
int main(void) { long k; if (scanf("%ld", &k) != 1) return 1; printf("%ld\n", k + 1); for (;;) if (scanf("%ld", &k) != 1) return 1; }
C
cat > noread.c <<'C'
#include <unistd.h>
int main(void) { for (;;) pause(); }
C
cat > late.c <<'C'
#include <time.h>
#include <unistd.h>
int main(void) { struct timespec t = {0, 300000000}; nanosleep(&t, 0); for (;;) if (write(1, "42\n", 3) < 0) return 9; }
C

J="$JUDGE --catalog $SCRATCH/problems.toml"
# verdict ID FILE: submit; $V the verdict, $M the test's message
verdict() {
	run $J submit "$1" "$2" --json
	V=$(printf '%s' "$OUT" | jq -r .verdict 2>/dev/null)
	M=$(printf '%s' "$OUT" | jq -r '.tests[0].message' 2>/dev/null)
}

verdict p-normal good.c
equals "a right reply: AC" "$V $RC" "AC 0"
equals "the interactor's judgemessage.txt is the message" "$M" "right reply"
verdict p-normal off.c
equals "a wrong reply: WA" "$V $RC" "WA 1"
equals "WA: its message" "$M" "wrong reply"
verdict p-normal segv.c
equals "the solution crashes first: RE (not the interactor's WA that follows)" "$V" RE
contains "RE: the signal" "$M" "SIGSEGV"
verdict p-normal noflush.c
equals "a reply never flushed: TLE" "$V" TLE
contains "TLE: says to flush" "$M" "flush after every line"

verdict p-early-wa good.c
equals "the interactor rejects first: WA, whatever the solution then does" "$V" WA
equals "its message" "$M" "rejected before reading anything"
verdict p-early-wa late.c
equals "a solution killed by SIGPIPE after the interactor rejected: WA" "$V" WA
verdict p-early-ac late.c
equals "a solution killed by SIGPIPE after the interactor accepted: AC" "$V" AC

verdict p-exit0 good.c
equals "an interactor exiting 0 (not 42/43): IE" "$V" IE
equals "IE: the judge's exit code 3" "$RC" 3
contains "IE: the problem's fault, said" "$M" "interactor failed with exit code 0 (42 accepts, 43 rejects)"
verdict p-crash good.c
equals "an interactor that crashes: IE" "$V" IE
contains "IE: how it ended" "$M" "killed by SIGABRT"

verdict p-flood noread.c
equals "a solution that never reads while the interactor floods it: TLE, no deadlock" "$V" TLE
verdict p-normal noread.c
equals "a solution that never reads nor writes: TLE" "$V" TLE

run $J show p-normal --json
equals "show: the interactor and its contract (kattis by default)" \
	"$(printf '%s' "$OUT" | jq -c '[.interactor, .interactor_contract]')" '["interactor.c","kattis"]'
finish
