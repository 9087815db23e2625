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

/* MHD_get_daemon_info and MHD_get_connection_info are variadic too. */
static inline uint16_t rrc_mhd_bound_port(struct MHD_Daemon *daemon) {
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
    return info ? info->port : 0;
}

static inline const struct sockaddr *rrc_mhd_client_address(struct MHD_Connection *connection) {
    const union MHD_ConnectionInfo *info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    return info ? info->client_addr : NULL;
}
#endif
