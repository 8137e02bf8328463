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
 *
 * The top row opens at start when what is below it is a list to read at a
 * glance (a township's villages, a county's townships). A GtkListView of
 * GTK 4.8 makes a row for each item up to 200 as soon as it has them,
 * shown or not: the top of hundreds of villages (a whole county's, held as
 * one township) starts folded, and makes its rows when it is opened.
 *
 * Those who may change the tree (the core says who) find a button to add
 * a village or community below it, and on each row a menu (right click,
 * the Menu key or Shift+F10) to add a grid, rename, move a grid to
 * another village or retire; each opens an FgRegionDialog.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fg-region-dialog.h"
#include "fg-region-item.h"
#include "fg-region-sidebar.h"

struct _FgRegionSidebar
{
  GtkWidget parent_instance;

  GtkWidget *box;
  GtkWidget *scrolled_window;
  GtkListView *list_view;
  GtkWidget *empty_box;
  GtkLabel *empty_label;
  GtkWidget *empty_add_button;
  GtkWidget *footer_separator;
  GtkWidget *add_button;
  GtkPopoverMenu *context_menu;

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

enum {
  REGIONS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The most rows the top row opens on at start: more than a township has
 * villages (forty or fifty in a large one). */
#define OPEN_AT_START_MAX 64

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

/* The button to add a village, for those who may; when the township has
 * none yet, in the middle of the sidebar, as the first step of all. */
static void
update_add_button (FgRegionSidebar *self,
                   FgRegion        *top,
                   guint            n_below)
{
  gboolean township = top != NULL && fg_region_get_level (top) == FG_REGION_LEVEL_TOWNSHIP;
  gboolean can_add = township && fg_region_can_change (self->store, self->actor, top);
  gboolean empty = township && n_below == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "region.add-village", can_add);
  gtk_widget_set_visible (self->add_button, can_add && !empty);
  gtk_widget_set_visible (self->footer_separator, can_add && !empty);
  gtk_widget_set_visible (self->empty_box, empty);
  gtk_widget_set_vexpand (self->scrolled_window, !empty);
  gtk_widget_set_visible (self->empty_add_button, can_add);
  gtk_label_set_text (self->empty_label,
                      can_add ? _("No villages or communities yet. Add the first, then its grids, "
                                  "and venues can be registered in them.")
                              : _("No villages or communities yet. The township office adds them."));
}

static void
fg_region_sidebar_rebuild (FgRegionSidebar *self)
{
  g_autoptr(GListStore) root = NULL;
  g_autoptr(FgRegion) home = NULL;
  g_autoptr(GError) error = NULL;
  GtkTreeListRow *row;
  guint n_below = 0;

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

          /* a grid worker's grid, alone at the top, is named with its village */
          if (fg_region_get_level (home) == FG_REGION_LEVEL_GRID)
            {
              g_autoptr(FgRegion) village = fg_region_lookup (self->store, self->actor,
                                                              fg_region_get_parent_id (home), NULL);

              if (village != NULL)
                fg_region_item_set_village_name (item, fg_region_get_name (village));
            }
          g_list_store_append (root, item);
        }
      else
        g_warning ("Could not read the top of the region tree: %s", error->message);
    }

  self->tree = gtk_tree_list_model_new (G_LIST_MODEL (g_steal_pointer (&root)),
                                        FALSE, FALSE, create_children, self, NULL);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->tree)));

  /* The township is what people look at first: show its villages, unless
   * there are too many to take in (the view has no rows yet) */
  row = gtk_tree_list_model_get_row (self->tree, 0);
  if (row != NULL)
    {
      GListModel *children;

      gtk_tree_list_row_set_expanded (row, TRUE);
      children = gtk_tree_list_row_get_children (row);
      n_below = children != NULL ? g_list_model_get_n_items (children) : 0;
      if (n_below > OPEN_AT_START_MAX)
        gtk_tree_list_row_set_expanded (row, FALSE);
      g_object_unref (row);
    }

  g_signal_connect_swapped (self->selection, "selection-changed",
                            G_CALLBACK (on_selection_changed), self);
  g_signal_connect_swapped (self->selection, "items-changed",
                            G_CALLBACK (on_selection_changed), self);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  update_add_button (self, home, n_below);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_REGION]);
}

static char *
format_venue_count (gpointer unused,
                    guint    venue_count)
{
  return g_strdup_printf ("%u", venue_count);
}

