/* fg-page-cache.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A paged list (fg-paged-list.c) reads its rows in pages, only when
 * a view asks for them, and keeps a few recent pages: a list of a million
 * rows costs one count to open and one page per screenful to scroll. This
 * is the part that keeps the pages; the list says how its rows are read.
 */
#include "config.h"

#include "fg-page-cache-private.h"

#define MAX_PAGES 16

void
fg_page_cache_init (FgPageCache *cache,
                    FgPageFetch  fetch,
                    gpointer     owner,
                    const char  *what)
{
  cache->fetch = fetch;
  cache->owner = owner;
  cache->what = what;
  cache->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_queue_init (&cache->recent);
}

/* Forgets every page read, after the rows changed. */
void
fg_page_cache_clear (FgPageCache *cache)
{
  g_hash_table_remove_all (cache->pages);
  g_queue_clear (&cache->recent);
}

void
fg_page_cache_destroy (FgPageCache *cache)
{
  fg_page_cache_clear (cache);
  g_clear_pointer (&cache->pages, g_hash_table_unref);
}

/* An OFFSET costs one index step per row skipped, so a page in the second
 * half of the list is read from its end, in the reverse order: no page is
 * ever more than half the list away. */
static GPtrArray *
fetch_page (FgPageCache  *cache,
            guint         page,
            guint         n_items,
            GError      **error)
{
  GPtrArray *rows;
  guint offset = page * FG_PAGE_SIZE;
  guint limit = MIN (FG_PAGE_SIZE, n_items - offset);

  if (offset <= n_items / 2)
    return cache->fetch (cache->owner, offset, FG_PAGE_SIZE, FALSE, error);

  rows = cache->fetch (cache->owner, n_items - offset - limit, limit, TRUE, error);
  if (rows != NULL)
    {
      for (guint i = 0, j = rows->len; i + 1 < j; i++, j--)
        {
          gpointer swap = rows->pdata[i];
          rows->pdata[i] = rows->pdata[j - 1];
          rows->pdata[j - 1] = swap;
        }
    }

  return rows;
}

/* Returns: (transfer none): page @page of a list of @n_items rows, read
 * now or kept from before */
GPtrArray *
fg_page_cache_get_page (FgPageCache *cache,
                        guint        page,
                        guint        n_items)
{
  GPtrArray *rows = g_hash_table_lookup (cache->pages, GUINT_TO_POINTER (page));
  g_autoptr(GError) error = NULL;

  if (rows != NULL)
    {
      GList *link = g_queue_find (&cache->recent, GUINT_TO_POINTER (page));

      g_queue_unlink (&cache->recent, link);
      g_queue_push_head_link (&cache->recent, link);
      return rows;
    }

  rows = fetch_page (cache, page, n_items, &error);
  if (rows == NULL)
    {
      /* The view cannot show an error for one row; an empty page keeps it
       * consistent, and the next reload tries again. */
      g_warning ("Could not read %s: %s", cache->what, error->message);
      rows = g_ptr_array_new_with_free_func (g_object_unref);
    }

  fg_page_cache_insert (cache, page, rows);
  return rows;
}

/* Keeps @rows (taken) as page @page, read by the list itself: the first
 * page, read before the count (fg_paged_list_set_count_later()). */
void
fg_page_cache_insert (FgPageCache *cache,
                      guint        page,
                      GPtrArray   *rows)
{
  GList *link = g_queue_find (&cache->recent, GUINT_TO_POINTER (page));

  if (link != NULL)
    g_queue_delete_link (&cache->recent, link);
  g_hash_table_insert (cache->pages, GUINT_TO_POINTER (page), rows);
  g_queue_push_head (&cache->recent, GUINT_TO_POINTER (page));

  while (cache->recent.length > MAX_PAGES)
    {
      gpointer oldest = g_queue_pop_tail (&cache->recent);
      g_hash_table_remove (cache->pages, oldest);
    }
}

/* Returns: (transfer full) (nullable): the row at @position of a list of
 * @n_items rows */
gpointer
fg_page_cache_get_item (FgPageCache *cache,
                        guint        position,
                        guint        n_items)
{
  GPtrArray *rows;
  guint index = position % FG_PAGE_SIZE;

  if (position >= n_items)
    return NULL;

  rows = fg_page_cache_get_page (cache, position / FG_PAGE_SIZE, n_items);

  /* The table changed under us (another window, an import) and the count
   * is stale; a reload is on its way. */
  if (index >= rows->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (rows, index));
}
