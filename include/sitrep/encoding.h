/* encoding: telling UTF-8 from Windows-1252 and converting the latter.
 * Importers check a whole file first (enc_utf8_valid_len over its blocks);
 * a file that is not valid UTF-8 is read as Windows-1252, field by field,
 * through iconv. Pure: memory in, memory out. */
#ifndef SITREP_ENCODING_H
#define SITREP_ENCODING_H

#include <stdbool.h>
#include <stddef.h>

#include "sitrep/strbuf.h"

#define ENC_BOM "\xEF\xBB\xBF"

/* Length of the longest prefix of s made of whole, valid UTF-8 sequences
 * (no overlongs, surrogates or code points above U+10FFFF). A sequence
 * cut by the end of s is left out, so a caller reading blocks carries the
 * rest (at most 3 bytes) over to the next block. */
size_t enc_utf8_valid_len(const char *s, size_t n);
/* True when all of s is valid UTF-8. */
bool enc_utf8_valid(const char *s, size_t n);

struct enc_conv;
/* A Windows-1252 to UTF-8 converter; NULL with *err when iconv lacks it. */
struct enc_conv *enc_cp1252_open(char **err);
/* s as UTF-8: s itself when it is ASCII, else its conversion, written to
 * out. Bytes Windows-1252 leaves undefined become U+FFFD. */
const char *enc_cp1252(struct enc_conv *c, const char *s, size_t n, struct strbuf *out);
void enc_close(struct enc_conv *c);

#endif
