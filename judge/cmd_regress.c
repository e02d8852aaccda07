/* cmd_regress.c: placeholder until the 'regress' command is written (owner replaces it). */
#include "judge/judge.h"

int cmd_regress(struct judge_ctx *ctx, int argc, char **argv)
{
	(void)ctx; (void)argc; (void)argv;
	judge_error("'regress' is not built yet");
	return EXIT_INTERNAL;
}
