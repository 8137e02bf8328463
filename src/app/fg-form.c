/* fg-form.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An AdwMessageDialog closes as soon as its default response is taken,
 * so a form in one that Enter sent with a wrong field would be gone
 * before the core could say what is wrong. Enter in such a field first
 * runs the form's own check, which marks every wrong field at once; only
 * a form without one takes the dialog's default response.
 */
#include "config.h"

#include "fg-date-row.h"
#include "fg-form.h"

typedef struct
{
  FgFormCheckFunc check;
  gpointer user_data;
} EnterCheck;

static void
on_enter (GtkWidget  *field,
          EnterCheck *enter)
{
  if (enter->check (enter->user_data) > 0)
    return;
  gtk_widget_activate_action (field, "default.activate", NULL);
}

/**
 * fg_form_check_on_enter:
 * @field: an AdwEntryRow or an FgDateRow of the dialog's form
 * @check: marks the form's wrong fields and counts them
 *
 * Enter in @field takes the dialog's default response only when @check
 * finds no wrong field.
 */
void
fg_form_check_on_enter (GtkWidget       *field,
                        FgFormCheckFunc  check,
                        gpointer         user_data)
{
  EnterCheck *enter = g_new0 (EnterCheck, 1);

  g_return_if_fail (ADW_IS_ENTRY_ROW (field) || FG_IS_DATE_ROW (field));

  enter->check = check;
  enter->user_data = user_data;
  if (ADW_IS_ENTRY_ROW (field))
    {
      adw_entry_row_set_activates_default (ADW_ENTRY_ROW (field), FALSE);
      g_signal_connect_data (field, "entry-activated", G_CALLBACK (on_enter), enter,
                             (GClosureNotify) (void (*) (void)) g_free, 0);
    }
  else
    {
      GtkEditable *entry = gtk_editable_get_delegate (GTK_EDITABLE (field));

      gtk_entry_set_activates_default (GTK_ENTRY (entry), FALSE);
      g_signal_connect_data (entry, "activate", G_CALLBACK (on_enter), enter,
                             (GClosureNotify) (void (*) (void)) g_free, 0);
    }
}

/**
 * fg_form_mark_field:
 * @wrong: whether the field holds something the core refuses
 *
 * Marks a field wrong (the "error" style), or right again.
 */
void
fg_form_mark_field (GtkWidget *field,
                    gboolean   wrong)
{
  if (wrong)
    gtk_widget_add_css_class (field, "error");
  else
    gtk_widget_remove_css_class (field, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID,
                               wrong ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE, -1);
}

/* the space libadwaita leaves between two groups of a page */
#define GROUP_SPACING 24

/* The viewport inside @widget, which scrolls its content. */
static GtkWidget *
find_viewport (GtkWidget *widget)
{
  if (GTK_IS_VIEWPORT (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *viewport = find_viewport (child);

      if (viewport != NULL)
        return viewport;
    }
  return NULL;
}

/* The focus moved: its row comes into view with the title of its group
 * above it, when the two fit; else the row alone. */
static void
on_focus_widget_changed (GtkWindow  *window,
                         GParamSpec *pspec,
                         GtkWidget  *viewport)
{
  GtkWidget *focus = gtk_window_get_focus (window);
  GtkWidget *content = gtk_viewport_get_child (GTK_VIEWPORT (viewport));
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (viewport));
  GtkWidget *row;
  GtkWidget *group;
  graphene_rect_t row_bounds;
  graphene_rect_t group_bounds;
  double value, page, lowest, highest, top, bottom, title;

  if (focus == NULL || content == NULL || adjustment == NULL || !gtk_widget_is_ancestor (focus, content))
    return;

  row = gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);
  if (row == NULL)
    row = focus;
  group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);
  if (!gtk_widget_compute_bounds (row, content, &row_bounds))
    return;
  if (group == NULL || !gtk_widget_compute_bounds (group, content, &group_bounds))
    group_bounds = row_bounds;

  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  top = row_bounds.origin.y;
  bottom = row_bounds.origin.y + row_bounds.size.height;
  /* with the space above the title, as between groups */
  title = MAX (0, MIN (group_bounds.origin.y, top) - GROUP_SPACING);

  /* the least scrolling that shows the row, and the group's title too
   * when there is room for both */
  lowest = bottom - page;
  highest = bottom - title <= page ? title : top;
  if (lowest > highest)
    lowest = highest;
  value = CLAMP (value, lowest, highest);
  value = CLAMP (value, gtk_adjustment_get_lower (adjustment),
                 gtk_adjustment_get_upper (adjustment) - page);
  gtk_adjustment_set_value (adjustment, value);
}

/**
 * fg_form_keep_group_titles:
 * @page: a page of groups of rows, in @window
 *
 * As the focus moves through @page (with Tab), the page scrolls so the
 * focused row is seen together with the title of its group, instead of
 * the least that shows the row, which hides the title of each next group
 * just above the top edge.
 */
void
fg_form_keep_group_titles (GtkWindow          *window,
                           AdwPreferencesPage *page)
{
  GtkWidget *viewport;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (ADW_IS_PREFERENCES_PAGE (page));

  viewport = find_viewport (GTK_WIDGET (page));
  g_return_if_fail (viewport != NULL);
  gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (viewport), FALSE);
  g_signal_connect_object (window, "notify::focus-widget", G_CALLBACK (on_focus_widget_changed), viewport, 0);
}
