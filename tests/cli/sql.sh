#!/bin/sh
# sitrep sql: reads run; anything that writes, attaches, loads an extension
# or changes a pragma is refused with a message naming it, and the file is
# left as it was.
. "$SRCDIR/tests/lib.sh"
plan 26
total=$("$SITREP" count)
run "$SITREP" sql --format csv 'SELECT count(*) AS n FROM event'
is "SELECT runs" "$RC" 0
is "SELECT counts what count counts" "$OUT" "n
$total"
run "$SITREP" sql --format csv "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3) SELECT x FROM c"
is "WITH RECURSIVE runs" "$(printf '%s' "$OUT" | tr '\n' ' ')" "x 1 2 3"
run "$SITREP" sql --format csv 'PRAGMA table_info(event)'
like "a reading pragma runs" "$OUT" '^[0-9]+,date_start,'
run "$SITREP" sql SELECT kind, count\(\*\) FROM event GROUP BY kind
like "words without quotes make one statement" "$OUT" 'context'

cp "$SITREP_DB" "$TMP/copy.db"
before=$(cksum <"$TMP/copy.db")
# refused STATEMENT PATTERN: exits 1, and the message matches
refused() {
	run "$SITREP" sql --db "$TMP/copy.db" "$1"
	if [ "$RC" = 1 ] && printf '%s\n' "$ERR" | grep -Eq -- "$2"; then pass "refused: $1"
	else fail "refused: $1" "rc $RC" "stderr: $ERR"; fi
}
refused "INSERT INTO meta(key, value) VALUES ('x', 'y')" 'writes to meta'
refused "UPDATE event SET fatalities = 0" 'writes to event'
refused "DELETE FROM event" 'writes to event'
refused "CREATE TABLE t(x)" 'changes the schema'
refused "CREATE TEMP TABLE t(x)" 'changes the schema'
refused "DROP TABLE event" 'changes the schema'
refused "ALTER TABLE event ADD COLUMN y" 'changes the schema'
refused "ATTACH DATABASE '$TMP/other.db' AS o" 'ATTACH opens or closes another database'
refused "DETACH DATABASE main" 'DETACH'
refused "SELECT load_extension('$TMP/evil')" 'load_extension\(\) loads code'
refused "PRAGMA user_version = 7" 'PRAGMA user_version with a value'
refused "PRAGMA journal_mode = WAL" 'PRAGMA journal_mode can change'
refused "PRAGMA writable_schema = 1" 'PRAGMA writable_schema can change'
refused "BEGIN" 'transaction'
refused "VACUUM" 'only reads|changes'
refused "SELECT 1; DELETE FROM event" 'more than one statement'
is "the file refused statements ran on is unchanged" "$(cksum <"$TMP/copy.db")" "$before"
test ! -e "$TMP/other.db" && pass "ATTACH created no file" || fail "ATTACH created no file"

# what the data holds reaches a terminal sanitised: no ESC in the table,
# \xHH in CSV
run "$SITREP" sql "SELECT 'a' || char(27) || '[31mred' AS x"
like "the statement with an escape ran" "$OUT" 'a.*red'
unlike "no escape byte reaches the output" "$OUT$ERR" "$(printf '\033')"
run "$SITREP" sql --format csv "SELECT 'a' || char(27) || 'b' AS x"
is "CSV writes it as \\xHH" "$OUT" 'x
a\x1bb'
done_testing
