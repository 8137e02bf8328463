/* fg-list-layout.h — what the window's lists show beside and in their columns
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "firegrid.h"

G_BEGIN_DECLS

void     fg_list_layout_show_pane       (GtkWidget *pane,
                                         GtkWidget *list,
                                         gboolean   shown);
gboolean fg_list_layout_spans_townships (FgStore   *store,
                                         FgActor   *actor);
void     fg_list_layout_explain_heading (GtkColumnView       *view,
                                         GtkColumnViewColumn *column,
                                         const char          *meaning);
void     fg_list_layout_fill_width      (GtkColumnView       *view,
                                         GtkColumnViewColumn *column,
                                         int                  minimum);

G_END_DECLS
