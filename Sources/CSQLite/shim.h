// SQLite 3 as Debian builds it (FTS5, JSON1 included).
#ifndef RRC_CSQLITE_SHIM_H
#define RRC_CSQLITE_SHIM_H
#include <sqlite3.h>
#endif
