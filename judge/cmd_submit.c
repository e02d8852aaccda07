/* cmd_submit.c: placeholder until the 'submit' command is written (owner replaces it). */
#include "judge/judge.h"

int cmd_submit(struct judge_ctx *ctx, int argc, char **argv)
{
	(void)ctx; (void)argc; (void)argv;
	judge_error("'submit' is not built yet");
	return EXIT_INTERNAL;
}
