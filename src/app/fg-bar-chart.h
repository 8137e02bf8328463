/* fg-bar-chart.h — bars drawn in the theme's colours, each one a button
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define FG_TYPE_BAR_CHART (fg_bar_chart_get_type ())

G_DECLARE_FINAL_TYPE (FgBarChart, fg_bar_chart, FG, BAR_CHART, GtkWidget)

GtkWidget *fg_bar_chart_new          (GtkOrientation  orientation);
void       fg_bar_chart_clear        (FgBarChart     *self);
GtkWidget *fg_bar_chart_append       (FgBarChart     *self,
                                      const char     *label,
                                      const char     *value_text,
                                      const double   *values,
                                      guint           n_values,
                                      const char     *accessible_label,
                                      gboolean        activatable);
guint      fg_bar_chart_get_n_bars   (FgBarChart     *self);
GtkWidget *fg_bar_chart_get_bar      (FgBarChart     *self,
                                      guint           index);
void       fg_bar_chart_set_empty_text (FgBarChart   *self,
                                        const char   *text);

G_END_DECLS
