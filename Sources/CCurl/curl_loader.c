// Resolves libcurl's functions at run time (see CCurl.h for why) and forwards to them.
#include "CCurl.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>

static struct {
    CURLcode (*global_init)(long);
    char *(*version)(void);
    CURL *(*easy_init)(void);
    void (*easy_cleanup)(CURL *);
    void (*easy_reset)(CURL *);
    CURLcode (*easy_perform)(CURL *);
    const char *(*easy_strerror)(CURLcode);
    struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
    void (*slist_free_all)(struct curl_slist *);
    CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
    CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
} api;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static const char *failure = "libcurl was not loaded";

static void load(void) {
    // The soname of every libcurl 7/8 build (Debian's libcurl4 package).
    void *library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        failure = "libcurl (libcurl.so.4) is not installed: install the libcurl4 package";
        return;
    }
#define RESOLVE(field, name) \
    if (!(*(void **)&api.field = dlsym(library, name))) { failure = "libcurl lacks " name; return; }
    RESOLVE(global_init, "curl_global_init")
    RESOLVE(version, "curl_version")
    RESOLVE(easy_init, "curl_easy_init")
    RESOLVE(easy_cleanup, "curl_easy_cleanup")
    RESOLVE(easy_reset, "curl_easy_reset")
    RESOLVE(easy_perform, "curl_easy_perform")
    RESOLVE(easy_strerror, "curl_easy_strerror")
    RESOLVE(slist_append, "curl_slist_append")
    RESOLVE(slist_free_all, "curl_slist_free_all")
    RESOLVE(easy_setopt, "curl_easy_setopt")
    RESOLVE(easy_getinfo, "curl_easy_getinfo")
#undef RESOLVE
    failure = NULL;
}

const char *rrc_curl_load(void) {
    pthread_once(&once, load);
    return failure;
}

// Callers load first (HTTPTransport does, before its first transfer); these only forward.
CURLcode rrc_curl_global_init(long flags) { return api.global_init(flags); }
const char *rrc_curl_version(void) { return api.version(); }
CURL *rrc_curl_easy_init(void) { return api.easy_init(); }
void rrc_curl_easy_cleanup(CURL *curl) { api.easy_cleanup(curl); }
void rrc_curl_easy_reset(CURL *curl) { api.easy_reset(curl); }
CURLcode rrc_curl_easy_perform(CURL *curl) { return api.easy_perform(curl); }
const char *rrc_curl_easy_strerror(CURLcode code) { return api.easy_strerror(code); }
struct curl_slist *rrc_curl_slist_append(struct curl_slist *list, const char *text) { return api.slist_append(list, text); }
void rrc_curl_slist_free_all(struct curl_slist *list) { api.slist_free_all(list); }

CURLcode rrc_curl_setopt_long(CURL *c, CURLoption o, long v) { return api.easy_setopt(c, o, v); }
CURLcode rrc_curl_setopt_off(CURL *c, CURLoption o, curl_off_t v) { return api.easy_setopt(c, o, v); }
CURLcode rrc_curl_setopt_string(CURL *c, CURLoption o, const char *v) { return api.easy_setopt(c, o, v); }
CURLcode rrc_curl_setopt_pointer(CURL *c, CURLoption o, void *v) { return api.easy_setopt(c, o, v); }
CURLcode rrc_curl_setopt_slist(CURL *c, CURLoption o, struct curl_slist *v) { return api.easy_setopt(c, o, v); }
CURLcode rrc_curl_setopt_write(CURL *c, size_t (*f)(char *, size_t, size_t, void *)) { return api.easy_setopt(c, CURLOPT_WRITEFUNCTION, f); }
CURLcode rrc_curl_setopt_header(CURL *c, size_t (*f)(char *, size_t, size_t, void *)) { return api.easy_setopt(c, CURLOPT_HEADERFUNCTION, f); }
CURLcode rrc_curl_setopt_xferinfo(CURL *c, int (*f)(void *, curl_off_t, curl_off_t, curl_off_t, curl_off_t)) { return api.easy_setopt(c, CURLOPT_XFERINFOFUNCTION, f); }
CURLcode rrc_curl_getinfo_long(CURL *c, CURLINFO i, long *v) { return api.easy_getinfo(c, i, v); }
CURLcode rrc_curl_getinfo_off(CURL *c, CURLINFO i, curl_off_t *v) { return api.easy_getinfo(c, i, v); }
