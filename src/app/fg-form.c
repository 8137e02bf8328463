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
 *
 * A click on the default button takes the same way: libadwaita 1.2
 * closes the dialog (gtk_window_close()) before it emits the button's
 * response, so the form's check runs as the dialog is asked to close.
 * A wrong form holds the close back; the response that follows is the
 * default one, which the check just marked and which the dialog stays
 * for, or another button's, for which it closes after all. A close with
 * no response after it (Escape, the window manager) closes it as soon as
 * the main loop is idle, with the close response.
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

static gboolean release_close (gpointer data);

typedef struct
{
  AdwMessageDialog *dialog;
  char *response;
  FgFormCheckFunc check;
  gpointer user_data;
  gboolean held;         /* a close held back, for a wrong form */
  gboolean close_after;  /* another button's response: closes after it */
  guint idle_id;
} ResponseCheck;

static void
response_check_free (ResponseCheck *rc)
{
  g_clear_handle_id (&rc->idle_id, g_source_remove);
  g_free (rc->response);
  g_free (rc);
}

static gboolean
on_close_request (GtkWindow     *window,
                  ResponseCheck *rc)
{
  if (rc->held)
    {
      /* asked again while held: it closes */
      rc->held = FALSE;
      g_clear_handle_id (&rc->idle_id, g_source_remove);
      return FALSE;
    }
  if (rc->check (rc->user_data) == 0)
    return FALSE;

  rc->held = TRUE;
  if (rc->idle_id == 0)
    rc->idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, release_close, rc, NULL);
  return TRUE;
}

static void
on_response_first (AdwMessageDialog *dialog,
                   const char       *response,
                   ResponseCheck    *rc)
{
  if (!rc->held)
    return;

  rc->held = FALSE;
  g_clear_handle_id (&rc->idle_id, g_source_remove);
  if (g_strcmp0 (response, rc->response) == 0)
    {
      /* the check marked what is wrong: the dialog stays for it */
      g_signal_stop_emission (dialog, g_signal_lookup ("response", ADW_TYPE_MESSAGE_DIALOG),
                              g_quark_from_string (response));
      return;
    }
  rc->close_after = TRUE;
}

static void
on_response_last (AdwMessageDialog *dialog,
                  const char       *response,
                  ResponseCheck    *rc)
{
  if (!rc->close_after)
    return;

  rc->close_after = FALSE;
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/**
 * fg_form_check_response:
 * @dialog: a dialog with a form in it
 * @response: the response that takes the form, the default one
 * @check: marks the form's wrong fields and counts them
 *
 * A click on @response's button takes it only when @check finds no wrong
 * field; else the dialog stays, with the wrong fields marked, as Enter
 * leaves it (fg_form_check_on_enter()). Call it before connecting to the
 * dialog's #AdwMessageDialog::response.
 */
void
fg_form_check_response (AdwMessageDialog *dialog,
                        const char       *response,
                        FgFormCheckFunc   check,
                        gpointer          user_data)
{
  ResponseCheck *rc = g_new0 (ResponseCheck, 1);

  g_return_if_fail (ADW_IS_MESSAGE_DIALOG (dialog));
  g_return_if_fail (response != NULL);

  rc->dialog = dialog;
  rc->response = g_strdup (response);
  rc->check = check;
  rc->user_data = user_data;
  g_object_set_data_full (G_OBJECT (dialog), "fg-form-response-check", rc, (GDestroyNotify) response_check_free);
  g_signal_connect (dialog, "close-request", G_CALLBACK (on_close_request), rc);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response_first), rc);
  g_signal_connect_after (dialog, "response", G_CALLBACK (on_response_last), rc);
}

/**
 * fg_form_show_problems:
 * @fields: (array length=n_fields): the fields of a form; %NULL for one
 *   not shown, whose problem is only said
 * @errors: (array length=n_fields): what the core found wrong with each
 *   field, or %NULL; each is freed and cleared
 * @label: (nullable): a label that says all the problems, one a line
 *
 * Marks each field the core refuses (a date row with the core's words
 * below it) and the others right again, and says why in @label, which
 * is shown only when something is wrong.
 *
 * Returns: how many fields are wrong
 */
guint
fg_form_show_problems (GtkWidget * const *fields,
                       GError           **errors,
                       guint              n_fields,
                       GtkWidget         *label)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_wrong = 0;

  for (guint i = 0; i < n_fields; i++)
    {
      if (fields[i] != NULL && FG_IS_DATE_ROW (fields[i]))
        fg_date_row_set_problem (FG_DATE_ROW (fields[i]), errors[i] != NULL ? errors[i]->message : NULL);
      else if (fields[i] != NULL)
        fg_form_mark_field (fields[i], errors[i] != NULL);
      if (errors[i] == NULL)
        continue;
      n_wrong++;
      g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", errors[i]->message);
      g_clear_error (&errors[i]);
    }
  if (label != NULL)
    {
      gtk_label_set_label (GTK_LABEL (label), text->str);
      gtk_widget_set_visible (label, n_wrong > 0);
    }
  return n_wrong;
}

/**
 * fg_form_mark_field:
 * @wrong: whether the field holds something the core refuses
 *
 * Marks a field wrong (the "error" style), or right again. A date row
 * keeps the mark until its date is changed.
 */
void
fg_form_mark_field (GtkWidget *field,
                    gboolean   wrong)
{
  if (FG_IS_DATE_ROW (field))
    {
      fg_date_row_set_problem (FG_DATE_ROW (field), wrong ? "" : NULL);
      return;
    }
  if (wrong)
    gtk_widget_add_css_class (field, "error");
  else
    gtk_widget_remove_css_class (field, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID,
                               wrong ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE, -1);
}

/* A close held back with no response after it: Escape, or the window
 * manager. The dialog closes as it would have, with its close response. */
static gboolean
release_close (gpointer data)
{
  ResponseCheck *rc = data;
  g_autoptr(AdwMessageDialog) dialog = g_object_ref (rc->dialog);

  rc->idle_id = 0;
  if (rc->held)
    {
      rc->held = FALSE;
      adw_message_dialog_response (dialog, adw_message_dialog_get_close_response (dialog));
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
  return G_SOURCE_REMOVE;
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
