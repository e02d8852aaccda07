/* cmd_result.c: placeholder until the 'result' command is written (owner replaces it). */
#include "judge/judge.h"

int cmd_result(struct judge_ctx *ctx, int argc, char **argv)
{
	(void)ctx; (void)argc; (void)argv;
	judge_error("'result' is not built yet");
	return EXIT_INTERNAL;
}
