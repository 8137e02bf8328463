/* fg-deadline-dialog.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Before a deadline is set (an order to correct by a deadline, an
 * extension, a failed re-inspection's new period), the warnings the core
 * has about it (fg_deadline_dup_warnings()): far beyond the checklist's
 * periods, or in a year whose holidays are not installed. The officer
 * goes back to change the date, or sets it as it is.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "fg-deadline-dialog.h"

/**
 * fg_deadline_dialog_new:
 * @parent: (nullable): the window it is for
 * @warnings: the warnings, one sentence each
 *
 * A dialog whose responses are "change" (the default: back to the date)
 * and "confirm" (set it as it is). The caller connects to "response" and
 * presents it.
 *
 * Returns: (transfer none): the dialog
 */
GtkWindow *
fg_deadline_dialog_new (GtkWindow          *parent,
                        const char * const *warnings)
{
  g_autofree char *body = g_strjoinv ("\n\n", (char **) warnings);
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Check the Deadline"), body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "change", _("_Change Deadline"),
                                    "confirm", _("_Set as It Is"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "change");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "change");
  return GTK_WINDOW (dialog);
}
