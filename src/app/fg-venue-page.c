/* fg-venue-page.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every filter and every order is part of one FgVenueQuery, which the
 * paged list (fg_venue_query_list_new()) runs in SQL. Nothing here sorts or filters rows in
 * memory: GtkSortListModel and GtkFilterListModel would read every venue
 * of a county before showing the first one.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fg-accessible.h"
#include "fg-list-layout.h"
#include "fg-sort-probe.h"
#include "fg-tooltip.h"
#include "fg-venue-detail.h"
#include "fg-venue-page.h"

struct _FgVenuePage
{
  GtkWidget parent_instance;

  AdwLeaflet *leaflet;
  GtkWidget *list_box;
  GtkWidget *detail_box;
  GtkDropDown *category_dropdown;
  GtkLabel *count_label;
  GtkStack *stack;
  AdwStatusPage *empty_page;
  GtkButton *empty_button;
  GtkWidget *empty_import_button;
  GtkColumnView *column_view;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *category_column;
  GtkColumnViewColumn *village_column;
  GtkColumnViewColumn *address_column;
  GtkColumnViewColumn *operator_column;
  GtkColumnViewColumn *status_column;
  FgVenueDetail *detail;

  FgPagedList *venue_list;  /* FgVenue */
  GtkSingleSelection *selection;
  FgVenueQuery *query;

  FgSortProbe *sort_probe;
  gboolean reloading;  /* the selection is put back: tell once, at the end */
};

enum {
  PROP_0,
  PROP_VENUE_LIST,
  PROP_SHOWN_VENUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (FgVenuePage, fg_venue_page, GTK_TYPE_WIDGET)

static void
fg_venue_page_update_state (FgVenuePage *self)
{
  guint n_venues = 0;
  gboolean filtered;
  g_autofree char *count = NULL;

  if (self->venue_list != NULL)
    n_venues = g_list_model_get_n_items (G_LIST_MODEL (self->venue_list));

  /* A search of a county shows its first screen first: the count that
   * follows is not shown until it is the whole count. */
  if (self->venue_list != NULL && fg_paged_list_get_counting (self->venue_list))
    count = g_strdup (_("Counting venues…"));
  else
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u venue", "%u venues", n_venues), n_venues);
  gtk_label_set_text (self->count_label, count);

  /* The region is where people are, not a filter they set: an empty
   * village needs its first venue, an empty search needs other words. */
  filtered = self->query->category != NULL ||
             (self->query->text != NULL && *self->query->text != '\0');

  if (n_venues > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else if (filtered)
    gtk_stack_set_visible_child_name (self->stack, "no-match");
  else
    gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
fg_venue_page_apply_query (FgVenuePage *self)
{
  if (self->venue_list != NULL)
    fg_paged_list_set_query (self->venue_list, self->query);

  fg_venue_page_update_state (self);
}

static void
on_selection_changed (FgVenuePage *self)
{
  FgVenue *venue;

  if (self->reloading)
    return;

  venue = fg_venue_page_get_selected_venue (self);

  fg_venue_detail_set_venue (self->detail, venue);

  /* On a narrow window the list and the details take turns. */
  if (venue != NULL && adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->detail_box);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "venue-page.show-list",
                                 adw_leaflet_get_folded (self->leaflet));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWN_VENUE]);
}

/* The pane is there while it shows a venue. */
static void
on_detail_changed (FgVenuePage *self)
{
  fg_list_layout_show_pane (self->detail_box, GTK_WIDGET (self->column_view),
                            fg_venue_detail_get_venue (self->detail) != NULL);
}

static void
on_view_sorter_changed (GtkSorter       *sorter,
                        GtkSorterChange  change,
                        FgVenuePage     *self)
{
  int column_sort;
  gboolean column_descending;
  /* no column: by name */
  FgVenueSort sort = FG_VENUE_SORT_NAME;
  gboolean descending = FALSE;

  if (fg_sort_probe_read (self->sort_probe, sorter, &column_sort, &column_descending))
    {
      sort = (FgVenueSort) column_sort;
      descending = column_descending;
    }

  if (self->query->sort == sort && self->query->descending == descending)
    return;

  self->query->sort = sort;
  self->query->descending = descending;
  fg_venue_page_apply_query (self);
}

