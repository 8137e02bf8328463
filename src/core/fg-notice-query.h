/* fg-notice-query.h — finding documents: region, venue, day, open
 * notices; counted and read a page at a time
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "fg-actor.h"
#include "fg-notice.h"
#include "fg-paged-list.h"
#include "fg-store.h"

G_BEGIN_DECLS

#define FG_TYPE_NOTICE_QUERY (fg_notice_query_get_type ())

typedef struct _FgNoticeQuery FgNoticeQuery;

typedef enum
{
  FG_NOTICE_SORT_LATEST,    /* issued, the latest first */
  FG_NOTICE_SORT_TOWNSHIP,  /* a county's list: the township's name, then the latest first */
} FgNoticeSort;

/* The documents of the actor's area that match every field set, the
 * latest issued first (as fg_notice_list() has them) unless sorted
 * otherwise. */
struct _FgNoticeQuery
{
  char         *region_id;   /* a region at any level; NULL for all the actor may see */
  char         *venue_id;    /* one venue's; NULL for all */
  char         *day;         /* issued on this day, YYYY-MM-DD; NULL for any */
  gboolean      open_only;   /* notices whose hazards are still being corrected */
  gboolean      unserved_only; /* not voided, to be served on the venue, and not yet served
                                * (as the statistics count them) */
  FgNoticeSort  sort;
  gboolean      reversed;    /* the sort's order turned round: the earliest first … */
};

GType           fg_notice_query_get_type  (void) G_GNUC_CONST;
FgNoticeQuery  *fg_notice_query_new       (void);
FgNoticeQuery  *fg_notice_query_copy      (const FgNoticeQuery *self);
void            fg_notice_query_free      (FgNoticeQuery       *self);
gboolean        fg_notice_query_equal     (const FgNoticeQuery *a,
                                           const FgNoticeQuery *b);

gboolean        fg_notice_query_count     (FgStore             *store,
                                           FgActor             *actor,
                                           const FgNoticeQuery *query,
                                           guint               *n_items,
                                           GError             **error);
GPtrArray      *fg_notice_query_fetch     (FgStore             *store,
                                           FgActor             *actor,
                                           const FgNoticeQuery *query,
                                           guint                offset,
                                           guint                limit,
                                           GError             **error);
gboolean        fg_notice_query_find      (FgStore             *store,
                                           FgActor             *actor,
                                           const FgNoticeQuery *query,
                                           const char          *notice_id,
                                           guint               *position,
                                           GError             **error);
FgPagedList    *fg_notice_query_list_new  (FgStore             *store,
                                           FgActor             *actor,
                                           const FgNoticeQuery *query);

void            fg_notice_render_batch_async  (FgStore             *store,
                                               FgActor             *actor,
                                               const FgNoticeQuery *query,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
GBytes         *fg_notice_render_batch_finish (FgStore             *store,
                                               GAsyncResult        *result,
                                               GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FgNoticeQuery, fg_notice_query_free)

G_END_DECLS
