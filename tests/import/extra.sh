#!/bin/sh
# An import loses nothing: every source column sitrep has no column for is
# kept in the event's extra object, shown by `sitrep show`, exported, and an
# ACLED file imported then exported as acled has its own values back.
. "$SRCDIR/tests/lib.sh"
. "$SRCDIR/tests/import/common.sh"
plan 21

T=$SHARED/testdata
MALI=$T/acled-mali-2017-2019/2017-01-01-2019-02-27-Mali.csv
SAHEL=$T/acled-sahel-2022/acled-sahel-2022h1.csv
GED=$T/ucdp-ged-19.1/ged191.csv
have_py() { command -v python3 >/dev/null || { echo "Bail out! python3 is needed (quickstart installs it)"; exit 1; }; }

# same_columns ORIGINAL EXPORTED COLUMN...: every row of ORIGINAL (by
# event_id_cnty, names compared ignoring case) has the same value in each
# COLUMN of EXPORTED; prints "ok" or the first differences.
same_columns() {
	python3 - "$@" <<'EOF'
import csv, sys
orig, exp, cols = sys.argv[1], sys.argv[2], sys.argv[3:]
def rows(path, enc):
    with open(path, newline='', encoding=enc) as f:
        return [{k.strip().lower(): v for k, v in r.items() if k} for r in csv.DictReader(f)]
try:
    a = rows(orig, 'utf-8-sig')
except UnicodeDecodeError:
    a = rows(orig, 'cp1252')
b = {r['event_id_cnty']: r for r in rows(exp, 'utf-8')}
bad = []
for r in a:
    e = b.get(r['event_id_cnty'])
    for c in cols:
        if e is None or r.get(c, '') != e.get(c):
            bad.append('%s %s: %r, exported %r' % (r['event_id_cnty'], c, r.get(c), e and e.get(c)))
print('\n'.join(bad[:5]) if bad else 'ok (%d rows)' % len(a))
EOF
}

KEPT="tags inter1 inter2 interaction civilian_targeting admin3 timestamp disorder_type iso region source_scale year time_precision event_date"

# The current layout, as published (blank tags and civilian_targeting).
"$SITREP" import --quiet --db "$TMP/sahel.db" "$SAHEL"
"$SITREP" export --db "$TMP/sahel.db" --format acled >"$TMP/sahel.csv"
if have_py; then
	like "sahel: acled export has every kept column back, every row" \
		"$(same_columns "$SAHEL" "$TMP/sahel.csv" $KEPT)" "^ok \(186 rows\)$"
else
	pass "sahel: # SKIP no python3"
fi
line=$(grep '^NIR14307,' "$TMP/sahel.csv")
like "sahel: NIR14307 keeps inter1, interaction, civilian_targeting, iso, region" "$line" \
	',2,Civilians \(Niger\),Labour Group \(Niger\),7,27,,562,Western Africa,'
like "sahel: NIR14307 keeps admin3, source_scale, tags, timestamp" "$line" \
	',Chetimari,.*,New media,.*,1,,1642439769,$' # date_range last, empty

# The same file with tags and civilian targeting filled in (the published
# dummy rows leave them blank): values with ';', quotes and UTF-8 come back.
if have_py; then
	python3 - "$SAHEL" "$TMP/tagged.csv" <<'EOF'
import csv, sys
with open(sys.argv[1], newline='', encoding='utf-8') as f:
    r = list(csv.reader(f))
h = r[0]
t, c = h.index('tags'), h.index('civilian_targeting')
for i, row in enumerate(r[1:]):
    if i % 3 == 0:
        row[t] = 'crowd size=no report; women targeted: "candidates" – %d' % i
    if i % 4 == 0:
        row[c] = 'Civilian targeting'
with open(sys.argv[2], 'w', newline='', encoding='utf-8') as f:
    csv.writer(f).writerows(r)
EOF
	"$SITREP" import --quiet --db "$TMP/tagged.db" "$TMP/tagged.csv"
	"$SITREP" export --db "$TMP/tagged.db" --format acled >"$TMP/tagged-out.csv"
	like "tagged: tags and civilian_targeting come back, every row" \
		"$(same_columns "$TMP/tagged.csv" "$TMP/tagged-out.csv" $KEPT)" "^ok \(186 rows\)$"
	run "$SITREP" import --db "$TMP/tagged.db" "$TMP/tagged.csv"
	like "tagged: a second import changes nothing" "$OUT" ": 186 read, 0 imported, 0 updated, 186 unchanged"
	run "$SITREP" import --db "$TMP/tagged.db" "$TMP/tagged-out.csv"
	like "tagged: its own acled export reads back as unchanged extras (ids, dates kept)" "$OUT" \
		": 186 read, 0 imported, [0-9]+ updated, [0-9]+ unchanged, 0 skipped"
else
	skip=1
	while [ $skip -le 3 ]; do pass "tagged: # SKIP no python3"; skip=$((skip + 1)); done
fi

