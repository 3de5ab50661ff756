/* libFuzzer harness: the saved-view reader on any file: the bytes are
 * written as a view in a private config directory and loaded back. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sitrep/saved_views.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char *view_path;

static void setup(void)
{
	/* in memory where /dev/shm is: a file is written per input */
	char dir[64], sub[96];
	snprintf(dir, sizeof(dir), "%s/sitrep-fuzz-views.XXXXXX",
		 access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
	if (!mkdtemp(dir))
		abort();
	setenv("XDG_CONFIG_HOME", dir, 1);
	snprintf(sub, sizeof(sub), "%s/sitrep", dir);
	mkdir(sub, 0700);
	snprintf(sub, sizeof(sub), "%s/sitrep/views", dir);
	mkdir(sub, 0700);
	view_path = malloc(sizeof(sub) + 8);
	snprintf(view_path, sizeof(sub) + 8, "%s/v", sub);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!view_path)
		setup();
	FILE *f = fopen(view_path, "wb");
	if (!f)
		abort();
	fwrite(data, 1, size, f);
	fclose(f);
	struct saved_view v;
	char *err = NULL;
	if (saved_view_load("v", &v, &err) == 0)
		saved_view_free(&v);
	free(err);
	return 0;
}
