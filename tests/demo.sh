#!/bin/sh
# demo.sh: what `make demo` shows: sync the catalogue and list it.
cd "$(dirname "$0")/.." || exit 3
bin/judge import && bin/judge list
