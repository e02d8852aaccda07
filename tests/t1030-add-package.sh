#!/bin/sh
# judge add-package DIR [--id ID] appends a [[problem]] entry naming the
# package (relative to the catalogue) and keeps the rest of the file byte
# for byte; a package that does not load puts the catalogue back.
. "$(dirname "$0")/lib.sh"
cp -r "$ROOT/tests/packages" pk
printf '# my problems\n[[problem]]   # keep this comment\nid = "float-sum"\npackage = "pk/float-sum"' > problems.toml
cp problems.toml before.toml
run "$JUDGE" add-package pk/parity
equals "add: exit 0" "$RC" 0
equals "add: says what it did" "$OUT" "added problem 'parity' from 'pk/parity' to 'problems.toml'"
printf '\n\n[[problem]]\nid = "parity"\npackage = "pk/parity"\n' > tail.toml
check "add: the old bytes kept, the entry appended" sh -c 'cat before.toml tail.toml | cmp -s - problems.toml'
run "$JUDGE" list
check "add: listed" sh -c "printf '%s\n' \"\$1\" | grep -q '^parity '" _ "$OUT"

cp problems.toml two.toml
run "$JUDGE" add-package pk/parity
equals "twice: exit 2" "$RC" 2
equals "twice: why" "$ERR" "judge: error: problems.toml:7:6: problem 'parity' is already in the catalogue; pass --id ID"
check "twice: unchanged" cmp -s two.toml problems.toml
run "$JUDGE" add-package pk/parity --id parity-2
equals "--id: exit 0" "$RC" 0
contains "--id: the entry" "$(cat problems.toml)" 'id = "parity-2"'

mkdir -p sub && cp problems.toml sub/cat.toml && sed -i 's|"pk/|"../pk/|' sub/cat.toml
cp sub/cat.toml sub/before.toml
run "$JUDGE" --catalog sub/cat.toml add-package pk/float-sum --id f2
equals "another catalogue: exit 0" "$RC" 0
contains "another catalogue: the path is relative to it" "$(tail -n 1 sub/cat.toml)" 'package = "../pk/float-sum"'

cp problems.toml good.toml
mkdir -p bad && printf 'name: X\nlimits:\n  memory: lots\n' > bad/problem.yaml
run "$JUDGE" add-package bad
equals "bad package: exit 2" "$RC" 2
equals "bad package: the YAML error, and the catalogue put back" "$ERR" "judge: error: bad/problem.yaml:3:11: memory must be a number, not 'lots' (the catalogue was left as it was)"
check "bad package: the catalogue as it was" cmp -s good.toml problems.toml
mkdir -p notpkg
run "$JUDGE" add-package notpkg
equals "not a package: exit 2" "$RC" 2
equals "not a package: why" "$ERR" "judge: error: 'notpkg' is not a Kattis problem package: it has no problem.yaml"
run "$JUDGE" add-package
equals "no folder: exit 2" "$RC" 2
finish
