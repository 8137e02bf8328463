/* fg-form.h — Enter in a dialog's fields checks the form first
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Marks every wrong field of a form and says why; returns how many are
 * wrong. */
typedef guint (*FgFormCheckFunc) (gpointer user_data);

void fg_form_check_on_enter (GtkWidget       *field,
                             FgFormCheckFunc  check,
                             gpointer         user_data);
void fg_form_mark_field     (GtkWidget       *field,
                             gboolean         wrong);
void fg_form_check_response (AdwMessageDialog *dialog,
                             const char       *response,
                             FgFormCheckFunc   check,
                             gpointer          user_data);
guint fg_form_show_problems (GtkWidget * const *fields,
                             GError           **errors,
                             guint              n_fields,
                             GtkWidget         *label);

void fg_form_keep_group_titles (GtkWindow          *window,
                                AdwPreferencesPage *page);

G_END_DECLS
