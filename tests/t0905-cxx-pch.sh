#!/bin/sh
# The precompiled header of <bits/stdc++.h>: built once by the first C++
# compiles that include it (two judges at once: one builds, the other
# compiles without it, both succeed), then taken by other sources (a define
# before the include too); sources without it compile exactly as before
# (the same cache key); a CE reads the same with and without it; a damaged
# PCH is never given to gcc and is removed; a cache where it cannot be
# built says so once and compiles anyway; a failed build is not retried at
# every compile; a judge under umask 077 compiles. One build (about 10 s of
# CPU): the slow C++ test.
# run-all: long (started first)
. "$(dirname "$0")/lib.sh"
command -v jq >/dev/null || skip "needs jq"
command -v flock >/dev/null || skip "needs flock (util-linux)"
export JUDGE_PCH=1
export JUDGE_CACHE="$SCRATCH/cache"
printf '3 4\n' > in.txt

# $1: a name; a bits/stdc++.h solution of a + b that differs by name
sol() {
	cat > "$1.cpp" <<SRC
#include <bits/stdc++.h>
using namespace std;
// $1
int main() { long long a, b; cin >> a >> b; vector<long long> v{a, b}; cout << accumulate(v.begin(), v.end(), 0LL) << "\\n"; }
SRC
}
# jrun FILE [VAR=VALUE...]: judge run FILE --json on in.txt; $OUT, $ERR, $RC
jrun() {
	f=$1; shift
	run env "$@" "$JUDGE" run "$f" --stdin in.txt --json
}
field() { printf '%s' "$OUT" | jq -r "$1"; }
gch() { ls "$JUDGE_CACHE"/pch/*/inc/bits/stdc++.h.gch 2>/dev/null; }

# 1. two judges at once from an empty cache: one builds it, both succeed
sol first
# the include inside #if 0: the PCH path, and a compile of a second
cat > skip.cpp <<'SRC'
#if 0
#include <bits/stdc++.h>
#endif
#include <cstdio>
int main() { long long a, b; if (scanf("%lld %lld", &a, &b) != 2) return 1; printf("%lld\n", a + b); }
SRC
"$JUDGE" run first.cpp --stdin in.txt --json > a.json 2> a.err &
A=$!
"$JUDGE" run skip.cpp --stdin in.txt --json > b.json 2> b.err &
B=$!
wait $A; RA=$?
wait $B; RB=$?
equals "two judges at once: both exit 0" "$RA/$RB" "0/0"
equals "two judges at once: both OK" "$(jq -r .verdict a.json)/$(jq -r .stdout a.json)/$(jq -r .stdout b.json)" "OK/7/7"
equals "two judges at once: one built it" "$(cat a.err b.err | grep -c 'judge: building the precompiled header for <bits/stdc++.h>')" 1
contains "the builder says it is built" "$(cat a.err b.err)" "judge: built the precompiled header in"
equals "one PCH folder" "$(gch | wc -l)" 1
G=$(gch)
check "the .gch is not empty" test -s "$G"
HASH=$(basename "$(dirname "$(dirname "$(dirname "$G")")")")
BEFORE=$(stat -c '%i %Y %s' "$G")

# 2. another source, with a define before the include, takes it: no build
{ printf '#define LOCAL_DEBUG 0\n'; sed 's/first/second/' first.cpp; } > second.cpp
jrun second.cpp
equals "second source: OK with the PCH" "$(field .verdict)/$(field .stdout)/$(field .compile.pch)/$(field .compile.cached)" "OK/7/true/false"
equals "second source: nothing said" "$ERR" ""
equals "the PCH was not built again" "$(stat -c '%i %Y %s' "$G")" "$BEFORE"
jrun second.cpp
equals "second source again: a cache hit" "$(field .compile.cached)/$(field .compile.pch)" "true/true"

# 3. a source without it compiles exactly as before: the same cache key
# (file name) with the PCH off in a cache of its own
cat > plain.cpp <<'SRC'
#include <iostream>
int main() { long long a, b; std::cin >> a >> b; std::cout << a + b << "\n"; }
SRC
jrun plain.cpp
equals "no bits/stdc++.h: OK without the PCH" "$(field .verdict)/$(field .compile.pch)" "OK/false"
ls "$JUDGE_CACHE" | grep -v '^pch$' | sort > with.txt
jrun plain.cpp JUDGE_PCH=0 JUDGE_CACHE="$SCRATCH/plain-cache"
equals "no bits/stdc++.h, PCH off: OK" "$(field .verdict)" OK
K=$(ls "$SCRATCH/plain-cache" | head -n 1)
check "the same cache key with the PCH on and off" grep -qx "$K" with.txt
check "a cache with the PCH off has no pch folder" test ! -e "$SCRATCH/plain-cache/pch"

# 4. a compile error reads the same with and without the PCH; with the
# include further down, the PCH's include chain would name line 1: that
# compile's diagnostics are the plain compile's
cat > bad1.cpp <<'SRC'
#include <bits/stdc++.h>
using namespace std;
struct P { int x; };
int main() { vector<P> v(3); sort(v.begin(), v.end()); undeclared = 1; }
SRC
jrun bad1.cpp
with=$(field .compile.message)
equals "CE with the PCH" "$(field .verdict)/$(field .compile.ok)" "CE/false"
jrun bad1.cpp JUDGE_PCH=0 JUDGE_CACHE="$SCRATCH/plain-cache"
without=$(field .compile.message)
check "a long CE message" test "$(printf '%s' "$without" | wc -l)" -gt 20
equals "the same CE message with and without the PCH" "$with" "$without"
contains "the include chain names line 1" "$with" "from prog.cpp:1:"
{ printf '// a comment\n\n'; cat bad1.cpp; } > bad3.cpp
jrun bad3.cpp
equals "include on line 3: CE" "$(field .verdict)" CE
contains "include on line 3: the chain names line 3" "$(field .compile.message)" "from prog.cpp:3:"
lacks "include on line 3: not line 1" "$(field .compile.message)" "from prog.cpp:1:"

# 5. a damaged PCH is never given to gcc: it is removed, and the compile
# goes on without it (here a failed build less than an hour ago stops a
# new one: nothing more is said, no build)
printf 'damage' >> "$G"
printf 'g++ failed\n' > "$JUDGE_CACHE/pch/$HASH.failed"
sed 's/long long a/long long c = 0, a/' skip.cpp > skip2.cpp
jrun skip2.cpp
equals "damaged PCH: OK without it" "$(field .verdict)/$(field .stdout)/$(field .compile.pch)" "OK/7/false"
contains "damaged PCH: says so" "$ERR" "judge: warning: the precompiled header '$JUDGE_CACHE/pch/$HASH' does not match its stamp: removed"
check "damaged PCH: removed" test ! -e "$JUDGE_CACHE/pch/$HASH"
lacks "after a failed build: not built again within the hour" "$ERR" "building"

# 6. a build that cannot start (its lock is not a file) says why and
# compiles anyway
rm -f "$JUDGE_CACHE/pch/$HASH.lock" "$JUDGE_CACHE/pch/$HASH.failed"
mkdir "$JUDGE_CACHE/pch/$HASH.lock"
sed 's/long long a/long long d = 0, a/' skip.cpp > skip3.cpp
jrun skip3.cpp
equals "no PCH possible: OK without it" "$(field .verdict)/$(field .compile.pch)" "OK/false"
contains "no PCH possible: says why" "$ERR" "judge: warning: compiling without the precompiled header for <bits/stdc++.h>: '$JUDGE_CACHE/pch/$HASH.lock' cannot be opened"

# 7. a judge under umask 077: the compiler (another uid) still reads the
# source it is given
cat > um.c <<'SRC'
#include <stdio.h>
int main(void) { long long a, b; if (scanf("%lld %lld", &a, &b) != 2) return 1; printf("%lld\n", a + b); return 0; }
SRC
run sh -c 'umask 077 && exec "$0" run um.c --stdin in.txt --json' "$JUDGE"
equals "umask 077: compiles and runs" "$(field .verdict)/$(field .stdout)" "OK/7"

expect_exit 3 "JUDGE_PCH=maybe: refused" env JUDGE_PCH=maybe "$JUDGE" run skip.cpp --stdin in.txt
contains "JUDGE_PCH=maybe: says what it takes" "$ERR" "JUDGE_PCH 'maybe' must be on or off"
finish
