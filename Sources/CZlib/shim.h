#include <zlib.h>

/* inflateInit2 is a macro; Swift sees this function instead. Raw deflate (no zlib header), as a
   ZIP entry stores it. */
static inline int mtfs_inflate_init_raw(z_streamp stream) {
    return inflateInit2(stream, -MAX_WBITS);
}
