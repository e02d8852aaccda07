#!/bin/sh
# judge run gives the program the judge's standard input when it is not a
# terminal (a pipe, a file, /dev/null) and with --stdin -; --stdin FILE
# still wins over a pipe.
. "$(dirname "$0")/lib.sh"
need_root
export JUDGE_CACHE="$SCRATCH/cache"
cat > maxgap.c <<'SRC'
#include <stdio.h>
int main(void) {
	int n, i, x, best = -1;
	if (scanf("%d", &n) != 1) { puts("no input"); return 0; }
	for (i = 0; i < n && scanf("%d", &x) == 1; i++)
		if (x > best) best = x;
	printf("%d\n", best);
	return 0;
}
SRC
printf '2\n7 8\n' > file.in

out=$(printf '4\n3 6 9 1\n' | "$JUDGE" run maxgap.c 2>err); rc=$?
equals "a pipe is the program's input" "$out" 9
equals "exit 0" "$rc" 0
contains "and it ran OK" "$(cat err)" "OK "
out=$(printf '1\n5\n' | "$JUDGE" run maxgap.c --stdin - 2>/dev/null)
equals "--stdin - reads the pipe" "$out" 5
out=$("$JUDGE" run maxgap.c --stdin - 2>/dev/null < file.in)
equals "--stdin - reads a redirected file" "$out" 8
out=$("$JUDGE" run maxgap.c 2>/dev/null < file.in)
equals "a redirected file without --stdin" "$out" 8
out=$(printf '1\n5\n' | "$JUDGE" run maxgap.c --stdin file.in 2>/dev/null)
equals "--stdin FILE wins over the pipe" "$out" 8
out=$("$JUDGE" run maxgap.c 2>/dev/null < /dev/null)
equals "/dev/null: empty input" "$out" "no input"
out=$(printf '3\n1 2 3\n' | "$JUDGE" run maxgap.c --json 2>/dev/null | jq -r .stdout)
equals "--json with a pipe" "$out" 3
run "$JUDGE" run maxgap.c --stdin missing.in
equals "--stdin of a missing file: exit 2" "$RC" 2

finish
