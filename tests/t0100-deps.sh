#!/bin/sh
# t0100: `make deps` (tests/deps.sh): silent and free when every package is
# present; not as root, it names what is missing and prints the exact
# command instead of installing. The script is fed on stdin to the
# unprivileged shell: the checkout's folder permissions do not matter.
. "$(dirname "$0")/lib.sh"

expect_exit 0 "everything present: ok" sh "$ROOT/tests/deps.sh" gcc make libsqlite3-dev
equals "everything present: silent" "$OUT$ERR" ""
if ! is_root; then
	skip_part "the not-root path: needs root to drop to uid 65534"
	finish; exit
fi
command -v setpriv >/dev/null || { fail "setpriv (util-linux) is not installed: make deps"; finish; exit; }
cd / || exit 3
expect_exit 1 "not root, a package missing" setpriv --reuid=65534 --regid=65534 --clear-groups \
	sh -s gcc judge-no-such-package < "$ROOT/tests/deps.sh"
contains "names what is missing" "$ERR" "judge: missing Debian packages: judge-no-such-package"
contains "prints the exact command" "$ERR" "judge: run: sudo apt-get install -y judge-no-such-package"
lacks "does not list what is present" "$ERR" "gcc"
finish
