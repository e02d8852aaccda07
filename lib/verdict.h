/* verdict.h: the one verdict enum, shared by grading, storage and output. */
#ifndef LIB_VERDICT_H
#define LIB_VERDICT_H

enum verdict { V_AC, V_WA, V_PE, V_TLE, V_MLE, V_OLE, V_RE, V_SV, V_CE, V_IE, V_COUNT };

/* "AC", "WA", ... */
const char *verdict_name(enum verdict v);

/* Parse a short code ("AC") or a solutions/ folder name ("accepted",
 * "wrong_answer", ...). Returns -1 when it is neither. */
int verdict_parse(const char *s);

/* The solutions/ folder name of a verdict ("accepted"), or NULL. */
const char *verdict_folder(enum verdict v);

#endif
