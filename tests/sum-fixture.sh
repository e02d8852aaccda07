# sum-fixture.sh: sum_fixture: in the current folder, a catalogue with one
# problem "sum" (a + b, 100 ms, tokens checker, one sample) and two
# solutions: ok.c (right) and spin.c (never ends). Sourced after lib.sh.
sum_fixture() {
	mkdir -p problems/sum/tests
	printf '# Sum\n' > problems/sum/statement.md
	printf '1 2\n' > problems/sum/tests/sample-1.in
	printf '3\n' > problems/sum/tests/sample-1.ans
	cat > problems.toml <<'TOML'
[[problem]]
id = "sum"
title = "Sum"
time_limit_ms = 100
memory_limit_mb = 64
checker = "tokens"
TOML
	cat > ok.c <<'C'
#include <stdio.h>
int main(void) { long long a, b; if (scanf("%lld %lld", &a, &b) != 2) return 1; printf("%lld\n", a + b); return 0; }
C
	cat > spin.c <<'C'
int main(void) { volatile unsigned long x = 0; for (;;) x++; }
C
}
