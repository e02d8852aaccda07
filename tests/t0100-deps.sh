#!/bin/sh
# t0100: `make deps` (tests/deps.sh): silent and free when every package is
# present; not as root, it names what is missing and prints the exact
# command instead of installing.
. "$(dirname "$0")/lib.sh"

expect_exit 0 "everything present: ok" sh "$ROOT/tests/deps.sh" gcc make libsqlite3-dev
equals "everything present: silent" "$OUT$ERR" ""
command -v setpriv >/dev/null || skip "setpriv is not installed"
need_root
expect_exit 1 "not root, a package missing" setpriv --reuid=65534 --regid=65534 --clear-groups \
	sh "$ROOT/tests/deps.sh" gcc judge-no-such-package
contains "names what is missing" "$ERR" "judge: missing Debian packages: judge-no-such-package"
contains "prints the exact command" "$ERR" "judge: run: sudo apt-get install -y judge-no-such-package"
lacks "does not list what is present" "$ERR" "gcc"
finish