/* A row of the list is read by its name: the row itself (the list's own
 * widget around the expander) takes the name its label shows. */
static char *
name_region_row (gpointer         unused,
                 const char      *label,
                 GtkTreeExpander *expander)
{
  GtkWidget *row = expander != NULL ? gtk_widget_get_parent (GTK_WIDGET (expander)) : NULL;

  if (row != NULL && label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return g_strdup (label);
}

static char *
format_region_tooltip (gpointer     unused,
                       const char  *name,
                       guint        venue_count)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u venue", "%s: %u venues", venue_count),
                          name != NULL ? name : "", venue_count);
}

/* The changes of the tree: each opens its dialog, and once it is done
 * the tree is read again and shows the region changed. */

static GtkTreeListRow *row_of_widget (FgRegionSidebar  *self,
                                      GtkWidget        *widget,
                                      GtkWidget       **row_widget);

/* The keyboard stays on the row just changed: the Menu key opens its
 * menu again. The rows' widgets exist once the list is laid out. */
static gboolean
focus_selected_row (gpointer data)
{
  FgRegionSidebar *self = data;
  guint selected;

  if (self->selection == NULL || gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
    return G_SOURCE_REMOVE;

  selected = gtk_single_selection_get_selected (self->selection);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkTreeListRow *row = row_of_widget (self, child, NULL);

      if (row != NULL && gtk_tree_list_row_get_position (row) == selected)
        {
          gtk_widget_grab_focus (child);
          break;
        }
    }

  return G_SOURCE_REMOVE;
}