static void
on_category_selected (FgVenuePage *self)
{
  guint position = gtk_drop_down_get_selected (self->category_dropdown);
  const char *category_id = NULL;

  /* position 0 is "All categories" */
  if (position != GTK_INVALID_LIST_POSITION && position > 0)
    category_id = fg_category_get_id (fg_category_get_nth (position - 1));

  if (g_strcmp0 (self->query->category, category_id) == 0)
    return;

  g_free (self->query->category);
  self->query->category = g_strdup (category_id);
  fg_venue_page_apply_query (self);
}

static void
on_leaflet_folded (FgVenuePage *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "venue-page.show-list", folded);
  if (folded)
    adw_leaflet_set_visible_child (self->leaflet, self->list_box);
}

static void
on_column_view_activate (FgVenuePage *self,
                         guint        position)
{
  gtk_single_selection_set_selected (self->selection, position);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->detail_box);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-venue", NULL);
}

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FgVenuePage *self = FG_VENUE_PAGE (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->list_box);
}

static char **
status_css_classes (gpointer  unused,
                    FgVenue  *venue)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **classes;

  g_strv_builder_add (builder, "fg-status");
  if (venue != NULL && fg_venue_get_status (venue) != FG_VENUE_STATUS_ACTIVE)
    g_strv_builder_add (builder, "dim-label");

  classes = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return classes;
}

static void
fg_venue_page_dispose (GObject *object)
{
  FgVenuePage *self = (FgVenuePage *)object;

  /* before the template: its columns, as they go, change the view's
   * sort, which would reload the list into a page half taken apart */
  if (self->column_view != NULL)
    g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), FG_TYPE_VENUE_PAGE);

  g_clear_object (&self->selection);
  if (self->venue_list != NULL)
    g_signal_handlers_disconnect_by_data (self->venue_list, self);
  g_clear_object (&self->venue_list);
  g_clear_pointer (&self->sort_probe, fg_sort_probe_unref);

  G_OBJECT_CLASS (fg_venue_page_parent_class)->dispose (object);
}

static void
fg_venue_page_finalize (GObject *object)
{
  FgVenuePage *self = (FgVenuePage *)object;

  g_clear_pointer (&self->query, fg_venue_query_free);

  G_OBJECT_CLASS (fg_venue_page_parent_class)->finalize (object);
}

