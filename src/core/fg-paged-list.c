/* fg-paged-list.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GListModel over a query that reads rows in pages, only when a view asks
 * for them (fg-page-cache.c). A list of a million venues costs one count to
 * open and one page per screenful to scroll. The venue list, the hazard
 * ledger and the documents are each one of these; their query modules say
 * how their rows are counted and read (FgPagedSource).
 *
 * A search of a county can match hundreds of thousands of venues: its
 * first page is read in milliseconds, its count takes longer. A list that
 * counts later (the window's) then holds the first page alone, says it
 * is counting, and counts once the main loop is idle, after the first
 * screen is drawn; the rows after the first page are then added at the
 * end (items-changed), and the count never stands wrong: it is the rows
 * known until the exact count replaces it.
 */
#include "config.h"

#include "fg-page-cache-private.h"
#include "fg-paged-list.h"

struct _FgPagedList
{
  GObject parent_instance;

  const FgPagedSource *source;
  FgStore *store;
  FgActor *actor;
  gpointer query;
  guint n_items;
  gboolean count_later;
  gboolean counting;   /* n_items is the first page; the count follows */
  guint count_source;

  FgPageCache pages;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_ACTOR,
  PROP_N_ITEMS,
  PROP_COUNT_LATER,
  PROP_COUNTING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void list_model_iface_init (GListModelInterface *iface);
static void reload               (FgPagedList         *self,
                                  gboolean             first_page_first);

G_DEFINE_FINAL_TYPE_WITH_CODE (FgPagedList, fg_paged_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
fg_paged_list_get_item_type (GListModel *model)
{
  return FG_PAGED_LIST (model)->source->item_type ();
}

static guint
fg_paged_list_get_n_items (GListModel *model)
{
  return FG_PAGED_LIST (model)->n_items;
}

/* A page of rows for the page cache, in the query's order or the reverse. */
static GPtrArray *
fetch_rows (gpointer   owner,
            guint      offset,
            guint      limit,
            gboolean   reversed,
            GError   **error)
{
  FgPagedList *self = owner;

  return self->source->fetch (self->source, self->store, self->actor, self->query, offset, limit, reversed, error);
}

static gpointer
fg_paged_list_get_item (GListModel *model,
                        guint       position)
{
  FgPagedList *self = FG_PAGED_LIST (model);

  return fg_page_cache_get_item (&self->pages, position, self->n_items);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = fg_paged_list_get_item_type;
  iface->get_n_items = fg_paged_list_get_n_items;
  iface->get_item = fg_paged_list_get_item;
}

static void
fg_paged_list_dispose (GObject *object)
{
  FgPagedList *self = (FgPagedList *)object;

  g_clear_handle_id (&self->count_source, g_source_remove);
  fg_page_cache_clear (&self->pages);
  g_clear_object (&self->store);
  g_clear_pointer (&self->actor, fg_actor_unref);

  G_OBJECT_CLASS (fg_paged_list_parent_class)->dispose (object);
}

static void
fg_paged_list_finalize (GObject *object)
{
  FgPagedList *self = (FgPagedList *)object;

  fg_page_cache_destroy (&self->pages);
  if (self->query != NULL)
    g_boxed_free (self->source->query_type (), self->query);

  G_OBJECT_CLASS (fg_paged_list_parent_class)->finalize (object);
}

static void
fg_paged_list_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  FgPagedList *self = FG_PAGED_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_ACTOR:
      g_value_set_boxed (value, self->actor);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;

    case PROP_COUNT_LATER:
      g_value_set_boolean (value, self->count_later);
      break;

    case PROP_COUNTING:
      g_value_set_boolean (value, self->counting);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fg_paged_list_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  FgPagedList *self = FG_PAGED_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_ACTOR:
      self->actor = g_value_dup_boxed (value);
      break;

    case PROP_COUNT_LATER:
      fg_paged_list_set_count_later (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fg_paged_list_class_init (FgPagedListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fg_paged_list_dispose;
  object_class->finalize = fg_paged_list_finalize;
  object_class->get_property = fg_paged_list_get_property;
  object_class->set_property = fg_paged_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, FG_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTOR] =
    g_param_spec_boxed ("actor", NULL, NULL, FG_TYPE_ACTOR,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * FgPagedList:count-later:
   *
   * Whether a query whose count is slow (FgPagedSource.slow_count) shows
   * its first page before it is counted; the count then comes from the
   * main loop, when it is idle.
   */
  properties[PROP_COUNT_LATER] =
    g_param_spec_boolean ("count-later", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * FgPagedList:counting:
   *
   * Whether the list holds its first page alone while its rows are being
   * counted: #FgPagedList:n-items is then what is known so far.
   */
  properties[PROP_COUNTING] =
    g_param_spec_boolean ("counting", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fg_paged_list_init (FgPagedList *self)
{
}

/**
 * fg_paged_list_new:
 * @source: how the query's rows are counted and read; static
 * @store: the store to read from
 * @actor: who reads: the list holds what its scope covers
 * @query: (nullable): what to list (copied); %NULL for the source's
 *   query for every row
 *
 * Counts the rows now; reads them when they are asked for. The query
 * modules wrap this (fg_venue_query_list_new() …).
 *
 * Returns: (transfer full): the list
 */
FgPagedList *
fg_paged_list_new (const FgPagedSource *source,
                   FgStore             *store,
                   FgActor             *actor,
                   gconstpointer        query)
{
  FgPagedList *self;

  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  self = g_object_new (FG_TYPE_PAGED_LIST, "store", store, "actor", actor, NULL);
  self->source = source;
  self->query = query != NULL ? g_boxed_copy (source->query_type (), query) : source->new_query ();
  fg_page_cache_init (&self->pages, fetch_rows, self, source->what);
  fg_paged_list_reload (self);
  return self;
}

FgStore *
fg_paged_list_get_store (FgPagedList *self)
{
  g_return_val_if_fail (FG_IS_PAGED_LIST (self), NULL);
  return self->store;
}

FgActor *
fg_paged_list_get_actor (FgPagedList *self)
{
  g_return_val_if_fail (FG_IS_PAGED_LIST (self), NULL);
  return self->actor;
}

/**
 * fg_paged_list_get_query:
 *
 * Returns: (transfer none): the query listed, of the source's query type
 */
gconstpointer
fg_paged_list_get_query (FgPagedList *self)
{
  g_return_val_if_fail (FG_IS_PAGED_LIST (self), NULL);
  return self->query;
}

/**
 * fg_paged_list_set_query:
 * @self: the list
 * @query: what to show (copied), of the source's query type
 *
 * Shows the rows that match @query, in its order. A list that counts
 * later (fg_paged_list_set_count_later()) shows the first page of a query
 * that is slow to count at once, and its count when the main loop is idle.
 */
void
fg_paged_list_set_query (FgPagedList   *self,
                         gconstpointer  query)
{
  g_return_if_fail (FG_IS_PAGED_LIST (self));
  g_return_if_fail (query != NULL);

  if (self->source->equal (self->query, query))
    return;

  g_boxed_free (self->source->query_type (), self->query);
  self->query = g_boxed_copy (self->source->query_type (), query);
  reload (self, TRUE);
}

/* Sets the count and tells the view. With @append, rows known are kept
 * when there are more now, as the count that follows the first page
 * finds: the others are added after them. */
static void
set_n_items (FgPagedList *self,
             guint        n_items,
             gboolean     counting,
             gboolean     append)
{
  guint old_n_items = self->n_items;
  gboolean was_counting = self->counting;

  self->n_items = n_items;
  self->counting = counting;

  if (append && n_items >= old_n_items)
    {
      if (n_items > old_n_items)
        g_list_model_items_changed (G_LIST_MODEL (self), old_n_items, 0, n_items - old_n_items);
    }
  else
    {
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, n_items);
    }

  if (old_n_items != n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  if (!was_counting != !counting)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTING]);
}

static gboolean
count_when_idle (gpointer data)
{
  FgPagedList *self = data;
  g_autoptr(GError) error = NULL;
  guint n_items = 0;

  self->count_source = 0;

  if (!self->source->count (self->source, self->store, self->actor, self->query, &n_items, &error))
    {
      /* the first page stays: it is what could be read */
      g_warning ("Could not count %s: %s", self->source->what, error->message);
      set_n_items (self, self->n_items, FALSE, TRUE);
      return G_SOURCE_REMOVE;
    }

  /* Fewer than the first page: the rows changed meanwhile, and the page
   * read is no longer theirs. */
  if (n_items < self->n_items)
    {
      fg_page_cache_clear (&self->pages);
      set_n_items (self, n_items, FALSE, FALSE);
    }
  else
    {
      set_n_items (self, n_items, FALSE, TRUE);
    }

  return G_SOURCE_REMOVE;
}

/* Reads the first page: as many rows as it holds are the count when
 * there are no more; otherwise the count follows when the main loop is
 * idle. Returns whether the rows are still to be counted. */
static gboolean
read_first_page (FgPagedList *self,
                 guint       *n_items)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows;

  /* one row more tells whether there is more than the page */
  rows = self->source->fetch (self->source, self->store, self->actor, self->query,
                              0, FG_PAGE_SIZE + 1, FALSE, &error);
  if (rows == NULL)
    {
      g_warning ("Could not read %s: %s", self->source->what, error->message);
      *n_items = 0;
      return FALSE;
    }

  if (rows->len <= FG_PAGE_SIZE)
    {
      *n_items = rows->len;
      fg_page_cache_insert (&self->pages, 0, rows);
      return FALSE;
    }

  g_ptr_array_set_size (rows, FG_PAGE_SIZE);
  *n_items = FG_PAGE_SIZE;
  fg_page_cache_insert (&self->pages, 0, rows);
  self->count_source = g_idle_add_full (G_PRIORITY_LOW, count_when_idle, self, NULL);
  return TRUE;
}

/* Counts and forgets the cached pages. With @first_page_first, a list
 * that counts later reads the first page of a query that is slow to count
 * now, and counts it when the main loop is idle. */
static void
reload (FgPagedList *self,
        gboolean     first_page_first)
{
  g_autoptr(GError) error = NULL;
  guint n_items = 0;
  gboolean counting = FALSE;

  g_clear_handle_id (&self->count_source, g_source_remove);
  fg_page_cache_clear (&self->pages);

  if (first_page_first && self->count_later &&
      self->source->slow_count != NULL && self->source->slow_count (self->query))
    counting = read_first_page (self, &n_items);
  else if (!self->source->count (self->source, self->store, self->actor, self->query, &n_items, &error))
    g_warning ("Could not count %s: %s", self->source->what, error->message);

  set_n_items (self, n_items, counting, FALSE);
}

/**
 * fg_paged_list_reload:
 *
 * Reads the count again and forgets the cached pages, after the rows
 * changed. The count is read now, even by a list that counts later: a
 * view that reloads keeps its place, which may be past the first page.
 */
void
fg_paged_list_reload (FgPagedList *self)
{
  g_return_if_fail (FG_IS_PAGED_LIST (self));

  reload (self, FALSE);
}

/**
 * fg_paged_list_set_count_later:
 * @self: the list
 * @count_later: whether a query that is slow to count shows its first
 *   page first
 *
 * A window sets this: its main loop then counts the rows once it is idle,
 * after the first screen is drawn (#FgPagedList:counting). Takes effect
 * at the next query or reload.
 */
void
fg_paged_list_set_count_later (FgPagedList *self,
                               gboolean     count_later)
{
  g_return_if_fail (FG_IS_PAGED_LIST (self));

  count_later = !!count_later;
  if (self->count_later == count_later)
    return;

  self->count_later = count_later;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT_LATER]);
}

gboolean
fg_paged_list_get_count_later (FgPagedList *self)
{
  g_return_val_if_fail (FG_IS_PAGED_LIST (self), FALSE);
  return self->count_later;
}

/**
 * fg_paged_list_get_counting:
 *
 * Returns: whether the list holds its first page alone while its rows are
 *   counted; the count comes when the main loop is idle
 */
gboolean
fg_paged_list_get_counting (FgPagedList *self)
{
  g_return_val_if_fail (FG_IS_PAGED_LIST (self), FALSE);
  return self->counting;
}

/**
 * fg_paged_list_peek_item:
 * @position: a row below the count
 *
 * Returns: (transfer none) (nullable): the row at @position, or %NULL
 *   when the rows changed under a stale count
 */
gpointer
fg_paged_list_peek_item (FgPagedList *self,
                         guint        position)
{
  GPtrArray *page;
  guint index = position % FG_PAGE_SIZE;

  g_return_val_if_fail (FG_IS_PAGED_LIST (self), NULL);
  g_return_val_if_fail (position < self->n_items, NULL);

  page = fg_page_cache_get_page (&self->pages, position / FG_PAGE_SIZE, self->n_items);
  return index < page->len ? g_ptr_array_index (page, index) : NULL;
}

/**
 * fg_paged_list_replace_item:
 * @position: a row fg_paged_list_peek_item() found
 * @item: the row as it now stands
 *
 * Puts @item in the place of the row at @position, without counting or
 * sorting again and without items-changed: a view keeps its selection,
 * and whoever shows the row shows @item.
 */
void
fg_paged_list_replace_item (FgPagedList *self,
                            guint        position,
                            gpointer     item)
{
  GPtrArray *page;
  guint index = position % FG_PAGE_SIZE;

  g_return_if_fail (FG_IS_PAGED_LIST (self));
  g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (item, self->source->item_type ()));
  g_return_if_fail (position < self->n_items);

  page = fg_page_cache_get_page (&self->pages, position / FG_PAGE_SIZE, self->n_items);
  g_return_if_fail (index < page->len);

  g_object_unref (g_ptr_array_index (page, index));
  g_ptr_array_index (page, index) = g_object_ref (item);
}
