/* fg-venue-private.h
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "fg-venue.h"

G_BEGIN_DECLS

/* The columns fg_venue_new_from_row() reads, in order, and the joins that
 * give the village's and grid's names. */
#define FG_VENUE_COLUMNS \
  "v.id, v.name, v.address, v.region_id, v.categories, v.operator_name, v.phone," \
  " v.credit_code, v.floor_area, v.floors, v.sleeping, v.key_unit, v.smoke_alarm," \
  " v.status, v.created_at, rv.name, rg.name, coalesce (rg.code, rv.code)," \
  " v.smoke_alarm_count, v.smoke_alarm_checked_on, v.simple_extinguishing," \
  " v.simple_extinguishing_checked_on"
/* the code of the venue's grid or village, for the permission check */
#define FG_VENUE_COLUMN_REGION_CODE 17
#define FG_VENUE_FROM \
  "venue v JOIN region rv ON rv.id = v.village_id LEFT JOIN region rg ON rg.id = v.grid_id"

FgVenue *fg_venue_new_from_row (sqlite3_stmt *stmt);

/* Where a venue lies: the region it is placed in, and the path above it
 * that is stored with it (grid_id is NULL for a venue in no grid). */
typedef struct
{
  const char *region_id;
  const char *county_id;
  const char *township_id;
  const char *village_id;
  const char *grid_id;
} FgVenuePath;

GPtrArray *fg_venue_normalize     (FgVenue           *self);

/* A venue as a bundle brings it, its columns as text (column → value):
 * held to fg_venue_validate(), the checks of the keyboard. */
gboolean    fg_venue_check_values (GHashTable        *values,
                                   GError           **error);
const char *fg_venue_field_label  (int                code);
gboolean   fg_venue_write         (FgStore           *store,
                                   FgVenue           *clean,
                                   const FgVenuePath *path,
                                   GError           **error);

/* At most this many venues to a statement of fg_venue_write_new(): SQLite
 * 3.32 and later take 32,766 parameters, 25 a venue */
#define FG_VENUE_WRITE_MAX 256
gboolean   fg_venue_write_new     (FgStore           *store,
                                   FgVenue          **cleans,
                                   const FgVenuePath *paths,
                                   guint              n,
                                   GError           **error);

/* How a text search reads its venues (fg-venue-query.c). A category
 * without a text is read FROM_INDEX (its venues looked up and sorted) or
 * by either walk (the list's index, each venue looked for in
 * venue_category). */
typedef enum
{
  /* chosen by what each plan costs, the way the program runs */
  FG_SEARCH_PLAN_CHOSEN,
  /* every match of venue_fts, each looked up in the venue table for its
   * region, then all sorted: costs what the matches number */
  FG_SEARCH_PLAN_FROM_INDEX,
  /* the list's index in the list's order, each venue tested against the
   * matches, read once into a set: costs the set and the steps to the
   * page's end */
  FG_SEARCH_PLAN_WALK_SET,
  /* the list's index in the list's order, each venue's texts tested
   * (fg_search_contains): costs the steps to the page's end and nothing
   * for the matches, so it serves a term that a third of a county holds */
  FG_SEARCH_PLAN_WALK_TEXT,
} FgSearchPlan;

/* For the tests: every search from now on reads by @plan, which must
 * give the same venues in the same order as any other. */
void        fg_venue_query_force_search_plan (FgSearchPlan plan);

G_END_DECLS
