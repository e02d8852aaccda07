/* Compile time: option injection through pragmas: a plugin, dumps written
 * next to the source, profiling that writes at run time, a dependency
 * probe of a host file. gcc ignores or rejects the bad options; whatever
 * compiles runs in the run sandbox, where writing files is denied.
 * Expected CE, RE (exit 3) or SV; never "ESCAPED". */
#pragma GCC optimize ("-fplugin=/tmp/judge-plugin.so")
#pragma GCC optimize ("-fdump-tree-all", "-fprofile-generate")
#pragma GCC dependency "/etc/shadow"
int main(void) { return 3; }
