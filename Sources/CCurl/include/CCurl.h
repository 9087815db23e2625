// libcurl, loaded on first use. `rrc` opens its first screen without the network stack:
// linking libcurl made the dynamic loader map ~30 more libraries (TLS, Kerberos, LDAP, SSH)
// and run their initialisers on every start, which cost more than reading the first screen.
// The types and constants come from curl's header; the functions are reached through
// pointers that rrc_curl_load() resolves with dlopen/dlsym. setopt/getinfo are variadic in
// C, so Swift calls these typed wrappers instead.
#ifndef RRC_CCURL_H
#define RRC_CCURL_H
#include <curl/curl.h>

/// Loads libcurl once (thread-safe). NULL when it is ready, else why it could not be loaded.
const char *rrc_curl_load(void);

CURLcode rrc_curl_global_init(long flags);
const char *rrc_curl_version(void);
CURL *rrc_curl_easy_init(void);
void rrc_curl_easy_cleanup(CURL *curl);
/// Options back to defaults; the handle's open connections and TLS sessions stay for reuse.
void rrc_curl_easy_reset(CURL *curl);
CURLcode rrc_curl_easy_perform(CURL *curl);
const char *rrc_curl_easy_strerror(CURLcode code);
struct curl_slist *rrc_curl_slist_append(struct curl_slist *list, const char *text);
void rrc_curl_slist_free_all(struct curl_slist *list);

CURLcode rrc_curl_setopt_long(CURL *curl, CURLoption option, long value);
CURLcode rrc_curl_setopt_off(CURL *curl, CURLoption option, curl_off_t value);
CURLcode rrc_curl_setopt_string(CURL *curl, CURLoption option, const char *value);
CURLcode rrc_curl_setopt_pointer(CURL *curl, CURLoption option, void *value);
CURLcode rrc_curl_setopt_slist(CURL *curl, CURLoption option, struct curl_slist *value);
CURLcode rrc_curl_setopt_write(CURL *curl, size_t (*function)(char *, size_t, size_t, void *));
CURLcode rrc_curl_setopt_header(CURL *curl, size_t (*function)(char *, size_t, size_t, void *));
CURLcode rrc_curl_setopt_xferinfo(CURL *curl, int (*function)(void *, curl_off_t, curl_off_t, curl_off_t, curl_off_t));
CURLcode rrc_curl_getinfo_long(CURL *curl, CURLINFO info, long *value);
CURLcode rrc_curl_getinfo_off(CURL *curl, CURLINFO info, curl_off_t *value);
#endif
