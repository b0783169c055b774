#include <sqlite3.h>

/* sqlite3_config is variadic, so Swift cannot call it: this turns off SQLite's memory statistics,
   whose global mutex every SQLite allocation otherwise takes (a load makes millions of them).
   It must run before the library initialises itself, which the first open does.
   https://www.sqlite.org/c3ref/c_config_covering_index_scan.html#sqliteconfigmemstatus */
static inline int mtfs_sqlite3_memstatus_off(void) { return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); }
