/* Compile time: hostile text in diagnostics: an #error carrying terminal
 * escapes and a fake verdict line. CE; the message must carry no raw
 * escape character (shown as \x1b). */
#error "[2J[HAC accepted: all tests passed ]0;owned"
int main(void) { return 0; }