static void
fg_venue_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  FgVenuePage *self = FG_VENUE_PAGE (object);

  switch (prop_id)
    {
    case PROP_VENUE_LIST:
      g_value_set_object (value, self->venue_list);
      break;

    case PROP_SHOWN_VENUE:
      g_value_set_object (value, fg_venue_page_get_shown_venue (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fg_venue_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  FgVenuePage *self = FG_VENUE_PAGE (object);

  switch (prop_id)
    {
    case PROP_VENUE_LIST:
      fg_venue_page_set_venue_list (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fg_venue_page_class_init (FgVenuePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fg_venue_page_dispose;
  object_class->finalize = fg_venue_page_finalize;
  object_class->get_property = fg_venue_page_get_property;
  object_class->set_property = fg_venue_page_set_property;

  properties[PROP_VENUE_LIST] =
    g_param_spec_object ("venue-list", NULL, NULL, FG_TYPE_PAGED_LIST,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOWN_VENUE] =
    g_param_spec_object ("shown-venue", NULL, NULL, FG_TYPE_VENUE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (FG_TYPE_VENUE);
  g_type_ensure (FG_TYPE_VENUE_DETAIL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/firegrid/Firegrid/fg-venue-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FgVenuePage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, FgVenuePage, list_box);
  gtk_widget_class_bind_template_child (widget_class, FgVenuePage, detail_box);
  gtk_widget_class_bind_template_child (widget_class, FgVenuePage, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FgVenuePage, count_label);
  gtk_widget_class_bind_template_child (widget_class, FgVenuePage, stack);
  gtk_widget_class_bind_template_child (widget_class, FgVenuePage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, FgVenuePage, empty_button);
  gtk_widget_class_bind_template_child (widget_class, FgVenuePage, empty_import_button);
  gtk_widget_class_bind_template_child (widget_class, FgVenuePage, column_view);
  gtk_widget_class_bind_template_child (widget_class, FgVenuePage, name_column);
  gtk_widget_class_bind_template_child (widget_class, FgVenuePage, category_column);
  gtk_widget_class_bind_template_child (widget_class, FgVenuePage, village_column);
  gtk_widget_class_bind_template_child (widget_class, FgVenuePage, address_column);
  gtk_widget_class_bind_template_child (widget_class, FgVenuePage, operator_column);
  gtk_widget_class_bind_template_child (widget_class, FgVenuePage, status_column);
  gtk_widget_class_bind_template_child (widget_class, FgVenuePage, detail);
  gtk_widget_class_bind_template_callback (widget_class, fg_accessible_row_part_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_category_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded);
  gtk_widget_class_bind_template_callback (widget_class, on_detail_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate);
  gtk_widget_class_bind_template_callback (widget_class, fg_tooltip_query_shortened);
  gtk_widget_class_bind_template_callback (widget_class, status_css_classes);

  gtk_widget_class_install_action (widget_class, "venue-page.show-list", NULL, show_list_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "fgvenuepage");
}

static void
fg_venue_page_init (FgVenuePage *self)
{
  g_autoptr(GtkStringList) categories = NULL;
  GtkSorter *view_sorter;

  self->query = fg_venue_query_new ();
  self->sort_probe = fg_sort_probe_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  categories = gtk_string_list_new (NULL);
  gtk_string_list_append (categories, _("All categories"));
  for (guint i = 0; i < fg_category_get_n_categories (); i++)
    gtk_string_list_append (categories, fg_category_get_name (fg_category_get_nth (i)));
  gtk_drop_down_set_model (self->category_dropdown, G_LIST_MODEL (categories));

  fg_sort_probe_attach (self->sort_probe, self->name_column, FG_VENUE_SORT_NAME);
  fg_sort_probe_attach (self->sort_probe, self->category_column, FG_VENUE_SORT_CATEGORY);
  fg_sort_probe_attach (self->sort_probe, self->village_column, FG_VENUE_SORT_VILLAGE);
  fg_sort_probe_attach (self->sort_probe, self->address_column, FG_VENUE_SORT_ADDRESS);
  fg_sort_probe_attach (self->sort_probe, self->operator_column, FG_VENUE_SORT_OPERATOR);
  fg_sort_probe_attach (self->sort_probe, self->status_column, FG_VENUE_SORT_STATUS);

  /* The arrow on the name column says what the query does anyway. */
  gtk_column_view_sort_by_column (self->column_view, self->name_column, GTK_SORT_ASCENDING);
  view_sorter = gtk_column_view_get_sorter (self->column_view);
  g_signal_connect_object (view_sorter, "changed", G_CALLBACK (on_view_sorter_changed), self, 0);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "venue-page.show-list", FALSE);
  fg_venue_page_update_state (self);
}

FgPagedList *
fg_venue_page_get_venue_list (FgVenuePage *self)
{
  g_return_val_if_fail (FG_IS_VENUE_PAGE (self), NULL);
  return self->venue_list;
}

/**
 * fg_venue_page_set_venue_list:
 * @self: the page
 * @venue_list: the list to show; the page sets its query from now on
 */
void
fg_venue_page_set_venue_list (FgVenuePage *self,
                              FgPagedList *venue_list)
{
  g_return_if_fail (FG_IS_VENUE_PAGE (self));
  g_return_if_fail (venue_list == NULL || FG_IS_PAGED_LIST (venue_list));

  if (self->venue_list == venue_list)
    return;

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  if (self->venue_list != NULL)
    g_signal_handlers_disconnect_by_data (self->venue_list, self);
  g_set_object (&self->venue_list, venue_list);

  if (venue_list != NULL)
    {
      /* Keep what the list was opened with, so that the first count is
       * the only one, then take over. */
      const FgVenueQuery *query = fg_paged_list_get_query (venue_list);
      FgVenueSort sort = self->query->sort;
      gboolean descending = self->query->descending;

      fg_venue_query_free (self->query);
      self->query = fg_venue_query_copy (query);
      self->query->sort = sort;
      self->query->descending = descending;
      /* a search shows its first screen at once, its count after */
      fg_paged_list_set_count_later (venue_list, TRUE);
      fg_paged_list_set_query (venue_list, self->query);

      self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (venue_list)));
      /* Nothing selected until the person chooses: an automatic choice
       * would jump to the details on a narrow window at every filter. */
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      g_signal_connect_swapped (self->selection, "selection-changed",
                                G_CALLBACK (on_selection_changed), self);
      g_signal_connect_swapped (self->selection, "items-changed",
                                G_CALLBACK (on_selection_changed), self);
      g_signal_connect_swapped (venue_list, "notify::n-items",
                                G_CALLBACK (fg_venue_page_update_state), self);
      g_signal_connect_swapped (venue_list, "notify::counting",
                                G_CALLBACK (fg_venue_page_update_state), self);
    }

  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  on_selection_changed (self);
  fg_venue_page_update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VENUE_LIST]);
}

/**
 * fg_venue_page_get_selected_venue:
 *
 * Returns: (transfer none) (nullable): the venue selected in the list
 */
FgVenue *
fg_venue_page_get_selected_venue (FgVenuePage *self)
{
  g_return_val_if_fail (FG_IS_VENUE_PAGE (self), NULL);

  if (self->selection == NULL)
    return NULL;

  return gtk_single_selection_get_selected_item (self->selection);
}

/**
 * fg_venue_page_show_venue:
 * @self: the page
 * @venue: a venue that may not be in the list's current pages
 *
 * Shows @venue in the detail pane, e.g. right after it was saved, without
 * looking for its row: finding it would mean reading the list.
 */
void
fg_venue_page_show_venue (FgVenuePage *self,
                          FgVenue     *venue)
{
  g_return_if_fail (FG_IS_VENUE_PAGE (self));

  fg_venue_detail_set_venue (self->detail, venue);
  if (venue != NULL && adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->detail_box);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWN_VENUE]);
}

