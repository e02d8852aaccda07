#!/bin/sh
# Every verdict (AC WA PE TLE MLE OLE RE SV CE) from a real tiny C program on
# the fixture problem 'sum' (exact checker; 1000 ms, 64 MB, stack 8 MB,
# output 256 KB), with exit codes, messages, the JSON field by field and the
# rows stored in the database.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/grade_fixtures.sh"
grade_fixtures

prog ac '#include <stdio.h>
int main(void) { long long a, b; if (scanf("%lld %lld", &a, &b) != 2) return 1;
printf("%lld\n", a + b); return 0; }'
prog wa '#include <stdio.h>
int main(void) { long long a, b; if (scanf("%lld %lld", &a, &b) != 2) return 1;
printf("%lld\n", a + b + (a < 0)); return 0; }'
prog pe '#include <stdio.h>
int main(void) { long long a, b; if (scanf("%lld %lld", &a, &b) != 2) return 1;
printf("%lld \n", a + b); return 0; }'
prog tle 'int main(void) { volatile unsigned long i = 0; for (;;) i++; }'
prog sleepy '#include <unistd.h>
int main(void) { for (;;) sleep(100); }'
prog mle '#include <stdlib.h>
#include <string.h>
int main(void) { size_t n = 200u << 20, i; volatile char *p = malloc(n);
if (!p) return 1; for (i = 0; i < n; i += 4096) p[i] = 1; return p[n / 2] != 1; }'
prog ole '#include <stdio.h>
int main(void) { for (;;) fputs("1111111111111111111111111111111\n", stdout); }'
prog segv 'int main(void) { *(volatile int *)16 = 1; return 0; }'
prog fpe '#include <stdio.h>
int main(void) { volatile int z = 0; printf("%d\n", 7 / z); return 0; }'
prog deep 'static int f(int n) { volatile char pad[256]; pad[0] = (char)n; return n ? f(n - 1) + pad[0] : 0; }
int main(void) { return f(100000000); }'
prog exit3 'int main(void) { return 3; }'
prog sv '#include <sys/socket.h>
int main(void) { return socket(AF_INET, SOCK_STREAM, 0) < 0; }'
prog ce 'int main(void) { return undefined_name; }'

# sub PROG [ARGS]: submit PROG.c to sum with --json; JSON in $J
sub() { p=$1; shift; run "$JUDGE" submit sum "$p.c" --json "$@"; J=$OUT; }
jcheck() { check "$1" jq -e "$2" .out; }

sub ac
equals "AC: exit 0" "$RC" 0
jcheck "AC: json fields" '.verdict == "AC" and .problem == "sum" and .passed == 3 and
	.total == 3 and (.submission | type) == "number" and (.time_ms | type) == "number" and
	.memory_kb > 0 and .compile.ok == true and (.compile.cached | type) == "boolean" and
	(.compile.time_ms | type) == "number" and .compile.message == "" and (.tests | length) == 3'
jcheck "AC: test fields" '.tests[0] | .name == "sample-1" and .verdict == "AC" and
	.exit == 0 and .signal == null and .message == "" and (.wall_ms | type) == "number"
	and (.memory_kb | type) == "number"'
jcheck "AC: maxima" '.memory_kb == ([.tests[].memory_kb] | max) and .time_ms == ([.tests[].time_ms] | max)'
ACID=$(jq .submission .out)

sub wa
equals "WA: exit 1" "$RC" 1
jcheck "WA: first failing test decides" '.verdict == "WA" and .passed == 2 and .tests[2].verdict == "WA"'
equals "WA: message" "$(tmessage "$J" t02-neg)" "line 1, token 1: expected '-2', got '-1'"

# the text table: sample tests show their input on WA; hidden tests only the values
prog wa2 '#include <stdio.h>
int main(void) { puts("0"); return 0; }'
run "$JUDGE" submit sum wa2.c
contains "WA table: sample input shown" "$OUT" "      | 1 2"
lacks "WA table: hidden input not shown" "$OUT" "1000000000000 2000000000000"
contains "WA table: summary" "$OUT" "sum: WA on test sample-1 (0/3 passed)"
contains "WA table: submission id" "$OUT" "submission "

