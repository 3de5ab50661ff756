/* Unit tests for text: decoding, widths, sanitising, fitting, folding.
 * Hostile input comes first among the concerns: whatever the data holds,
 * nothing sanitised or fitted may carry a control byte to the terminal. */
#include "config.h"

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "sitrep/strbuf.h"
#include "sitrep/text.h"

/* Printable text is written as itself; what does not show is named here.
 * Bytes that are not UTF-8 are written in octal where a hex escape would
 * swallow the letter after them ("a\200b"). */
#define ELLIPSIS   "\xE2\x80\xA6" /* U+2026, what text_fit marks a cut with */
#define FFFD       "\xEF\xBF\xBD" /* U+FFFD REPLACEMENT CHARACTER */
#define ACUTE      "\xCC\x81"     /* U+0301 COMBINING ACUTE ACCENT */
#define CIRCUMFLEX "\xCC\x82"     /* U+0302 COMBINING CIRCUMFLEX ACCENT */
#define NBSP       "\xC2\xA0"     /* U+00A0 NO-BREAK SPACE */
#define NEL        "\xC2\x85"     /* U+0085 NEXT LINE (C1) */
#define CSI8       "\xC2\x9B"     /* U+009B CONTROL SEQUENCE INTRODUCER (C1) */
#define ALM        "\xD8\x9C"     /* U+061C ARABIC LETTER MARK */
#define RLM        "\xE2\x80\x8F" /* U+200F RIGHT-TO-LEFT MARK */
#define LSEP       "\xE2\x80\xA8" /* U+2028 LINE SEPARATOR */
#define RLO        "\xE2\x80\xAE" /* U+202E RIGHT-TO-LEFT OVERRIDE */
#define RLI        "\xE2\x81\xA7" /* U+2067 RIGHT-TO-LEFT ISOLATE */

/* No C0 byte, no DEL, no C1 control encoded as UTF-8 (C2 80..C2 9F). */
static void assert_terminal_safe(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	for (; *p; p++) {
		if (*p < 0x20 || *p == 0x7F)
			fail_msg("control byte 0x%02x in \"%s\"", *p, s);
		if (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)
			fail_msg("C1 control C2 %02X in \"%s\"", p[1], s);
	}
}

static void assert_ascii_only(const char *s)
{
	for (; *s; s++)
		assert_true(*s >= 0x20 && *s < 0x7F);
}

/* Sanitise s and compare, checking safety on the way. */
static void check_sanitize(const char *s, int flags, const char *want)
{
	char *got = text_sanitized(s, flags);

	assert_terminal_safe(got);
	if (flags & TEXT_ASCII)
		assert_ascii_only(got);
	assert_string_equal(got, want);
	free(got);
}

/* Fit s and compare both the text and the columns reported. */
static void check_fit(const char *s, int cols, int flags, const char *want, int want_cols)
{
	struct strbuf sb = STRBUF_INIT;
	int cols_out = text_fit(&sb, s, cols, flags);

	assert_terminal_safe(sb_str(&sb));
	if (flags & TEXT_ASCII)
		assert_ascii_only(sb_str(&sb));
	assert_string_equal(sb_str(&sb), want);
	assert_int_equal(cols_out, want_cols);
	assert_true(cols_out <= (cols > 0 ? cols : 0));
	if (!(flags & TEXT_ASCII))
		assert_int_equal(text_width(sb_str(&sb)), cols_out);
	sb_free(&sb);
}

static void check_fold(const char *s, const char *want)
{
	char *got = text_fold(s);

	assert_string_equal(got, want);
	free(got);
}

static void check_decode(const char *s, uint32_t want_cp, size_t want_len)
{
	uint32_t cp = 0;

	assert_int_equal(text_decode(s, strlen(s), &cp), want_len);
	assert_int_equal(cp, want_cp);
}

/* ---- decoding and encoding */

static void decode_valid(void **state)
{
	(void)state;
	check_decode("A", 'A', 1);
	check_decode("é", 0xE9, 2);
	check_decode("…", 0x2026, 3);
	check_decode("😀", 0x1F600, 4);
	check_decode("\xF4\x8F\xBF\xBF", 0x10FFFF, 4); /* the last code point */
}

