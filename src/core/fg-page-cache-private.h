/* fg-page-cache-private.h — the pages a list model has read
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define FG_PAGE_SIZE 200

/* Reads @limit rows from @offset, in the list's order or, with @reversed,
 * in the opposite one; a new GPtrArray of objects. */
typedef GPtrArray *(*FgPageFetch) (gpointer   owner,
                                   guint      offset,
                                   guint      limit,
                                   gboolean   reversed,
                                   GError   **error);

typedef struct
{
  FgPageFetch  fetch;
  gpointer     owner;
  const char  *what;     /* "venues", for warnings */
  GHashTable  *pages;    /* page number → GPtrArray */
  GQueue       recent;   /* page numbers, most recent first */
} FgPageCache;

void       fg_page_cache_init     (FgPageCache *cache,
                                   FgPageFetch  fetch,
                                   gpointer     owner,
                                   const char  *what);
void       fg_page_cache_clear    (FgPageCache *cache);
void       fg_page_cache_destroy  (FgPageCache *cache);
GPtrArray *fg_page_cache_get_page (FgPageCache *cache,
                                   guint        page,
                                   guint        n_items);
void       fg_page_cache_insert   (FgPageCache *cache,
                                   guint        page,
                                   GPtrArray   *rows);
gpointer   fg_page_cache_get_item (FgPageCache *cache,
                                   guint        position,
                                   guint        n_items);

G_END_DECLS
