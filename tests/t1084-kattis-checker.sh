#!/bin/sh
# t1084: a Kattis output validator as a native problem's checker
# (checker_contract = "kattis"): run as `checker input answer feedback/`
# with the output on stdin, exit 42 AC, 43 WA, anything else IE (the
# problem's fault); feedback/judgemessage.txt is the message (its stderr
# when it wrote none).
. "$(dirname "$0")/lib.sh"
[ -x "$JUDGE" ] || skip "bin/judge is not built"
command -v jq >/dev/null || skip "jq is not installed"

mkdir -p twice/tests
echo "# twice" > twice/statement.md
echo 21 > twice/tests/t1.in; echo 42 > twice/tests/t1.ans
cat > twice/validator-kattis.c <<'C'
#include <stdio.h>
#include <string.h>
/* argv: input answer feedback_dir/ ; the team's output on stdin */
static void say(const char *dir, const char *msg)
{
	char p[512];
	snprintf(p, sizeof p, "%sjudgemessage.txt", dir);
	FILE *f = fopen(p, "w");
	if (f) { fputs(msg, f); fclose(f); }
}
int main(int argc, char **argv)
{
	long want, got, in;
	FILE *a = fopen(argv[2], "r"), *i = fopen(argv[1], "r");
	if (argc < 4 || !a || !i || fscanf(a, "%ld", &want) != 1 || fscanf(i, "%ld", &in) != 1)
		return 1;
	if (scanf("%ld", &got) != 1) { say(argv[3], "no number\n"); return 43; }
	if (got == -1) { fputs("the validator gives up\n", stderr); return 0; }
	if (got != want) { say(argv[3], "not twice the input\n"); return 43; }
	say(argv[3], "twice, right\n");
	return 42;
}
C
cat > problems.toml <<'TOML'
[[problem]]
id = "twice"
title = "Twice"
folder = "twice"
time_limit_ms = 1000
memory_limit_mb = 64
checker = "custom"
checker_source = "validator-kattis.c"
checker_contract = "kattis"
TOML
J="$JUDGE --catalog $SCRATCH/problems.toml"
sol() { printf '#include <stdio.h>\nint main(void) { long x; scanf("%%ld", &x); printf("%%ld\\n", %s); return 0; }\n' "$2" > "$1.c"; }
sol right '2 * x'
sol wrong 'x + 1'
sol giveup '-1L'
verdict() {
	run $J submit twice "$1" --json
	V=$(printf '%s' "$OUT" | jq -r .verdict 2>/dev/null)
	M=$(printf '%s' "$OUT" | jq -r '.tests[0].message' 2>/dev/null)
}
verdict right.c
equals "exit 42: AC" "$V $RC" "AC 0"
equals "AC: judgemessage.txt" "$M" "twice, right"
verdict wrong.c
equals "exit 43: WA" "$V $RC" "WA 1"
equals "WA: judgemessage.txt" "$M" "not twice the input"
verdict giveup.c
equals "exit 0 is not a Kattis verdict: IE" "$V $RC" "IE 3"
equals "IE: says so, with its stderr" "$M" \
	"output validator failed with exit code 0 (42 accepts, 43 rejects): the validator gives up"
run $J show twice
contains "show: the checker's contract" "$OUT" "checker: custom (validator-kattis.c, kattis contract)"
finish