static void decode_invalid_takes_one_byte(void **state)
{
	(void)state;
	check_decode("\x80", TEXT_REPLACEMENT, 1);             /* lone continuation */
	check_decode("\xC0\x80", TEXT_REPLACEMENT, 1);         /* overlong NUL */
	check_decode("\xE0\x80\xAF", TEXT_REPLACEMENT, 1);     /* overlong '/' */
	check_decode("\xE2\x82", TEXT_REPLACEMENT, 1);         /* truncated */
	check_decode("\xED\xA0\x80", TEXT_REPLACEMENT, 1);     /* surrogate D800 */
	check_decode("\xF4\x90\x80\x80", TEXT_REPLACEMENT, 1); /* above U+10FFFF */
	check_decode("\xFF", TEXT_REPLACEMENT, 1);
	check_decode("\303A", TEXT_REPLACEMENT, 1); /* lead byte, then ASCII */
}

static void decode_respects_length(void **state)
{
	uint32_t cp;

	(void)state;
	/* Three bytes would decode, but only two may be read. */
	assert_int_equal(text_decode("…", 2, &cp), 1);
	assert_int_equal(cp, TEXT_REPLACEMENT);
}

static void encode_round_trip(void **state)
{
	static const uint32_t cps[] = {0x41,   0x7F,   0x80,    0xE9,    0x7FF,   0x800,
				       0x2026, 0xFFFD, 0x10000, 0x1F600, 0x2A6D6, 0x10FFFF};
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cps) / sizeof(cps[0]); i++) {
		uint32_t cp;

		sb_reset(&sb);
		text_encode(&sb, cps[i]);
		assert_int_equal(text_decode(sb_str(&sb), sb.len, &cp), sb.len);
		assert_int_equal(cp, cps[i]);
	}
	sb_free(&sb);
}

static void encode_invalid_gives_replacement(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	text_encode(&sb, 0xD800);
	text_encode(&sb, 0x110000);
	assert_string_equal(sb_str(&sb), FFFD FFFD);
	sb_free(&sb);
}

/* ---- unsafe code points and widths */

static void unsafe_code_points(void **state)
{
	static const uint32_t bad[] = {0x00,   0x07,   0x1B,   0x1F,   0x7F,   0x80,
				       0x85,   0x9B,   0x9F,   0x061C, 0x200E, 0x200F,
				       0x202A, 0x202E, 0x2066, 0x2069, 0xD800, 0x110000};
	static const uint32_t good[] = {0x20,   0x7E,   0xA0,   0xE9,   0x2026,
					0x202F, 0x2065, 0x206A, 0xFFFD, 0x1F600};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_true(text_is_unsafe(bad[i]));
	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		assert_false(text_is_unsafe(good[i]));
}

static void width_ascii_and_latin(void **state)
{
	(void)state;
	assert_int_equal(text_width(""), 0);
	assert_int_equal(text_width(NULL), 0);
	assert_int_equal(text_width("Bamako"), 6);
	assert_int_equal(text_width("Ségou"), 5);
	assert_int_equal(text_width("DÏDIÉNI"), 7);
}

static void width_wide_cjk(void **state)
{
	(void)state;
	assert_int_equal(text_width("日本語"), 6);
	assert_int_equal(text_cp_width(0x65E5), 2);
}

static void width_combining(void **state)
{
	(void)state;
	assert_int_equal(text_cp_width(0x0301), 0);
	assert_int_equal(text_width("e" ACUTE), 1); /* e + U+0301 */
	assert_int_equal(text_width("Se" ACUTE "gou"), 5);
}

static void width_emoji(void **state)
{
	(void)state;
	assert_int_equal(text_width("😀"), 2);
	assert_int_equal(text_width("a🔥b"), 4);
}

static void width_of_unsafe_is_replacement(void **state)
{
	(void)state;
	assert_int_equal(text_cp_width(0x1B), 1);
	assert_int_equal(text_cp_width(0x9B), 1);
	assert_int_equal(text_width("\x1b[2J"), 4);
	assert_int_equal(text_width("a\r\nb"), 3); /* CR LF is one space */
	assert_int_equal(text_width("\xE2\x82"), 2);
	/* wcwidth gives bidi controls 0 columns; their U+FFFD takes 1. */
	assert_int_equal(text_cp_width(0x202E), 1);
	assert_int_equal(text_width("a" RLO), 2);
}

static void width_unknown_to_libc_is_one(void **state)
{
	(void)state;
	/* Unassigned (U+0378) and private use: wcwidth says -1 or 1. */
	assert_int_equal(text_cp_width(0x0378), 1);
	assert_int_equal(text_cp_width(0xE000), 1);
}

/* ---- sanitising */

static void sanitize_plain_text_unchanged(void **state)
{
	(void)state;
	check_sanitize("Attack near Gao", 0, "Attack near Gao");
	check_sanitize("Ségou — Ménaka", 0, "Ségou — Ménaka");
	check_sanitize("日本", 0, "日本");
	check_sanitize(NULL, 0, "");
}

