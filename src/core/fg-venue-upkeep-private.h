/* fg-venue-upkeep-private.h — new venues written in bulk keep their
 * categories, search terms and region counts up once, at the end
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "fg-region.h"
#include "fg-store.h"

G_BEGIN_DECLS

/* The venue trigger set aside while venues are written in bulk: its text,
 * to put it back, and the first venue (seq) whose upkeep waits. Zeroed
 * when nothing is set aside. */
typedef struct
{
  char   *trigger;
  gint64  from;
} FgVenueUpkeep;

gboolean fg_venue_upkeep_defer    (FgStore        *store,
                                   FgVenueUpkeep  *upkeep,
                                   GError        **error);
gboolean fg_venue_upkeep_catch_up (FgStore        *store,
                                   FgVenueUpkeep  *upkeep,
                                   GError        **error);
gboolean fg_venue_upkeep_end      (FgStore        *store,
                                   FgVenueUpkeep  *upkeep,
                                   GError        **error);
void     fg_venue_upkeep_clear    (FgVenueUpkeep  *upkeep);

GPtrArray *fg_venue_drop_indexes  (FgStore        *store,
                                   gboolean        keep_unique,
                                   GError        **error);

/* The venue list's indexes of a county's orders (0029-collation-keys.sql),
 * NULL-terminated: only a county's database keeps them. */
extern const char * const fg_venue_county_indexes[];

int        fg_venue_office_level     (FgStore        *store);
gboolean   fg_venue_fit_list_indexes (FgStore        *store,
                                      GError        **error);

G_END_DECLS
