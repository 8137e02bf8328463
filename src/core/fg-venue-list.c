/* fg-venue-list.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GListModel over a venue query that reads rows in pages, only when a
 * view asks for them (fg-page-cache.c). A list of a million venues costs
 * one count to open and one page per screenful to scroll.
 */
#include "config.h"

#include "fg-page-cache-private.h"
#include "fg-venue.h"
#include "fg-venue-list.h"


struct _FgVenueList
{
  GObject parent_instance;

  FgStore *store;
  FgActor *actor;
  FgVenueQuery *query;
  guint n_items;

  FgPageCache pages;
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

/* A page of rows for the page cache, in the query's order or the reverse. */
static GPtrArray *
fetch_rows (gpointer   owner,
            guint      offset,
            guint      limit,
            gboolean   reversed,
            GError   **error)
{
  FgVenueList *self = owner;
  g_autoptr(FgVenueQuery) query = NULL;

  if (!reversed)
    return fg_venue_query_fetch (self->store, self->actor, self->query, offset, limit, error);

  query = fg_venue_query_copy (self->query);
  query->descending = !query->descending;
  return fg_venue_query_fetch (self->store, self->actor, query, offset, limit, error);
}

static gpointer
fg_venue_list_get_item (GListModel *model,
                        guint       position)
{
  FgVenueList *self = FG_VENUE_LIST (model);

  return fg_page_cache_get_item (&self->pages, position, self->n_items);
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

  fg_page_cache_clear (&self->pages);
  g_clear_object (&self->store);
  g_clear_pointer (&self->actor, fg_actor_unref);

  G_OBJECT_CLASS (fg_venue_list_parent_class)->dispose (object);
}

static void
fg_venue_list_finalize (GObject *object)
{
  FgVenueList *self = (FgVenueList *)object;

  fg_page_cache_destroy (&self->pages);
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
  fg_page_cache_init (&self->pages, fetch_rows, self, "venues");
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
  fg_page_cache_clear (&self->pages);

  if (!fg_venue_query_count (self->store, self->actor, self->query, &n_items, &error))
    g_warning ("Could not count venues: %s", error->message);

  self->n_items = n_items;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, n_items);

  if (old_n_items != n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}