static void sanitize_osc_title_sequence(void **state)
{
	(void)state;
	check_sanitize("\x1b]0;pwned\x07", 0, FFFD "]0;pwned" FFFD);
	check_sanitize("\x1b]0;pwned\x07", TEXT_ASCII, "?]0;pwned?");
}

static void sanitize_csi_sequences(void **state)
{
	(void)state;
	check_sanitize("\x1b[2J", 0, FFFD "[2J");
	check_sanitize("x" CSI8 "31mred", 0, "x" FFFD "31mred");
	check_sanitize("\x7f\x01z", 0, FFFD FFFD "z");
}

static void sanitize_line_breaks_become_spaces(void **state)
{
	(void)state;
	check_sanitize("\r", 0, " ");
	check_sanitize("a\r\nb", 0, "a b");
	check_sanitize("a\n\nb", 0, "a  b");
	check_sanitize("a\tb\rc", 0, "a b c");
	check_sanitize("a" LSEP "b", 0, "a b");
	check_sanitize("a" NEL "b", 0, "a b");
	check_sanitize("a\r\n", TEXT_ASCII, "a ");
}

static void sanitize_bidi_controls(void **state)
{
	(void)state;
	check_sanitize("abc" RLO "cba", 0, "abc" FFFD "cba");
	check_sanitize("x" RLI "y", 0, "x" FFFD "y");
	check_sanitize(RLM ALM, 0, FFFD FFFD);
	check_sanitize("abc" RLO "cba", TEXT_ASCII, "abc?cba");
}

static void sanitize_invalid_utf8(void **state)
{
	(void)state;
	check_sanitize("a\200b", 0, "a" FFFD "b");
	check_sanitize("\xC0\x80", 0, FFFD FFFD);
	check_sanitize("\xE2\x82", 0, FFFD FFFD);
	check_sanitize("\xED\xA0\x80", 0, FFFD FFFD FFFD);
	check_sanitize("\xF4\x90\x80\x80", 0, FFFD FFFD FFFD FFFD);
	check_sanitize("\xE2\x82x", TEXT_ASCII, "??x");
}

static void sanitize_ascii_transliterates(void **state)
{
	(void)state;
	check_sanitize("Ségou", TEXT_ASCII, "Segou");
	check_sanitize("DÏDIÉNI", TEXT_ASCII, "DIDIENI");
	check_sanitize("çñøßæœ", TEXT_ASCII, "cnossaeoe");
	check_sanitize("Łódź", TEXT_ASCII, "Lodz");
	check_sanitize("Se" ACUTE "gou", TEXT_ASCII, "Segou"); /* decomposed accent dropped */
	check_sanitize("Sɛgu", TEXT_ASCII, "Segu");            /* Bambara open e */
}

static void sanitize_ascii_punctuation(void **state)
{
	(void)state;
	check_sanitize("l’armée", TEXT_ASCII, "l'armee");
	check_sanitize("“JNIM”", TEXT_ASCII, "\"JNIM\"");
	check_sanitize("2012–2013 — x", TEXT_ASCII, "2012-2013 - x");
	check_sanitize("wait…", TEXT_ASCII, "wait...");
	check_sanitize("«a" NBSP "b»", TEXT_ASCII, "\"a b\"");
}

static void sanitize_ascii_others_question_mark(void **state)
{
	(void)state;
	check_sanitize("日本", TEXT_ASCII, "??");
	check_sanitize("بم", TEXT_ASCII, "??"); /* Arabic */
	check_sanitize("😀!", TEXT_ASCII, "?!");
	check_sanitize(FFFD, TEXT_ASCII, "?");
}

static void sanitize_appends(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	sb_add(&sb, "[");
	text_sanitize(&sb, "a\x1b", 0);
	sb_add(&sb, "]");
	assert_string_equal(sb_str(&sb), "[a" FFFD "]");
	sb_free(&sb);
}

/* Every control byte, alone and around text, in both modes. */
static void sanitize_every_control_byte(void **state)
{
	char s[8];
	int c, flags;

	(void)state;
	for (flags = 0; flags <= TEXT_ASCII; flags += TEXT_ASCII) {
		for (c = 1; c < 0x100; c++) {
			char *got;

			if (c >= 0x20 && c < 0x7F)
				continue;
			s[0] = 'a';
			s[1] = (char)c;
			s[2] = 'b';
			s[3] = '\0';
			got = text_sanitized(s, flags);
			assert_terminal_safe(got);
			free(got);
			if (c >= 0x80 && c <= 0x9F) { /* the same as a C1 code point */
				s[1] = (char)0xC2;
				s[2] = (char)c;
				s[3] = 'b';
				s[4] = '\0';
				got = text_sanitized(s, flags);
				assert_terminal_safe(got);
				free(got);
			}
		}
	}
}

