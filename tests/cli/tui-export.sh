#!/bin/sh
# :export in the TUI writes exactly what `sitrep export` writes for the same
# filter, picks the format by the extension, and never leaves half a file;
# an existing file is replaced only by :export!.
. "$SRCDIR/tests/lib.sh"
plan 10
umask 022
echo precious >"$TMP/keep.csv"
echo old >"$TMP/old.csv"
cat > "$TMP/keys" <<KEYS
:filter actor:JNIM since:2023
:export $TMP/out.csv
:export $TMP/out.sitrep
:export $TMP/out.unknown
:export $TMP/keep.csv
:export! $TMP/old.csv
q
KEYS
run env SITREP_SCRIPT="$TMP/keys" SITREP_NO_DISPLAY=1 LINES=24 COLUMNS=80 HOME="$TMP" \
	XDG_STATE_HOME="$TMP/state" "$SITREP" --db "$SITREP_DB"
is "headless run exits 0" "$RC" 0
"$SITREP" export --db "$SITREP_DB" --format csv actor:JNIM since:2023 > "$TMP/want.csv"
check ":export FILE.csv = sitrep export --format csv" cmp "$TMP/want.csv" "$TMP/out.csv"
"$SITREP" export --db "$SITREP_DB" --format native actor:JNIM since:2023 > "$TMP/want.sitrep"
check ":export FILE.sitrep writes the sitrep text format" cmp "$TMP/want.sitrep" "$TMP/out.sitrep"
is ":export does not replace an existing file" "$(cat "$TMP/keep.csv")" precious
check ":export! replaces it" cmp "$TMP/want.csv" "$TMP/old.csv"
if [ -e "$TMP/out.unknown" ]; then fail "unknown extension: nothing written"; else pass "unknown extension: nothing written"; fi
is "the file gets the usual mode, not mkstemp's" "$(stat -c %a "$TMP/out.csv")" 644
left=$(find "$TMP" -name 'out.*.??????' | wc -l)
is "no temporary file left behind" "$left" 0
# a relative name is written in the directory sitrep started in, and the
# message names it whole
mkdir -p "$TMP/here"
cat > "$TMP/keys2" <<KEYS
:export rel.csv
:save-display $TMP/screen
q
KEYS
(cd "$TMP/here" && env SITREP_SCRIPT="$TMP/keys2" SITREP_NO_DISPLAY=1 LINES=24 COLUMNS=300 \
	HOME="$TMP" XDG_STATE_HOME="$TMP/state" "$SITREP" --db "$SITREP_DB")
abs=$(cd "$TMP/here" && pwd -P)/rel.csv
check ":export rel.csv writes it where sitrep started" test -s "$TMP/here/rel.csv"
check ":export says the absolute path" grep -qF "Exported to $abs" "$TMP/screen"
done_testing
