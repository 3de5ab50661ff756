#!/bin/sh
# A big file into an empty database takes the bulk path: secondary indexes
# dropped and built again once, and the full-text index built on a second
# thread and copied in, and so are the events' actors and sources with
# their indexes (src/store/bulk_thread.c). What it leaves must be what the
# row-by-row path leaves: the same index, passing FTS5's own check against
# the event table, the same actors and sources, including for a row the
# same file updates later.
. "$SRCDIR/tests/lib.sh"
. "$SRCDIR/tests/import/common.sh"
plan 26

# 40,000 rows (about 19 MB: over the bulk threshold of 16 MB), then the
# first two rows again with new notes: updates inside the same transaction.
awk -v n=40000 -f "$SRCDIR/bench/gen-acled.awk" >"$TMP/big.csv"
sed -n '2,3p' "$TMP/big.csv" | sed 's/reportedly clashed with/zebracorn ambushed/' >>"$TMP/big.csv"

run env SITREP_TIMING=1 "$SITREP" import --db "$TMP/bulk.db" "$TMP/big.csv"
like "bulk: 40,002 rows read, 2 of them updates" "$OUT" ": 40002 read, 40000 imported, 2 updated"
like "bulk: chosen from the start into an empty database" "$ERR" "bulk mode from the start"
like "bulk: the full-text index came from the second thread" "$ERR" "copied event_fts_data"
like "bulk: and the events' actors" "$ERR" "copied event_actor: [0-9]+ rows"
like "bulk: and their sources" "$ERR" "copied source: [0-9]+ rows"
check "bulk: the full-text index agrees with the event table" \
	sqlite3 "$TMP/bulk.db" "INSERT INTO event_fts (event_fts) VALUES ('integrity-check')"
check "bulk: and SQLite finds the file sound" \
	sh -c "test \"\$(sqlite3 '$TMP/bulk.db' 'PRAGMA integrity_check')\" = ok"
is "bulk: an updated row is found by its new words" \
	"$("$SITREP" count --db "$TMP/bulk.db" zebracorn)" 2
"$SITREP" import --quiet --db "$TMP/small.db" "$SRCDIR/tests/fixtures/ged-49col.csv"
is "bulk: the same indexes as a small import" \
	"$(sqlite3 "$TMP/bulk.db" "SELECT group_concat(name) FROM (SELECT name FROM sqlite_schema WHERE type = 'index' ORDER BY 1)")" \
	"$(sqlite3 "$TMP/small.db" "SELECT group_concat(name) FROM (SELECT name FROM sqlite_schema WHERE type = 'index' ORDER BY 1)")"

# Into a database that already has events (its full-text index is not
# empty, so it is indexed in place), the bulk mode waits for the first
# 2,000 rows: new, so the rest go in bulk.
cp "$TMP/small.db" "$TMP/row.db"
run env SITREP_TIMING=1 "$SITREP" import --quiet --db "$TMP/row.db" "$TMP/big.csv"
like "into a database with events: bulk chosen after 2,000 new rows" "$ERR" \
	"bulk mode after the first 2000 rows"
is "and the same indexes again" \
	"$(sqlite3 "$TMP/row.db" "SELECT group_concat(name) FROM (SELECT name FROM sqlite_schema WHERE type = 'index' ORDER BY 1)")" \
	"$(sqlite3 "$TMP/small.db" "SELECT group_concat(name) FROM (SELECT name FROM sqlite_schema WHERE type = 'index' ORDER BY 1)")"
for q in zebracorn kati '"reportedly clashed"' 'wagner -kind:context'; do
	is "the same matches both ways: $q" "$("$SITREP" count --db "$TMP/bulk.db" "$q")" \
		"$("$SITREP" count --db "$TMP/row.db" origin:acled "$q")"
done

# Each event's actors and sources, by the event's own id in the file.
children() {
	sqlite3 "$1" "SELECT e.origin_id, a.name, ea.role FROM event_actor ea
		JOIN event e ON e.id = ea.event_id JOIN actor a ON a.id = ea.actor_id
		WHERE e.origin = 'acled' ORDER BY 1, 2, 3;
		SELECT e.origin_id, s.title, s.publisher, s.url, s.published, s.quote, s.fatalities
		FROM source s JOIN event e ON e.id = s.event_id WHERE e.origin = 'acled'
		ORDER BY e.origin_id, s.id" | cksum
}
is "the same actors and sources both ways" "$(children "$TMP/bulk.db")" "$(children "$TMP/row.db")"
updated_sources() {
	sqlite3 "$1" "SELECT count(*) FROM source s JOIN event e ON e.id = s.event_id
		WHERE e.description LIKE '%zebracorn%'"
}
is "an updated row's sources were replaced, not added to" \
	"$(updated_sources "$TMP/bulk.db")" "$(updated_sources "$TMP/row.db")"

# The store inserts parents before children and deletes children itself;
# foreign keys are not enforced row by row, so check them here.
is "no child row without its event or actor, either way" \
	"$(sqlite3 "$TMP/bulk.db" 'PRAGMA foreign_key_check')$(sqlite3 "$TMP/row.db" 'PRAGMA foreign_key_check')" ""

# The same file again: every row unchanged, told by its fingerprint, and
# no index is dropped or built (issue 12: a re-import at the shell's speed).
sum_before=$(children "$TMP/bulk.db")
run env SITREP_TIMING=1 "$SITREP" import --db "$TMP/bulk.db" "$TMP/big.csv"
# (the two rows the file repeats with new notes update twice again: first
# to the old text, then to the new, as the file says in that order)
like "re-import: every row unchanged but the file's own two updates" "$OUT" \
	": 40002 read, 0 imported, 4 updated, 39998 unchanged"
like "re-import: the bulk mode not chosen, the indexes kept" "$ERR" "bulk mode not chosen"
is "re-import: the actors and sources as they were" "$(children "$TMP/bulk.db")" "$sum_before"
check "re-import: the full-text index still agrees, the file sound" \
	sh -c "sqlite3 '$TMP/bulk.db' \"INSERT INTO event_fts (event_fts) VALUES ('integrity-check')\" &&
		test \"\$(sqlite3 '$TMP/bulk.db' 'PRAGMA integrity_check')\" = ok"

# No room for the second thread's file: one thread does it all, and says so.
run env TMPDIR="$TMP/no-such-dir" "$SITREP" import --db "$TMP/one.db" "$TMP/big.csv"
like "no TMPDIR: imported all the same" "$OUT" ": 40002 read, 40000 imported, 2 updated"
like "no TMPDIR: says why it is slower" "$ERR" "no-such-dir.*importing on one thread"
is "no TMPDIR: the same actors and sources" "$(children "$TMP/one.db")" "$(children "$TMP/bulk.db")"

# Files after the first in the same run go through the index the first one
# copied in.
run "$SITREP" import --db "$TMP/two.db" "$TMP/big.csv" "$SRCDIR/tests/fixtures/ged-49col.csv"
check "two files in one run: the index still agrees with the table" \
	sqlite3 "$TMP/two.db" "INSERT INTO event_fts (event_fts) VALUES ('integrity-check')"
done_testing