/* ---- fitting */

static void fit_ascii_cut(void **state)
{
	(void)state;
	check_fit("Timbuktu", 5, 0, "Timb…", 5);
	check_fit("Timbuktu", 5, TEXT_ASCII, "Timb~", 5);
	check_fit("Timbuktu", 20, 0, "Timbuktu", 8);
}

static void fit_exact_has_no_ellipsis(void **state)
{
	(void)state;
	check_fit("Timbuktu", 8, 0, "Timbuktu", 8);
	check_fit("日本語", 6, 0, "日本語", 6);
	check_fit("Ségou", 5, TEXT_ASCII, "Segou", 5);
}

static void fit_pad(void **state)
{
	(void)state;
	check_fit("Gao", 6, TEXT_PAD, "Gao   ", 6);
	check_fit("Gao", 3, TEXT_PAD, "Gao", 3);
	check_fit("Kidal", 4, TEXT_PAD, "Kid…", 4);
	check_fit("", 2, TEXT_PAD, "  ", 2);
	check_fit(NULL, 2, TEXT_PAD | TEXT_ASCII, "  ", 2);
}

static void fit_wide_cut(void **state)
{
	(void)state;
	/* 日本語 in 5 columns: 日本… */
	check_fit("日本語", 5, 0, "日本…", 5);
	/* In 4, 本 would straddle the edge before the ellipsis: left out. */
	check_fit("日本語", 4, 0, "日…", 3);
	check_fit("日本語", 4, TEXT_PAD, "日… ", 4);
}

static void fit_one_column(void **state)
{
	(void)state;
	check_fit("日", 1, 0, ELLIPSIS, 1);
	check_fit("日", 1, TEXT_PAD, ELLIPSIS, 1);
	check_fit("ab", 1, TEXT_ASCII, "~", 1);
	check_fit("a", 1, 0, "a", 1);
	check_fit("日", 2, 0, "日", 2);
}

static void fit_zero_or_negative_columns(void **state)
{
	(void)state;
	check_fit("abc", 0, TEXT_PAD, "", 0);
	check_fit("abc", -3, 0, "", 0);
}

static void fit_keeps_combining_marks(void **state)
{
	(void)state;
	check_fit("e" ACUTE CIRCUMFLEX "fg", 2, 0, "e" ACUTE CIRCUMFLEX "…", 2);
	check_fit("e" ACUTE, 1, 0, "e" ACUTE, 1);
}

static void fit_emoji(void **state)
{
	(void)state;
	check_fit("😀😀", 3, 0, "😀…", 3);
	check_fit("😀x", 2, TEXT_ASCII, "?x", 2);
}

static void fit_hostile(void **state)
{
	(void)state;
	check_fit("\x1b]0;pwned\x07", 40, 0, FFFD "]0;pwned" FFFD, 10);
	check_fit("\x1b[2J\x1b[H", 6, TEXT_PAD, FFFD "[2J" FFFD "…", 6);
	check_fit("a\r\nb", 10, TEXT_PAD | TEXT_ASCII, "a b       ", 10);
	check_fit(RLO "evil", 3, 0, FFFD "e…", 3);
}

static void fit_ascii_transliteration_counts(void **state)
{
	(void)state;
	/* "ß" is two columns in ASCII ("ss"), one in UTF-8. */
	check_fit("Straße", 6, 0, "Straße", 6);
	/* A transliteration is never split: "ss" goes whole or not at all. */
	check_fit("Straße", 6, TEXT_ASCII, "Stra~", 5);
	check_fit("Straße", 7, TEXT_ASCII, "Strasse", 7);
	/* "…" is three columns in ASCII and is not split. */
	check_fit("ab…", 4, TEXT_ASCII, "ab~", 3);
}

/* ---- folding */

static void fold_ascii_lower(void **state)
{
	(void)state;
	check_fold("JNIM Gao", "jnim gao");
	check_fold("", "");
	check_fold(NULL, "");
}

static void fold_latin_diacritics(void **state)
{
	(void)state;
	check_fold("Ségou", "segou");
	check_fold("DIDIÉNI", "didieni");
	check_fold("Sébékoro", "sebekoro");
	check_fold("Ménaka", "menaka");
	check_fold("ÆTHELSTAN ŒUVRE Straße", "aethelstan oeuvre strasse");
	check_fold("Se" ACUTE "gou", "segou"); /* decomposed */
}

static void fold_apostrophes(void **state)
{
	(void)state;
	check_fold("Ansar Eddine’s", "ansar eddine's");
	check_fold("N‘Djamena", "n'djamena");
}

