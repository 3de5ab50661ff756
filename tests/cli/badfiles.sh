#!/bin/sh
# Browsing a file that is not a sitrep database fails with one clear line
# naming the file, a non-zero status, and leaves the file byte-for-byte as
# it was. A missing file is an error and is never created.
. "$SRCDIR/tests/lib.sh"
plan 39

printf 'just some text\nnot a database\n' > "$TMP/text.txt"
sqlite3 "$TMP/other.db" 'CREATE TABLE t (x); INSERT INTO t VALUES (1);'
# Another program's file that happens to have a table "event" and version 1.
sqlite3 "$TMP/lookalike.db" 'PRAGMA user_version = 1; CREATE TABLE event (id, date_start);'
cp "$SITREP_DB" "$TMP/newer.db"
sqlite3 "$TMP/newer.db" 'PRAGMA user_version = 99;'
size=$(wc -c < "$SITREP_DB")
head -c $((size / 3)) "$SITREP_DB" > "$TMP/truncated.db"
# Damage the middle of a copy: page headers become garbage.
cp "$SITREP_DB" "$TMP/corrupt.db"
dd if=/dev/urandom of="$TMP/corrupt.db" bs=4096 seek=2 count=$((size / 4096 - 3)) conv=notrunc 2>/dev/null
: > "$TMP/empty.db"
head -c 100 "$SITREP_DB" > "$TMP/header-only.db"

for f in text.txt other.db lookalike.db newer.db truncated.db corrupt.db empty.db header-only.db; do
	sum_before=$(sha256sum "$TMP/$f" | cut -d' ' -f1)
	run "$SITREP" list --db "$TMP/$f"
	if [ "$RC" -ne 0 ]; then pass "$f: non-zero status"; else fail "$f: non-zero status" "status 0"; fi
	lines=$(printf '%s\n' "$ERR" | grep -c .)
	if [ "$lines" -eq 1 ] && printf '%s' "$ERR" | grep -q "$f"; then
		pass "$f: one line naming the file"
	else
		fail "$f: one line naming the file" "stderr: $ERR"
	fi
	is "$f: unchanged" "$(sha256sum "$TMP/$f" | cut -d' ' -f1)" "$sum_before"
	[ -e "$TMP/$f-journal" ] && fail "$f: journal left behind"
done

run "$SITREP" list --db "$TMP/missing.db"
is "missing file: status 1" "$RC" 1
like "missing file: says so" "$ERR" 'missing.db: No such file'
if [ -e "$TMP/missing.db" ]; then fail "missing file not created"; else pass "missing file not created"; fi
run "$SITREP" list --db "$TMP/newer.db"
like "newer schema: says which version" "$ERR" 'schema version 99 is newer'
run "$SITREP" show --db "$TMP/other.db" 1
like "another SQLite file: says what it is" "$ERR" 'not a sitrep database'
run "$SITREP" list --db "$TMP/lookalike.db"
like "a look-alike SQLite file: says what it is" "$ERR" 'lookalike.db: not a sitrep database'
run "$SITREP" list --db "$TMP"
like "a directory: says so" "$ERR" 'is a directory'
run env SITREP_DB="$TMP/text.txt" "$SITREP" list
like "\$SITREP_DB is honoured" "$ERR" 'text.txt'
run "$SITREP" list --db "$SITREP_DB" --limit 1
is "--db wins over \$SITREP_DB" "$RC" 0

# An import killed mid-write leaves a hot journal. Browsing must not roll
# it back (that is a write) but must say how; --recover does it.
cp "$SITREP_DB" "$TMP/hot.db"
python3 -c "
import sqlite3, os
c = sqlite3.connect('$TMP/hot.db', isolation_level=None)
c.execute('PRAGMA cache_size = 1')
c.execute('BEGIN')
c.execute(\"UPDATE event SET title = title || 'x', description = description || printf('%.*c', 30000, 'x')\")
os._exit(9)"
sum_before=$(sha256sum "$TMP/hot.db" "$TMP/hot.db-journal")
run "$SITREP" list --db "$TMP/hot.db"
like "hot journal: browsing says how to recover" "$ERR" 'interrupted import .*--recover'
is "hot journal: browsing leaves both files as they were" \
   "$(sha256sum "$TMP/hot.db" "$TMP/hot.db-journal")" "$sum_before"
run "$SITREP" import --recover --db "$TMP/hot.db"
is "import --recover: exits 0" "$RC" 0
run "$SITREP" list --db "$TMP/hot.db" --format csv
is "after --recover the data is as before the interrupted write" "$OUT" \
   "$("$SITREP" list --db "$SITREP_DB" --format csv)"

# A file another program is writing (an import holds its lock to the
# commit): after the busy timeout, one line that says so.
cp "$SITREP_DB" "$TMP/locked.db"
mkfifo "$TMP/lock.fifo"
sqlite3 "$TMP/locked.db" <"$TMP/lock.fifo" &
holder=$!
exec 9>"$TMP/lock.fifo"
# The holder waits for the lock (a probe below may be reading just then).
printf '.timeout 10000\nBEGIN EXCLUSIVE;\n' >&9
i=0
while [ $i -lt 50 ] && sqlite3 "$TMP/locked.db" 'SELECT count(*) FROM meta' >/dev/null 2>&1; do
	sleep 0.1; i=$((i + 1))
done
run "$SITREP" count --db "$TMP/locked.db"
is "locked: browsing fails" "$RC" 1
like "locked: says another program is writing it" "$ERR" \
	"locked.db: cannot read the database: database is locked \\(another program is writing it"
echo "ROLLBACK;" >&9
exec 9>&-
wait $holder
done_testing
