#!/bin/sh
# The command line's promises: --help, --version, usage errors with status 2.
. "$SRCDIR/tests/lib.sh"
plan 20
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
# Output that cannot be written is an error (status 1, one line), for every
# command: /dev/full fails every write with ENOSPC.
full() {
	"$SITREP" "$@" >/dev/full 2>"$TMP/full-err"
	[ $? -eq 1 ] && grep -q "write error" "$TMP/full-err"
}
for c in "show 3" stats count schema --help --version list; do
	if [ -w /dev/full ]; then
		# shellcheck disable=SC2086
		check "a full disk: '$c' fails and says so" full $c
	else
		pass "# SKIP no /dev/full"
	fi
done
done_testing
