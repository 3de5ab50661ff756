#!/bin/sh
# sitrep export: exactly the filtered set, in timeline order, in each
# format; native export then import into a new file gives the same rows,
# and so does the ACLED layout read back by the ACLED importer.
. "$SRCDIR/tests/lib.sh"
. "$SRCDIR/tests/import/common.sh"
plan 23

db=$TMP/e.db
"$SITREP" import --quiet --db "$db" "$SRCDIR/data/meta.sitrep" "$SRCDIR/data/actors.sitrep" \
	"$SRCDIR/data/events.sitrep" \
	"$SHARED/testdata/acled-mali-2017-2019/2017-01-01-2019-02-27-Mali.csv"
total=$(events "$db")
like "the test database has the data set and an ACLED file" "$total" "^[0-9]{4,}$"

# The table without its id column (ids follow import order). The text
# format keeps line breaks (as "|" continuation lines) but writes CRLF as
# one break and not the spaces that end a line.
rows() {
	"$SITREP" export --db "$1" --format tsv | cut -f 2- | sed 's/\\r\\n/\\n/g; s/ *\\n/\\n/g'
}

run "$SITREP" export --db "$db" --format csv
is "csv: exits 0" "$RC" 0
is "csv: header names the columns" "$(head -n 1 "$TMP/out" | cut -d, -f1-6)" \
	"id,kind,date_start,date_end,date_precision,title"
sorted=$("$SITREP" export --db "$db" --format tsv | awk -F '\t' 'NR > 1 { print $3 "\t" $1 }' |
	sort -c -t "$(printf '\t')" -k1,1 -k2,2n 2>&1 && echo sorted)
is "timeline order: date_start, then id" "$sorted" "sorted"

want=$("$SITREP" list --db "$db" --format tsv actor:JNIM | awk -F '\t' 'NR > 1 { print $1 }')
got=$("$SITREP" export --db "$db" --format tsv actor:JNIM | awk -F '\t' 'NR > 1 { print $1 }')
is "a filter: exactly the set sitrep list shows, in its order" "$got" "$want"
like "a filter: and not everything" "$(printf '%s\n' "$got" | wc -l)" "^ *[1-9][0-9]*$"
is "a filter: --filter EXPR is the same" \
	"$("$SITREP" export --db "$db" --format tsv --filter actor:JNIM | awk -F '\t' 'NR > 1 { print $1 }')" "$want"

run "$SITREP" export --db "$db" --format json
n=$(python3 -c 'import json,sys; print(len(json.load(sys.stdin)))' <"$TMP/out")
is "json: valid, one object per event" "$n" "$total"

"$SITREP" export --db "$db" --format native --output "$TMP/all.sitrep"
is "native: --output writes the file" "$(head -n 1 "$TMP/all.sitrep")" "# sitrep-data 1"
run "$SITREP" import --db "$TMP/rt.db" "$TMP/all.sitrep"
is "native: imports into a new file" "$RC" 0
rows "$db" >"$TMP/a.tsv"
rows "$TMP/rt.db" >"$TMP/b.tsv"
if cmp -s "$TMP/a.tsv" "$TMP/b.tsv"; then pass "native: export, import: the same rows"
else fail "native: export, import: the same rows" "$(diff "$TMP/a.tsv" "$TMP/b.tsv" | head -n 6)"; fi
# A note with a line break inside (the legacy fixture's bare LF) keeps it
# through the text format.
"$SITREP" import --quiet --db "$TMP/lf.db" "$SRCDIR/tests/fixtures/acled-legacy-cp1252.csv" 2>/dev/null
"$SITREP" export --db "$TMP/lf.db" --format native --output "$TMP/lf.sitrep"
"$SITREP" import --quiet --db "$TMP/lf2.db" "$TMP/lf.sitrep"
like "native: the fixture has a value with a line break" "$(rows "$TMP/lf.db")" '[^\\]\\n'
is "native: which comes back as it was" "$(rows "$TMP/lf2.db")" "$(rows "$TMP/lf.db")"
is "native: the same meta" "$("$SITREP" export --db "$TMP/rt.db" --format native | sed -n '/^@meta/,/^$/p')" \
	"$(sed -n '/^@meta/,/^$/p' "$TMP/all.sitrep")"

# actor:=JNIM: JNIM itself, not its factions (the hierarchy comes from the
# data set's actor records, which an ACLED file does not carry).
n=$("$SITREP" export --db "$db" --format tsv actor:=JNIM | awk 'NR > 1' | wc -l | tr -d ' ')
"$SITREP" export --db "$db" --format acled actor:=JNIM >"$TMP/jnim.csv"
run "$SITREP" import --db "$TMP/acled.db" "$TMP/jnim.csv"
like "acled: read back by the ACLED importer" "$OUT" "current ACLED layout.*: $n read, $n imported, .* 0 skipped"
is "acled: JNIM is still JNIM in every one" \
	"$("$SITREP" export --db "$TMP/acled.db" --format tsv actor:=JNIM | awk 'NR > 1' | wc -l | tr -d ' ')" "$n"

run "$SITREP" export --db "$db" --format xml
is "unknown format: usage error" "$RC" 2
like "unknown format: says which exist" "$ERR" "expected csv, tsv, json, acled or native"
# --output: a file replaced keeps its permissions; a FIFO (or a device)
# is written into, never replaced by a plain file.
"$SITREP" export --db "$db" --format csv kind:context >"$TMP/want.csv"
echo old >"$TMP/mode.csv"
chmod 600 "$TMP/mode.csv"
"$SITREP" export --db "$db" --format csv --output "$TMP/mode.csv" kind:context
check "--output replaces a file" cmp "$TMP/want.csv" "$TMP/mode.csv"
is "--output keeps a replaced file's mode" "$(stat -c %a "$TMP/mode.csv")" 600
mkfifo "$TMP/pipe"
timeout 20 cat "$TMP/pipe" >"$TMP/from-pipe" &
reader=$!
timeout 20 "$SITREP" export --db "$db" --format csv --output "$TMP/pipe" kind:context
wait $reader
check "--output into a FIFO: still a FIFO" test -p "$TMP/pipe"
check "--output into a FIFO: the reader gets the export" cmp "$TMP/want.csv" "$TMP/from-pipe"
left=$(find "$TMP" -name 'pipe.*' -o -name 'mode.csv.*' | wc -l)
is "--output leaves no temporary file" "$left" 0

done_testing