static void fold_leaves_other_text(void **state)
{
	(void)state;
	check_fold("日本", "日本");
	check_fold("Αب", "Αب"); /* Greek capital alpha, Arabic */
	check_fold("a\200b", "a" FFFD "b");
	check_fold("“X”", "“x”");
}

static void fold_is_locale_independent(void **state)
{
	(void)state;
	setlocale(LC_ALL, "C");
	check_fold("ÉLAN İ", "elan i");
	setlocale(LC_ALL, "C.UTF-8");
}

static void locale_detection(void **state)
{
	(void)state;
	assert_non_null(setlocale(LC_ALL, "C.UTF-8"));
	assert_true(text_locale_is_utf8());
	assert_non_null(setlocale(LC_ALL, "C"));
	assert_false(text_locale_is_utf8());
	assert_non_null(setlocale(LC_ALL, "C.UTF-8"));
}

static int setup(void **state)
{
	(void)state;
	/* Widths beyond ASCII need a UTF-8 locale; C.UTF-8 is always there on
	 * glibc and musl. */
	return setlocale(LC_ALL, "C.UTF-8") ? 0 : -1;
}

static void place_cells(void **state)
{
	char buf[64];

	(void)state;
	text_place(buf, sizeof buf, "Omondo 2,", "");
	assert_string_equal(buf, "Omondo 2");
	text_place(buf, sizeof buf, "Omondo 2, ", NULL);
	assert_string_equal(buf, "Omondo 2");
	text_place(buf, sizeof buf, "Kati", "Koulikoro");
	assert_string_equal(buf, "Kati, Koulikoro");
	text_place(buf, sizeof buf, "Gao", "Gao");
	assert_string_equal(buf, "Gao");
	text_place(buf, sizeof buf, "Gao,", "Gao");
	assert_string_equal(buf, "Gao");
	text_place(buf, sizeof buf, NULL, "Mopti;");
	assert_string_equal(buf, "Mopti");
	text_place(buf, sizeof buf, "", "");
	assert_string_equal(buf, "");
	text_place(buf, sizeof buf, ",", NULL);
	assert_string_equal(buf, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(decode_valid),
	    cmocka_unit_test(decode_invalid_takes_one_byte),
	    cmocka_unit_test(decode_respects_length),
	    cmocka_unit_test(encode_round_trip),
	    cmocka_unit_test(encode_invalid_gives_replacement),
	    cmocka_unit_test(unsafe_code_points),
	    cmocka_unit_test(width_ascii_and_latin),
	    cmocka_unit_test(width_wide_cjk),
	    cmocka_unit_test(width_combining),
	    cmocka_unit_test(width_emoji),
	    cmocka_unit_test(width_of_unsafe_is_replacement),
	    cmocka_unit_test(width_unknown_to_libc_is_one),
	    cmocka_unit_test(sanitize_plain_text_unchanged),
	    cmocka_unit_test(sanitize_osc_title_sequence),
	    cmocka_unit_test(sanitize_csi_sequences),
	    cmocka_unit_test(sanitize_line_breaks_become_spaces),
	    cmocka_unit_test(sanitize_bidi_controls),
	    cmocka_unit_test(sanitize_invalid_utf8),
	    cmocka_unit_test(sanitize_ascii_transliterates),
	    cmocka_unit_test(sanitize_ascii_punctuation),
	    cmocka_unit_test(sanitize_ascii_others_question_mark),
	    cmocka_unit_test(sanitize_appends),
	    cmocka_unit_test(sanitize_every_control_byte),
	    cmocka_unit_test(fit_ascii_cut),
	    cmocka_unit_test(fit_exact_has_no_ellipsis),
	    cmocka_unit_test(fit_pad),
	    cmocka_unit_test(fit_wide_cut),
	    cmocka_unit_test(fit_one_column),
	    cmocka_unit_test(fit_zero_or_negative_columns),
	    cmocka_unit_test(fit_keeps_combining_marks),
	    cmocka_unit_test(fit_emoji),
	    cmocka_unit_test(fit_hostile),
	    cmocka_unit_test(fit_ascii_transliteration_counts),
	    cmocka_unit_test(fold_ascii_lower),
	    cmocka_unit_test(fold_latin_diacritics),
	    cmocka_unit_test(fold_apostrophes),
	    cmocka_unit_test(fold_leaves_other_text),
	    cmocka_unit_test(fold_is_locale_independent),
	    cmocka_unit_test(locale_detection),
	    cmocka_unit_test(place_cells),
	};

	return cmocka_run_group_tests_name("text", tests, setup, NULL);
}
