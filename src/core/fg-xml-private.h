/* fg-xml-private.h — reading the program's XML data safely
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

xmlDoc   *fg_xml_read_valid  (GBytes      *bytes,
                              const char  *name,
                              const char  *schema_resource,
                              const char  *what,
                              GQuark       domain,
                              int          code,
                              GError     **error);
gboolean  fg_xml_is_element  (xmlNode     *node,
                              const char  *name,
                              const char  *ns);
char     *fg_xml_dup_prop    (xmlNode     *node,
                              const char  *name);

G_END_DECLS