sub pe
equals "PE: exit 1" "$RC" 1
jcheck "PE" '.verdict == "PE" and .tests[0].verdict == "PE"'

sub tle --fail-fast
equals "TLE: exit 1" "$RC" 1
jcheck "TLE: fail-fast stops at the first test" '.verdict == "TLE" and (.tests | length) == 1 and .total == 3'
contains "TLE: CPU named" "$(tmessage "$J" sample-1)" "CPU time"

sub sleepy --fail-fast
jcheck "TLE by wall clock" '.verdict == "TLE"'
contains "TLE wall: named" "$(tmessage "$J" sample-1)" "wall time"

sub mle --fail-fast
jcheck "MLE" '.verdict == "MLE"'
contains "MLE: the refused allocation and the limit named" "$(tmessage "$J" sample-1)" "was refused: more than the memory limit of 64 MB"

sub ole --fail-fast
jcheck "OLE" '.verdict == "OLE"'
contains "OLE: limit named" "$(tmessage "$J" sample-1)" "more than 256 KB of output"

sub segv --fail-fast
jcheck "RE: SIGSEGV" '.verdict == "RE" and .tests[0].signal == "SIGSEGV" and .tests[0].exit == null'
# The hint tells a stack overflow from a bad access by the peak memory. A
# sanitized judge's own box is charged to the run's cgroup, so its figures
# for tiny programs are coarse (README, "Known limits"): check the hint
# only where the measurement is exact.
if [ -z "$SANITIZE" ]; then
	contains "RE: segv hint" "$(tmessage "$J" sample-1)" "killed by SIGSEGV (invalid memory access)"
else
	contains "RE: segv named" "$(tmessage "$J" sample-1)" "killed by SIGSEGV ("
fi

sub fpe --fail-fast
jcheck "RE: SIGFPE" '.verdict == "RE" and .tests[0].signal == "SIGFPE"'
contains "RE: fpe hint" "$(tmessage "$J" sample-1)" "division by zero"

sub deep --fail-fast
jcheck "RE: deep recursion" '.verdict == "RE" and .tests[0].signal == "SIGSEGV"'
contains "RE: stack hint" "$(tmessage "$J" sample-1)" "killed by SIGSEGV: stack overflow: recursion too deep? (the stack limit is 8.0 MB)"

sub exit3 --fail-fast
jcheck "RE: exit code" '.verdict == "RE" and .tests[0].exit == 3 and .tests[0].signal == null'
equals "RE: exit message" "$(tmessage "$J" sample-1)" "exited with code 3"

sub sv --fail-fast
equals "SV: exit 1" "$RC" 1
jcheck "SV" '.verdict == "SV" and .tests[0].signal == "SIGSYS" and .tests[0].exit == null'
contains "SV: system call named" "$(tmessage "$J" sample-1)" "forbidden system call 'socket'"

sub ce
equals "CE: exit 1" "$RC" 1
jcheck "CE: no tests, diagnostics" '.verdict == "CE" and .compile.ok == false and
	(.tests | length) == 0 and .passed == 0 and .total == 3 and (.compile.message | test("undefined_name"))'
run "$JUDGE" submit sum ce.c
contains "CE: table shows diagnostics" "$OUT" "gcc| "
contains "CE: summary" "$OUT" "sum: CE (compile error)"

# the same source twice compiles once
sub ac
jcheck "cache: second AC compile is cached" '.verdict == "AC" and .compile.cached == true'

# everything was stored: one row per submission, results per test
run "$JUDGE" history --json
check "history: 16 submissions, all done" sh -c \
	"jq -e 'length == 16 and all(.[]; .status == \"done\")' .out"
run "$JUDGE" result "$ACID" --json
jcheck "result: stored AC with its tests" '.verdict == "AC" and .passed == 3 and
	(.tests | length) == 3 and .tests[1].name == "t01-big" and .tests[1].exit == 0'
equals "db: results rows" "$(dbq "select count(*) from results where submission = $ACID")" 3

finish
