#!/bin/sh
# data/outlines-ne50m.txt, the map's country outlines, is what its header
# says it is (data/make-outlines.py writes it; no test can rerun that
# without npm's world-atlas): a versioned header crediting Natural Earth,
# then polylines of whole numbers (hundredths of a degree) in pairs, whose
# points stay on the globe, and which draw Mali's borders.
. "$SRCDIR/tests/lib.sh"
plan 5
F="$SRCDIR/data/outlines-ne50m.txt"
is "first line names the format" "$(head -n 1 "$F")" "# sitrep-outlines 1"
like "header credits Natural Earth" "$(sed -n '1,6p' "$F")" "Natural Earth Admin 0"
# one awk pass: bad lines, points off the globe, points inside Mali's box
R=$(awk '!/^#/ {
	if (NF < 4 || NF % 2 || $0 !~ /^-?[0-9]+( -?[0-9]+)*$/) bad++
	x = 0; y = 0
	for (i = 1; i < NF; i += 2) {
		x += $i; y += $(i + 1)
		if (x < -18000 || x > 18000 || y < -9000 || y > 9000) off++
		if (x > -1225 && x < 425 && y > 1015 && y < 2500) mali++
	}
	lines++
} END { printf "%d %d %d %d\n", lines, bad, off, mali }' "$F")
set -- $R
check "polylines present ($1)" [ "$1" -gt 1000 ]
is "every line is pairs of whole numbers, points on the globe" "$2 $3" "0 0"
check "points in Mali's box ($4)" [ "$4" -gt 100 ]
done_testing