/**
 * fg_venue_page_get_shown_venue:
 *
 * Returns: (transfer none) (nullable): the venue in the detail pane: the
 *   selected one, or the one just saved
 */
FgVenue *
fg_venue_page_get_shown_venue (FgVenuePage *self)
{
  g_return_val_if_fail (FG_IS_VENUE_PAGE (self), NULL);
  return fg_venue_detail_get_venue (self->detail);
}

/**
 * fg_venue_page_set_inspections:
 * @self: the page
 * @inspections: (nullable): the shown venue's inspections (#FgInspection)
 */
void
fg_venue_page_set_inspections (FgVenuePage *self,
                               GListModel  *inspections)
{
  g_return_if_fail (FG_IS_VENUE_PAGE (self));
  fg_venue_detail_set_inspections (self->detail, inspections);
}

/* The position of the venue @id in the list, looked for around where it
 * was: not through a county's million rows. */
static guint
find_venue_near (FgVenuePage *self,
                 const char  *id,
                 guint        around)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->venue_list));
  guint from = around > 100 ? around - 100 : 0;
  guint to = MIN (n, around + 100);

  for (guint i = from; i < to; i++)
    {
      FgVenue *venue = fg_paged_list_peek_item (self->venue_list, i);

      if (venue != NULL && g_strcmp0 (fg_venue_get_id (venue), id) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/**
 * fg_venue_page_reload:
 *
 * Reads the list again, after another program changed the venues: the
 * selected venue stays selected (with its details read again) and the list
 * where it was scrolled to, as long as the venue is still listed near
 * where it was.
 */
void
fg_venue_page_reload (FgVenuePage *self)
{
  GtkAdjustment *adjustment;
  g_autofree char *selected_id = NULL;
  guint position;
  double scrolled;

  g_return_if_fail (FG_IS_VENUE_PAGE (self));

  if (self->venue_list == NULL)
    return;

  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));
  scrolled = adjustment != NULL ? gtk_adjustment_get_value (adjustment) : 0;
  position = gtk_single_selection_get_selected (self->selection);
  if (fg_venue_page_get_selected_venue (self) != NULL)
    selected_id = g_strdup (fg_venue_get_id (fg_venue_page_get_selected_venue (self)));

  self->reloading = TRUE;
  fg_paged_list_reload (self->venue_list);
  if (selected_id != NULL)
    gtk_single_selection_set_selected (self->selection, find_venue_near (self, selected_id, position));
  if (adjustment != NULL)
    gtk_adjustment_set_value (adjustment, scrolled);
  self->reloading = FALSE;

  /* the venue as it reads now, without moving a narrow window from the
   * list to the details; or nothing when it is no longer listed */
  if (selected_id != NULL && fg_venue_page_get_selected_venue (self) != NULL)
    {
      fg_venue_detail_set_venue (self->detail, fg_venue_page_get_selected_venue (self));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWN_VENUE]);
    }
  else if (selected_id != NULL)
    on_selection_changed (self);
  fg_venue_page_update_state (self);
}

void
fg_venue_page_set_region_id (FgVenuePage *self,
                             const char  *region_id)
{
  g_return_if_fail (FG_IS_VENUE_PAGE (self));

  if (g_strcmp0 (self->query->region_id, region_id) == 0)
    return;

  g_free (self->query->region_id);
  self->query->region_id = g_strdup (region_id);
  fg_venue_page_apply_query (self);
}

