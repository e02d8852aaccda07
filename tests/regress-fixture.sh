# regress-fixture.sh: a tiny catalogue and stored solutions for the regress
# tests (tests/t06*), sourced after lib.sh. One problem, "sum" (a + b, tokens
# checker, 300 ms), three tests, and four solutions, one per verdict folder:
# accepted/ok.c, wrong_answer/int32.c, time_limit_exceeded/spin.c,
# runtime_error/crash.c. Its own compile cache, so compile counts are exact.

export JUDGE_CACHE="$SCRATCH/cache"
mkdir -p problems/sum/tests
printf '# Sum\n\nPrint a + b.\n' > problems/sum/statement.md
printf '1 2\n' > problems/sum/tests/sample-1.in
printf '3\n' > problems/sum/tests/sample-1.ans
printf '2000000000 2000000000\n' > problems/sum/tests/t01-big.in
printf '4000000000\n' > problems/sum/tests/t01-big.ans
printf '5 -7\n' > problems/sum/tests/t02-negative.in
printf -- '-2\n' > problems/sum/tests/t02-negative.ans
cat > problems.toml <<'TOML'
[[problem]]
id = "sum"
title = "Sum"
time_limit_ms = 300
memory_limit_mb = 64
checker = "tokens"
TOML

# solution FOLDER NAME: write solutions/sum/FOLDER/NAME.c from stdin.
solution() {
	mkdir -p "solutions/sum/$1"
	cat > "solutions/sum/$1/$2.c"
}

solution accepted ok <<'C'
#include <stdio.h>
int main(void) { long long a, b; if (scanf("%lld %lld", &a, &b) != 2) return 1; printf("%lld\n", a + b); return 0; }
C
solution wrong_answer int32 <<'C'
#include <stdio.h>
int main(void) { int a, b; if (scanf("%d %d", &a, &b) != 2) return 1; printf("%d\n", a + b); return 0; }
C
solution time_limit_exceeded spin <<'C'
int main(void) { volatile unsigned long x = 0; for (;;) x++; }
C
solution runtime_error crash <<'C'
#include <stdlib.h>
int main(void) { abort(); }
C

# burn_source MS: a program that burns MS ms of its own CPU time on every
# test, then prints a + b (CPU time, not wall time: load does not change it).
burn_source() {
	cat <<C
#include <stdio.h>
#include <time.h>
int main(void) {
	long long a, b; struct timespec t;
	do clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t); while (t.tv_sec * 1000 + t.tv_nsec / 1000000 < $1);
	if (scanf("%lld %lld", &a, &b) != 2) return 1;
	printf("%lld\n", a + b);
	return 0;
}
C
}

# regress_prereqs: skip unless the judge and its sandbox can run.
regress_prereqs() {
	[ -x "$JUDGE" ] || skip "bin/judge is not built"
	command -v jq >/dev/null || skip "jq is not installed"
}

# sq SQL: a query on the test's database.
sq() { dbq "$1"; }
