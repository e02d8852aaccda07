/* cmd_contest.c: placeholder until the 'contest' command is written (owner replaces it). */
#include "judge/judge.h"

int cmd_contest(struct judge_ctx *ctx, int argc, char **argv)
{
	(void)ctx; (void)argc; (void)argv;
	judge_error("'contest' is not built yet");
	return EXIT_INTERNAL;
}
