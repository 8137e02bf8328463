/* fg-list-layout.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The venue list, the hazard ledger and the documents page keep a pane
 * beside the list for the row chosen in it. An empty pane would take a
 * third of a laptop's width from the columns, so it folds away while
 * nothing is chosen and comes back with the first choice; the list keeps
 * its selection, and keeps the keyboard when the pane goes.
 *
 * A county's lists hold several townships' rows, which a column of the
 * township tells apart; a township's own lists need no such column.
 *
 * A list of many narrow columns has short headings; each says what it
 * means in full as its tooltip, and to a screen reader. Its one column of
 * long text takes the width the others leave.
 */
#include "config.h"

#include "fg-list-layout.h"

/**
 * fg_list_layout_show_pane:
 * @pane: the pane, a child of an #AdwLeaflet after the list and its rule
 * @list: the widget that takes the keyboard when the pane folds away
 *   while it had it
 * @shown: whether the pane shows something
 *
 * Shows @pane and the rule before it, or hides both.
 */
void
fg_list_layout_show_pane (GtkWidget *pane,
                          GtkWidget *list,
                          gboolean   shown)
{
  GtkWidget *rule;
  GtkRoot *root;
  gboolean had_focus = FALSE;

  g_return_if_fail (GTK_IS_WIDGET (pane));
  g_return_if_fail (GTK_IS_WIDGET (list));

  if (gtk_widget_get_visible (pane) == shown)
    return;

  root = gtk_widget_get_root (pane);
  if (!shown && root != NULL)
    {
      GtkWidget *focus = gtk_root_get_focus (root);

      had_focus = focus != NULL && gtk_widget_is_ancestor (focus, pane);
    }

  /* The rule stays in place, unseen: libadwaita 1.2's leaflet, given a
   * hidden page that is not navigatable, draws it before placing it. */
  rule = gtk_widget_get_prev_sibling (pane);
  if (GTK_IS_SEPARATOR (rule))
    gtk_widget_set_opacity (rule, shown ? 1.0 : 0.0);
  gtk_widget_set_visible (pane, shown);

  if (had_focus)
    gtk_widget_grab_focus (list);
}

/**
 * fg_list_layout_spans_townships:
 * @store: the office's store
 * @actor: who looks at the list
 *
 * Returns: whether @actor's area holds several townships: a county's
 */
gboolean
fg_list_layout_spans_townships (FgStore *store,
                                FgActor *actor)
{
  const char *scope_id;
  g_autoptr(FgRegion) scope = NULL;

  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);

  scope_id = fg_actor_get_scope_region_id (actor);
  if (scope_id != NULL)
    scope = fg_region_lookup (store, actor, scope_id, NULL);

  return scope != NULL && fg_region_get_level (scope) < FG_REGION_LEVEL_TOWNSHIP;
}

/* The label inside @widget that reads @text, or NULL. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *label = find_label (child, text);

      if (label != NULL)
        return label;
    }

  return NULL;
}

/**
 * fg_list_layout_explain_heading:
 * @view: a column view
 * @column: one of its columns, with a short title
 * @meaning: what the column holds, in full
 *
 * Gives @column's heading @meaning as its tooltip and as its accessible
 * description. GTK 4.8 has no API for a column's heading: it is the child
 * of the view's header row that shows the column's title.
 */
void
fg_list_layout_explain_heading (GtkColumnView       *view,
                                GtkColumnViewColumn *column,
                                const char          *meaning)
{
  const char *title;

  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));
  g_return_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column));
  g_return_if_fail (meaning != NULL);

  title = gtk_column_view_column_get_title (column);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (view)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (!g_str_equal (gtk_widget_get_css_name (row), "header"))
        continue;

      for (GtkWidget *heading = gtk_widget_get_first_child (row); heading != NULL;
           heading = gtk_widget_get_next_sibling (heading))
        {
          if (find_label (heading, title) == NULL)
            continue;

          gtk_widget_set_tooltip_text (heading, meaning);
          gtk_accessible_update_property (GTK_ACCESSIBLE (heading),
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, meaning,
                                          -1);
          return;
        }
    }

  g_warn_if_reached ();
}

static GQuark fill_minimum_quark;
static GQuark fill_pending_quark;

/* Gives the filling column what the other columns leave of the view's
 * width: GTK 4.8's column view leaves space after its last column
 * rather than widen a column of a fixed width. */
static gboolean
fill_width (gpointer user_data)
{
  GtkColumnViewColumn *column = user_data;
  GtkColumnView *view = gtk_column_view_column_get_column_view (column);
  int minimum = GPOINTER_TO_INT (g_object_get_qdata (G_OBJECT (column), fill_minimum_quark));
  GtkAdjustment *adjustment;
  GListModel *columns;
  int others = 0;
  int page;
  int width;

  g_object_set_qdata (G_OBJECT (column), fill_pending_quark, NULL);
  if (view == NULL)
    return G_SOURCE_REMOVE;

  adjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (view));
  page = adjustment != NULL ? (int) gtk_adjustment_get_page_size (adjustment) : 0;
  if (page <= 0)
    return G_SOURCE_REMOVE;

  columns = gtk_column_view_get_columns (view);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) other = g_list_model_get_item (columns, i);

      if (other != column && gtk_column_view_column_get_visible (other))
        others += MAX (gtk_column_view_column_get_fixed_width (other), 0);
    }

  width = MAX (minimum, page - others);
  if (width != gtk_column_view_column_get_fixed_width (column))
    gtk_column_view_column_set_fixed_width (column, width);

  return G_SOURCE_REMOVE;
}

/* The view's width is known as it is laid out, when no width may change:
 * the column is widened just after. */
static void
on_width_changed (GtkAdjustment       *adjustment,
                  GtkColumnViewColumn *column)
{
  if (g_object_get_qdata (G_OBJECT (column), fill_pending_quark) != NULL)
    return;

  g_object_set_qdata (G_OBJECT (column), fill_pending_quark, GINT_TO_POINTER (TRUE));
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, fill_width, g_object_ref (column), g_object_unref);
}

/**
 * fg_list_layout_fill_width:
 * @view: a column view in a scrolled window, whose other columns have
 *   fixed widths
 * @column: the column of @view with the longest texts
 * @minimum: the least width @column keeps, in pixels; the list scrolls
 *   sideways rather than give it less
 *
 * Keeps @column as wide as the view's width less its other columns, as
 * the window, a pane beside the list or a column the person widened
 * change it.
 */
void
fg_list_layout_fill_width (GtkColumnView       *view,
                           GtkColumnViewColumn *column,
                           int                  minimum)
{
  GtkAdjustment *adjustment;

  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));
  g_return_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column));
  g_return_if_fail (minimum > 0);

  adjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (view));
  g_return_if_fail (adjustment != NULL);

  if (fill_minimum_quark == 0)
    {
      fill_minimum_quark = g_quark_from_static_string ("fg-list-layout-fill-minimum");
      fill_pending_quark = g_quark_from_static_string ("fg-list-layout-fill-pending");
    }
  g_object_set_qdata (G_OBJECT (column), fill_minimum_quark, GINT_TO_POINTER (minimum));
  gtk_column_view_column_set_fixed_width (column, minimum);
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (on_width_changed), column, 0);
}
