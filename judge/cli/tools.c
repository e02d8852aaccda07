/* tools.c: the set-up 'judge stress' and 'judge complexity' share (see
 * tools.h). */
#include <stdlib.h>
#include <string.h>

#include "judge/cli/cli.h"
#include "judge/cli/tools.h"
#include "lib/err.h"
#include "lib/util.h"

int judge_tools_open(struct judge_ctx *ctx, const char *id, struct judge_tools *jt)
{
	char *dir;
	int rc;

	memset(jt, 0, sizeof(*jt));
	if ((rc = judge_find_problem(ctx, id, &jt->p)) || (rc = judge_sandbox(ctx)))
		return rc;
	dir = judge_catalog_dir(ctx);
	jt->folder = jt->p.folder[0] == '/' ? xstrdup(jt->p.folder) :
		xasprintf("%s/%s", dir, jt->p.folder);
	free(dir);
	if (stress_tools_open(&jt->tools, &jt->p, jt->folder, ctx->sbx, ctx->cache) < 0)
		return judge_fail();
	return 0;
}

void judge_tools_close(struct judge_tools *jt)
{
	stress_tools_release(&jt->tools);
	free(jt->folder);
	db_problem_release(&jt->p);
	memset(jt, 0, sizeof(*jt));
}

int judge_tools_compile(struct judge_tools *jt, const char *path, const char *what,
			char **binary)
{
	return stress_compile_file(&jt->tools, path, what, binary) < 0 ? judge_fail() : 0;
}
