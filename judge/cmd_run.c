/* cmd_run.c: placeholder until the 'run' command is written (owner replaces it). */
#include "judge/judge.h"

int cmd_run(struct judge_ctx *ctx, int argc, char **argv)
{
	(void)ctx; (void)argc; (void)argv;
	judge_error("'run' is not built yet");
	return EXIT_INTERNAL;
}
