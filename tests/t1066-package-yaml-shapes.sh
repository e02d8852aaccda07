#!/bin/sh
# problem.yaml and test-data YAML in the shapes real packages use (found
# in problemtools' and the format's own examples): legacy-icpc and legacy
# "libraries"; 2023-07's limits.time_multiplier as a map (a draft name of
# time_multipliers) with time_resolution; validation as a map; test group
# scores as 2025-09 max_score and legacy range; input_validator_args as a
# map keyed by validator name; and a test case's own NAME.yaml.
. "$(dirname "$0")/lib.sh"
cp -r "$ROOT/tests/packages" pk
cat > problems.toml <<'TOML'
[[problem]]
id = "hello"
package = "pk/hello"
TOML
show_hello() {
	cat > pk/hello/problem.yaml
	run "$JUDGE" show hello
}

show_hello <<'YAML'
problem_format_version: legacy-icpc
name: Hello
validation: custom
libraries: gmp
YAML
equals "legacy-icpc with libraries: imports" "$RC" 0
contains "legacy-icpc is legacy" "$OUT" "(format legacy-icpc)"
contains "legacy-icpc: the legacy multiplier" "$OUT" "x time_multiplier 5"
contains "legacy: the TLE margin is time_safety_margin" "$OUT" \
	"time_limit_exceeded submissions must run over 1 s x time_safety_margin 2)"

show_hello <<'YAML'
problem_format_version: 2023-07
name: {en: Hello}
author: Maxine
validation: custom
limits:
  time_multiplier:
    ac_to_time_limit: 3.0
    time_limit_to_tle: 1.4
  time_resolution: .5
keywords: [greedy]
constants: {max_n: 1000}
YAML
equals "2023-07 time_multiplier map: imports" "$RC" 0
contains "the map's ac_to_time_limit is used" "$OUT" "x ac_to_time_limit 3 ="
contains "rounded up to time_resolution" "$OUT" "rounded up to"
contains "the map's time_limit_to_tle is the TLE margin" "$OUT" "x time_limit_to_tle 1.4)"
ms=$(printf '%s\n' "$OUT" | sed -n 's/^time limit: \([0-9]*\) ms.*/\1/p')
equals "a multiple of 500 ms" "$((ms % 500))" 0

show_hello <<'YAML'
problem_format_version: 2023-07-draft
name: Hello
validation:
  scoring: false
  interactive: false
YAML
equals "validation as a map: imports" "$RC" 0
contains "validation map: a custom validator" "$OUT" "checker: custom"

show_hello <<'YAML'
problem_format_version: 2023-07-draft
name: Hello
validation: {interactive: maybe}
YAML
equals "validation map: a bad boolean is exit 2" "$RC" 2
contains "validation map: one line naming it" "$ERR" \
	"pk/hello/problem.yaml:3:27: validation.interactive must be true or false, not 'maybe'"

show_hello <<'YAML'
problem_format_version: 2025-09
name: Hello
uuid: x
type: [multi-pass, interactive]
YAML
equals "multi-pass: refused, exit 2" "$RC" 2
contains "multi-pass: one line" "$ERR" "pk/hello/problem.yaml:4:8: type 'multi-pass' is not supported here"
printf 'name: Hello\nvalidation: custom\n' > pk/hello/problem.yaml

# scores: 2025-09 max_score, legacy range
cat >> problems.toml <<'TOML'

[[problem]]
id = "parity"
package = "pk/parity"
TOML
sed -i 's/^score: 40/max_score: 40/' pk/parity/data/secret/group1/test_group.yaml
run "$JUDGE" submit parity pk/parity/submissions/accepted/lower.c
contains "max_score is the group's score" "$OUT" "secret/group1        2/2 passed  score 40 of 40"
printf 'range: 0 25\naccept_score: 1\non_reject: break\ngrader_flags: min\n' \
	> pk/parity/data/secret/group1/test_group.yaml
run "$JUDGE" submit parity pk/parity/submissions/accepted/lower.c
contains "legacy range: its maximum is the group's score" "$OUT" \
	"secret/group1        2/2 passed  score 25 of 25"

# input_validator_args by validator name, and a case's own NAME.yaml
mkdir -p pk/lim/data/secret pk/lim/input_validators/lim pk/lim/submissions/accepted
printf 'name: Lim\nproblem_format_version: 2025-09\nuuid: x\nlimits:\n  time_limit: 1\n' \
	> pk/lim/problem.yaml
echo 50 > pk/lim/data/secret/1.in; echo 50 > pk/lim/data/secret/1.ans
cat > pk/lim/input_validators/lim/lim.c <<'C'
/* valid when n <= argv[1] (LIM_DEFAULT without arguments) */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include "lim.h"
int main(int argc, char **argv)
{
	long n, max = argc > 1 ? atol(argv[1]) : LIM_DEFAULT;
	if (scanf("%ld", &n) != 1) return 43;
	assert(n <= max);
	return 42;
}
C
printf '#define LIM_DEFAULT 100\n' > pk/lim/input_validators/lim/lim.h
printf '#include <stdio.h>\nint main(void) { long n; scanf("%%ld", &n); printf("%%ld\\n", n); return 0; }\n' \
	> pk/lim/submissions/accepted/echo.c
cat >> problems.toml <<'TOML'

[[problem]]
id = "lim"
package = "pk/lim"
TOML
printf 'input_validator_args:\n  lim: ["10"]\n  other: ["1000"]\n' > pk/lim/data/secret/test_group.yaml
run "$JUDGE" show lim
equals "args for validator 'lim' from the map: rejected, exit 2" "$RC" 2
contains "args by name: the case named" "$ERR" "pk/lim/data/secret/1.in: rejected by the input validator"
contains "a validator that aborts: how, and its own line after an inlined header" "$ERR" \
	"(it did not exit by itself: killed by SIGABRT: prog: lim.c:10: main: Assertion"
printf 'input_validator_args:\n  other: ["10"]\n' > pk/lim/data/secret/test_group.yaml
run "$JUDGE" show lim
equals "a validator not in the map runs without arguments" "$RC" 0
printf 'input_validator_args: ["10"]\ndescription: a small case\nhint: think\n' > pk/lim/data/secret/1.yaml
run "$JUDGE" show lim
equals "the case's own 1.yaml gives its arguments: rejected" "$RC" 2
contains "1.yaml: the case named" "$ERR" "pk/lim/data/secret/1.in: rejected"
finish
