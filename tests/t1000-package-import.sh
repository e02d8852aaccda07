#!/bin/sh
# Kattis problem packages as catalogue entries (package = "DIR"): a legacy
# package (default output validator with float_tolerance, .timelimit, a
# problem_statement in LaTeX) and a 2025-09 one (name map, time_limit,
# scoring groups with test_group.yaml arguments, a C++ output validator
# including a header of its own); keys beside package override it.
. "$(dirname "$0")/lib.sh"
cp -r "$ROOT/tests/packages" pk
cat > problems.toml <<'TOML'
[[problem]]
id = "float-sum"
package = "pk/float-sum"

[[problem]]
id = "parity"
package = "pk/parity"
memory_limit_mb = 100
tags = ["parity"]
TOML
run "$JUDGE" list
equals "list: exit 0" "$RC" 0
check "list: the legacy package with the Kattis default validator" sh -c "printf '%s\n' \"\$1\" | grep -Eq '^float-sum +Float Sum +1000 ms +64 MB +kattis '" _ "$OUT"
check "list: the 2025-09 package, memory overridden" sh -c "printf '%s\n' \"\$1\" | grep -Eq '^parity +Parity +1500 ms +100 MB +custom \(kattis\) +parity +4 '" _ "$OUT"
run "$JUDGE" show float-sum
contains "show: the format" "$OUT" "package: pk/float-sum (format legacy)"
contains "show: how the limit was derived" "$OUT" "time limit: 1000 ms (.timelimit file: 1 s)"
contains "show: the flags" "$OUT" "checker: kattis (arguments: float_tolerance 1e-6)"
contains "show: the LaTeX statement" "$OUT" "Print the sum of two reals"
contains "show: the sample" "$OUT" "sample/1: input"
run "$JUDGE" show parity
contains "show: 2025-09 time_limit" "$OUT" "time limit: 1500 ms (limits.time_limit 1.5 s in problem.yaml)"
contains "show: the English name of the map" "$OUT" "parity: Parity"
contains "show: scoring" "$OUT" "type: scoring"
contains "show: validator arguments" "$OUT" "arguments: --mode parity"
run "$JUDGE" show parity --json
equals "show --json: the package object" "$(printf '%s' "$OUT" | jq -c '.package | [.format, .checker_contract, .checker_args, .scoring]')" '["2025-09","kattis","--mode parity",true]'

run "$JUDGE" submit float-sum pk/float-sum/submissions/accepted/sum.c --json
equals "float: %.9f within the tolerance" "$(printf '%s' "$OUT" | jq -r '[.verdict, .total] | @tsv')" "AC	3"
equals "float: tests in order, sample first" "$(printf '%s' "$OUT" | jq -r '[.tests[].name] | join(",")')" "sample/1,secret/01,secret/02"
run "$JUDGE" submit float-sum pk/float-sum/submissions/accepted/sum.cpp --json
equals "float: the C++ one too" "$(printf '%s' "$OUT" | jq -r .verdict)" AC
run "$JUDGE" submit float-sum pk/float-sum/submissions/wrong_answer/rounds.c --json
equals "float: rounded is WA" "$(printf '%s' "$OUT" | jq -r .verdict)" WA

run "$JUDGE" submit parity pk/parity/submissions/accepted/lower.c --json
equals "validator: AC (exit 42)" "$(printf '%s' "$OUT" | jq -r .verdict)" AC
equals "validator: groups are test names" "$(printf '%s' "$OUT" | jq -r '[.tests[].name] | join(",")')" "sample/1,secret/group1/a,secret/group1/b,secret/group2/c"
run "$JUDGE" submit parity pk/parity/submissions/rejected/upper.c --json --all
equals "validator: upper case passes group1 (no --strict)" "$(printf '%s' "$OUT" | jq -r '[.tests[] | .verdict] | join(",")')" "AC,AC,AC,WA"
equals "validator: group2's test_group.yaml adds --strict; stdout is the message" "$(printf '%s' "$OUT" | jq -r '.tests[3].message')" "case 1: expected even, got EVEN"
run "$JUDGE" submit parity pk/parity/submissions/wrong_answer/always-odd.c --json
equals "validator: WA (exit 43)" "$(printf '%s' "$OUT" | jq -r .verdict)" WA
equals "scoring: every group runs after a failure" "$(printf '%s' "$OUT" | jq -r '[.tests[] | .verdict] | join(",")')" "WA,AC,WA,WA"
equals "scoring: per-group results and scores, not summed" "$(printf '%s' "$OUT" | jq -c '[.groups[] | [.group, .passed, .total, .score, .max_score]]')" '[["sample",0,1,0,0],["secret/group1",1,2,0,40],["secret/group2",0,1,0,60]]'
run "$JUDGE" submit parity pk/parity/submissions/rejected/upper.c
contains "scoring: the group table" "$OUT" "  secret/group1        2/2 passed  score 40 of 40"
contains "scoring: a failed group scores 0" "$OUT" "  secret/group2        0/1 passed  score 0 of 60"
sub=$(dbq "SELECT max(id) FROM submissions")
run "$JUDGE" result "$sub"
contains "result: the groups again" "$OUT" "  secret/group1        2/2 passed  score 40 of 40"
run "$JUDGE" result "$sub" --json
equals "result --json: groups" "$(printf '%s' "$OUT" | jq -c '[.groups[] | .score]')" "[0,40,0]"

# a validator that exits 0 is the problem's fault: IE
sed -i 's/return 42;/return 0;/' pk/parity/output_validator/validator.cpp
run "$JUDGE" submit parity pk/parity/submissions/accepted/lower.c --json
equals "validator exit 0: IE" "$(printf '%s' "$OUT" | jq -r .verdict)" IE
contains "validator exit 0: why" "$(printf '%s' "$OUT" | jq -r '.tests[0].message')" "output validator failed with exit code 0 (42 accepts, 43 rejects)"

# a key beside package overrides it: the judge's own checker
cat >> problems.toml <<'TOML'

[[problem]]
id = "float-tokens"
package = "pk/float-sum"
title = "Float Sum, exact tokens"
time_limit_ms = 2000
checker = "tokens"
TOML
run "$JUDGE" show float-tokens
contains "override: title" "$OUT" "float-tokens: Float Sum, exact tokens"
contains "override: the limit and where it came from" "$OUT" "time limit: 2000 ms (time_limit_ms in the catalogue)"
contains "override: the checker" "$OUT" "checker: tokens"
run "$JUDGE" submit float-tokens pk/float-sum/submissions/accepted/sum.c --json
equals "override: tokens rejects 0.300000000 for 0.3" "$(printf '%s' "$OUT" | jq -r .verdict)" WA
finish
