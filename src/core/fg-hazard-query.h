/* fg-hazard-query.h — finding hazards for the ledger: region, state,
 * grade, campaign, search text, order
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "fg-actor.h"
#include "fg-hazard.h"
#include "fg-paged-list.h"
#include "fg-store.h"

G_BEGIN_DECLS

typedef enum
{
  FG_HAZARD_SORT_FOUND,
  FG_HAZARD_SORT_VENUE,
  FG_HAZARD_SORT_VILLAGE,
  FG_HAZARD_SORT_GRID,
  FG_HAZARD_SORT_ITEM,
  FG_HAZARD_SORT_GRADE,
  FG_HAZARD_SORT_STATE,
  FG_HAZARD_SORT_DEADLINE, /* running deadlines first, the most overdue first; then the others by date */
  FG_HAZARD_SORT_TOWNSHIP, /* a county's ledger: the township's name */
} FgHazardSort;

/* The state filters besides the states themselves. */
typedef enum
{
  FG_HAZARD_QUERY_ALL = -1,
  FG_HAZARD_QUERY_NOT_CLOSED = -2,
  FG_HAZARD_QUERY_DUE = -3,      /* a running deadline on or before the Sunday of today's week */
  FG_HAZARD_QUERY_OVERDUE = -4,  /* a running deadline at least one working day past today */
  FG_HAZARD_QUERY_REINSPECTION_LATE = -5,  /* reported fixed, and the office's re-inspection is late */
} FgHazardQueryState;

#define FG_TYPE_HAZARD_QUERY (fg_hazard_query_get_type ())

typedef struct _FgHazardQuery FgHazardQuery;

struct _FgHazardQuery
{
  char         *region_id;    /* a region at any level; NULL for all the actor may see */
  int           state;        /* an FgHazardState, or an FgHazardQueryState */
  int           grade;        /* an FgHazardGrade, or -1 for all */
  char         *campaign_id;  /* NULL for all; "" for those no campaign found */
  char         *text;         /* a substring of the venue's name, or the item's finding or text */
  char         *today;        /* YYYY-MM-DD, the day overdue is counted for; NULL: today */
  char         *found_from;   /* YYYY-MM-DD: found on or after it; NULL for any (a chart's month) */
  char         *found_before; /* YYYY-MM-DD: found before it; NULL for any */
  char         *section_id;   /* its checklist item under this section; NULL for any */
  FgHazardSort  sort;
  gboolean      descending;
};

GType           fg_hazard_query_get_type (void) G_GNUC_CONST;
FgHazardQuery  *fg_hazard_query_new      (void);
FgHazardQuery  *fg_hazard_query_copy     (const FgHazardQuery *self);
void            fg_hazard_query_free     (FgHazardQuery       *self);
gboolean        fg_hazard_query_equal    (const FgHazardQuery *a,
                                          const FgHazardQuery *b);

gboolean        fg_hazard_query_count    (FgStore             *store,
                                          FgActor             *actor,
                                          const FgHazardQuery *query,
                                          guint               *n_items,
                                          GError             **error);
GPtrArray      *fg_hazard_query_fetch    (FgStore             *store,
                                          FgActor             *actor,
                                          const FgHazardQuery *query,
                                          guint                offset,
                                          guint                limit,
                                          GError             **error);
FgPagedList    *fg_hazard_query_list_new (FgStore             *store,
                                          FgActor             *actor,
                                          const FgHazardQuery *query);
FgHazard       *fg_hazard_query_list_reread (FgPagedList      *list,
                                          guint                position,
                                          GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FgHazardQuery, fg_hazard_query_free)

G_END_DECLS
