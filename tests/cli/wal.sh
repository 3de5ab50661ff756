#!/bin/sh
# Journals: a database sitrep import creates keeps a write-ahead log, so a
# reader answers while an import holds the write lock (with a rollback
# journal it would wait two seconds and fail); browsing a WAL file leaves no
# -wal or -shm beside it and never changes it, and works in a directory the
# reader cannot write; --journal rollback makes a file for such places; the
# bundled data set is one.
. "$SRCDIR/tests/lib.sh"
plan 12
F=$SRCDIR/tests/fixtures
db=$TMP/w.db
"$SITREP" import --quiet --db "$db" "$F/acled-excel-bom.csv" "$F/ged-49col.csv"
is "a database import creates is WAL" "$(sqlite3 "$db" 'PRAGMA journal_mode')" wal
is "the import leaves no -wal or -shm" "$(ls "$TMP" | grep -c -- '-wal$\|-shm$')" 0
sum=$(cksum <"$db")
run "$SITREP" count --db "$db"
is "it is browsed" "$RC:$OUT" "0:4"
is "browsing leaves no -wal or -shm beside it" "$(ls "$TMP" | grep -c -- '-wal$\|-shm$')" 0
is "browsing does not change it" "$(cksum <"$db")" "$sum"
is "the bundled data set keeps a rollback journal" \
	"$(sqlite3 "$SITREP_DB" 'PRAGMA journal_mode')" delete
run "$SITREP" import --quiet --journal rollback --db "$TMP/r.db" "$F/ged-49col.csv"
is "--journal rollback" "$RC:$(sqlite3 "$TMP/r.db" 'PRAGMA journal_mode')" "0:delete"
run "$SITREP" import --journal fast --db "$TMP/x.db" "$F/ged-49col.csv"
like "--journal of an unknown mode: a usage error" "$RC:$ERR" "^2:.*--journal: expected wal or rollback"

# A directory the reader cannot write: as another user when run as root
# (who writes anywhere), else the directory made read-only.
mkdir "$TMP/ro" && cp "$db" "$TMP/ro/w.db"
chmod 755 "$TMP" && chmod 555 "$TMP/ro" && chmod 644 "$TMP/ro/w.db"
as_reader() {
	if [ "$(id -u)" = 0 ]; then su nobody -s /bin/sh -c '"$0" "$@"' -- "$@"; else "$@"; fi
}
as_reader "$SITREP" count --db "$TMP/ro/w.db" >"$TMP/out" 2>"$TMP/err"
is "a WAL file in a directory the reader cannot write: browsed" \
	"$?:$(cat "$TMP/out"):$(cat "$TMP/err")" "0:4:"
is "and nothing made beside it" "$(ls -A "$TMP/ro")" w.db
chmod 755 "$TMP/ro"

# A reader while an import holds the write lock: it answers at once with
# the last commit's events.
awk -v n=100000 -f "$SRCDIR/bench/gen-acled.awk" >"$TMP/big.csv"
"$SITREP" import --quiet --db "$db" "$TMP/big.csv" 2>"$TMP/bg.err" &
pid=$!
i=0
while sqlite3 -cmd ".timeout 0" "$db" "BEGIN IMMEDIATE; ROLLBACK" 2>/dev/null &&
	kill -0 $pid 2>/dev/null && [ $i -lt 600 ]; do sleep 0.05; i=$((i + 1)); done
locked=$(kill -0 $pid 2>/dev/null && echo yes)
run "$SITREP" count --db "$db"
still=$(kill -0 $pid 2>/dev/null && echo yes)
wait $pid
import_rc=$?
if [ "$locked$still" = yesyes ]; then
	is "during an import: a reader answers with the last commit" "$RC:$OUT:$ERR" "0:4:"
else
	fail "during an import: the import ended before the reader ran (locked=$locked still=$still)"
fi
n=$("$SITREP" count --db "$db")
is "and the import lands (more than 100,000 events now)" "$import_rc:$([ "$n" -gt 100000 ] && echo more)" "0:more"
done_testing
