/* fg-bar-chart.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A chart of bars for the statistics page. Each bar is a flat button, so
 * that it takes the keyboard's focus, says its figure to a screen reader
 * and opens a list when pressed ("bar-activated" with its index). Its
 * fills are drawn with GtkSnapshot in the colour the theme gives them
 * through style.css (.fg-bar-fill: the accent colour; .second: the
 * success colour), over a track of the foreground's colour, faint: right
 * in the light style and in the dark.
 *
 * Horizontal charts lay their bars one under the other, a name before
 * each and its figure after it (villages, sections); vertical charts side
 * by side, the name under each (the months).
 */
#include "config.h"

#include "fg-bar-chart.h"

/* One fill: a share from 0 to 1 of its length, in its own colour. */

#define FG_TYPE_BAR_FILL (fg_bar_fill_get_type ())
G_DECLARE_FINAL_TYPE (FgBarFill, fg_bar_fill, FG, BAR_FILL, GtkWidget)

struct _FgBarFill
{
  GtkWidget parent_instance;
  GtkOrientation orientation;
  double value;
};

G_DEFINE_FINAL_TYPE (FgBarFill, fg_bar_fill, GTK_TYPE_WIDGET)

static void
fg_bar_fill_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  FgBarFill *self = FG_BAR_FILL (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRoundedRect track;
  graphene_rect_t bar;
  GdkRGBA color;
  GdkRGBA faint;
  double value = CLAMP (self->value, 0, 1);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  faint = color;
  faint.alpha *= 0.15;

  gsk_rounded_rect_init_from_rect (&track, &GRAPHENE_RECT_INIT (0, 0, width, height), 3);
  gtk_snapshot_push_rounded_clip (snapshot, &track);
  gtk_snapshot_append_color (snapshot, &faint, &track.bounds);
  if (self->orientation == GTK_ORIENTATION_HORIZONTAL)
    bar = GRAPHENE_RECT_INIT (0, 0, width * value, height);
  else
    bar = GRAPHENE_RECT_INIT (0, height * (1 - value), width, height * value);
  if (value > 0)
    gtk_snapshot_append_color (snapshot, &color, &bar);
  gtk_snapshot_pop (snapshot);
}

static void
fg_bar_fill_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  FgBarFill *self = FG_BAR_FILL (widget);

  /* thin across, long along */
  if (orientation == self->orientation)
    *minimum = *natural = 24;
  else
    *minimum = *natural = 10;
}

static void
fg_bar_fill_class_init (FgBarFillClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = fg_bar_fill_snapshot;
  widget_class->measure = fg_bar_fill_measure;
  gtk_widget_class_set_css_name (widget_class, "fgbarfill");
}

static void
fg_bar_fill_init (FgBarFill *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "fg-bar-fill");
}

static GtkWidget *
fg_bar_fill_new (GtkOrientation orientation,
                 double         value)
{
  FgBarFill *self = g_object_new (FG_TYPE_BAR_FILL, NULL);

  self->orientation = orientation;
  self->value = value;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  else
    gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  return GTK_WIDGET (self);
}

/* The chart */

struct _FgBarChart
{
  GtkWidget parent_instance;

  GtkOrientation orientation;
  GtkWidget *box;
  GtkWidget *empty_label;
  GPtrArray *bars;            /* GtkWidget, weak: the box holds them */
  GtkSizeGroup *names;        /* the names before horizontal bars */
  GtkSizeGroup *figures;      /* the figures after them */
};

G_DEFINE_FINAL_TYPE (FgBarChart, fg_bar_chart, GTK_TYPE_WIDGET)

