#!/bin/sh
# sitrep map: the bundled data set's map labels Bamako and Kati (15 km
# apart, Kati a town of no known population: it ranks by its events) at
# 80x24 and 120x40, and Kati zoomed in near Bamako; draws the outlines and says so; --ascii and the C locale
# give only ASCII bytes; a filter with no events says so and exits as count
# does; an imported file of Myanmar and Bangladesh (UCDP GED) gets the
# extent of its own events.
. "$SRCDIR/tests/lib.sh"
plan 15
run "$SITREP" map --width 80 --height 24
is "map exits 0" "$RC" 0
like "Bamako labelled" "$OUT" "Bamako"
like "Kati labelled at 80x24" "$OUT" "Kati"
like "legend: events drawn, outlines credited" "$(printf '%s\n' "$OUT" | tail -n 1)" \
	"[0-9]+ events drawn of [0-9]+ matching; outlines: Natural Earth"
is "24 lines" "$(printf '%s\n' "$OUT" | wc -l | tr -d ' ')" 24
like "braille dots drawn" "$OUT" "$(printf '\342\240')"
run "$SITREP" map --width 120 --height 40
like "Bamako labelled at 120x40" "$OUT" "Bamako"
like "Kati labelled at 120x40" "$OUT" "Kati"
run "$SITREP" map 'near:12.65,-8.0<60'
like "Kati labelled near Bamako" "$OUT" "Kati"
run "$SITREP" map --ascii
check "--ascii: only ASCII bytes" sh -c 'printf "%s\n" "$1" | LC_ALL=C grep -q "[^ -~]" && exit 1 || exit 0' - "$OUT"
like "--ascii draws events and outlines" "$OUT" "[.].*[+*#]|[+*#].*[.]"
OUT=$(LC_ALL=C "$SITREP" map)
check "C locale: only ASCII bytes" sh -c 'printf "%s\n" "$1" | LC_ALL=C grep -q "[^ -~]" && exit 1 || exit 0' - "$OUT"
run "$SITREP" map zzqqxx
"$SITREP" count zzqqxx >/dev/null 2>&1
is "no events: says so, exits as count does" "$RC $OUT" "$? no events match the filter: no map"
db="$TMP/ged.db"
"$SITREP" import --quiet --db "$db" "$SHARED/testdata/ucdp-ged-19.1/ged191.csv" || echo "# import failed"
run "$SITREP" map --db "$db"
legend=$(printf '%s\n' "$OUT" | tail -n 1)
# Myanmar and Bangladesh lie within 9..29 N, 88..102 E; the view adds
# a margin and widens one side to the grid's shape
like "imported file: extent of its own events" "$legend" \
	"^([5-9]|1[0-9]|2[0-9])\.[0-9]N\.\.(2[0-9]|3[0-5])\.[0-9]N [6-9][0-9]\.[0-9]E\.\.(9[0-9]|1[01][0-9])\.[0-9]E; "
unlike "imported file: no Mali place labelled" "$OUT" "Bamako|Tombouctou"
done_testing
