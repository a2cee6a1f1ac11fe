// C libraries Ingest reads documents with; only Ingest imports this module.
//
// libxml2's HTML parser (htmlReadMemory, the tree API): https://gnome.pages.gitlab.gnome.org/libxml2/devhelp/libxml2-HTMLparser.html
// OpenCC's C API (opencc_open, opencc_convert_utf8): https://github.com/BYVoid/OpenCC/blob/master/src/opencc.h
// Debian's libxml2 is built with ICU, so its encoding.h would include the system's ICU headers
// (<unicode/ucnv.h>), whose UErrorCode clashes with the newer ICU inside Foundation
// (_FoundationICU): a Swift file importing both then fails to build, depending on the order in
// which the modules are loaded. Ingest never touches the ICU fields of
// xmlCharEncodingHandler (the only declarations the macro guards), so they stay out.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <opencc/opencc.h>
