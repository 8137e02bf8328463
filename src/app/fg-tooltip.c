/* fg-tooltip.c — tooltips that keep short Chinese texts on one line
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 shows a widget's tooltip text in a wrapping label sized by its
 * own rules, which give a short Chinese text the width of one character:
 * a status cell's tooltip "营业" read 营 above 业. Every widget whose
 * tooltip is a plain text or markup (gtk_widget_set_tooltip_text()) gets,
 * in its place, a label of ours: on one line up to
 * FG_TOOLTIP_ONE_LINE_CHARS characters, wrapped between characters beyond.
 * A widget class that answers for its tooltip itself (an entry's icons)
 * keeps GTK's way, and so does a label's link.
 *
 * A list's cells do not set a tooltip as their rows are bound: setting one
 * asks the display where the pointer is, and a view of 200 rows of seven
 * columns asked it 1,400 times before its first frame. Their labels have
 * fg_tooltip_query_shortened() instead, which shows the whole text when the
 * pointer rests on a label that is shortened, and nothing otherwise.
 */
#include "config.h"

#include "fg-tooltip.h"

/* Long enough for a finding on two or three lines, as GTK's own. */
#define WRAPPED_WIDTH_CHARS 50

static gboolean (*widget_query_tooltip) (GtkWidget  *widget,
                                         int         x,
                                         int         y,
                                         gboolean    keyboard_mode,
                                         GtkTooltip *tooltip);

/**
 * fg_tooltip_label_new:
 * @markup: the tooltip's text, as Pango markup
 *
 * Returns: (transfer floating): the label a tooltip of @markup shows
 */
GtkWidget *
fg_tooltip_label_new (const char *markup)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  if (g_utf8_strlen (gtk_label_get_text (GTK_LABEL (label)), -1) > FG_TOOLTIP_ONE_LINE_CHARS)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (label), WRAPPED_WIDTH_CHARS);
    }
  return label;
}

/* Whether @widget's tooltip is nothing but its tooltip text. */
static gboolean
shows_plain_tooltip (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_current_uri (GTK_LABEL (widget)) == NULL;
  return GTK_WIDGET_GET_CLASS (widget)->query_tooltip == widget_query_tooltip;
}

static gboolean
query_tooltip (GtkWidget  *widget,
               int         x,
               int         y,
               gboolean    keyboard_mode,
               GtkTooltip *tooltip)
{
  const char *markup = gtk_widget_get_tooltip_markup (widget);
  gboolean shown = FALSE;

  if (markup != NULL && *markup != '\0' && shows_plain_tooltip (widget))
    {
      GtkWidget *label = fg_tooltip_label_new (markup);

      gtk_tooltip_set_custom (tooltip, label);
      /* what the tooltip shows, for whoever asks it (the tests) */
      g_object_set_data_full (G_OBJECT (tooltip), "fg-tooltip-label", g_object_ref (label), g_object_unref);
      return TRUE;
    }

  g_signal_chain_from_overridden_handler (widget, x, y, keyboard_mode, tooltip, &shown);
  return shown;
}

/**
 * fg_tooltip_query_shortened:
 * @widget: a label with #GtkWidget:has-tooltip set
 *
 * A #GtkWidget::query-tooltip handler for a list's cells: shows the
 * label's whole text when it is ellipsized, and no tooltip when the
 * whole text shows.
 *
 * Returns: whether a tooltip is shown
 */
gboolean
fg_tooltip_query_shortened (GtkWidget  *widget,
                            int         x,
                            int         y,
                            gboolean    keyboard_mode,
                            GtkTooltip *tooltip,
                            gpointer    unused)
{
  g_autofree char *markup = NULL;
  GtkWidget *label;

  if (!GTK_IS_LABEL (widget) || gtk_label_get_ellipsize (GTK_LABEL (widget)) == PANGO_ELLIPSIZE_NONE ||
      !pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))))
    return FALSE;

  markup = g_markup_escape_text (gtk_label_get_text (GTK_LABEL (widget)), -1);
  label = fg_tooltip_label_new (markup);
  gtk_tooltip_set_custom (tooltip, label);
  /* what the tooltip shows, for whoever asks it (the tests) */
  g_object_set_data_full (G_OBJECT (tooltip), "fg-tooltip-label", g_object_ref (label), g_object_unref);
  return TRUE;
}

/* Once per process, before the first window. */
void
fg_tooltip_install (void)
{
  static gsize installed = 0;

  if (g_once_init_enter (&installed))
    {
      GtkWidgetClass *widget_class = g_type_class_ref (GTK_TYPE_WIDGET);

      widget_query_tooltip = widget_class->query_tooltip;
      g_signal_override_class_handler ("query-tooltip", GTK_TYPE_WIDGET, G_CALLBACK (query_tooltip));
      g_type_class_unref (widget_class);
      g_once_init_leave (&installed, 1);
    }
}
