/* fg-hazard-list.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GListModel over a hazard query that reads rows in pages, only when a
 * view asks for them (fg-page-cache.c): the ledger of a county
 * (tens of thousands of hazards) costs one count to open and one page per
 * screenful to scroll.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "fg-hazard.h"
#include "fg-hazard-list.h"
#include "fg-hazard-query.h"
#include "fg-page-cache-private.h"


struct _FgHazardList
{
  GObject parent_instance;

  FgStore *store;
  FgActor *actor;
  FgHazardQuery *query;
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

G_DEFINE_FINAL_TYPE_WITH_CODE (FgHazardList, fg_hazard_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
fg_hazard_list_get_item_type (GListModel *model)
{
  return FG_TYPE_HAZARD;
}

static guint
fg_hazard_list_get_n_items (GListModel *model)
{
  return FG_HAZARD_LIST (model)->n_items;
}

/* A page of rows for the page cache, in the query's order or the reverse. */
static GPtrArray *
fetch_rows (gpointer   owner,
            guint      offset,
            guint      limit,
            gboolean   reversed,
            GError   **error)
{
  FgHazardList *self = owner;
  g_autoptr(FgHazardQuery) query = NULL;

  if (!reversed)
    return fg_hazard_query_fetch (self->store, self->actor, self->query, offset, limit, error);

  query = fg_hazard_query_copy (self->query);
  query->descending = !query->descending;
  return fg_hazard_query_fetch (self->store, self->actor, query, offset, limit, error);
}

static gpointer
fg_hazard_list_get_item (GListModel *model,
                         guint       position)
{
  FgHazardList *self = FG_HAZARD_LIST (model);

  return fg_page_cache_get_item (&self->pages, position, self->n_items);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = fg_hazard_list_get_item_type;
  iface->get_n_items = fg_hazard_list_get_n_items;
  iface->get_item = fg_hazard_list_get_item;
}

static void
fg_hazard_list_dispose (GObject *object)
{
  FgHazardList *self = (FgHazardList *)object;

  fg_page_cache_clear (&self->pages);
  g_clear_object (&self->store);
  g_clear_pointer (&self->actor, fg_actor_unref);

  G_OBJECT_CLASS (fg_hazard_list_parent_class)->dispose (object);
}

static void
fg_hazard_list_finalize (GObject *object)
{
  FgHazardList *self = (FgHazardList *)object;

  fg_page_cache_destroy (&self->pages);
  fg_hazard_query_free (self->query);

  G_OBJECT_CLASS (fg_hazard_list_parent_class)->finalize (object);
}

static void
fg_hazard_list_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  FgHazardList *self = FG_HAZARD_LIST (object);

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
fg_hazard_list_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  FgHazardList *self = FG_HAZARD_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_ACTOR:
      self->actor = g_value_dup_boxed (value);
      break;

    case PROP_QUERY:
      fg_hazard_list_set_query (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fg_hazard_list_constructed (GObject *object)
{
  FgHazardList *self = (FgHazardList *)object;

  G_OBJECT_CLASS (fg_hazard_list_parent_class)->constructed (object);

  g_assert (FG_IS_STORE (self->store));
  g_assert (self->actor != NULL);
  fg_hazard_list_reload (self);
}

static void
fg_hazard_list_class_init (FgHazardListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fg_hazard_list_dispose;
  object_class->finalize = fg_hazard_list_finalize;
  object_class->get_property = fg_hazard_list_get_property;
  object_class->set_property = fg_hazard_list_set_property;
  object_class->constructed = fg_hazard_list_constructed;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, FG_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTOR] =
    g_param_spec_boxed ("actor", NULL, NULL, FG_TYPE_ACTOR,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUERY] =
    g_param_spec_boxed ("query", NULL, NULL, FG_TYPE_HAZARD_QUERY,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fg_hazard_list_init (FgHazardList *self)
{
  fg_page_cache_init (&self->pages, fetch_rows, self, "hazards");
  self->query = fg_hazard_query_new ();
}

/**
 * fg_hazard_list_new:
 * @store: the store to read from
 * @actor: who reads: the list holds what its scope covers
 *
 * Returns: (transfer full): a list of every hazard the actor may see, the
 *   latest found first
 */
FgHazardList *
fg_hazard_list_new (FgStore *store,
                   FgActor *actor)
{
  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  return g_object_new (FG_TYPE_HAZARD_LIST, "store", store, "actor", actor, NULL);
}

FgStore *
fg_hazard_list_get_store (FgHazardList *self)
{
  g_return_val_if_fail (FG_IS_HAZARD_LIST (self), NULL);
  return self->store;
}

const FgHazardQuery *
fg_hazard_list_get_query (FgHazardList *self)
{
  g_return_val_if_fail (FG_IS_HAZARD_LIST (self), NULL);
  return self->query;
}

/**
 * fg_hazard_list_set_query:
 * @self: the list
 * @query: what to show (copied)
 *
 * Shows the hazards that match @query, in its order.
 */
void
fg_hazard_list_set_query (FgHazardList        *self,
                         const FgHazardQuery *query)
{
  g_return_if_fail (FG_IS_HAZARD_LIST (self));
  g_return_if_fail (query != NULL);

  if (fg_hazard_query_equal (self->query, query))
    return;

  fg_hazard_query_free (self->query);
  self->query = fg_hazard_query_copy (query);

  if (self->store != NULL)
    fg_hazard_list_reload (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}

/**
 * fg_hazard_list_reload:
 *
 * Reads the count again and forgets the cached pages, after the hazards
 * changed.
 */
void
fg_hazard_list_reload (FgHazardList *self)
{
  g_autoptr(GError) error = NULL;
  guint old_n_items;
  guint n_items = 0;

  g_return_if_fail (FG_IS_HAZARD_LIST (self));

  old_n_items = self->n_items;
  fg_page_cache_clear (&self->pages);

  if (!fg_hazard_query_count (self->store, self->actor, self->query, &n_items, &error))
    g_warning ("Could not count hazards: %s", error->message);

  self->n_items = n_items;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, n_items);

  if (old_n_items != n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/**
 * fg_hazard_list_reread:
 * @self: the list
 * @position: a row
 * @error: return location for an error
 *
 * Reads the hazard at @position again, as it now stands after an event,
 * and keeps it in its place: the list is neither counted nor sorted again,
 * so that a row that no longer matches the query stays under the pointer
 * until the query changes or the list is reloaded. No items-changed is
 * emitted for the row (a view would drop its selection); whoever shows it
 * shows the returned hazard.
 *
 * Returns: (transfer full): the hazard with its timeline, or %NULL with
 *   @error set
 */
FgHazard *
fg_hazard_list_reread (FgHazardList  *self,
                       guint          position,
                       GError       **error)
{
  g_autoptr(FgHazard) old = NULL;
  FgHazard *hazard;
  GPtrArray *page;
  guint index = position % FG_PAGE_SIZE;

  g_return_val_if_fail (FG_IS_HAZARD_LIST (self), NULL);
  g_return_val_if_fail (position < self->n_items, NULL);

  page = fg_page_cache_get_page (&self->pages, position / FG_PAGE_SIZE, self->n_items);
  if (index >= page->len)
    {
      g_set_error (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_NOT_FOUND,
                   _("The hazard was not found."));
      return NULL;
    }

  old = g_object_ref (g_ptr_array_index (page, index));
  hazard = fg_hazard_load (self->store, self->actor, fg_hazard_get_id (old), error);
  if (hazard == NULL)
    return NULL;

  g_ptr_array_index (page, index) = g_object_ref (hazard);
  g_object_unref (old);  /* the page's reference */
  return hazard;
}
