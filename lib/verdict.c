/* verdict.c: names of verdicts (see verdict.h). */
#include "verdict.h"

#include <string.h>

static const char *const names[V_COUNT] = {
	"AC", "WA", "PE", "TLE", "MLE", "OLE", "RE", "SV", "CE", "IE",
};

static const char *const folders[V_COUNT] = {
	"accepted", "wrong_answer", "presentation_error", "time_limit_exceeded",
	"memory_limit_exceeded", "output_limit_exceeded", "runtime_error",
	"security_violation", "compile_error", NULL,
};

const char *verdict_name(enum verdict v)
{
	return (unsigned)v < V_COUNT ? names[v] : "IE";
}

int verdict_parse(const char *s)
{
	int i;

	for (i = 0; i < V_COUNT; i++)
		if (!strcmp(s, names[i]) || (folders[i] && !strcmp(s, folders[i])))
			return i;
	return -1;
}

const char *verdict_folder(enum verdict v)
{
	return (unsigned)v < V_COUNT ? folders[v] : NULL;
}
