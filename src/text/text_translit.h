/* text_translit: ASCII stand-ins for Latin letters and typographic marks,
 * shared by text's ASCII output mode and by text_fold. Internal to text. */
#ifndef SITREP_TEXT_TRANSLIT_H
#define SITREP_TEXT_TRANSLIT_H

#include <stdint.h>

/* The base letter(s) of a Latin letter, case kept ("É" -> "E", "ß" -> "ss",
 * "Œ" -> "OE"), or NULL when cp is not a Latin letter we know. */
const char *translit_letter(uint32_t cp);
/* The ASCII for a typographic mark or space ("’" -> "'", "…" -> "...",
 * U+00AD soft hyphen -> ""), or NULL. */
const char *translit_mark(uint32_t cp);

#endif
