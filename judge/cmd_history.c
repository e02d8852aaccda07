/* cmd_history.c: placeholder until the 'history' command is written (owner replaces it). */
#include "judge/judge.h"

int cmd_history(struct judge_ctx *ctx, int argc, char **argv)
{
	(void)ctx; (void)argc; (void)argv;
	judge_error("'history' is not built yet");
	return EXIT_INTERNAL;
}
