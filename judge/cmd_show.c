/* cmd_show.c: placeholder until the 'show' command is written (owner replaces it). */
#include "judge/judge.h"

int cmd_show(struct judge_ctx *ctx, int argc, char **argv)
{
	(void)ctx; (void)argc; (void)argv;
	judge_error("'show' is not built yet");
	return EXIT_INTERNAL;
}
