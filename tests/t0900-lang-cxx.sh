#!/bin/sh
# C++ next to C: the language by extension or --lang, both compiled with
# ONLINE_JUDGE defined, a bits/stdc++.h solution in the compile sandbox, a
# cache entry per language, the language stored and shown by history and
# result, and the compile commands in 'judge show' and the usage.
# run-all: long (started first)
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/grade_fixtures.sh"
need_root
grade_fixtures
export JUDGE_CACHE="$SCRATCH/cache"

# a custom checker in C++ (the echo-custom rule: the answer give or take 1)
problem cxx-custom custom 'checker_source = "checker.cpp"'
cat > problems/cxx-custom/checker.cpp <<'CHK'
#include <fstream>
#include <iostream>
int main(int argc, char **argv) {
	if (argc != 4) return 3;
	std::ifstream out(argv[2]), ans(argv[3]);
	long a, o;
	if (!(ans >> a)) return 3;
	if (!(out >> o)) { std::cerr << "no number in the output\n"; return 2; }
	if (std::abs(o - a) > 1) { std::cerr << o << " is too far from " << a << "\n"; return 1; }
	return 0;
}
CHK
tcase cxx-custom sample-1 '10\n' '10\n'
tcase cxx-custom t01-close '11\n' '10\n'
tcase cxx-custom t02-far '13\n' '10\n'
# a C++ generator for sum (a-plus-b's, whose input is the same "a b")
cp "$ROOT/problems/a-plus-b/gen.c" problems/sum/gen.cpp

cat > sum.cpp <<'SRC'
#include <bits/stdc++.h>
using namespace std;
int main() {
	vector<long long> v(2);
	for (auto &x : v) cin >> x;
	cout << accumulate(v.begin(), v.end(), 0LL) << "\n";
}
SRC
# correct only when ONLINE_JUDGE is defined
cat > oj.c <<'SRC'
#include <stdio.h>
int main(void) {
#ifndef ONLINE_JUDGE
	freopen("input.txt", "r", stdin);
	return 7;
#endif
	long long a, b;
	if (scanf("%lld %lld", &a, &b) != 2) return 1;
	printf("%lld\n", a + b);
	return 0;
}
SRC
cp oj.c oj.cc
# C++ in a .c file
cp sum.cpp cxx-in.c

run "$JUDGE" submit sum sum.cpp --json
equals "bits/stdc++.h solution: AC" "$(printf '%s' "$OUT" | jq -r .verdict)" AC
equals "submit JSON: lang c++" "$(printf '%s' "$OUT" | jq -r .lang)" "c++"
equals "exit 0" "$RC" 0
CXX_ID=$(printf '%s' "$OUT" | jq -r .submission)

run "$JUDGE" submit sum oj.c --json
equals "C defines ONLINE_JUDGE" "$(printf '%s' "$OUT" | jq -r .verdict)" AC
equals "submit JSON: lang c" "$(printf '%s' "$OUT" | jq -r .lang)" "c"
C_ID=$(printf '%s' "$OUT" | jq -r .submission)
run "$JUDGE" submit sum oj.cc --json
equals "C++ defines ONLINE_JUDGE" "$(printf '%s' "$OUT" | jq -r .verdict)" AC

run "$JUDGE" submit sum cxx-in.c
equals "C++ in a .c file: CE" "$RC" 1
contains "CE: the C compiler's diagnostics" "$OUT" "gcc| "
run "$JUDGE" submit sum cxx-in.c --lang c++ --json
equals "--lang c++ overrides the extension" "$(printf '%s' "$OUT" | jq -r .verdict)" AC
run "$JUDGE" submit sum oj.cc --lang c --json
equals "--lang c overrides the extension" "$(printf '%s' "$OUT" | jq -r .lang)" c
expect_exit 2 "--lang pascal: exit 2" "$JUDGE" submit sum sum.cpp --lang pascal
contains "--lang pascal: names the choices" "$ERR" "use c or c++"