static void
on_dialog_done (FgRegionSidebar *self,
                const char      *region_id,
                const char      *message)
{
  GtkWidget *overlay;

  fg_region_sidebar_reload (self, region_id);
  g_idle_add_full (G_PRIORITY_LOW, focus_selected_row, g_object_ref (self), g_object_unref);
  g_signal_emit (self, signals[REGIONS_CHANGED], 0);

  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (message != NULL && overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

static void
open_dialog (FgRegionSidebar    *self,
             FgRegionDialogMode  mode,
             const char         *region_id)
{
  g_autoptr(FgRegion) region = NULL;
  g_autoptr(GError) error = NULL;
  FgRegionDialog *dialog;

  if (self->store == NULL || self->actor == NULL || region_id == NULL)
    return;

  region = fg_region_lookup (self->store, self->actor, region_id, &error);
  if (region == NULL)
    {
      g_warning ("Could not read the region to change: %s", error->message);
      return;
    }
  if (!fg_region_can_change (self->store, self->actor, region))
    return;

  dialog = fg_region_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                 self->store, self->actor, mode, region);
  g_signal_connect_object (dialog, "done", G_CALLBACK (on_dialog_done), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_village_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  FgRegionSidebar *self = FG_REGION_SIDEBAR (widget);

  open_dialog (self, FG_REGION_DIALOG_ADD_VILLAGE, self->root_id);
}

static void
region_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  static const struct
  {
    const char *name;
    FgRegionDialogMode mode;
  } modes[] = {
    { "region.add-grid", FG_REGION_DIALOG_ADD_GRID },
    { "region.rename", FG_REGION_DIALOG_RENAME },
    { "region.move-grid", FG_REGION_DIALOG_MOVE_GRID },
    { "region.retire", FG_REGION_DIALOG_RETIRE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    if (g_str_equal (action_name, modes[i].name))
      open_dialog (FG_REGION_SIDEBAR (widget), modes[i].mode, g_variant_get_string (parameter, NULL));
}

static void
append_item (GMenu      *menu,
             const char *label,
             const char *action,
             const char *region_id)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  if (region_id != NULL)
    g_menu_item_set_action_and_target_value (item, action, g_variant_new_string (region_id));
  else
    g_menu_item_set_action_and_target_value (item, action, NULL);
  g_menu_append_item (menu, item);
}

/* What may be done with @region's row; NULL when nothing. */
static GMenuModel *
create_row_menu (FgRegionSidebar *self,
                 FgRegion        *region)
{
  g_autoptr(GMenu) menu = NULL;
  g_autoptr(GMenu) changes = g_menu_new ();
  g_autoptr(GMenu) retire = g_menu_new ();
  const char *id = fg_region_get_id (region);

  if (!fg_region_can_change (self->store, self->actor, region))
    return NULL;

  menu = g_menu_new ();
  switch (fg_region_get_level (region))
    {
    case FG_REGION_LEVEL_TOWNSHIP:
      append_item (menu, _("Add _Village or Community…"), "region.add-village", NULL);
      break;

    case FG_REGION_LEVEL_VILLAGE:
      append_item (changes, _("Add _Grid…"), "region.add-grid", id);
      append_item (changes, _("_Rename…"), "region.rename", id);
      append_item (retire, _("Re_tire…"), "region.retire", id);
      break;

    case FG_REGION_LEVEL_GRID:
      append_item (changes, _("_Rename…"), "region.rename", id);
      append_item (changes, _("_Move to Another Village…"), "region.move-grid", id);
      append_item (retire, _("Re_tire…"), "region.retire", id);
      break;

    case FG_REGION_LEVEL_COUNTY:
    default:
      return NULL;
    }

  if (g_menu_model_get_n_items (G_MENU_MODEL (changes)) > 0)
    g_menu_append_section (menu, NULL, G_MENU_MODEL (changes));
  if (g_menu_model_get_n_items (G_MENU_MODEL (retire)) > 0)
    g_menu_append_section (menu, NULL, G_MENU_MODEL (retire));

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

/* Selects @row and opens its menu, pointing at @x, @y of the sidebar's box. */
static gboolean
popup_row_menu (FgRegionSidebar *self,
                GtkTreeListRow  *row,
                double           x,
                double           y,
                double           width,
                double           height)
{
  g_autoptr(GMenuModel) menu = NULL;
  FgRegionItem *item;

  if (row == NULL)
    return FALSE;

  item = gtk_tree_list_row_get_item (row);
  menu = create_row_menu (self, fg_region_item_get_region (item));
  g_object_unref (item);
  if (menu == NULL)
    return FALSE;

  gtk_single_selection_set_selected (self->selection, gtk_tree_list_row_get_position (row));
  gtk_popover_menu_set_menu_model (self->context_menu, menu);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu),
                               &(GdkRectangle) { (int) x, (int) y, MAX (1, (int) width), MAX (1, (int) height) });
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
  return TRUE;
}

/* The row of the list under a widget the pointer or the focus is on. */
static GtkTreeListRow *
row_of_widget (FgRegionSidebar  *self,
               GtkWidget        *widget,
               GtkWidget       **row_widget)
{
  for (GtkWidget *w = widget; w != NULL && w != GTK_WIDGET (self->list_view); w = gtk_widget_get_parent (w))
    {
      GtkWidget *expander = GTK_IS_TREE_EXPANDER (w) ? w : NULL;

      /* the row's own widget holds the expander */
      if (expander == NULL && gtk_widget_get_parent (w) == GTK_WIDGET (self->list_view) &&
          GTK_IS_TREE_EXPANDER (gtk_widget_get_first_child (w)))
        expander = gtk_widget_get_first_child (w);

      if (expander != NULL)
        {
          if (row_widget != NULL)
            *row_widget = gtk_widget_get_parent (expander);
          return gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (expander));
        }
    }

  return NULL;
}

static void
on_secondary_click (FgRegionSidebar *self,
                    int              n_press,
                    double           x,
                    double           y,
                    GtkGesture      *gesture)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->list_view), x, y, GTK_PICK_DEFAULT);
  GtkTreeListRow *row = row_of_widget (self, picked, NULL);
  double box_x, box_y;

  if (row == NULL ||
      !gtk_widget_translate_coordinates (GTK_WIDGET (self->list_view), self->box, x, y, &box_x, &box_y))
    return;

  if (popup_row_menu (self, row, box_x, box_y, 1, 1))
    gtk_gesture_set_state (gesture, GTK_EVENT_SEQUENCE_CLAIMED);
}

