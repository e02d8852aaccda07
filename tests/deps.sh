#!/bin/sh
# deps.sh PKG...: install the Debian packages that are missing.
# Costs one dpkg-query when everything is present. As root it runs apt-get
# (updating the package lists first when they are missing or older than a
# day); otherwise it prints the exact command to run.
missing=""
for p in "$@"; do
	s=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)
	case "$s" in
	*" installed") ;;
	*) missing="$missing $p" ;;
	esac
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
	echo "judge: missing Debian packages:$missing" >&2
	echo "judge: run: sudo apt-get install -y$missing" >&2
	exit 1
fi
echo "deps: installing$missing"
if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -mtime -1 2>/dev/null | head -n 1)" ]; then
	DEBIAN_FRONTEND=noninteractive apt-get update -qq || exit 1
fi
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing || exit 1