enum
{
  SIGNAL_BAR_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
fg_bar_chart_dispose (GObject *object)
{
  FgBarChart *self = FG_BAR_CHART (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->bars, g_ptr_array_unref);
  g_clear_object (&self->names);
  g_clear_object (&self->figures);

  G_OBJECT_CLASS (fg_bar_chart_parent_class)->dispose (object);
}

static void
fg_bar_chart_class_init (FgBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fg_bar_chart_dispose;

  /**
   * FgBarChart::bar-activated:
   * @index: the bar's position, from 0
   *
   * A bar made activatable was pressed (or activated from the keyboard).
   */
  signals[SIGNAL_BAR_ACTIVATED] =
    g_signal_new ("bar-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "fgbarchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
fg_bar_chart_init (FgBarChart *self)
{
  self->bars = g_ptr_array_new ();
  self->names = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  self->figures = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
}

/**
 * fg_bar_chart_new:
 * @orientation: %GTK_ORIENTATION_HORIZONTAL for bars one under the other,
 *   %GTK_ORIENTATION_VERTICAL for columns side by side
 */
GtkWidget *
fg_bar_chart_new (GtkOrientation orientation)
{
  FgBarChart *self = g_object_new (FG_TYPE_BAR_CHART, NULL);

  self->orientation = orientation;
  self->box = gtk_box_new (orientation == GTK_ORIENTATION_HORIZONTAL ? GTK_ORIENTATION_VERTICAL
                                                                    : GTK_ORIENTATION_HORIZONTAL, 2);
  if (orientation == GTK_ORIENTATION_VERTICAL)
    gtk_box_set_homogeneous (GTK_BOX (self->box), TRUE);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  self->empty_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  gtk_widget_set_visible (self->empty_label, FALSE);
  gtk_widget_set_hexpand (self->empty_label, TRUE);
  gtk_widget_set_margin_top (self->empty_label, 12);
  gtk_widget_set_margin_bottom (self->empty_label, 12);
  gtk_box_append (GTK_BOX (self->box), self->empty_label);
  return GTK_WIDGET (self);
}

/**
 * fg_bar_chart_set_empty_text:
 *
 * What the chart says when it has no bars.
 */
void
fg_bar_chart_set_empty_text (FgBarChart *self,
                             const char *text)
{
  g_return_if_fail (FG_IS_BAR_CHART (self));

  gtk_label_set_label (GTK_LABEL (self->empty_label), text);
  gtk_widget_set_visible (self->empty_label, self->bars->len == 0 && text != NULL);
}

void
fg_bar_chart_clear (FgBarChart *self)
{
  g_return_if_fail (FG_IS_BAR_CHART (self));

  for (guint i = 0; i < self->bars->len; i++)
    gtk_box_remove (GTK_BOX (self->box), g_ptr_array_index (self->bars, i));
  g_ptr_array_set_size (self->bars, 0);
  gtk_widget_set_visible (self->empty_label, *gtk_label_get_label (GTK_LABEL (self->empty_label)) != '\0');
}

static void
on_bar_clicked (GtkButton  *button,
                FgBarChart *self)
{
  guint index;

  if (g_ptr_array_find (self->bars, button, &index))
    g_signal_emit (self, signals[SIGNAL_BAR_ACTIVATED], 0, index);
}

/**
 * fg_bar_chart_append:
 * @label: the bar's name (a village, a month)
 * @value_text: (nullable): its figure as shown beside a horizontal bar
 * @values: (array length=n_values): the fills' shares of the bar, from 0
 *   to 1: the first in the accent colour, the second in the success colour
 * @n_values: 1 or 2
 * @accessible_label: what a screen reader says of the bar: its name and figures
 * @activatable: whether pressing it opens something ("bar-activated");
 *   a bar that opens nothing neither looks nor acts like a button
 *
 * Returns: (transfer none): the bar's widget
 */
GtkWidget *
fg_bar_chart_append (FgBarChart   *self,
                     const char   *label,
                     const char   *value_text,
                     const double *values,
                     guint         n_values,
                     const char   *accessible_label,
                     gboolean      activatable)
{
  GtkWidget *bar;
  GtkWidget *content;
  GtkWidget *fills;
  GtkWidget *name;

  g_return_val_if_fail (FG_IS_BAR_CHART (self), NULL);
  g_return_val_if_fail (n_values >= 1 && n_values <= 2, NULL);

  fills = gtk_box_new (self->orientation == GTK_ORIENTATION_HORIZONTAL ? GTK_ORIENTATION_VERTICAL
                                                                      : GTK_ORIENTATION_HORIZONTAL, 2);
  for (guint i = 0; i < n_values; i++)
    {
      GtkWidget *fill = fg_bar_fill_new (self->orientation, values[i]);

      if (i == 1)
        gtk_widget_add_css_class (fill, "second");
      gtk_box_append (GTK_BOX (fills), fill);
    }

  name = gtk_label_new (label);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);

  if (self->orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      GtkWidget *figure = gtk_label_new (value_text);

      content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_max_width_chars (GTK_LABEL (name), 14);
      gtk_label_set_width_chars (GTK_LABEL (name), 6);
      gtk_size_group_add_widget (self->names, name);
      gtk_widget_set_valign (fills, GTK_ALIGN_CENTER);
      gtk_widget_set_hexpand (fills, TRUE);
      gtk_widget_set_size_request (fills, 80, -1);
      gtk_label_set_xalign (GTK_LABEL (figure), 1);
      gtk_widget_add_css_class (figure, "numeric");
      gtk_size_group_add_widget (self->figures, figure);
      gtk_box_append (GTK_BOX (content), name);
      gtk_box_append (GTK_BOX (content), fills);
      gtk_box_append (GTK_BOX (content), figure);
    }
  else
    {
      content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      gtk_widget_set_size_request (fills, -1, 120);
      gtk_widget_set_halign (fills, GTK_ALIGN_CENTER);
      gtk_widget_set_vexpand (fills, TRUE);
      gtk_widget_add_css_class (name, "caption");
      gtk_widget_add_css_class (name, "numeric");
      gtk_box_append (GTK_BOX (content), fills);
      gtk_box_append (GTK_BOX (content), name);
    }

  if (activatable)
    {
      bar = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (bar), content);
      gtk_widget_add_css_class (bar, "flat");
      g_signal_connect_object (bar, "clicked", G_CALLBACK (on_bar_clicked), self, 0);
    }
  else
    {
      /* read by a screen reader as a figure, not offered as a button */
      bar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      gtk_box_append (GTK_BOX (bar), content);
      gtk_widget_add_css_class (bar, "fg-bar-static");
    }
  gtk_widget_add_css_class (bar, "fg-bar");
  gtk_widget_set_tooltip_text (bar, accessible_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);

  gtk_box_append (GTK_BOX (self->box), bar);
  g_ptr_array_add (self->bars, bar);
  gtk_widget_set_visible (self->empty_label, FALSE);
  return bar;
}

guint
fg_bar_chart_get_n_bars (FgBarChart *self)
{
  g_return_val_if_fail (FG_IS_BAR_CHART (self), 0);
  return self->bars->len;
}

/**
 * fg_bar_chart_get_bar:
 *
 * Returns: (transfer none): the bar at @index
 */
GtkWidget *
fg_bar_chart_get_bar (FgBarChart *self,
                      guint       index)
{
  g_return_val_if_fail (FG_IS_BAR_CHART (self), NULL);
  g_return_val_if_fail (index < self->bars->len, NULL);
  return g_ptr_array_index (self->bars, index);
}
