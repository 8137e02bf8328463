/* fg-accessible.h — accessible names GTK 4.8 does not give by itself
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void  fg_accessible_install          (void);
void  fg_accessible_keep_class_role  (GtkWidget  *widget);
void  fg_accessible_name_row         (GtkWidget  *part);
void  fg_accessible_row_part_changed (GtkWidget  *part,
                                      GParamSpec *pspec,
                                      gpointer    user_data);
char *fg_accessible_strip_mnemonic   (const char *label);
void  fg_accessible_name_lists       (GtkWidget  *widget,
                                      const char *name);

G_END_DECLS
