# contest-fixture.sh: a tiny catalogue for the contest tests (tests/t07*),
# sourced after lib.sh. Three one-test problems (echo, twice, inc: print n,
# 2n, n + 1), a catalogue contest "spring" (A echo, B twice, C inc; 2h,
# freeze 30m, penalty 20), and sources: ac_echo.c ac_twice.c ac_inc.c
# (accepted), wa.c (prints 0: wrong answer everywhere), ce.c (does not
# compile). JC runs the judge on this catalogue.

mkdir -p problems/echo/tests problems/twice/tests problems/inc/tests
for p in echo twice inc; do echo "# $p" > problems/$p/statement.md; done
echo 5 > problems/echo/tests/01.in; echo 5 > problems/echo/tests/01.ans
echo 5 > problems/twice/tests/01.in; echo 10 > problems/twice/tests/01.ans
echo 5 > problems/inc/tests/01.in; echo 6 > problems/inc/tests/01.ans
cat > problems.toml <<'TOML'
[[problem]]
id = "echo"
title = "Echo"
time_limit_ms = 1000
memory_limit_mb = 64
checker = "tokens"

[[problem]]
id = "twice"
title = "Twice"
time_limit_ms = 1000
memory_limit_mb = 64
checker = "tokens"

[[problem]]
id = "inc"
title = "Increment"
time_limit_ms = 1000
memory_limit_mb = 64
checker = "tokens"

[[contest]]
id = "spring"
title = "Spring Cup"
problems = ["echo", "twice", "inc"]
duration_minutes = 120
freeze_minutes = 30
TOML

for p in echo:n twice:2*n inc:n+1; do
	cat > "ac_${p%%:*}.c" <<SRC
#include <stdio.h>
int main(void) { long n; if (scanf("%ld", &n) != 1) return 1; printf("%ld\\n", ${p#*:}); return 0; }
SRC
done
printf '#include <stdio.h>\nint main(void) { puts("0"); return 0; }\n' > wa.c
printf 'int main(void) { return syntax error; }\n' > ce.c

JC="$JUDGE --catalog $SCRATCH/problems.toml"

# at MINUTES [SECONDS]: JUDGE_NOW for 2026-12-01T10:00:00Z + the offset.
at() {
	s=$(( $1 * 60 + ${2:-0} ))
	date -u -d "@$(( 1796119200 + s ))" +%Y-%m-%dT%H:%M:%SZ
}
