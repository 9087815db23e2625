// The rrc_fold FTS5 tokenizer: unicode61 with colocated spellings for đ.
// In C because FTS5 calls back once per token on the import's hot path.
#include "CFoldTokenizer.h"
#include <stdlib.h>
#include <string.h>

typedef struct FoldTokenizer {
    fts5_tokenizer inner;
    Fts5Tokenizer *innerInstance;
} FoldTokenizer;

typedef struct FoldCall {
    void *callerContext;
    int (*emit)(void *, int, const char *, int, int, int);
} FoldCall;

static fts5_api *fts5_api_of(sqlite3 *db) {
    fts5_api *api = 0;
    sqlite3_stmt *stmt = 0;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, 0) == SQLITE_OK) {
        sqlite3_bind_pointer(stmt, 1, (void *)&api, "fts5_api_ptr", 0);
        sqlite3_step(stmt);
    }
    sqlite3_finalize(stmt);
    return api;
}

static int fold_create(void *context, const char **args, int argCount, Fts5Tokenizer **out) {
    fts5_api *api = (fts5_api *)context;
    void *innerContext = 0;
    FoldTokenizer *tokenizer = sqlite3_malloc(sizeof(FoldTokenizer));
    if (!tokenizer) return SQLITE_NOMEM;
    memset(tokenizer, 0, sizeof(*tokenizer));
    int rc = api->xFindTokenizer(api, "unicode61", &innerContext, &tokenizer->inner);
    if (rc == SQLITE_OK) {
        static const char *defaults[] = {"remove_diacritics", "2"};
        if (argCount == 0) { args = defaults; argCount = 2; }
        rc = tokenizer->inner.xCreate(innerContext, args, argCount, &tokenizer->innerInstance);
    }
    if (rc != SQLITE_OK) { sqlite3_free(tokenizer); return rc; }
    *out = (Fts5Tokenizer *)tokenizer;
    return SQLITE_OK;
}

static void fold_delete(Fts5Tokenizer *instance) {
    FoldTokenizer *tokenizer = (FoldTokenizer *)instance;
    tokenizer->inner.xDelete(tokenizer->innerInstance);
    sqlite3_free(tokenizer);
}

/// Writes `token` with every đ (C4 91) or Đ (C4 90) replaced by `with`; returns the length.
static int respell(const char *token, int length, const char *with, char *out) {
    int withLength = (int)strlen(with), n = 0;
    for (int i = 0; i < length; i++) {
        if (i + 1 < length && (unsigned char)token[i] == 0xC4 &&
            ((unsigned char)token[i + 1] == 0x91 || (unsigned char)token[i + 1] == 0x90)) {
            memcpy(out + n, with, withLength);
            n += withLength;
            i++;
        } else {
            out[n++] = token[i];
        }
    }
    return n;
}

static int fold_token(void *context, int flags, const char *token, int length, int start, int end) {
    FoldCall *call = (FoldCall *)context;
    int rc = call->emit(call->callerContext, flags, token, length, start, end);
    if (rc != SQLITE_OK) return rc;
    int hasStroke = 0;
    for (int i = 0; i + 1 < length; i++) {
        if ((unsigned char)token[i] == 0xC4 &&
            ((unsigned char)token[i + 1] == 0x91 || (unsigned char)token[i + 1] == 0x90)) { hasStroke = 1; break; }
    }
    if (!hasStroke) return SQLITE_OK;
    char stack[256];
    char *buffer = length <= 120 ? stack : malloc((size_t)length * 2);
    if (!buffer) return SQLITE_NOMEM;
    int n = respell(token, length, "dj", buffer);
    rc = call->emit(call->callerContext, FTS5_TOKEN_COLOCATED, buffer, n, start, end);
    if (rc == SQLITE_OK) {
        n = respell(token, length, "d", buffer);
        rc = call->emit(call->callerContext, FTS5_TOKEN_COLOCATED, buffer, n, start, end);
    }
    if (buffer != stack) free(buffer);
    return rc;
}

static int fold_tokenize(Fts5Tokenizer *instance, void *callerContext, int flags,
                         const char *text, int length,
                         int (*emit)(void *, int, const char *, int, int, int)) {
    FoldTokenizer *tokenizer = (FoldTokenizer *)instance;
    FoldCall call = {callerContext, emit};
    return tokenizer->inner.xTokenize(tokenizer->innerInstance, &call, flags, text, length, fold_token);
}

int rrc_register_fold_tokenizer(sqlite3 *db) {
    fts5_api *api = fts5_api_of(db);
    if (!api) return SQLITE_ERROR;
    fts5_tokenizer methods = {fold_create, fold_delete, fold_tokenize};
    return api->xCreateTokenizer(api, "rrc_fold", api, &methods, 0);
}
