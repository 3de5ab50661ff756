/* text_search: what the TUI's / finds, one rule for the rows SQL finds
 * (the search_hit SQL function, db.c) and the matches drawn: the needle
 * at the start of a word and, unless it ends in '*', at a word's end too,
 * as the filter language's words: /Kati finds "Kati camp", not "Katiba";
 * /Kati* finds both. Text and needle are folded (text_fold), so case and
 * accents are ignored; a word is a run of letters and digits (a character
 * outside ASCII counts as a letter unless it is punctuation or a symbol:
 * "Tessit…" ends a word at the ellipsis). */
#ifndef SITREP_TEXT_SEARCH_H
#define SITREP_TEXT_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

/* The needle for what was typed: folded, blanks trimmed, a trailing '*'
 * kept as the prefix mark; NULL when nothing is left to look for. Caller
 * frees. */
char *text_search_needle(const char *typed);
/* needle without its prefix mark: its length, and whether it has one. */
size_t text_search_len(const char *needle, bool *prefix);
/* The first match of needle in folded text: its offset, or -1; *len (may
 * be NULL) the bytes it covers. */
long text_search_find(const char *folded, const char *needle, size_t *len);
/* The byte of text where its folded form's byte folded_at falls (folding
 * changes lengths: "é" is 2 bytes, "e" 1), for showing a match found in
 * the folded form. */
size_t text_search_source_offset(const char *text, size_t folded_at);
/* The character at p (a word's end when it is not a word character), or
 * the one before p in the text from start (a word's start when not). */
bool text_search_word_at(const char *p);
bool text_search_word_before(const char *start, const char *p);

#endif
