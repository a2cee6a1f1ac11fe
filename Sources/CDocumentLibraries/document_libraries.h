// C libraries Ingest reads documents with; only Ingest imports this module.
//
// libxml2's HTML parser (htmlReadMemory, the tree API): https://gnome.pages.gitlab.gnome.org/libxml2/devhelp/libxml2-HTMLparser.html
// OpenCC's C API (opencc_open, opencc_convert_utf8): https://github.com/BYVoid/OpenCC/blob/master/src/opencc.h
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <opencc/opencc.h>
