#!/bin/sh
# Counts read as English: 'judge stress' says "after 1 run", not "1 runs".
. "$(dirname "$0")/lib.sh"
need_root
export JUDGE_CACHE="$SCRATCH/cache"
printf '#include <stdio.h>\nint main(void) { long long a, b; if (scanf("%%lld %%lld", &a, &b) != 2) return 1; printf("%%lld\\n", a + b + 1); return 0; }\n' > plus1.c
run "$JUDGE" --catalog "$ROOT/problems.toml" stress a-plus-b plus1.c --seed 1
equals "a counterexample: exit 1" "$RC" 1
contains "after 1 run" "$OUT" "a-plus-b: WA after 1 run, on 'gen 1 1'"
lacks "never '1 runs'" "$OUT" " 1 runs"
finish