# the database and what shows it
equals "stored language" "$(sqlite3 "$JUDGE_DB" "SELECT lang FROM submissions WHERE id = $CXX_ID")" "c++"
run "$JUDGE" history sum
contains "history: lang column" "$OUT" "lang"
contains "history: a c++ row" "$(printf '%s\n' "$OUT" | grep "^ *$CXX_ID ")" " c++ "
contains "history: a c row" "$(printf '%s\n' "$OUT" | grep "^ *$C_ID ")" " c "
run "$JUDGE" history sum --json
equals "history JSON: lang" "$(printf '%s' "$OUT" | jq -r ".[] | select(.id == $CXX_ID) | .lang")" "c++"
run "$JUDGE" result "$CXX_ID"
contains "result: the language" "$(printf '%s\n' "$OUT" | head -n 1)" "sum · C++ ·"
run "$JUDGE" result "$C_ID" --json
equals "result JSON: lang" "$(printf '%s' "$OUT" | jq -r .lang)" c

# one cache entry per language: the same text as C and as C++
printf 'int main(void) { return 0; }\n' > both.c
run "$JUDGE" run both.c
contains "run as C" "$ERR" "compile: ok in"
run "$JUDGE" run both.c --lang c++
contains "the same source as C++ is compiled again" "$ERR" "compile: ok in"
run "$JUDGE" run both.c --lang c++ --json
equals "then cached" "$(printf '%s' "$OUT" | jq -r .compile.cached)" true
equals "run JSON: lang" "$(printf '%s' "$OUT" | jq -r .lang)" "c++"
run "$JUDGE" run both.c
contains "and C still cached" "$ERR" "compile: ok (cached)"

# a C++ compile error names g++
printf 'int main() { return undefined_name; }\n' > bad.cpp
run "$JUDGE" submit sum bad.cpp
contains "C++ CE: g++ diagnostics" "$OUT" "g++| "
contains "C++ CE: the message" "$OUT" "undefined_name"

# the exact commands
run "$JUDGE" show sum
contains "show: C command" "$OUT" "gcc -std=gnu17 -O2 -static -DONLINE_JUDGE -o prog prog.c -lm"
contains "show: C++ command" "$OUT" "g++ -std=gnu++20 -O2 -static -DONLINE_JUDGE -o prog prog.cpp"
run "$JUDGE" submit --help
contains "submit usage: C++ command" "$OUT" "g++ -std=gnu++20 -O2 -static -DONLINE_JUDGE"

# stored solutions in C++: regress finds .cpp files and compiles them as C++
mkdir -p solutions/sum/accepted solutions/sum/wrong_answer
cp sum.cpp solutions/sum/accepted/stl.cpp
printf '#include <iostream>\nint main() { int a, b; std::cin >> a >> b; std::cout << a + b << "\\n"; }\n' \
	> solutions/sum/wrong_answer/int32.cc
run "$JUDGE" regress sum
equals "regress: C++ solutions match their folders" "$RC" 0
contains "regress: the .cpp solution" "$OUT" "accepted/stl.cpp"
contains "regress: the .cc solution" "$OUT" "wrong_answer/int32.cc"

# the C++ checker: compiled as C++, it judges
printf '#include <stdio.h>\nint main(void) { int c; while ((c = getchar()) != EOF) putchar(c); return 0; }\n' > cat.c
run "$JUDGE" submit cxx-custom cat.c --json
equals "C++ checker: the close test is AC" \
	"$(printf '%s' "$OUT" | jq -r '.tests[] | select(.name == "t01-close") | .verdict')" AC
equals "C++ checker: the far test is WA" \
	"$(printf '%s' "$OUT" | jq -r '.tests[] | select(.name == "t02-far") | .verdict')" WA
contains "C++ checker: its message" "$OUT" "13 is too far from 10"

# the C++ generator: stress uses gen.cpp, and a C++ reference
printf '#include <stdio.h>\nint main(void) { long long a, b; if (scanf("%%lld %%lld", &a, &b) != 2) return 1; printf("%%lld\\n", a + b + 1); return 0; }\n' > plus1.c
run "$JUDGE" stress sum plus1.c --ref sum.cpp --json --seed 1 --iterations 50
equals "stress with gen.cpp and a C++ reference: a counterexample" "$RC" 1
equals "stress: found" "$(printf '%s' "$OUT" | jq -r '.expected != .got')" true

finish
