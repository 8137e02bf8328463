/* fg-venue-list.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GListModel over a venue query that reads rows in pages, only when a
 * view asks for them, and keeps a few recent pages. A list of a million
 * venues costs one count to open and one page per screenful to scroll.
 */
#include "config.h"

#include "fg-venue.h"
#include "fg-venue-list.h"

#define PAGE_SIZE 200
#define MAX_PAGES 16

struct _FgVenueList
{
  GObject parent_instance;

  FgStore *store;
  FgActor *actor;
  FgVenueQuery *query;
  guint n_items;

  GHashTable *pages;  /* page number → GPtrArray of FgVenue */
  GQueue recent;      /* page numbers, most recent first */
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_ACTOR,
  PROP_QUERY,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FgVenueList, fg_venue_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
fg_venue_list_get_item_type (GListModel *model)
{
  return FG_TYPE_VENUE;
}

static guint
fg_venue_list_get_n_items (GListModel *model)
{
  return FG_VENUE_LIST (model)->n_items;
}

/* An OFFSET costs one index step per row skipped, so a page in the second
 * half of the list is read from its end, in the reverse order: no page is
 * ever more than half the list away. */
static GPtrArray *
fetch_page (FgVenueList  *self,
            guint         page,
            GError      **error)
{
  g_autoptr(FgVenueQuery) reversed = NULL;
  GPtrArray *venues;
  guint offset = page * PAGE_SIZE;
  guint limit = MIN (PAGE_SIZE, self->n_items - offset);

  if (offset <= self->n_items / 2)
    return fg_venue_query_fetch (self->store, self->actor, self->query, offset, PAGE_SIZE, error);

  reversed = fg_venue_query_copy (self->query);
  reversed->descending = !reversed->descending;
  venues = fg_venue_query_fetch (self->store, self->actor, reversed,
                                 self->n_items - offset - limit, limit, error);

  if (venues != NULL)
    {
      for (guint i = 0, j = venues->len; i + 1 < j; i++, j--)
        {
          gpointer swap = venues->pdata[i];
          venues->pdata[i] = venues->pdata[j - 1];
          venues->pdata[j - 1] = swap;
        }
    }

  return venues;
}

static GPtrArray *
fg_venue_list_get_page (FgVenueList *self,
                        guint        page)
{
  GPtrArray *venues = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  g_autoptr(GError) error = NULL;

  if (venues != NULL)
    {
      GList *link = g_queue_find (&self->recent, GUINT_TO_POINTER (page));

      g_queue_unlink (&self->recent, link);
      g_queue_push_head_link (&self->recent, link);
      return venues;
    }

  venues = fetch_page (self, page, &error);
  if (venues == NULL)
    {
      /* The view cannot show an error for one row; an empty page keeps it
       * consistent, and the next reload tries again. */
      g_warning ("Could not read venues: %s", error->message);
      venues = g_ptr_array_new_with_free_func (g_object_unref);
    }

  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), venues);
  g_queue_push_head (&self->recent, GUINT_TO_POINTER (page));

  while (self->recent.length > MAX_PAGES)
    {
      gpointer oldest = g_queue_pop_tail (&self->recent);
      g_hash_table_remove (self->pages, oldest);
    }

  return venues;
}

static gpointer
fg_venue_list_get_item (GListModel *model,
                        guint       position)
{
  FgVenueList *self = FG_VENUE_LIST (model);
  GPtrArray *venues;
  guint index;

  if (position >= self->n_items)
    return NULL;

  venues = fg_venue_list_get_page (self, position / PAGE_SIZE);
  index = position % PAGE_SIZE;

  /* The table changed under us (another window, an import) and the count
   * is stale; a reload is on its way. */
  if (index >= venues->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (venues, index));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = fg_venue_list_get_item_type;
  iface->get_n_items = fg_venue_list_get_n_items;
  iface->get_item = fg_venue_list_get_item;
}

