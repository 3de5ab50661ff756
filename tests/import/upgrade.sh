#!/bin/sh
# A schema-version-1 database (tests/fixtures/v1-database.sql) is still
# browsed as it is, and the first import into it upgrades it through
# version 2 to 3 without losing anything: the actors' names that only the
# old full-text table held move to event.actor_names, the index is rebuilt
# over the event table, the per-day counts appear (2), and two indexes
# become partial (3).
. "$SRCDIR/tests/lib.sh"
. "$SRCDIR/tests/import/common.sh"
plan 14

v1=$TMP/v1.db
sqlite3 "$v1" <"$SRCDIR/tests/fixtures/v1-database.sql"
q() { sqlite3 "$v1" "$@"; }

is "the fixture is version 1" "$(q 'PRAGMA user_version')" 1
sum=$(cksum <"$v1")
run "$SITREP" list --db "$v1" --format tsv burkina
like "version 1 is browsed: free text finds an actor's name" "$OUT" "Djibo"
is "browsing does not upgrade it" "$(cksum <"$v1")" "$sum"

cp "$v1" "$TMP/v1-copy.db"
# What the file held: its ACLED events, in the native format.
acled() { "$SITREP" export --db "$1" --format native origin:acled | cksum; }
run "$SITREP" import --db "$v1" "$SRCDIR/tests/fixtures/ged-49col.csv"
like "an import of another file upgrades it" "$OUT" ": ([0-9]+) read, \\1 imported, 0 updated"
is "now version 3" "$(q 'PRAGMA user_version')" 3
is "the kind index is the context events' own" \
	"$(q "SELECT group_concat(name) FROM sqlite_schema WHERE name LIKE 'event_%kind%'
		OR name = 'event_context_date'")" event_context_date
like "the span index holds only events longer than a day" \
	"$(q "SELECT sql FROM sqlite_schema WHERE name = 'event_span'")" "WHERE .* IS NOT 0"
is "the indexes are the schema's" \
	"$(q "SELECT sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")" \
	"$({ "$SITREP" schema; echo "SELECT sql FROM sqlite_schema WHERE type = 'index'
		AND sql IS NOT NULL ORDER BY name;"; } | sqlite3 :memory:)"
is "the actors' names moved from the old index to the event table" \
	"$(q "SELECT actor_names FROM event WHERE origin = 'acled' ORDER BY id")" \
	"$(sqlite3 "$TMP/v1-copy.db" 'SELECT c3 FROM event_fts_content ORDER BY id')"
check "the new full-text index agrees with the event table" \
	sqlite3 "$v1" "INSERT INTO event_fts (event_fts) VALUES ('integrity-check')"
run "$SITREP" list --db "$v1" --format tsv burkina
like "free text still finds the actor" "$OUT" "Djibo"
run "$SITREP" count --db "$v1" since:2018-01-01
is "a date filter (bounded by the span index) counts what a scan counts" "$OUT" \
	"$(q "SELECT count(*) FROM event WHERE date_end >= '2018-01-01'")"
is "per-day counts for every event" \
	"$(q 'SELECT (SELECT sum(events) FROM event_day) = (SELECT count(*) FROM event)')" 1
is "the events it held are as they were" "$(acled "$v1")" "$(acled "$TMP/v1-copy.db")"

done_testing
