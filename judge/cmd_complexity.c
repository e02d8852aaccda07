/* cmd_complexity.c: placeholder until the 'complexity' command is written (owner replaces it). */
#include "judge/judge.h"

int cmd_complexity(struct judge_ctx *ctx, int argc, char **argv)
{
	(void)ctx; (void)argc; (void)argv;
	judge_error("'complexity' is not built yet");
	return EXIT_INTERNAL;
}