# The 2019 layout: dates as written ("22 February 2019"), its own columns.
"$SITREP" import --quiet --db "$TMP/mali.db" "$MALI"
"$SITREP" export --db "$TMP/mali.db" --format acled >"$TMP/mali.csv"
if have_py; then
	like "mali 2019: inter codes, admin3, year, event_date as written come back" \
		"$(same_columns "$MALI" "$TMP/mali.csv" inter1 inter2 interaction admin3 year event_date time_precision)" \
		"^ok \(1339 rows\)$"
	# Aliases are merged into one actor ("GSIM" is JNIM) and both associate
	# lists into one role, yet the export writes the actors as the file did.
	like "mali 2019: the four actor columns as written come back" \
		"$(same_columns "$MALI" "$TMP/mali.csv" actor1 assoc_actor_1 actor2 assoc_actor_2)" \
		"^ok \(1339 rows\)$"
	like "sahel: the four actor columns as written come back" \
		"$(same_columns "$SAHEL" "$TMP/sahel.csv" actor1 assoc_actor_1 actor2 assoc_actor_2)" \
		"^ok \(186 rows\)$"
else
	pass "mali 2019: # SKIP no python3"
fi
run "$SITREP" show --db "$TMP/mali.db" MLI2665
like "show: an 'Original fields' section" "$OUT" "Original fields"
like "show: with the 2019 layout's own columns" "$OUT" "data_id +[0-9]"

# Legacy upper-case, Windows-1252: ACLED's columns kept under their current
# names (ADMIN3 as admin3, where admin3: looks), converted to UTF-8.
"$SITREP" import --quiet --db "$TMP/legacy.db" "$SRCDIR/tests/fixtures/acled-legacy-cp1252.csv" 2>/dev/null
run "$SITREP" show --db "$TMP/legacy.db" --format json MLI1001
like "legacy: extra keyed by ACLED's current name, converted to UTF-8" "$OUT" '"admin3": "Diébaly"'
like "legacy: acled export fills admin3 from ADMIN3" \
	"$("$SITREP" export --db "$TMP/legacy.db" --format acled | grep '^MLI1001,')" ',Diébaly,'

# UCDP GED: the dyad and conflict names, deaths per side.
"$SITREP" import --quiet --db "$TMP/ged.db" "$GED"
# 209980 is an origin id that looks like sitrep's own number: ask by that.
run "$SITREP" show --db "$TMP/ged.db" --format json "$(field "$TMP/ged.db" 209980 id)"
if have_py; then
	got=$(printf '%s' "$OUT" | python3 -c 'import json,sys
x = json.load(sys.stdin)["extra"]
print(x["dyad_name"] + "|" + x["conflict_name"] + "|" + x["deaths_b"])')
	is "ucdp: dyad_name, conflict_name, deaths_b kept" "$got" \
		"Government of Myanmar (Burma) - MNDAA|Myanmar (Burma): Kokang|1"
	n=$("$SITREP" export --db "$TMP/ged.db" --format json | python3 -c 'import json,sys
print(sum(1 for e in json.load(sys.stdin) if isinstance(e["extra"], dict) and e["extra"].get("dyad_name")))')
	is "ucdp: every event has its dyad_name (json export: extra is an object)" "$n" 3194
else
	pass "ucdp: # SKIP no python3"
	pass "ucdp: # SKIP no python3"
fi
is "ucdp: extra is a column of the csv export" \
	"$("$SITREP" export --db "$TMP/ged.db" --format csv | head -n 1 | grep -c ',origin_id,extra,')" 1

# Native: export and import keep extra exactly; a second import is unchanged.
"$SITREP" export --db "$TMP/ged.db" --format native --output "$TMP/ged.sitrep"
like "native: an extra: line per event" "$(grep -c '^extra: {' "$TMP/ged.sitrep")" "^3194$"
"$SITREP" import --quiet --db "$TMP/ged-rt.db" "$TMP/ged.sitrep"
is "native: the round trip keeps every extra" "$(field "$TMP/ged-rt.db" 209980 extra)" \
	"$(field "$TMP/ged.db" 209980 extra)"
extras() {
	"$SITREP" export --db "$1" --format tsv | awk -F '\t' 'NR == 1 {
		for (i = 1; i <= NF; i++) { if ($i == "origin_id") o = i; if ($i == "extra") x = i }
		next } { print $o "\t" $x }' | sort | cksum
}
is "native: and every event's, all 3194" "$(extras "$TMP/ged-rt.db")" "$(extras "$TMP/ged.db")"
run "$SITREP" import --db "$TMP/ged-rt.db" "$TMP/ged.sitrep"
like "native: a second import changes nothing" "$OUT" " 0 updated, 3194 unchanged, 0 skipped"

cat >"$TMP/bad.sitrep" <<'EOF'
# sitrep-data 1

@event
id: x1
kind: incident
date: 2020-01-02
title: A thing
extra: ["not", "an object"]
EOF
run "$SITREP" import --db "$TMP/bad.db" "$TMP/bad.sitrep"
like "native: extra that is not an object of strings is reported" "$ERR" \
	"bad.sitrep:3: extra must be a JSON object of strings"
done_testing
