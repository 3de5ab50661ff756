#!/bin/sh
# The command line's promises: --help, --version, usage errors with status 2.
. "$SRCDIR/tests/lib.sh"
plan 13
run "$SITREP" --help
is "--help exits 0" "$RC" 0
for c in list show stats count import export schema; do
	like "--help names '$c'" "$OUT" "^  $c "
done
run "$SITREP" --version
like "--version" "$OUT" '^sitrep [0-9]+\.[0-9]+'
run "$SITREP" --bogus
is "unknown option: status 2" "$RC" 2
like "unknown option: on stderr" "$ERR" "unknown option '--bogus'"
run "$SITREP" list --format yaml
is "bad --format: status 2" "$RC" 2
run "$SITREP" list --help
like "list --help documents --format" "$OUT" '--format'
done_testing
