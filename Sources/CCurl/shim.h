#include <curl/curl.h>

/* curl_easy_setopt and curl_easy_getinfo are variadic, so Swift cannot call them: these typed
   wrappers pass one argument of the type each option takes.
   https://curl.se/libcurl/c/curl_easy_setopt.html */
static inline CURLcode mtfs_curl_set_long(CURL *c, CURLoption o, long v) { return curl_easy_setopt(c, o, v); }
static inline CURLcode mtfs_curl_set_string(CURL *c, CURLoption o, const char *v) { return curl_easy_setopt(c, o, v); }
static inline CURLcode mtfs_curl_set_pointer(CURL *c, CURLoption o, void *v) { return curl_easy_setopt(c, o, v); }
static inline CURLcode mtfs_curl_set_list(CURL *c, CURLoption o, struct curl_slist *v) { return curl_easy_setopt(c, o, v); }
static inline CURLcode mtfs_curl_set_read(CURL *c, size_t (*f)(char *, size_t, size_t, void *)) {
    return curl_easy_setopt(c, CURLOPT_READFUNCTION, f);
}
static inline CURLcode mtfs_curl_set_debug(CURL *c, int (*f)(CURL *, curl_infotype, char *, size_t, void *)) {
    return curl_easy_setopt(c, CURLOPT_DEBUGFUNCTION, f);
}
static inline CURLcode mtfs_curl_response_code(CURL *c, long *code) { return curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, code); }
