// cmark-gfm with the GitHub extensions (tables, task lists, strikethrough, autolinks).
#ifndef RRC_CCMARKGFM_SHIM_H
#define RRC_CCMARKGFM_SHIM_H
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>
#endif
