/* cmd_list.c: placeholder until the 'list' command is written (owner replaces it). */
#include "judge/judge.h"

int cmd_list(struct judge_ctx *ctx, int argc, char **argv)
{
	(void)ctx; (void)argc; (void)argv;
	judge_error("'list' is not built yet");
	return EXIT_INTERNAL;
}
