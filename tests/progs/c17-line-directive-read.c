/* Compile time: #line names any file as the source of the lines that
 * follow, and gcc quotes "the offending line" from that file in each
 * diagnostic: a way to read host files without #include (it works on any
 * file gcc can see: after #line 1 "/etc/ld.so.cache" an #error prints that
 * file's first line). Point it at the secrets, the answers and the
 * root-only files, with an error on lines 1 and 2 of each. The compiler
 * sees none of them: expected CE, no secret text in the message. */
#line 1 "@SECRET@"
#error line 1
#error line 2
#line 1 "@PUBLIC_SECRET@"
#error line 1
#error line 2
#line 1 "@SCRATCH@/data/01.ans"
#error line 1
#line 1 "/etc/shadow"
#error line 1
#line 1 "/etc/passwd"
#error line 1
#line 1 "/proc/self/environ"
#error line 1
int main(void) { return 0; }
