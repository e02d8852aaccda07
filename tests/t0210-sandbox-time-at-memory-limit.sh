#!/bin/sh
# t0210: a program killed for time while its memory sits at the limit is
# MLE (it was reclaiming or about to be OOM-killed: which came first is the
# machine's luck), and one killed for time well below the limit stays TLE.
# The same as root and as a normal user.
. "$(dirname "$0")/lib.sh"
command -v jq >/dev/null || skip "needs jq"

# hog: touch as many megabytes as its input says, then spin until killed.
cat > hog.c <<'EOF'
#include <stdio.h>
#include <stdlib.h>
int main(void)
{
	size_t mb = 0;
	volatile char *p;

	if (scanf("%zu", &mb) != 1)
		return 2;
	p = malloc(mb << 20);
	for (size_t i = 0; p && i < mb << 20; i += 4096)
		p[i] = 1;
	for (volatile unsigned long x = 0;; x++)
		;
}
EOF
field() { printf '%s' "$OUT" | jq -r ".$1"; }

# 63 of 64 MB: within 1/32 of the limit (the judge's rule). The time limit
# leaves the page faults all the time they need on a slow machine.
echo 63 > at.txt
echo 16 > under.txt
run "$JUDGE" run --json --time-limit 3000 --memory-limit 64 --stdin at.txt hog.c
equals "spinning at the memory limit: MLE" "$(field verdict)" MLE
contains "says the memory is the cause" "$(field message)" "memory limit exceeded"
run "$JUDGE" run --json --time-limit 3000 --memory-limit 64 --stdin under.txt hog.c
equals "spinning well under the limit: TLE" "$(field verdict)" TLE
finish
