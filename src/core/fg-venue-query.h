/* fg-venue-query.h — finding venues: region, category, search text, order
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "fg-actor.h"
#include "fg-paged-list.h"
#include "fg-store.h"

G_BEGIN_DECLS

typedef enum
{
  FG_VENUE_SORT_NAME,
  FG_VENUE_SORT_ADDRESS,
  FG_VENUE_SORT_CATEGORY,
  FG_VENUE_SORT_VILLAGE,
  FG_VENUE_SORT_OPERATOR,
  FG_VENUE_SORT_STATUS,
} FgVenueSort;

#define FG_TYPE_VENUE_QUERY (fg_venue_query_get_type ())

typedef struct _FgVenueQuery FgVenueQuery;

struct _FgVenueQuery
{
  char        *region_id;   /* a region at any level; NULL for all the
                             * actor may see (its scope, or the township) */
  char        *category;    /* a category id; NULL for all */
  char        *text;        /* substrings of name, address or operator */
  FgVenueSort  sort;
  gboolean     descending;
};

GType          fg_venue_query_get_type (void) G_GNUC_CONST;
FgVenueQuery  *fg_venue_query_new      (void);
FgVenueQuery  *fg_venue_query_copy     (const FgVenueQuery *self);
void           fg_venue_query_free     (FgVenueQuery       *self);
gboolean       fg_venue_query_equal    (const FgVenueQuery *a,
                                        const FgVenueQuery *b);

gboolean       fg_venue_query_count    (FgStore            *store,
                                        FgActor            *actor,
                                        const FgVenueQuery *query,
                                        guint              *n_items,
                                        GError            **error);
GPtrArray     *fg_venue_query_fetch    (FgStore            *store,
                                        FgActor            *actor,
                                        const FgVenueQuery *query,
                                        guint               offset,
                                        guint               limit,
                                        GError            **error);
FgPagedList   *fg_venue_query_list_new (FgStore            *store,
                                        FgActor            *actor,
                                        const FgVenueQuery *query);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FgVenueQuery, fg_venue_query_free)

G_END_DECLS
