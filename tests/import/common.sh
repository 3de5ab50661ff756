# tests/import/common.sh: helpers for the import/export tests (sourced
# after tests/lib.sh).

# field DB ORIGIN_ID COLUMN: one column of the event with that origin id,
# read back through `sitrep export --format tsv`.
field() {
	"$SITREP" export --db "$1" --format tsv | awk -F '\t' -v id="$2" -v col="$3" '
		NR == 1 {
			for (i = 1; i <= NF; i++) {
				if ($i == col) c = i
				if ($i == "origin_id") o = i
			}
			next
		}
		$o == id { print $c; exit }'
}

# events DB: how many events the database holds.
events() {
	"$SITREP" export --db "$1" --format tsv | awk 'END { print NR - 1 }'
}

# digest DB: the whole database's content as text, for "unchanged" checks.
digest() {
	"$SITREP" export --db "$1" --format native | cksum
}

# import_with_csv FILE: FILE imported into $db (one test), and read by the
# sqlite3 shell's own CSV reader into table a of $csv, to count from.
import_with_csv() {
	db=$TMP/imported.db
	csv=$TMP/csv.db
	run "$SITREP" import --db "$db" "$1"
	check "the file imports" [ "$RC" -eq 0 ]
	sqlite3 "$csv" ".import --csv '$1' a"
}
