#!/bin/sh
# Which hash an event's fingerprint is belongs to the database (meta key
# "fingerprint"): a new database gets wordmix1; one that holds events but
# no key was written by an earlier build with FNV-1a and keeps it, so the
# same file imported again still changes nothing. The key is written with
# the import, goes with it when the import rolls back, and never travels
# in a native file.
. "$SRCDIR/tests/lib.sh"
. "$SRCDIR/tests/import/common.sh"
plan 21

F=$SRCDIR/tests/fixtures
key() { sqlite3 "$1" "SELECT value FROM meta WHERE key = 'fingerprint'"; }
fps() { sqlite3 "$1" "SELECT origin_id, fingerprint FROM event ORDER BY origin_id"; }
unchanged=': 2 read, 0 imported, 0 updated, 2 unchanged, 0 skipped'

new=$TMP/new.db
run "$SITREP" import --db "$new" "$F/acled-excel-bom.csv"
like "a new database: imported" "$OUT" ': 2 read, 2 imported, 0 updated'
is "a new database: wordmix1" "$(key "$new")" wordmix1
run "$SITREP" import --db "$new" "$F/acled-excel-bom.csv"
like "a new database: the same file again changes nothing" "$OUT" "$unchanged"

# What a build from before the key left after importing the same file: the
# same events, the FNV-1a fingerprints that build computed, no key.
old=$TMP/old.db
cp "$new" "$old"
sqlite3 "$old" "DELETE FROM meta WHERE key = 'fingerprint';
	UPDATE event SET fingerprint = CASE origin_id WHEN 'BFO2001' THEN 2236257708942162315
		WHEN 'MLI2002' THEN 4137883560503620598 END;"
before=$(fps "$old")
run "$SITREP" import --db "$old" "$F/acled-excel-bom.csv"
like "an old database: the same file again changes nothing" "$OUT" "$unchanged"
is "an old database: its fingerprints stay" "$(fps "$old")" "$before"
is "an old database: now says fnv1a" "$(key "$old")" fnv1a
run "$SITREP" import --db "$old" "$F/ged-49col.csv"
like "an old database: another file lands" "$OUT" ': 2 read, 2 imported, 0 updated'
# (500001's figure changed when source_original stopped being its first
# source's quote, issue 12; 500002, without one, kept its figure.)
is "an old database: its new events get FNV-1a as the old build gave them" \
	"$(sqlite3 "$old" "SELECT group_concat(fingerprint, ' ') FROM
		(SELECT fingerprint FROM event WHERE origin = 'ucdp' ORDER BY origin_id)")" \
	"5260812144551471025 6094938163205658147"
run "$SITREP" import --db "$old" "$F/ged-49col.csv" "$F/acled-excel-bom.csv"
unlike "an old database: both files again change nothing" "$OUT" "[1-9][0-9]* (imported|updated)"
is "an old database: still fnv1a" "$(key "$old")" fnv1a

# The version-1 fixture predates the key, and its fingerprints predate
# today's record: rewritten once, with FNV-1a, then left alone.
v1=$TMP/v1.db
sqlite3 "$v1" <"$F/v1-database.sql"
run "$SITREP" import --db "$v1" "$F/acled-excel-bom.csv"
like "version 1: the file's events are rewritten once" "$OUT" ': 2 read, 0 imported, 2 updated'
is "version 1: fnv1a" "$(key "$v1")" fnv1a
run "$SITREP" import --db "$v1" "$F/acled-excel-bom.csv"
like "version 1: then left alone" "$OUT" "$unchanged"

# A rolled-back import takes the key with it.
rb=$TMP/rb.db
run "$SITREP" import --strict --db "$rb" "$F/acled-broken.csv"
is "rolled back: fails" "$RC" 1
is "rolled back: no key" "$(key "$rb")" ""
run "$SITREP" import --db "$rb" "$F/acled-excel-bom.csv"
is "rolled back: the next import decides" "$(key "$rb")" wordmix1

# A native file carries the data set's meta, not the database's hash.
"$SITREP" export --db "$old" --format native >"$TMP/old.sitrep"
run "$SITREP" import --db "$TMP/rt.db" "$TMP/old.sitrep"
is "native: a new database keeps wordmix1" "$(key "$TMP/rt.db")" wordmix1
run "$SITREP" import --db "$TMP/rt.db" "$TMP/old.sitrep"
like "native: the file again changes no event" "$OUT" ", 0 updated, 4 unchanged"
"$SITREP" export --db "$TMP/rt.db" --format native >"$TMP/rt.sitrep"
run "$SITREP" import --db "$old" "$TMP/rt.sitrep"
is "native: an old database keeps fnv1a" "$(key "$old")" fnv1a

# A hash this build does not know: the import refuses.
sqlite3 "$new" "UPDATE meta SET value = 'wordmix9' WHERE key = 'fingerprint'"
sum=$(cksum <"$new")
run "$SITREP" import --db "$new" "$F/ged-49col.csv"
like "unknown hash: refused" "$RC:$ERR" "^1:.*fingerprints are 'wordmix9'.*upgrade sitrep"
is "unknown hash: the database is unchanged" "$(cksum <"$new")" "$sum"

done_testing
