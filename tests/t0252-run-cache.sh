#!/bin/sh
# t0252-run-cache: the compile cache behind `judge run`: a second run is
# cached, compile errors are cached, entries are the judge's user's (root's
# as root) and never followed through links, concurrent compiles of one
# source both succeed, and the least recently used entries go when the cache
# is over its cap; without JUDGE_CACHE it is $XDG_CACHE_HOME/judge, else
# ~/.cache/judge.
. "$(dirname "$0")/lib.sh"
ME=$(id -un)
command -v jq >/dev/null || skip "needs jq"
export JUDGE_CACHE="$SCRATCH/cache"

src() { # src NAME N: a small program printing N
	printf '#include <stdio.h>\nint main(void) { printf("%%d\\n", %s); return 0; }\n' "$2" > "$1"
}
compiled() { printf '%s' "$OUT" | jq -c '[.verdict, .stdout, .compile.cached]'; }

src a.c 1
expect_exit 0 "first run" "$JUDGE" run --json a.c
equals "first run compiles" "$(compiled)" '["OK","1\n",false]'
expect_exit 0 "second run" "$JUDGE" run --json a.c
equals "second run is cached" "$(compiled)" '["OK","1\n",true]'
equals "cached compile takes no time" "$(printf '%s' "$OUT" | jq .compile.time_ms)" 0
expect_exit 0 "human second run" "$JUDGE" run a.c
contains "human output says cached" "$ERR" "compile: ok (cached)"
cp a.c renamed.c
expect_exit 0 "same source, other name" "$JUDGE" run --json renamed.c
equals "keyed by content, not name" "$(compiled)" '["OK","1\n",true]'

# The cache folder and its entries.
check "cache folder created" test -d cache
equals "cache folder mode" "$(stat -c '%U %a' cache)" "$ME 711"
key=$(ls cache | grep -E '^[0-9a-f]{64}$' | head -n 1)
check "entry named by a sha256" test -n "$key"
equals "binary owned by the judge's user, not writable by others" "$(stat -c '%U %a' "cache/$key")" "$ME 755"
equals "no temporary files left" "$(ls -a cache | grep -c '^\.tmp')" 0

# Compile errors are cached too.
printf 'int main(void) { return nope; }\n' > ce.c
expect_exit 1 "CE" "$JUDGE" run --json ce.c
equals "CE compiled" "$(printf '%s' "$OUT" | jq -c '[.verdict, .compile.cached]')" '["CE",false]'
msg1=$(printf '%s' "$OUT" | jq -r .compile.message)
expect_exit 1 "CE again" "$JUDGE" run --json ce.c
equals "CE cached" "$(printf '%s' "$OUT" | jq -c '[.verdict, .compile.cached]')" '["CE",true]'
equals "cached CE keeps its message" "$(printf '%s' "$OUT" | jq -r .compile.message)" "$msg1"
check "CE entry exists" test -n "$(ls cache | grep -E '^[0-9a-f]{64}\.ce$')"

# A link planted in place of an entry is not followed: the source is
# compiled again and the link replaced.
rm -f "cache/$key"
ln -s /bin/true "cache/$key"
expect_exit 0 "planted link" "$JUDGE" run --json a.c
equals "planted link: recompiled, right output" "$(compiled)" '["OK","1\n",false]'
check "planted link replaced by a file" test ! -L "cache/$key"
# An entry others may write is not trusted either.
chmod 777 "cache/$key"
expect_exit 0 "writable entry" "$JUDGE" run --json a.c
equals "writable entry: recompiled" "$(compiled)" '["OK","1\n",false]'

# A cache folder others may write is refused (internal error, exit 3).
chmod 777 cache
expect_exit 3 "world-writable cache refused" "$JUDGE" run --json a.c
contains "refusal names the folder" "$ERR" "writable by nobody else"
equals "refusal is an IE result" "$(printf '%s' "$OUT" | jq -r .verdict)" IE
chmod 711 cache

# Two processes compiling the same new source both succeed.
src race.c 77
"$JUDGE" run --json race.c > r1.json 2>r1.err &
p1=$!
"$JUDGE" run --json race.c > r2.json 2>r2.err &
p2=$!
wait $p1; rc1=$?
wait $p2; rc2=$?
equals "concurrent compiles: both exit 0" "$rc1 $rc2" "0 0"
equals "concurrent compiles: both right" "$(jq -j .stdout r1.json r2.json | tr '\n' ' ')" "77 77 "
equals "no temporary files after the race" "$(ls -a cache | grep -c '^\.tmp')" 0

# Eviction: over JUDGE_CACHE_MAX_MB, the least recently used entries go
# (entries used in the last minutes are spared: age a's by hand).
for f in cache/*; do touch -d '2 hours ago' "$f"; done
akey=$key
src b.c 2
src c.c 3
JUDGE_CACHE_MAX_MB=1 run "$JUDGE" run --json b.c
equals "b compiled under the cap" "$(compiled)" '["OK","2\n",false]'
check "the oldest entry was evicted" test ! -e "cache/$akey"
JUDGE_CACHE_MAX_MB=1 run "$JUDGE" run --json c.c
check "the young entries stay" test "$(ls cache | grep -cE '^[0-9a-f]{64}$')" -ge 2
expect_exit 0 "evicted source runs again" "$JUDGE" run --json a.c
equals "evicted source is compiled again" "$(compiled)" '["OK","1\n",false]'
expect_exit 3 "bad JUDGE_CACHE_MAX_MB" env JUDGE_CACHE_MAX_MB=lots "$JUDGE" run a.c
contains "bad cap named" "$ERR" "JUDGE_CACHE_MAX_MB"

# Without JUDGE_CACHE the cache is per user: $XDG_CACHE_HOME/judge, else
# ~/.cache/judge (a relative XDG_CACHE_HOME is ignored, as the XDG rules say)
mkdir xdg home
expect_exit 0 "default cache: XDG_CACHE_HOME" env -u JUDGE_CACHE XDG_CACHE_HOME="$SCRATCH/xdg" \
	HOME="$SCRATCH/home" "$JUDGE" run --json a.c
check "the program was compiled into \$XDG_CACHE_HOME/judge" \
	test "$(ls xdg/judge | grep -cE '^[0-9a-f]{64}$')" -eq 1
check "nothing under HOME" test -z "$(ls -A home)"
expect_exit 0 "default cache: HOME" env -u JUDGE_CACHE XDG_CACHE_HOME=relative \
	HOME="$SCRATCH/home" "$JUDGE" run --json a.c
equals "compiled again: another cache" "$(compiled)" '["OK","1\n",false]'
check "into ~/.cache/judge" test "$(ls home/.cache/judge | grep -cE '^[0-9a-f]{64}$')" -eq 1
equals "~/.cache/judge mode" "$(stat -c '%U %a' home/.cache/judge)" "root 711"
check "no relative folder made" test ! -e relative
finish
