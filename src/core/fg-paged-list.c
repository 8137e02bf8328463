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

  FgPageCache pages;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_ACTOR,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void list_model_iface_init (GListModelInterface *iface);

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
 * Shows the rows that match @query, in its order.
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
  fg_paged_list_reload (self);
}

/**
 * fg_paged_list_reload:
 *
 * Reads the count again and forgets the cached pages, after the rows
 * changed.
 */
void
fg_paged_list_reload (FgPagedList *self)
{
  g_autoptr(GError) error = NULL;
  guint old_n_items;
  guint n_items = 0;

  g_return_if_fail (FG_IS_PAGED_LIST (self));

  old_n_items = self->n_items;
  fg_page_cache_clear (&self->pages);

  if (!self->source->count (self->source, self->store, self->actor, self->query, &n_items, &error))
    g_warning ("Could not count %s: %s", self->source->what, error->message);

  self->n_items = n_items;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, n_items);

  if (old_n_items != n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
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
