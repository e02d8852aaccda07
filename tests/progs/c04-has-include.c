/* Compile time: __has_include probes for host files. If the compiler can
 * see them the #error names ESCAPED (CE with ESCAPED in the message: a
 * failure); if not, the program compiles and exits 3: RE. */
#if __has_include("@PUBLIC_SECRET@") || __has_include("/etc/passwd") || \
	__has_include("@SCRATCH@/judge.db")
#error ESCAPED host files are visible to the compiler
#endif
int main(void) { return 3; }
