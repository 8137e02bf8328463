/* fg-region-sidebar.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The township at the top, its villages and communities below, their
 * grids below those. Children are read from the store only when a row is
 * expanded (or asked whether it can be), and the counts come from the
 * regions' cached venue counts, so the tree costs the same for a township
 * of 300 venues as for a county of a million.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "fg-region-item.h"
#include "fg-region-sidebar.h"

struct _FgRegionSidebar
{
  GtkWidget parent_instance;

  GtkListView *list_view;

  FgStore *store;
  FgActor *actor;
  char *root_id;  /* the top row: the township, or a narrower scope */
  GtkTreeListModel *tree;
  GtkSingleSelection *selection;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_SELECTED_REGION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (FgRegionSidebar, fg_region_sidebar, GTK_TYPE_WIDGET)

static GListModel *
create_children (gpointer item,
                 gpointer user_data)
{
  FgRegionSidebar *self = user_data;
  FgRegion *region = fg_region_item_get_region (item);
  g_autoptr(GPtrArray) children = NULL;
  g_autoptr(GError) error = NULL;
  GListStore *model;

  /* Grids are leaves; asking the store would only cost a query. */
  if (fg_region_get_level (region) >= FG_REGION_LEVEL_GRID)
    return NULL;

  children = fg_region_list_children (self->store, self->actor, fg_region_get_id (region), FALSE, &error);
  if (children == NULL)
    {
      g_warning ("Could not read the regions below %s: %s",
                 fg_region_get_name (region), error->message);
      return NULL;
    }

  if (children->len == 0)
    return NULL;

  model = g_list_store_new (FG_TYPE_REGION_ITEM);
  for (guint i = 0; i < children->len; i++)
    {
      g_autoptr(FgRegionItem) child = fg_region_item_new (g_ptr_array_index (children, i));
      g_list_store_append (model, child);
    }

  return G_LIST_MODEL (model);
}

static void
on_selection_changed (FgRegionSidebar *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_REGION]);
}

static void
fg_region_sidebar_rebuild (FgRegionSidebar *self)
{
  g_autoptr(GListStore) root = NULL;
  g_autoptr(FgRegion) home = NULL;
  g_autoptr(GError) error = NULL;
  GtkTreeListRow *row;

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->tree);

  root = g_list_store_new (FG_TYPE_REGION_ITEM);

  if (self->store != NULL && self->actor != NULL && self->root_id != NULL)
    {
      home = fg_region_lookup (self->store, self->actor, self->root_id, &error);
      if (home != NULL)
        {
          g_autoptr(FgRegionItem) item = fg_region_item_new (home);
          g_list_store_append (root, item);
        }
      else
        g_warning ("Could not read the top of the region tree: %s", error->message);
    }

  self->tree = gtk_tree_list_model_new (G_LIST_MODEL (g_steal_pointer (&root)),
                                        FALSE, FALSE, create_children, self, NULL);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->tree)));

  /* The township is what people look at first: show its villages. */
  row = gtk_tree_list_model_get_row (self->tree, 0);
  if (row != NULL)
    {
      gtk_tree_list_row_set_expanded (row, TRUE);
      g_object_unref (row);
    }

  g_signal_connect_swapped (self->selection, "selection-changed",
                            G_CALLBACK (on_selection_changed), self);
  g_signal_connect_swapped (self->selection, "items-changed",
                            G_CALLBACK (on_selection_changed), self);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_REGION]);
}

static char *
format_venue_count (gpointer unused,
                    guint    venue_count)
{
  return g_strdup_printf ("%u", venue_count);
}

static char *
format_region_tooltip (gpointer     unused,
                       const char  *name,
                       guint        venue_count)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u venue", "%s: %u venues", venue_count),
                          name != NULL ? name : "", venue_count);
}

static void
fg_region_sidebar_dispose (GObject *object)
{
  FgRegionSidebar *self = (FgRegionSidebar *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), FG_TYPE_REGION_SIDEBAR);

  /* the scrolled window around the list is not a bound child */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->tree);
  g_clear_object (&self->store);
  g_clear_pointer (&self->actor, fg_actor_unref);
  g_clear_pointer (&self->root_id, g_free);

  G_OBJECT_CLASS (fg_region_sidebar_parent_class)->dispose (object);
}

