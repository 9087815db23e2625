// rrc_fold: an FTS5 tokenizer for the five content languages.
#ifndef RRC_FOLD_TOKENIZER_H
#define RRC_FOLD_TOKENIZER_H
#include <sqlite3.h>

/// Registers the `rrc_fold` tokenizer on one connection. Returns an SQLite result code.
///
/// `rrc_fold` is `unicode61 remove_diacritics 2` (which already folds ë→e, ș/ş→s, ț/ţ→t,
/// č→c, ž→z) plus the one letter unicode61 leaves alone: `đ` has no decomposition, so a
/// token holding it is also indexed as its `dj` and `d` spellings ("Đorđević" is found
/// by "djordjevic" and "dordevic"), and such a query token also looks for those spellings.
int rrc_register_fold_tokenizer(sqlite3 *db);
#endif
