/* fg-tooltip.h — tooltips that keep short Chinese texts on one line
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Texts up to this many characters are never wrapped in a tooltip. */
#define FG_TOOLTIP_ONE_LINE_CHARS 24

GtkWidget *fg_tooltip_label_new (const char *markup);
void       fg_tooltip_install   (void);
gboolean   fg_tooltip_query_shortened (GtkWidget  *widget,
                                       int         x,
                                       int         y,
                                       gboolean    keyboard_mode,
                                       GtkTooltip *tooltip,
                                       gpointer    unused);

G_END_DECLS
