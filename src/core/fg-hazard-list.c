/* fg-hazard-list.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GListModel over a hazard query that reads rows in pages, only when a
 * view asks for them, and keeps a few recent pages: the ledger of a county
 * (tens of thousands of hazards) costs one count to open and one page per
 * screenful to scroll.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "fg-hazard.h"
#include "fg-hazard-query.h"
#include "fg-hazard-list.h"

#define PAGE_SIZE 200
#define MAX_PAGES 16

struct _FgHazardList
{
  GObject parent_instance;

  FgStore *store;
  FgActor *actor;
  FgHazardQuery *query;
  guint n_items;

  GHashTable *pages;  /* page number → GPtrArray of FgHazard */
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

/* An OFFSET costs one index step per row skipped, so a page in the second
 * half of the list is read from its end, in the reverse order: no page is
 * ever more than half the list away. */
static GPtrArray *
fetch_page (FgHazardList  *self,
            guint         page,
            GError      **error)
{
  g_autoptr(FgHazardQuery) reversed = NULL;
  GPtrArray *hazards;
  guint offset = page * PAGE_SIZE;
  guint limit = MIN (PAGE_SIZE, self->n_items - offset);

  if (offset <= self->n_items / 2)
    return fg_hazard_query_fetch (self->store, self->actor, self->query, offset, PAGE_SIZE, error);

  reversed = fg_hazard_query_copy (self->query);
  reversed->descending = !reversed->descending;
  hazards = fg_hazard_query_fetch (self->store, self->actor, reversed,
                                 self->n_items - offset - limit, limit, error);

  if (hazards != NULL)
    {
      for (guint i = 0, j = hazards->len; i + 1 < j; i++, j--)
        {
          gpointer swap = hazards->pdata[i];
          hazards->pdata[i] = hazards->pdata[j - 1];
          hazards->pdata[j - 1] = swap;
        }
    }

  return hazards;
}

static GPtrArray *
fg_hazard_list_get_page (FgHazardList *self,
                        guint        page)
{
  GPtrArray *hazards = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  g_autoptr(GError) error = NULL;

  if (hazards != NULL)
    {
      GList *link = g_queue_find (&self->recent, GUINT_TO_POINTER (page));

      g_queue_unlink (&self->recent, link);
      g_queue_push_head_link (&self->recent, link);
      return hazards;
    }

  hazards = fetch_page (self, page, &error);
  if (hazards == NULL)
    {
      /* The view cannot show an error for one row; an empty page keeps it
       * consistent, and the next reload tries again. */
      g_warning ("Could not read hazards: %s", error->message);
      hazards = g_ptr_array_new_with_free_func (g_object_unref);
    }

  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), hazards);
  g_queue_push_head (&self->recent, GUINT_TO_POINTER (page));

  while (self->recent.length > MAX_PAGES)
    {
      gpointer oldest = g_queue_pop_tail (&self->recent);
      g_hash_table_remove (self->pages, oldest);
    }

  return hazards;
}

static gpointer
fg_hazard_list_get_item (GListModel *model,
                        guint       position)
{
  FgHazardList *self = FG_HAZARD_LIST (model);
  GPtrArray *hazards;
  guint index;

  if (position >= self->n_items)
    return NULL;

  hazards = fg_hazard_list_get_page (self, position / PAGE_SIZE);
  index = position % PAGE_SIZE;

  /* The table changed under us (another window, an import) and the count
   * is stale; a reload is on its way. */
  if (index >= hazards->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (hazards, index));
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

  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->recent);
  g_clear_object (&self->store);
  g_clear_pointer (&self->actor, fg_actor_unref);

  G_OBJECT_CLASS (fg_hazard_list_parent_class)->dispose (object);
}

static void
fg_hazard_list_finalize (GObject *object)
{
  FgHazardList *self = (FgHazardList *)object;

  g_hash_table_unref (self->pages);
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
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
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
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->recent);

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
  guint index = position % PAGE_SIZE;

  g_return_val_if_fail (FG_IS_HAZARD_LIST (self), NULL);
  g_return_val_if_fail (position < self->n_items, NULL);

  page = fg_hazard_list_get_page (self, position / PAGE_SIZE);
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
