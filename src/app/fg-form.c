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
