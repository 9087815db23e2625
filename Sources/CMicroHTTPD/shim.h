// libmicrohttpd: MHD_start_daemon is variadic, so the options go through a
// typed wrapper that takes an MHD_OPTION_ARRAY.
#ifndef RRC_CMICROHTTPD_SHIM_H
#define RRC_CMICROHTTPD_SHIM_H
#include <stdarg.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <microhttpd.h>

static inline struct MHD_Daemon *rrc_mhd_start(unsigned int flags, uint16_t port,
                                               MHD_AccessHandlerCallback handler, void *handler_context,
                                               const struct MHD_OptionItem *options) {
    return MHD_start_daemon(flags, port, NULL, NULL, handler, handler_context,
                            MHD_OPTION_ARRAY, options, MHD_OPTION_END);
}
#endif