static void
fg_region_sidebar_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  FgRegionSidebar *self = FG_REGION_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SELECTED_REGION:
      g_value_set_object (value, fg_region_sidebar_get_selected_region (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fg_region_sidebar_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  FgRegionSidebar *self = FG_REGION_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      fg_region_sidebar_load (self, g_value_get_object (value), self->actor, self->root_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fg_region_sidebar_class_init (FgRegionSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fg_region_sidebar_dispose;
  object_class->get_property = fg_region_sidebar_get_property;
  object_class->set_property = fg_region_sidebar_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, FG_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_REGION] =
    g_param_spec_object ("selected-region", NULL, NULL, FG_TYPE_REGION,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (FG_TYPE_REGION_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/firegrid/Firegrid/fg-region-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, FgRegionSidebar, list_view);
  gtk_widget_class_bind_template_callback (widget_class, format_venue_count);
  gtk_widget_class_bind_template_callback (widget_class, format_region_tooltip);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "fgregionsidebar");
}

static void
fg_region_sidebar_init (FgRegionSidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

FgStore *
fg_region_sidebar_get_store (FgRegionSidebar *self)
{
  g_return_val_if_fail (FG_IS_REGION_SIDEBAR (self), NULL);
  return self->store;
}

/**
 * fg_region_sidebar_load:
 * @self: the sidebar
 * @store: (nullable): where the regions are
 * @actor: (nullable): who looks: the tree holds what it may see
 * @root_id: (nullable): the region at the top of the tree
 *
 * Shows the tree below @root_id, the top row expanded.
 */
void
fg_region_sidebar_load (FgRegionSidebar *self,
                        FgStore         *store,
                        FgActor         *actor,
                        const char      *root_id)
{
  gboolean store_changed;

  g_return_if_fail (FG_IS_REGION_SIDEBAR (self));
  g_return_if_fail (store == NULL || FG_IS_STORE (store));

  store_changed = g_set_object (&self->store, store);
  if (actor != self->actor)
    {
      g_clear_pointer (&self->actor, fg_actor_unref);
      self->actor = actor != NULL ? fg_actor_ref (actor) : NULL;
    }
  g_free (self->root_id);
  self->root_id = g_strdup (root_id);

  fg_region_sidebar_rebuild (self);
  if (store_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * fg_region_sidebar_get_selected_region:
 *
 * Returns: (transfer none) (nullable): the region the person chose
 */
FgRegion *
fg_region_sidebar_get_selected_region (FgRegionSidebar *self)
{
  GtkTreeListRow *row;

  g_return_val_if_fail (FG_IS_REGION_SIDEBAR (self), NULL);

  if (self->selection == NULL)
    return NULL;

  row = gtk_single_selection_get_selected_item (self->selection);
  if (row == NULL)
    return NULL;

  return fg_region_item_get_region (gtk_tree_list_row_get_item (row));
}

/**
 * fg_region_sidebar_get_selection:
 *
 * Returns: (transfer none) (nullable): the rows of the tree as shown, and
 *   which one is selected; items are #GtkTreeListRow of #FgRegionItem
 */
GtkSelectionModel *
fg_region_sidebar_get_selection (FgRegionSidebar *self)
{
  g_return_val_if_fail (FG_IS_REGION_SIDEBAR (self), NULL);
  return self->selection != NULL ? GTK_SELECTION_MODEL (self->selection) : NULL;
}

static gboolean
find_item (GListModel  *model,
           const char  *id,
           guint       *position)
{
  guint n = g_list_model_get_n_items (model);

  /* The children of one region: a few dozen villages or grids. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FgRegionItem) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (fg_region_item_get_id (item), id) == 0)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * fg_region_sidebar_refresh_counts:
 * @self: the sidebar
 * @region_id: the region whose venues changed
 *
 * Reads the venue counts of @region_id and the regions above it again,
 * after a venue was added to or moved out of it. Only these few rows are
 * read; the rest of the tree keeps its rows and expanded state.
 */
/* The regions from the top of the tree down to @region_id, read fresh;
 * NULL when one cannot be read. */
static GPtrArray *
read_path (FgRegionSidebar *self,
           const char      *region_id)
{
  g_autoptr(GPtrArray) path = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *id = g_strdup (region_id);

  while (id != NULL)
    {
      g_autoptr(GError) error = NULL;
      FgRegion *region = fg_region_lookup (self->store, self->actor, id, &error);

      if (region == NULL)
        {
          g_warning ("Could not read a region of the tree: %s", error->message);
          return NULL;
        }

      g_ptr_array_insert (path, 0, region);
      g_free (id);
      id = g_strcmp0 (fg_region_get_id (region), self->root_id) == 0
         ? NULL : g_strdup (fg_region_get_parent_id (region));
    }

  return g_steal_pointer (&path);
}

/* The row of the child of @row that shows @region_id, if its children
 * have been read. */
static GtkTreeListRow *
find_child_row (GtkTreeListRow *row,
                const char     *region_id)
{
  GListModel *children = gtk_tree_list_row_get_children (row);
  guint position;

  if (children == NULL || !find_item (children, region_id, &position))
    return NULL;
  return gtk_tree_list_row_get_child_row (row, position);
}

void
fg_region_sidebar_refresh_counts (FgRegionSidebar *self,
                                  const char      *region_id)
{
  g_autoptr(GPtrArray) path = NULL;
  g_autoptr(GtkTreeListRow) row = NULL;

  g_return_if_fail (FG_IS_REGION_SIDEBAR (self));

  if (self->store == NULL || self->actor == NULL || self->root_id == NULL || region_id == NULL)
    return;

  /* From the region up to the top, newest snapshots first. */
  path = read_path (self, region_id);
  if (path == NULL)
    return;

  row = gtk_tree_list_model_get_row (self->tree, 0);
  for (guint depth = 0; row != NULL && depth < path->len; depth++)
    {
      FgRegion *fresh = g_ptr_array_index (path, depth);
      FgRegionItem *item = gtk_tree_list_row_get_item (row);
      GtkTreeListRow *child;

      if (g_strcmp0 (fg_region_item_get_id (item), fg_region_get_id (fresh)) == 0)
        fg_region_item_set_region (item, fresh);
      g_object_unref (item);

      if (depth + 1 >= path->len)
        break;

      /* Rows that were never expanded read their counts when they are. */
      child = find_child_row (row, fg_region_get_id (g_ptr_array_index (path, depth + 1)));
      g_object_unref (row);
      row = child;
    }
}

/* Refreshing */

/* Whether @region_id is among @regions (FgRegion). */
static gboolean
regions_contain (GPtrArray  *regions,
                 const char *region_id)
{
  for (guint i = 0; i < regions->len; i++)
    if (g_strcmp0 (fg_region_get_id (g_ptr_array_index (regions, i)), region_id) == 0)
      return TRUE;
  return FALSE;
}

static void refresh_children (FgRegionSidebar *self,
                              GtkTreeListRow  *row);

/* A village whose row was found without grids is never asked again by the
 * tree: when it has some now, its item is put in anew, so that it is. */
static void
refresh_leaf (FgRegionSidebar *self,
              GListStore      *children,
              guint            position,
              GtkTreeListRow  *row)
{
  g_autoptr(FgRegionItem) current = gtk_tree_list_row_get_item (row);
  FgRegion *region = fg_region_item_get_region (current);
  g_autoptr(GPtrArray) grids = NULL;
  g_autoptr(FgRegionItem) item = NULL;
  GtkTreeListRow *selected;
  gboolean was_selected;

  if (fg_region_get_level (region) >= FG_REGION_LEVEL_GRID || gtk_tree_list_row_is_expandable (row))
    return;

  grids = fg_region_list_children (self->store, self->actor, fg_region_get_id (region), FALSE, NULL);
  if (grids == NULL || grids->len == 0)
    return;

  selected = gtk_single_selection_get_selected_item (self->selection);
  was_selected = selected == row;
  item = fg_region_item_new (region);
  g_list_store_splice (children, position, 1, (gpointer *) &item, 1);
  if (was_selected)
    fg_region_sidebar_select_region (self, fg_region_item_get_id (item));
}

/* Brings the rows below @row, as far as they are open, in line with the
 * store: rows of regions added, renamed or retired come and go, the others
 * stay (with their selection and expanded state) and take their new names
 * and counts. */
static void
refresh_children (FgRegionSidebar *self,
                  GtkTreeListRow  *row)
{
  GListModel *model = gtk_tree_list_row_get_children (row);
  g_autoptr(FgRegionItem) parent = gtk_tree_list_row_get_item (row);
  g_autoptr(GPtrArray) fresh = NULL;
  g_autoptr(GError) error = NULL;
  GListStore *children;

  if (model == NULL)
    return;
  children = G_LIST_STORE (model);

  fresh = fg_region_list_children (self->store, self->actor, fg_region_item_get_id (parent), FALSE, &error);
  if (fresh == NULL)
    {
      g_warning ("Could not read the regions below %s: %s", fg_region_item_get_id (parent), error->message);
      return;
    }

  for (guint i = g_list_model_get_n_items (model); i > 0; i--)
    {
      g_autoptr(FgRegionItem) item = g_list_model_get_item (model, i - 1);

      if (!regions_contain (fresh, fg_region_item_get_id (item)))
        g_list_store_remove (children, i - 1);
    }

  for (guint i = 0; i < fresh->len; i++)
    {
      FgRegion *region = g_ptr_array_index (fresh, i);
      g_autoptr(FgRegionItem) item = i < g_list_model_get_n_items (model) ? g_list_model_get_item (model, i) : NULL;
      guint position;

      if (item != NULL && g_strcmp0 (fg_region_item_get_id (item), fg_region_get_id (region)) == 0)
        fg_region_item_set_region (item, region);
      else if (find_item (model, fg_region_get_id (region), &position))
        {
          /* renamed, and so sorted elsewhere */
          g_autoptr(FgRegionItem) moved = g_list_model_get_item (model, position);

          g_list_store_remove (children, position);
          fg_region_item_set_region (moved, region);
          g_list_store_insert (children, i, moved);
        }
      else
        {
          g_autoptr(FgRegionItem) added = fg_region_item_new (region);

          g_list_store_insert (children, i, added);
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkTreeListRow) child = gtk_tree_list_row_get_child_row (row, i);

      if (child == NULL)
        continue;
      if (gtk_tree_list_row_get_children (child) != NULL)
        refresh_children (self, child);
      else
        refresh_leaf (self, children, i, child);
    }
}

/**
 * fg_region_sidebar_refresh:
 * @self: the sidebar
 *
 * Reads the tree again as far as it is open, after another program
 * changed the divisions or the venues: what is selected and open stays
 * so, and the list where it was scrolled to.
 */
void
fg_region_sidebar_refresh (FgRegionSidebar *self)
{
  g_autoptr(GtkTreeListRow) row = NULL;
  g_autoptr(FgRegionItem) item = NULL;
  g_autoptr(FgRegion) top = NULL;

  g_return_if_fail (FG_IS_REGION_SIDEBAR (self));

  if (self->store == NULL || self->actor == NULL || self->root_id == NULL || self->tree == NULL)
    return;

  row = gtk_tree_list_model_get_row (self->tree, 0);
  if (row == NULL)
    return;

  item = gtk_tree_list_row_get_item (row);
  top = fg_region_lookup (self->store, self->actor, self->root_id, NULL);
  if (top != NULL)
    fg_region_item_set_region (item, top);
  refresh_children (self, row);
}

/**
 * fg_region_sidebar_select_region:
 * @self: the sidebar
 * @region_id: a region in the tree
 *
 * Selects the row of @region_id, opening the rows above it.
 *
 * Returns: whether the tree shows @region_id
 */
gboolean
fg_region_sidebar_select_region (FgRegionSidebar *self,
                                 const char      *region_id)
{
  g_autoptr(GPtrArray) path = NULL;
  g_autoptr(GtkTreeListRow) row = NULL;

  g_return_val_if_fail (FG_IS_REGION_SIDEBAR (self), FALSE);
  g_return_val_if_fail (region_id != NULL, FALSE);

  if (self->store == NULL || self->actor == NULL || self->root_id == NULL)
    return FALSE;

  path = read_path (self, region_id);
  if (path == NULL || g_strcmp0 (fg_region_get_id (g_ptr_array_index (path, 0)), self->root_id) != 0)
    return FALSE;

  row = gtk_tree_list_model_get_row (self->tree, 0);
  for (guint depth = 1; row != NULL && depth < path->len; depth++)
    {
      GtkTreeListRow *child;

      gtk_tree_list_row_set_expanded (row, TRUE);
      child = find_child_row (row, fg_region_get_id (g_ptr_array_index (path, depth)));
      g_object_unref (row);
      row = child;
    }
  if (row == NULL)
    return FALSE;

  gtk_single_selection_set_selected (self->selection, gtk_tree_list_row_get_position (row));
  return TRUE;
}
