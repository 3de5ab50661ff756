/* import_input: the bytes of one input of `sitrep import`, read twice: a
 * first pass (sniff) decides the encoding on the whole file and refuses
 * empty and binary ones, then the reader reads it again. A regular file is
 * read where it is, and checked afterwards for a change during the import;
 * a pipe, FIFO or device (standard input, /dev/zero) is copied aside
 * first, in TMPDIR, up to a cap and never filling the disk, and refused
 * before copying when it starts with binary data. Every step stops on
 * SIGINT or SIGTERM within a block (256 KiB). */
#ifndef SITREP_IMPORT_INPUT_H
#define SITREP_IMPORT_INPUT_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/stat.h>

struct import_input {
	FILE *f;
	const char *name; /* for messages: the path, or "(standard input)" */
	bool close;       /* f is ours to close */
	bool copied;      /* f is a copy in TMPDIR (already unlinked) */
	struct stat st;   /* f's when it is the file itself, to see a change */
};

/* What a first pass over the bytes found. */
struct import_sniff {
	long long size;
	bool empty;             /* nothing but blanks (and a byte-order mark) */
	bool binary;            /* a NUL byte in the first block */
	bool utf8;              /* the whole file is valid UTF-8 */
	unsigned long bad_line; /* line of the first invalid byte */
	char head[64];          /* the first bytes, for native detection */
	size_t nhead;
};

/* The most bytes copied aside from a pipe or device: SITREP_SPOOL_MAX
 * (bytes) when set, else 4 GiB. */
long long import_spool_max(void);

/* Open path ("-": standard input), copying it aside when it cannot be read
 * twice. 0, or -1 after saying why (on stderr, sanitised). */
int import_input_open(struct import_input *in, const char *path);
/* The first pass, then back to the start. 0, or -1 after saying why. */
int import_input_sniff(struct import_input *in, struct import_sniff *sn);
/* 0 when the file is as it was when opened and sniffed; -1 after saying
 * that it changed during the import (it shrank, grew or was rewritten:
 * what was read is not the file). */
int import_input_unchanged(struct import_input *in, const struct import_sniff *sn);
void import_input_close(struct import_input *in);

#endif