static void
fg_venue_list_dispose (GObject *object)
{
  FgVenueList *self = (FgVenueList *)object;

  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->recent);
  g_clear_object (&self->store);
  g_clear_pointer (&self->actor, fg_actor_unref);

  G_OBJECT_CLASS (fg_venue_list_parent_class)->dispose (object);
}

static void
fg_venue_list_finalize (GObject *object)
{
  FgVenueList *self = (FgVenueList *)object;

  g_hash_table_unref (self->pages);
  fg_venue_query_free (self->query);

  G_OBJECT_CLASS (fg_venue_list_parent_class)->finalize (object);
}

static void
fg_venue_list_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  FgVenueList *self = FG_VENUE_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_ACTOR:
      g_value_set_boxed (value, self->actor);
      break;

    case PROP_QUERY:
      g_value_set_boxed (value, self->query);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fg_venue_list_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  FgVenueList *self = FG_VENUE_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_ACTOR:
      self->actor = g_value_dup_boxed (value);
      break;

    case PROP_QUERY:
      fg_venue_list_set_query (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fg_venue_list_constructed (GObject *object)
{
  FgVenueList *self = (FgVenueList *)object;

  G_OBJECT_CLASS (fg_venue_list_parent_class)->constructed (object);

  g_assert (FG_IS_STORE (self->store));
  g_assert (self->actor != NULL);
  fg_venue_list_reload (self);
}

static void
fg_venue_list_class_init (FgVenueListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fg_venue_list_dispose;
  object_class->finalize = fg_venue_list_finalize;
  object_class->get_property = fg_venue_list_get_property;
  object_class->set_property = fg_venue_list_set_property;
  object_class->constructed = fg_venue_list_constructed;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, FG_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTOR] =
    g_param_spec_boxed ("actor", NULL, NULL, FG_TYPE_ACTOR,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUERY] =
    g_param_spec_boxed ("query", NULL, NULL, FG_TYPE_VENUE_QUERY,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fg_venue_list_init (FgVenueList *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->query = fg_venue_query_new ();
}

/**
 * fg_venue_list_new:
 * @store: the store to read from
 * @actor: who reads: the list holds what its scope covers
 *
 * Returns: (transfer full): a list of every venue the actor may see, by name
 */
FgVenueList *
fg_venue_list_new (FgStore *store,
                   FgActor *actor)
{
  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  return g_object_new (FG_TYPE_VENUE_LIST, "store", store, "actor", actor, NULL);
}

FgStore *
fg_venue_list_get_store (FgVenueList *self)
{
  g_return_val_if_fail (FG_IS_VENUE_LIST (self), NULL);
  return self->store;
}

const FgVenueQuery *
fg_venue_list_get_query (FgVenueList *self)
{
  g_return_val_if_fail (FG_IS_VENUE_LIST (self), NULL);
  return self->query;
}

/**
 * fg_venue_list_set_query:
 * @self: the list
 * @query: what to show (copied)
 *
 * Shows the venues that match @query, in its order.
 */
void
fg_venue_list_set_query (FgVenueList        *self,
                         const FgVenueQuery *query)
{
  g_return_if_fail (FG_IS_VENUE_LIST (self));
  g_return_if_fail (query != NULL);

  if (fg_venue_query_equal (self->query, query))
    return;

  fg_venue_query_free (self->query);
  self->query = fg_venue_query_copy (query);

  if (self->store != NULL)
    fg_venue_list_reload (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}

/**
 * fg_venue_list_reload:
 *
 * Reads the count again and forgets the cached pages, after the venues
 * changed.
 */
void
fg_venue_list_reload (FgVenueList *self)
{
  g_autoptr(GError) error = NULL;
  guint old_n_items;
  guint n_items = 0;

  g_return_if_fail (FG_IS_VENUE_LIST (self));

  old_n_items = self->n_items;
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->recent);

  if (!fg_venue_query_count (self->store, self->actor, self->query, &n_items, &error))
    g_warning ("Could not count venues: %s", error->message);

  self->n_items = n_items;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, n_items);

  if (old_n_items != n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}
