#!/bin/sh
# Faults during an import: a full disk (a 2 MB tmpfs, mounted here; the
# tests on it are skipped when the mount is refused, as it is to a user
# that is not root), a read-only file system (the same tmpfs remounted
# read-only: root writes through a mode 555 directory), a database path
# that is a FIFO, a file that shrinks while it is imported. Each gives a
# clear error and leaves the database as it was (cksum), and none leaves an
# empty database behind. The rows are synthetic (bench/gen-acled.awk).
. "$SRCDIR/tests/lib.sh"
plan 24

F=$SRCDIR/tests/fixtures/acled-broken.csv
sed -n 1,2p "$F" >"$TMP/small.csv"
awk -v n=20000 -f "$SRCDIR/bench/gen-acled.awk" >"$TMP/big.csv" # 9 MB
D=$TMP/disk
mkdir "$D"
trap 'umount "$D" 2>/dev/null; rm -rf "$TMP"' EXIT

if ! mount -t tmpfs -o size=2m tmpfs "$D" 2>"$TMP/mount.err"; then
	why=$(head -n 1 "$TMP/mount.err")
	for _ in $(seq 14); do
		TAP_N=$((TAP_N + 1))
		echo "ok $TAP_N # SKIP no tmpfs to fill: mount refused ($why)"
	done
else
	# ---- a full disk, into a database that holds an event
	run "$SITREP" import --db "$D/a.db" "$TMP/small.csv"
	is "full disk: the first import lands" "$RC" 0
	sum=$(cksum <"$D/a.db")
	run "$SITREP" import --db "$D/a.db" "$TMP/big.csv"
	is "full disk: exit 1" "$RC" 1
	like "full disk: says so" "$ERR" "a.db: database or disk is full; not imported, the database is unchanged"
	is "full disk: the database is as it was" "$(cksum <"$D/a.db")" "$sum"
	is "full disk: nothing beside it" "$(ls "$D")" "a.db"

	# ---- a full disk, into a new database
	run "$SITREP" import --db "$D/b.db" "$TMP/big.csv"
	is "full disk, new database: exit 1" "$RC" 1
	is "full disk, new database: none left" "$(ls "$D")" "a.db"
	# so full that not even the schema fits: no 0-byte file either
	head -c 4000000 /dev/zero >"$D/fill" 2>/dev/null
	run "$SITREP" import --db "$D/c.db" "$TMP/small.csv"
	is "disk full before the schema: exit 1" "$RC" 1
	like "disk full before the schema: says so" "$ERR" "c.db: cannot create the schema: database or disk is full"
	is "disk full before the schema: no empty database left" "$(ls "$D")" "$(printf 'a.db\nfill')"
	rm -f "$D/fill"

	# ---- a read-only file system
	mount -o remount,ro "$D"
	run "$SITREP" import --db "$D/a.db" "$TMP/small.csv"
	is "read-only: exit 1" "$RC" 1
	like "read-only: says so" "$ERR" "a.db: cannot write the database: Read-only file system"
	is "read-only: the database is as it was" "$(cksum <"$D/a.db")" "$sum"
	run "$SITREP" import --db "$D/new.db" "$TMP/small.csv"
	like "read-only, new database: says so" "$ERR" \
		"new.db: cannot create the database in .*: Read-only file system"
	umount "$D"
fi

# ---- --db on a FIFO: refused at once, never opened (which would block)
mkfifo "$TMP/fifo"
run timeout 20 "$SITREP" import --db "$TMP/fifo" "$TMP/small.csv"
is "FIFO as database, import: exit 1 (no wait)" "$RC" 1
like "FIFO as database, import: says why" "$ERR" "fifo: not a regular file, so not a database"
run timeout 20 "$SITREP" list --db "$TMP/fifo"
is "FIFO as database, list: exit 1 (no wait)" "$RC" 1
like "FIFO as database, list: says why" "$ERR" "fifo: not a regular file, so not a database"

# ---- a file that shrinks while it is imported: cut to half once the
# import has it open (its descriptor in /proc); 100,000 rows take seconds
"$SITREP" import --db "$TMP/s.db" "$TMP/small.csv" >/dev/null
before=$("$SITREP" count --db "$TMP/s.db")
awk -v n=100000 -f "$SRCDIR/bench/gen-acled.awk" >"$TMP/shrink.csv" # 47 MB
"$SITREP" import --db "$TMP/s.db" "$TMP/shrink.csv" >"$TMP/shrink.out" 2>"$TMP/shrink.err" &
pid=$!
opened=no
while kill -0 "$pid" 2>/dev/null; do
	if find "/proc/$pid/fd" -lname '*shrink.csv' 2>/dev/null | grep -q .; then
		opened=yes
		break
	fi
done
truncate -s 20000000 "$TMP/shrink.csv"
wait "$pid"
RC=$?
is "shrinking file: seen open before it was cut" "$opened" yes
is "shrinking file: exit 1" "$RC" 1
like "shrinking file: says the file changed" "$(cat "$TMP/shrink.err")" \
	"shrink.csv: the file changed while it was imported"
is "shrinking file: no event of it landed" "$("$SITREP" count --db "$TMP/s.db")" "$before"
run "$SITREP" sql --db "$TMP/s.db" "PRAGMA integrity_check"
like "shrinking file: integrity ok" "$OUT" "^ok|ok$"
is "shrinking file: nothing else said" "$(grep -vc 'changed while it was imported' "$TMP/shrink.err")" 0

done_testing
