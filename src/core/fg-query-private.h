/* fg-query-private.h — what the paged queries (venues, hazards,
 * documents) share: the region a query covers, reading a count and rows
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "fg-region-private.h"
#include "fg-store-private.h"

G_BEGIN_DECLS

/* Makes one object of a row of @stmt. */
typedef gpointer (*FgRowFunc) (sqlite3_stmt *stmt);

gboolean   fg_query_resolve_region (FgStore       *store,
                                    FgActor       *actor,
                                    const char    *region_id,
                                    FgRegion     **region,
                                    GError       **error);
gboolean   fg_query_read_count     (FgStore       *store,
                                    sqlite3_stmt  *stmt,
                                    guint         *count,
                                    GError       **error);
GPtrArray *fg_query_read_rows      (FgStore       *store,
                                    sqlite3_stmt  *stmt,
                                    FgRowFunc      from_row,
                                    GError       **error);

G_END_DECLS
