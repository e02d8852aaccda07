/* Compile time: file-name injection: the driver runs this file under a name
 * full of options and shell syntax ("-o x;touch ESCAPED$(id).c"). The source
 * is passed to gcc as bytes under the fixed name prog.c: it compiles and
 * exits 3: RE, and no file named ESCAPED appears anywhere. */
int main(void) { return 3; }
