#!/bin/sh
# Broken input: each problem gets a file:line message, is counted, and
# never crashes the import or damages the database.
. "$SRCDIR/tests/lib.sh"
. "$SRCDIR/tests/import/common.sh"
plan 28

F=$SRCDIR/tests/fixtures
db=$TMP/b.db
"$SITREP" import --quiet --db "$db" "$F/acled-excel-bom.csv" || echo "# setup failed"
cp "$db" "$TMP/s.db"

run "$SITREP" import --db "$db" "$F/acled-broken.csv"
is "bad rows: the good rows land" "$RC" 0
like "bad rows: counted in the summary" "$OUT" ": 5 read, 2 imported, 0 updated, 0 unchanged, 3 skipped"
like "too few fields: file:line and reason" "$ERR" "acled-broken.csv:3: 6 fields, the header has 31"
like "bad date: file:line and reason" "$ERR" "acled-broken.csv:4: MLI3003: bad event_date '2023-02-30'"
like "latitude 999: file:line and reason" "$ERR" "acled-broken.csv:5: coordinates out of range: 999, -7.6703"

before=$(digest "$TMP/s.db")
run "$SITREP" import --strict --db "$TMP/s.db" "$F/acled-broken.csv"
is "--strict: fails" "$RC" 1
like "--strict: stops at the first bad row" "$ERR" "acled-broken.csv:3: "
unlike "--strict: and reports no other" "$ERR" "acled-broken.csv:4: "
like "--strict: says the file was not imported" "$ERR" "not imported; the database is unchanged"
is "--strict: the database is unchanged" "$(digest "$TMP/s.db")" "$before"

run "$SITREP" import --db "$TMP/q.db" "$F/acled-unterminated.csv"
like "unterminated quote: reported at its line" "$ERR" \
	"acled-unterminated.csv:3: unterminated quoted field at end of file"
like "unterminated quote: rows before it land" "$OUT" ": 2 read, 1 imported, 0 updated, 0 unchanged, 1 skipped"

: >"$TMP/empty.csv"
run "$SITREP" import --db "$db" "$TMP/empty.csv"
is "empty file: fails" "$RC" 1
like "empty file: says so" "$ERR" "empty.csv: empty file: nothing to import"

printf '\177ELF\002\001\001\000\000\000\000\000\000\000\000\000\003\000>\000' >"$TMP/bin.csv"
head -c 4096 /dev/urandom >>"$TMP/bin.csv"
run "$SITREP" import --db "$db" "$TMP/bin.csv"
is "binary file: fails" "$RC" 1
like "binary file: says so" "$ERR" "bin.csv: binary data"

printf 'a,b,c\n1,2,3\n' >"$TMP/other.csv"
run "$SITREP" import --db "$db" "$TMP/other.csv"
is "unknown header: fails" "$RC" 1
like "unknown header: says so" "$ERR" "other.csv:1: not an ACLED or UCDP GED header"

run "$SITREP" import --db "$db" "$TMP/missing.csv"
is "missing file: fails" "$RC" 1
like "missing file: says so" "$ERR" "missing.csv: No such file or directory"

run "$SITREP" import --db "$TMP/new.db" "$TMP/missing.csv" "$TMP/other.csv"
is "a new database where nothing lands: fails" "$RC" 1
check "a new database where nothing lands: is not left behind" test ! -e "$TMP/new.db"
run "$SITREP" import --quiet --db "$TMP/new.db" "$TMP/missing.csv" "$F/acled-broken.csv"
check "a new database where one file lands: stays" test -s "$TMP/new.db"

is "after all that, the database holds what it held" "$(digest "$db")" "$(
	"$SITREP" import --quiet --db "$TMP/c.db" "$F/acled-excel-bom.csv" "$F/acled-broken.csv" 2>/dev/null
	digest "$TMP/c.db")"
run "$SITREP" import --db "$db" "$F/acled-broken.csv"
like "nothing crashed: a later import still works" "$OUT" "0 imported, 0 updated, 2 unchanged, 3 skipped"
# a file whose every row is bad lands nothing: that is a failure, and a
# database the command made for it is not left behind
head -1 "$F/acled-broken.csv" > "$TMP/allbad.csv"
sed -n 3,4p "$F/acled-broken.csv" >> "$TMP/allbad.csv"
run "$SITREP" import --db "$TMP/none.db" "$TMP/allbad.csv"
is "every row skipped: exit 1" "$RC" 1
like "every row skipped: says so" "$ERR" "allbad.csv: every row was skipped: nothing imported"
if [ -e "$TMP/none.db" ]; then fail "every row skipped: no new database left"
else pass "every row skipped: no new database left"; fi
done_testing
