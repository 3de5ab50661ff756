#!/bin/sh
# tests/fuzz/run.sh [-t SECONDS] [-n RUNS] [HARNESS...]: build the libFuzzer
# harnesses with clang (ASan + UBSan) against the library, built for them
# in tests/fuzz/out/build, and run each for SECONDS (default 60) or RUNS
# executions, whichever ends first when both are given, then print the
# executions each made and its executions per second. HARNESS is a name
# (csv, filter, dates, native, config, keyscript, saved_view, dbrow);
# default all. Not part of `make check` (fuzzing is long by nature): there,
# the unit tests named in tests/fuzz/regress/README check each defect a
# regression input found.
#
# Each harness first replays its regression inputs (tests/fuzz/regress/
# NAME/), then fuzzes from its corpus in tests/fuzz/out/corpus/NAME, which
# grows from run to run and starts from seeds cut from the real exports in
# ../shared/testdata, the data set's text files and the screen scenarios.
# A crash, leak or sanitizer report stops the harness and leaves the input
# in tests/fuzz/out/crash-NAME-*: once fixed, copy it into regress/NAME/.
# Needs clang and libclang-rt-14-dev. FUZZ_JOBS=N runs N harnesses at once.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
# not exported: configure's SITREP_SHARED from the build tree, else its default
shared=${SITREP_SHARED:-$(sed -n 's/^SITREP_SHARED = //p' "${BUILDDIR:-$top/build}/Makefile" 2>/dev/null)}
shared=${shared:-$top/../shared}
secs_budget=
runs_budget=
while getopts t:n: opt; do
	case $opt in
	t) secs_budget="-max_total_time=$OPTARG" ;;
	n) runs_budget="-runs=$OPTARG" ;;
	*) echo "usage: $0 [-t SECONDS] [-n RUNS] [HARNESS...]" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ -n "$secs_budget$runs_budget" ] || secs_budget="-max_total_time=60"
budget="$secs_budget $runs_budget"
all="csv filter dates native config keyscript saved_view dbrow"
names=${*:-$all}
out=${FUZZ_OUT:-$here/out} # FUZZ_OUT: another directory, for a second run at once
mkdir -p "$out/build"

# ---- the library, instrumented for coverage and the sanitizers
san="-fsanitize=address,undefined -fno-sanitize-recover=undefined"
# exports a page of 2 rows: the dbrow harness's few events then cross
# pages, and the 4096-row page's fixed cost (two 4096-parameter statements,
# 2 MB of buffers, five exports an input) no longer makes it 6 runs a second
page="-DEXPORT_PAGE=2"
if ! grep -q -- "$page" "$out/build/config.log" 2>/dev/null; then
	(cd "$out/build" && "$top/configure" -q CC=clang \
		CFLAGS="-g -O1 -fsanitize=fuzzer-no-link $san $page" LDFLAGS="$san")
fi
make -s -C "$out/build" src/libsitrep.a >/dev/null
build() { # NAME: out/fuzz_NAME
	extra=
	[ "$1" = dbrow ] && extra="$here/fuzz_cli_show.c $here/fuzz_cli_list.c $here/fuzz_cli_stats.c"
	# shellcheck disable=SC2086
	clang -g -O1 -std=c11 -fsanitize=fuzzer $san -I"$top/include" -I"$out/build" \
		-I"$top/src/query" -D_GNU_SOURCE "$here/fuzz_$1.c" $extra \
		"$out/build/src/libsitrep.a" -lncursesw -lsqlite3 -lm -lpthread -o "$out/fuzz_$1"
}

