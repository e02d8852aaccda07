#!/bin/sh
# t0131: a problem's own programs (custom checker, gen.c, validator.c) are
# compiled when the problem is new or its folder changed: one that does not
# compile is the catalogue's error at the sync or import, with FILE:LINE:COL
# and exit 2, and nothing is stored; fixed, the next command syncs.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/catalog-fixture.sh"
need_root
pristine_catalog

printf 'int main(void) { return 0 }\n' > problems/beta/checker.c
expect_exit 2 "a checker that does not compile: list refuses the catalogue" "$JUDGE" list
equals "one line with file, line and column" "$ERR" \
	"judge: error: problems/beta/checker.c:1:26: error: expected ';' before '}' token (the checker of problem 'beta' does not compile)"
equals "nothing was stored" "$(sq 'SELECT count(*) FROM problems' 2>/dev/null || echo 0)" 0
expect_exit 2 "import says the same" "$JUDGE" import
contains "import: the checker named" "$ERR" "problems/beta/checker.c:1:26: error:"
printf 'int main(void) { return 0; }\n' > problems/beta/checker.c
expect_exit 0 "fixed: list works" "$JUDGE" list
contains "both problems listed" "$OUT" "beta"

# a generator and a validator of a folder that changed
printf '#include <stdio.h>\nint main(void) {\n\tputs("1 2")\n\treturn 0;\n}\n' > problems/alpha/gen.c
expect_exit 2 "a generator that does not compile" "$JUDGE" list
equals "gen.c named, line 3" "$ERR" \
	"judge: error: problems/alpha/gen.c:3:20: error: expected ';' before 'return' (the generator of problem 'alpha' does not compile)"
printf 'int main(void) { return 0; }\n' > problems/alpha/gen.c
printf 'int main(void) { return undefined_thing; }\n' > problems/alpha/validator.c
expect_exit 2 "a validator that does not compile" "$JUDGE" list
contains "validator.c named" "$ERR" "problems/alpha/validator.c:1:25: error: 'undefined_thing' undeclared"
contains "as the validator" "$ERR" "(the validator of problem 'alpha' does not compile)"
SUM=$(dbsum)
expect_exit 2 "the database is left as it was" "$JUDGE" list
equals "unchanged" "$(dbsum)" "$SUM"
printf 'int main(void) { return 0; }\n' > problems/alpha/validator.c
expect_exit 0 "fixed again" "$JUDGE" list
# a link error (no main) has no line: the first error is named
printf 'int helper(void) { return 0; }\n' > problems/alpha/validator.c
expect_exit 2 "a validator without main" "$JUDGE" list
contains "the linker's error" "$ERR" "problems/alpha/validator.c:"
contains "the linker's words" "$ERR" "undefined reference to"
# a validator that compiles runs on every test input of a new or changed
# problem: an input it rejects is the catalogue's error, naming the test
# and what the validator said; nothing is stored
cat > problems/alpha/validator.c <<'C'
#include <stdio.h>
int main(void) {
	long a, b;
	if (scanf("%ld %ld", &a, &b) != 2 || a < 0 || b < 0 || a > 150 || b > 150) {
		fprintf(stderr, "a and b must be from 0 to 150\n");
		return 1;
	}
	return 0;
}
C
SUM=$(dbsum)
expect_exit 2 "a test the validator rejects" "$JUDGE" list
equals "the test, the validator and its message" "$ERR" \
	"judge: error: problems/alpha/tests/02-big.in: rejected by problems/alpha/validator.c, the validator of problem 'alpha' (exit 1: a and b must be from 0 to 150)"
equals "rejected: the database is left as it was" "$(dbsum)" "$SUM"
printf '100 50\n' > problems/alpha/tests/02-big.in
printf '150\n' > problems/alpha/tests/02-big.ans
expect_exit 0 "the test fixed: the sync goes through" "$JUDGE" list
# a testlib-style validator (exit 0 valid, else the message) is read the
# same way; a Kattis-contract one by exit 42
printf '#include <stdio.h>\nint main(void) { long a, b; return scanf("%%ld %%ld", &a, &b) == 2 && a < 10 ? 42 : 43; }\n' \
	> problems/alpha/validator.c
edit 'complexity = "O(1)"' 'complexity = "O(1)"
validator_contract = "kattis"'
expect_exit 2 "Kattis contract: exit 43 is rejected" "$JUDGE" list
contains "Kattis contract: exit 43 named" "$ERR" "problems/alpha/tests/02-big.in: rejected by problems/alpha/validator.c, the validator of problem 'alpha' (exit 43)"
printf '#include <stdio.h>\nint main(void) { long a, b; return scanf("%%ld %%ld", &a, &b) == 2 ? 42 : 43; }\n' \
	> problems/alpha/validator.c
expect_exit 0 "Kattis contract: exit 42 is valid" "$JUDGE" list
finish
