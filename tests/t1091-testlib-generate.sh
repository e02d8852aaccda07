#!/bin/sh
# t1091: build-time test generation (problems/generate.sh) with a testlib
# generator: gen.list lines are "NAME ARG..." (free arguments, as Polygon
# writes them), the generator runs as `gen ARG...` with the folder's
# testlib.h on its include path, and the reference writes the answers.
# Run on a copy of the script in a scratch tree, never on the project's.
. "$(dirname "$0")/lib.sh"
command -v g++ >/dev/null || skip "g++ is not installed"

F=$ROOT/tests/fixtures/testlib
mkdir -p tree/problems tree/solutions/sum/accepted
cp "$ROOT/problems/generate.sh" tree/problems/
cp -r "$F/sum" tree/problems/sum
cp "$F/testlib.h" tree/problems/sum/
cat > tree/solutions/sum/accepted/1-ref.c <<'C'
#include <stdio.h>
int main(void) { long n, x, s = 0; if (scanf("%ld", &n) != 1) return 1;
for (long i = 0; i < n; i++) if (scanf("%ld", &x) == 1) s += x; printf("%ld\n", s); return 0; }
C
run sh tree/problems/generate.sh sum
equals "generate.sh with a testlib generator: exit 0" "$RC" 0
contains "two tests generated" "$OUT" "generate: sum: 2 tests"
T=tree/problems/sum/tests
equals "t10-gen-small: 3 numbers, from '-n 3 -max 5'" "$(head -n 1 $T/t10-gen-small.in)" 3
equals "t11-gen-big: 100 numbers" "$(head -n 1 $T/t11-gen-big.in)" 100
g++ -O2 -I "$F" -o val "$F/sum/validator.cpp" 2>val.log || fail "the validator compiles" "$(cat val.log)"
for t in t10-gen-small t11-gen-big; do
	expect_exit 0 "$t passes the testlib validator" ./val < "$T/$t.in"
	equals "$t: the answer is the sum" "$(cat $T/$t.ans)" \
		"$(sed -n 2p $T/$t.in | tr ' ' '\n' | awk '{ s += $1 } END { print s }')"
done
cp $T/t11-gen-big.in first.in
run sh tree/problems/generate.sh sum
check "deterministic: the same arguments, the same test" cmp -s first.in $T/t11-gen-big.in
finish