# ---- seeds: real text cut into inputs of at most 4 KiB
cut_into() { # DIR FILE...: each file in pieces of whole lines
	d=$1
	shift
	awk -v d="$d" 'FNR == 1 { f++; n = 0; size = 0 }
		{ if (size + length($0) > 4000 || n == 0) { n++; size = 0; name = d "/" f "-" n }
		  print > name; size += length($0) + 1; if (n > 20) nextfile }' "$@"
}
seed() { # NAME DIR
	d=$2
	mkdir -p "$d"
	case $1 in
	csv) cut_into "$d" "$shared"/testdata/*/*.csv "$top"/tests/fixtures/*.csv ;;
	native) cut_into "$d" "$top"/data/*.sitrep ;;
	keyscript) cp "$top"/tests/screen/*.keys "$d/" ;;
	config)
		sed -n 's/^# config: *//p' "$top"/tests/screen/*.keys > "$d/screens"
		printf 'theme = light\nmouse = on\ndate-order = descending\nbind <C-d> page-down\n' \
			> "$d/settings" ;;
	saved_view)
		printf 'filter on actor:JNIM\nfilter off since:2022\norder descending\nsort name\nzoom year\nsplit on\n' \
			> "$d/view" ;;
	filter)
		sed -n 's/^# args: *//p; s/^:filter *//p' "$top"/tests/screen/*.keys |
			awk -v d="$d" '{ print > (d "/" NR) }'
		printf 'actor:JNIM since:2022 -kind:context (type:battles OR fatalities:>10) near:Bamako,50km\n' \
			> "$d/many" ;;
	dates)
		# the date columns of the real exports, one date an input
		for f in "$shared"/testdata/*/*.csv; do
			awk -F, 'NR > 1 && NR < 60 { for (i = 1; i <= NF; i++)
				if ($i ~ /[0-9][0-9][0-9][0-9]|[A-Z][a-z]+ [0-9]/) print $i }' "$f"
		done | sort -u | head -n 300 | awk -v d="$d" '{ gsub(/"/, ""); printf "%s", $0 > (d "/" NR) }' ;;
	dbrow)
		# rows of the real exports as text values (tag 5, a length, bytes)
		python3 - "$d" "$shared"/testdata/*/*.csv <<'PY'
import csv, sys
d = sys.argv[1]
for k, path in enumerate(sys.argv[2:]):
    with open(path, newline='', encoding='utf-8', errors='replace') as f:
        for n, row in enumerate(csv.reader(f)):
            if n == 0 or n > 25:
                continue
            out = bytearray([0])  # one event
            for cell in row[:24]:
                b = cell.encode()[:255]
                out += bytes([5, len(b)]) + b
            with open(f"{d}/{k}-{n}", "wb") as o:
                o.write(out)
PY
		;;
	esac
}

export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1}"
# leaks checked (detect_leaks); a 16 MB quarantine rather than 256 MB: a
# use after free within an input is still caught, and the dbrow harness
# spent three quarters of its time in the kernel clearing fresh pages that
# the 256 MB quarantine kept it from reusing (41 ms -> 13 ms an input)
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:quarantine_size_mb=16}"
status=0
run_one() {
	name=$1
	build "$name"
	corpus=$out/corpus/$name
	[ -d "$corpus" ] || seed "$name" "$corpus"
	regress=$here/regress/$name
	if [ -d "$regress" ] && [ -n "$(ls "$regress")" ]; then
		(cd "$out" && ./"fuzz_$name" "$regress"/* > "$out/$name.regress.log" 2>&1) ||
			{ echo "fuzz_$name: a regression input fails: $out/$name.regress.log"; return 1; }
	fi
	log=$out/$name.log
	rc=0
	# dbrow: stats' warnings on stderr discarded (libFuzzer keeps its own
	# output and the sanitizers' reports on a copy of it)
	quiet=
	[ "$name" = dbrow ] && quiet=-close_fd_mask=2
	# shellcheck disable=SC2086 # budget is one or two options, quiet one or none
	(cd "$out" && nice ./"fuzz_$name" $budget $quiet -max_len=65536 -timeout=30 -rss_limit_mb=3072 \
		-print_final_stats=1 -artifact_prefix="$out/crash-$name-" "$corpus" \
		> "$log" 2>&1) || rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	secs=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log")
	rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
	printf '%-16s %12s executions in %6ss (%6s/s)  %s\n' "fuzz_$name" "${execs:-?}" \
		"${secs:-?}" "${rate:-?}" "$([ "$rc" = 0 ] && echo ok || echo "FAILED (exit $rc): $log")"
	return "$rc"
}
jobs=${FUZZ_JOBS:-1}
if [ "$jobs" -le 1 ]; then
	for h in $names; do run_one "$h" || status=1; done
else
	# N workers, each running its share of the harnesses one after another,
	# so that a harness that ends early hands its core to the next one
	pids=
	for w in $(seq "$jobs"); do
		(
			st=0
			i=0
			for h in $names; do
				i=$((i + 1))
				[ $(((i - 1) % jobs + 1)) = "$w" ] || continue
				run_one "$h" || st=1
			done
			exit $st
		) &
		pids="$pids $!"
	done
	for p in $pids; do wait "$p" || status=1; done
fi
exit $status
