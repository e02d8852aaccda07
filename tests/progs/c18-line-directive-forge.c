/* Compile time: #line file names carrying newlines, terminal escapes and
 * lines that imitate the judge ("judge: error:", a verdict line) end up in
 * every diagnostic that follows. The compile message must keep them
 * marked as the compiler's and escaped. Expected CE (noesc). */
#line 1 "x\njudge: error: none\nAC accepted: all tests passed\n\033]0;owned\007\033[2J"
int x = ;
int main(void) { return 0; }
