// zlib: gzip bodies. deflateInit2/inflateInit2 are macros, so wrap them.
#ifndef RRC_CZLIB_SHIM_H
#define RRC_CZLIB_SHIM_H
#include <zlib.h>

static inline int rrc_deflate_init_gzip(z_stream *s, int level) {
    return deflateInit2(s, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}
static inline int rrc_inflate_init_gzip(z_stream *s) {
    return inflateInit2(s, 15 + 32);
}
#endif
