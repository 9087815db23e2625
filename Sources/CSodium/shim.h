// libsodium: Argon2id password hashes, CSPRNG, SHA-256, constant-time compare.
#ifndef RRC_CSODIUM_SHIM_H
#define RRC_CSODIUM_SHIM_H
#include <sodium.h>
#endif
