#!/bin/sh
# tests/fuzz/run.sh [SECONDS]: build the libFuzzer harnesses with clang
# (ASan + UBSan) against the library's sources and run each for SECONDS
# (default 60). Not part of `make check`: fuzzing is long by nature.
# Needs clang and libclang-rt-14-dev. Crashes are left in tests/fuzz/out/.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
secs=${1:-60}
out=$here/out
mkdir -p "$out"
cfg=$(mktemp -d)
trap 'rm -rf "$cfg"' EXIT
echo '#define _GNU_SOURCE 1' > "$cfg/config.h"
lib="base/util base/strbuf text/text text/text_translit text/date text/date_formats text/csv
base/sqlfrag query/filter_lex query/filter_parse query/filter_value query/filter_ast
query/filter_stack"
srcs=$(for m in $lib; do printf '%s/src/%s.c ' "$top" "$m"; done)
for h in filter dates csv; do
	clang -g -O1 -std=c11 -fsanitize=fuzzer,address,undefined -I"$top/include" -I"$top/src/query" -I"$cfg" \
		-D_GNU_SOURCE "$here/fuzz_$h.c" $srcs -lsqlite3 -lm -o "$out/fuzz_$h"
	echo "== fuzz_$h for ${secs}s"
	(cd "$out" && ./"fuzz_$h" -max_total_time="$secs" -max_len=4096 -print_final_stats=1 \
		2>&1 | tail -n 4)
done