/* The Menu key and Shift+F10: the selected row's menu, below it. */
static void
show_menu_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FgRegionSidebar *self = FG_REGION_SIDEBAR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row_widget = NULL;
  GtkTreeListRow *row = NULL;
  graphene_rect_t bounds;

  if (self->selection == NULL)
    return;

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view)))
    row = row_of_widget (self, focus, &row_widget);
  if (row == NULL || gtk_tree_list_row_get_position (row) != gtk_single_selection_get_selected (self->selection))
    {
      row = gtk_single_selection_get_selected_item (self->selection);
      row_widget = NULL;
    }

  if (row_widget != NULL && gtk_widget_compute_bounds (row_widget, self->box, &bounds))
    popup_row_menu (self, row, bounds.origin.x, bounds.origin.y, bounds.size.width, bounds.size.height);
  else
    popup_row_menu (self, row, 12, 12, 1, 1);
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

  /**
   * FgRegionSidebar::regions-changed:
   *
   * A village or grid was added, renamed, moved or retired here: lists
   * that name them read them again.
   */
  signals[REGIONS_CHANGED] =
    g_signal_new ("regions-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/firegrid/Firegrid/fg-region-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, FgRegionSidebar, box);
  gtk_widget_class_bind_template_child (widget_class, FgRegionSidebar, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, FgRegionSidebar, list_view);
  gtk_widget_class_bind_template_child (widget_class, FgRegionSidebar, empty_box);
  gtk_widget_class_bind_template_child (widget_class, FgRegionSidebar, empty_label);
  gtk_widget_class_bind_template_child (widget_class, FgRegionSidebar, empty_add_button);
  gtk_widget_class_bind_template_child (widget_class, FgRegionSidebar, footer_separator);
  gtk_widget_class_bind_template_child (widget_class, FgRegionSidebar, add_button);
  gtk_widget_class_bind_template_child (widget_class, FgRegionSidebar, context_menu);
  gtk_widget_class_bind_template_callback (widget_class, format_venue_count);
  gtk_widget_class_bind_template_callback (widget_class, format_region_tooltip);
  gtk_widget_class_bind_template_callback (widget_class, name_region_row);
  gtk_widget_class_bind_template_callback (widget_class, on_secondary_click);

  gtk_widget_class_install_action (widget_class, "region.add-village", NULL, add_village_action);
  gtk_widget_class_install_action (widget_class, "region.add-grid", "s", region_action);
  gtk_widget_class_install_action (widget_class, "region.rename", "s", region_action);
  gtk_widget_class_install_action (widget_class, "region.move-grid", "s", region_action);
  gtk_widget_class_install_action (widget_class, "region.retire", "s", region_action);
  gtk_widget_class_install_action (widget_class, "region.show-menu", NULL, show_menu_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "region.show-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "region.show-menu", NULL);

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

  /* a township whose first village came from elsewhere had no rows to
   * open: the tree is built again, as it is after a change made here */
  if (!gtk_tree_list_row_get_expanded (row) && !gtk_tree_list_row_is_expandable (row))
    {
      fg_region_sidebar_reload (self, NULL);
      return;
    }

  item = gtk_tree_list_row_get_item (row);
  top = fg_region_lookup (self->store, self->actor, self->root_id, NULL);
  if (top != NULL)
    fg_region_item_set_region (item, top);
  /* a folded top reads its rows when it is opened */
  if (gtk_tree_list_row_get_children (row) != NULL)
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

/**
 * fg_region_sidebar_reload:
 * @self: the sidebar
 * @select_id: (nullable): the region to select, or %NULL to keep the
 *   selection
 *
 * Reads the tree again after villages or grids changed, keeping open the
 * rows that were open. When the region to select is no longer shown (it
 * was retired), the top row is selected.
 */
void
fg_region_sidebar_reload (FgRegionSidebar *self,
                          const char      *select_id)
{
  g_autoptr(GHashTable) expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *selected = NULL;
  FgRegion *current;

  g_return_if_fail (FG_IS_REGION_SIDEBAR (self));

  current = fg_region_sidebar_get_selected_region (self);
  selected = g_strdup (select_id != NULL ? select_id : current != NULL ? fg_region_get_id (current) : NULL);

  for (guint i = 0; self->tree != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (self->tree)); i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree, i);
      g_autoptr(FgRegionItem) item = gtk_tree_list_row_get_item (row);

      if (gtk_tree_list_row_get_expanded (row))
        g_hash_table_add (expanded, g_strdup (fg_region_item_get_id (item)));
    }

  fg_region_sidebar_rebuild (self);

  /* opening a row adds its children after it: they are visited too */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->tree)); i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree, i);
      g_autoptr(FgRegionItem) item = gtk_tree_list_row_get_item (row);

      if (g_hash_table_contains (expanded, fg_region_item_get_id (item)))
        gtk_tree_list_row_set_expanded (row, TRUE);
    }

  if (selected == NULL || !fg_region_sidebar_select_region (self, selected))
    gtk_single_selection_set_selected (self->selection, 0);
}