void
fg_venue_page_set_search_text (FgVenuePage *self,
                               const char  *text)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (FG_IS_VENUE_PAGE (self));

  stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (*stripped == '\0')
    g_clear_pointer (&stripped, g_free);

  if (g_strcmp0 (self->query->text, stripped) == 0)
    return;

  g_free (self->query->text);
  self->query->text = g_steal_pointer (&stripped);
  fg_venue_page_apply_query (self);
}

/**
 * fg_venue_page_set_category:
 * @self: the page
 * @category_id: (nullable): a category id, or %NULL for all
 *
 * Chooses the category in the filter bar, as a person would.
 */
void
fg_venue_page_set_category (FgVenuePage *self,
                            const char  *category_id)
{
  guint position = 0;

  g_return_if_fail (FG_IS_VENUE_PAGE (self));

  for (guint i = 0; category_id != NULL && i < fg_category_get_n_categories (); i++)
    {
      if (g_strcmp0 (fg_category_get_id (fg_category_get_nth (i)), category_id) == 0)
        position = i + 1;
    }

  gtk_drop_down_set_selected (self->category_dropdown, position);
}

/**
 * fg_venue_page_set_history_visible:
 * @self: the page
 * @visible: whether the person may read the audit log, and so is offered
 *   the venue's change history
 */
void
fg_venue_page_set_history_visible (FgVenuePage *self,
                                   gboolean     visible)
{
  g_return_if_fail (FG_IS_VENUE_PAGE (self));
  fg_venue_detail_set_history_visible (self->detail, visible);
}

/**
 * fg_venue_page_set_empty:
 * @self: the page
 * @empty: why the list would be empty
 * @can_act: whether the person may take the step the page would offer
 *   (add a venue, add a village, sync); without it the page only explains
 *
 * What the page says when there is no venue, before any filter: the first
 * venue to add, a village to add before it, or, at a county, that venues
 * come with the townships' sync files.
 */
void
fg_venue_page_set_empty (FgVenuePage      *self,
                         FgVenuePageEmpty  empty,
                         gboolean          can_act)
{
  const char *title;
  const char *description;
  const char *label = NULL;
  const char *action = NULL;
  GVariant *target = NULL;

  g_return_if_fail (FG_IS_VENUE_PAGE (self));

  switch (empty)
    {
    case FG_VENUE_PAGE_EMPTY_NO_VILLAGE:
      title = _("Add a Village First");
      description = can_act ? _("Venues are registered in a village or community, and this township has none yet. "
                                "Add the first one, then its grids.")
                            : _("Venues are registered in a village or community, and this township has none yet. "
                                "The township’s administrator adds them.");
      label = _("Add _Village or Community…");
      action = "win.add-village";
      break;

    case FG_VENUE_PAGE_EMPTY_FROM_TOWNSHIPS:
      title = _("Venues Come from the Townships");
      description = _("The county registers no venues itself: each township’s venues arrive with its sync file. "
                      "Once a township’s file is imported, its venues show here.");
      label = _("Go to _Sync");
      action = "win.show-page";
      target = g_variant_new_string ("sync");
      break;

    case FG_VENUE_PAGE_EMPTY_ADD:
    default:
      title = _("No Venues Yet");
      description = can_act ? _("Record the shops, restaurants, workshops, hostels and other places that fire-safety "
                                "checks cover.")
                            : _("The township and the grid workers register the venues here; they show once "
                                "registered.");
      label = _("_Add the First Venue");
      action = "win.add-venue";
      break;
    }

  adw_status_page_set_title (self->empty_page, title);
  adw_status_page_set_description (self->empty_page, description);
  gtk_button_set_label (self->empty_button, label);
  /* the target first, or the action would be checked against the old one */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->empty_button), NULL);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->empty_button), target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->empty_button), action);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_button), can_act);
  /* those who may add the first venue may import them all */
  gtk_widget_set_visible (self->empty_import_button, can_act && empty == FG_VENUE_PAGE_EMPTY_ADD);
}

/**
 * fg_venue_page_set_allowed:
 * @self: the page
 * @can_inspect: whether the person's role may inspect venues
 * @can_edit: whether it may change them
 *
 * The detail pane offers only what the role may ever do: a village
 * committee sees no Inspect or Edit button at all.
 */
void
fg_venue_page_set_allowed (FgVenuePage *self,
                           gboolean     can_inspect,
                           gboolean     can_edit)
{
  g_return_if_fail (FG_IS_VENUE_PAGE (self));
  fg_venue_detail_set_allowed (self->detail, can_inspect, can_edit);
}
