// Locale and character-width calls of glibc that Swift's Glibc module hides.
#ifndef RRC_CLOCALE_SHIM_H
#define RRC_CLOCALE_SHIM_H
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>

// Declared by glibc only under feature macros SwiftPM does not set.
extern int wcwidth(wchar_t c);

static inline const char *rrc_codeset(void) { return nl_langinfo(CODESET); }
#endif
