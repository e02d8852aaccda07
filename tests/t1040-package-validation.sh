#!/bin/sh
# At import, a package's input validator (C or C++, `v [args] < case.in`,
# exit 42 = valid; its own header inlined) runs on every input: one it
# rejects is an error, and so is a data/invalid_input case it accepts.
# Validators in other languages are skipped with a note. A package without
# a time limit gets one computed as problemtools does from its slowest
# accepted C/C++ submission (legacy: time_multiplier, whole seconds;
# 2025-09: ac_to_time_limit, time_resolution), shown by 'judge show'.
. "$(dirname "$0")/lib.sh"
cp -r "$ROOT/tests/packages" pk
rm pk/float-sum/.timelimit
sed -i '/time_limit:/d' pk/parity/problem.yaml
cat > problems.toml <<'TOML'
[[problem]]
id = "float-sum"
package = "pk/float-sum"

[[problem]]
id = "parity"
package = "pk/parity"
TOML
run "$JUDGE" import
equals "import: exit 0" "$RC" 0
run "$JUDGE" show float-sum
check "legacy: the limit computed" sh -c "printf '%s\n' \"\$1\" | grep -Eq '^time limit: 1000 ms \(computed as problemtools does: slowest accepted submission accepted/sum\.cp?p? [0-9.]+ s x time_multiplier 3 = [0-9.]+ s, rounded to 1 s; time_limit_exceeded submissions must run over 1 s x time_safety_margin 2\)$'" _ "$OUT"
run "$JUDGE" show parity
check "2025-09: the limit computed" sh -c "printf '%s\n' \"\$1\" | grep -Eq '^time limit: 1000 ms \(computed as problemtools does: slowest accepted submission accepted/lower\.c [0-9.]+ s x ac_to_time_limit 2 = [0-9.]+ s, rounded up to 1 s; time_limit_exceeded submissions must run over 1 s x time_limit_to_tle 1.5\)$'" _ "$OUT"
sed -i 's/^  memory: 128/  memory: 128\n  time_resolution: 0.25/' pk/parity/problem.yaml
run "$JUDGE" show parity
check "2025-09: time_resolution" sh -c "printf '%s\n' \"\$1\" | grep -Eq '^time limit: 250 ms \(computed .* rounded up to 0.25 s; time_limit_exceeded submissions must run over 0.25 s x time_limit_to_tle 1.5\)$'" _ "$OUT"
run "$JUDGE" submit parity pk/parity/submissions/accepted/lower.c
equals "computed limit: the accepted one passes" "$RC" 0

# an input the validator rejects
printf '1 2 3\n' > pk/float-sum/data/secret/03.in; echo 6 > pk/float-sum/data/secret/03.ans
before=$(sqlite3 "$JUDGE_DB" "SELECT content_hash FROM problems ORDER BY id")
run "$JUDGE" list
equals "rejected input: exit 2" "$RC" 2
equals "rejected input: why" "$ERR" "judge: error: pk/float-sum/data/secret/03.in: rejected by the input validator input_validators/check/check.c (exit 43)"
equals "rejected input: nothing stored" "$(sqlite3 "$JUDGE_DB" "SELECT content_hash FROM problems ORDER BY id")" "$before"
rm pk/float-sum/data/secret/03.*
# testdata.yaml input_validator_args reach the validator
printf '%s\n' '#include <stdio.h>' '#include <string.h>' \
	'int main(int argc, char **argv) { int n; if (scanf("%d", &n) != 1) return 43;' \
	'if (argc > 2 && !strcmp(argv[1], "--max")) { int m; sscanf(argv[2], "%d", &m); if (n > m) return 43; } return 42; }' \
	> pk/parity/input_validator/validate.cpp
mv pk/parity/input_validator/validate.cpp pk/parity/input_validator/validate.c
printf 'input_validator_args: [--max, "1"]\n' > pk/parity/data/secret/group2/test_group.yaml
run "$JUDGE" list
equals "input_validator_args: exit 2" "$RC" 2
equals "input_validator_args: the group's argument rejects n = 3" "$ERR" "judge: error: pk/parity/data/secret/group2/c.in: rejected by the input validator input_validator/validate.c (exit 43)"
printf 'input_validator_args: [--max, "3"]\n' > pk/parity/data/secret/group2/test_group.yaml
expect_exit 0 "input_validator_args: --max 3 passes" "$JUDGE" list
# inherited: data/secret's setting reaches group1 (whose file sets only its score)
printf 'input_validator_args: [--max, "1"]\n' > pk/parity/data/secret/test_group.yaml
run "$JUDGE" list
equals "inherited from the parent group: b has n = 2" "$ERR" "judge: error: pk/parity/data/secret/group1/b.in: rejected by the input validator input_validator/validate.c (exit 43)"
rm pk/parity/data/secret/test_group.yaml
expect_exit 0 "without the parent's setting: valid again" "$JUDGE" list

# an invalid input the validator accepts
cp pk/float-sum/data/sample/1.in pk/float-sum/data/invalid_input/fine.in
run "$JUDGE" list
equals "accepted invalid input: exit 2" "$RC" 2
equals "accepted invalid input: why" "$ERR" "judge: error: pk/float-sum/data/invalid_input/fine.in: an invalid input, but the input validator input_validators/check/check.c accepts it (exit 42)"
rm pk/float-sum/data/invalid_input/fine.in

# a validator in another language: skipped with a note
rm -r pk/float-sum/input_validators
mkdir -p pk/float-sum/input_validators && printf 'import sys\nsys.exit(42)\n' > pk/float-sum/input_validators/v.py
run "$JUDGE" import
equals "python validator: exit 0" "$RC" 0
contains "python validator: the note" "$OUT" "package 'float-sum': input validator input_validators/v.py skipped (only C and C++ validators run)"

# no time limit and no accepted C/C++ submission
rm pk/float-sum/submissions/accepted/*.c pk/float-sum/submissions/accepted/*.cpp
run "$JUDGE" list
equals "no limit, nothing to compute it from: exit 2" "$RC" 2
equals "no limit, nothing to compute it from: why" "$ERR" "judge: error: problems.toml:3:11: package 'pk/float-sum' gives no time limit and has no accepted C or C++ submission to compute one from; add a .timelimit file"
finish
