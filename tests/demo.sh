#!/bin/sh
# demo.sh: what `make demo` shows: load the catalogue into the database, then
# grade every stored solution against the verdict its folder promises
# (`judge regress`: parallel workers, mismatches first, exit 0 iff all match).
cd "$(dirname "$0")/.." || exit 3
bin/judge import && bin/judge regress
