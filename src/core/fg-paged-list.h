/* fg-paged-list.h — a list model that pages the rows of a query
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "fg-actor.h"
#include "fg-store.h"

G_BEGIN_DECLS

typedef struct _FgPagedSource FgPagedSource;

typedef gboolean   FgPagedEqual    (gconstpointer         a,
                                    gconstpointer         b);
typedef gboolean   FgPagedCount    (const FgPagedSource  *source,
                                    FgStore              *store,
                                    FgActor              *actor,
                                    gconstpointer         query,
                                    guint                *n_items,
                                    GError              **error);
typedef gboolean   FgPagedSlow     (gconstpointer         query);
typedef GPtrArray *FgPagedFetch    (const FgPagedSource  *source,
                                    FgStore              *store,
                                    FgActor              *actor,
                                    gconstpointer         query,
                                    guint                 offset,
                                    guint                 limit,
                                    gboolean              reversed,
                                    GError              **error);

/* How a query is listed: its rows' type, its own boxed type (the list
 * keeps a copy), the query for every row, how two queries compare, and
 * how the rows one matches are counted and read a page at a time, in its
 * order or, reversed, in the opposite one. The types are given by their
 * get_type functions, so that a source can be a static constant; count
 * and fetch are given the source, so that one can be part of a larger
 * description (FgQuerySpec). slow_count, when given, tells the queries
 * whose count may take longer than their first page (a search of a
 * county): a list that counts later (fg_paged_list_set_count_later())
 * shows their first page first. */
struct _FgPagedSource
{
  const char    *what;               /* "venues", in warnings */
  GType        (*item_type)  (void);
  GType        (*query_type) (void); /* a boxed type */
  gpointer     (*new_query)  (void);
  FgPagedEqual  *equal;
  FgPagedCount  *count;
  FgPagedFetch  *fetch;
  FgPagedSlow   *slow_count;         /* (nullable) */
};

#define FG_TYPE_PAGED_LIST (fg_paged_list_get_type ())

G_DECLARE_FINAL_TYPE (FgPagedList, fg_paged_list, FG, PAGED_LIST, GObject)

FgPagedList   *fg_paged_list_new          (const FgPagedSource *source,
                                           FgStore             *store,
                                           FgActor             *actor,
                                           gconstpointer        query);
FgStore       *fg_paged_list_get_store    (FgPagedList         *self);
FgActor       *fg_paged_list_get_actor    (FgPagedList         *self);
gconstpointer  fg_paged_list_get_query    (FgPagedList         *self);
void           fg_paged_list_set_query    (FgPagedList         *self,
                                           gconstpointer        query);
void           fg_paged_list_reload       (FgPagedList         *self);
void           fg_paged_list_set_count_later (FgPagedList      *self,
                                              gboolean          count_later);
gboolean       fg_paged_list_get_count_later (FgPagedList      *self);
gboolean       fg_paged_list_get_counting (FgPagedList         *self);
gpointer       fg_paged_list_peek_item    (FgPagedList         *self,
                                           guint                position);
void           fg_paged_list_replace_item (FgPagedList         *self,
                                           guint                position,
                                           gpointer             item);

G_END_DECLS
