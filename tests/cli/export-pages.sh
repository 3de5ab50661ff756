#!/bin/sh
# export and list read a page of events at a time and fetch the page's
# actors and sources in one query each: on a generated file of more events
# than a page, every row still carries its own actors (by role, in name
# order) and sources, byte for byte what the sqlite3 shell computes for it
# one event at a time, across the pages' edges and with a filter.
. "$SRCDIR/tests/lib.sh"

if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "1..0 # SKIP export-pages needs the sqlite3 shell"
	exit 0
fi

db=$TMP/g.db
plan 8

check "gen-events writes 9000 events (two pages and a part)" "$SRCDIR/bench/gen-events" 9000 "$db"

# One role's names for event e, by name: the export's role columns.
role() {
	echo "(SELECT group_concat(name, '; ') FROM (SELECT a.name FROM event_actor ea JOIN actor a
	 ON a.id = ea.actor_id WHERE ea.event_id = e.id AND ea.role = '$1' ORDER BY a.name))"
}
sources="(SELECT json_group_array(json_object('title', title, 'publisher', publisher, 'url', url,
 'published', published, 'quote', quote, 'fatalities', fatalities)) FROM (SELECT * FROM source
 WHERE event_id = e.id ORDER BY id))"
# list's actors column: each actor once, the initiator first, then by name.
actors="(SELECT group_concat(name, '; ') FROM (SELECT a.name AS name, min(CASE ea.role
 WHEN 'actor1' THEN 0 WHEN 'claimed' THEN 1 WHEN 'actor2' THEN 2 ELSE 3 END) AS o
 FROM event_actor ea JOIN actor a ON a.id = ea.actor_id WHERE ea.event_id = e.id
 GROUP BY a.id ORDER BY o, a.name))"

# expected WHERE COLUMNS: the shell's rows, one event at a time
expected() {
	sqlite3 -tabs "$db" "SELECT e.id, $2 FROM event e WHERE $1 ORDER BY e.date_start, e.id"
}
roles="$(role actor1), $(role actor2), $(role assoc), $(role claimed), $(role target),
 $(role involved), CASE WHEN EXISTS (SELECT 1 FROM source WHERE event_id = e.id)
 THEN $sources ELSE '[]' END"

"$SITREP" export --db "$db" --format tsv >"$TMP/all.tsv"
tail -n +2 "$TMP/all.tsv" | cut -f 1,24-30 >"$TMP/got"
expected 1 "$roles" >"$TMP/want"
check "9000 rows exported" test "$(wc -l <"$TMP/got")" -eq 9000
check "each row's actors by role and sources are its own" cmp "$TMP/got" "$TMP/want"

civ=$(sqlite3 "$db" "SELECT id FROM actor WHERE name = 'Civilians'")
"$SITREP" export --db "$db" --format tsv 'actor:=Civilians' | tail -n +2 | cut -f 1,24-30 >"$TMP/got"
expected "e.id IN (SELECT event_id FROM event_actor WHERE actor_id = $civ)" "$roles" >"$TMP/want"
check "filtered: the same, for the filter's rows" cmp "$TMP/got" "$TMP/want"
check "filtered: some rows, fewer than all" test "$(wc -l <"$TMP/got")" -gt 100 -a \
	"$(wc -l <"$TMP/got")" -lt 9000

"$SITREP" list --db "$db" --format tsv | tail -n +2 | cut -f 1,13 >"$TMP/got"
expected 1 "$actors" >"$TMP/want"
check "list: each row's actors column is its own" cmp "$TMP/got" "$TMP/want"
"$SITREP" list --db "$db" --format tsv --reverse | tail -n +2 | cut -f 1,13 >"$TMP/got"
sed -n '1!G;h;$p' "$TMP/want" >"$TMP/rwant" # the lines in reverse order
check "list --reverse: the same rows, newest first" cmp "$TMP/got" "$TMP/rwant"

# json's actors and the tsv's agree too (the writers share the page)
"$SITREP" export --db "$db" --format json | grep -o '"role":' | wc -l >"$TMP/roles"
check "json: as many actor entries as event_actor rows" test "$(cat "$TMP/roles")" -eq \
	"$(sqlite3 "$db" 'SELECT count(*) FROM event_actor')"
done_testing
