/* test-tooltips.c — tooltips keep short Chinese texts on one line
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8's own tooltip showed a status cell's "营业" as 营 above 业. The
 * tooltips of the program are labels of ours (fg-tooltip.c); these tests
 * ask a widget for its tooltip as GTK does, and measure what it shows.
 */
#include "config.h"

#include "fg-tooltip.h"
#include "fg-ui-test-util.h"

/* Asks @widget for its tooltip as GTK does when the pointer rests on it. */
static GtkWidget *
query (GtkWidget *widget)
{
  g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean shown = FALSE;
  GtkWidget *label;

  g_signal_emit_by_name (widget, "query-tooltip", 1, 1, FALSE, tooltip, &shown);
  g_assert_true (shown);
  label = g_object_get_data (G_OBJECT (tooltip), "fg-tooltip-label");
  g_assert_true (GTK_IS_LABEL (label));
  return g_object_ref (label);
}

/* The narrowest @label can be laid out, against its text on one line. */
static void
assert_one_line (GtkWidget *label)
{
  g_autoptr(GtkWidget) whole = g_object_ref_sink (gtk_label_new (gtk_label_get_text (GTK_LABEL (label))));
  int minimum;
  int natural;
  int line;

  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  gtk_widget_measure (whole, GTK_ORIENTATION_HORIZONTAL, -1, &line, NULL, NULL, NULL);
  /* not a character narrower than the text on one line: nothing can wrap */
  g_assert_cmpint (minimum, >=, line);
}

static void
test_tooltip_short_texts (void)
{
  const char * const texts[] = { "营业", "小商店", "责令限期改正通知书", "返回列表", "已上报至 县消防救援大队" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GtkWidget) label = g_object_ref_sink (fg_tooltip_label_new (texts[i]));

      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, texts[i]);
      assert_one_line (label);
    }
}

static void
test_tooltip_long_texts (void)
{
  const char *finding = "消防车通道被占用、堵塞、封闭，或者设置妨碍消防车通行和火灾扑救的障碍物，"
                        "未保持畅通并设置明显标志";
  g_autoptr(GtkWidget) label = g_object_ref_sink (fg_tooltip_label_new (finding));
  int natural;
  int two_lines;

  /* a finding wraps, between characters, no wider than GTK's own */
  g_assert_true (gtk_label_get_wrap (GTK_LABEL (label)));
  g_assert_cmpint (gtk_label_get_wrap_mode (GTK_LABEL (label)), ==, PANGO_WRAP_WORD_CHAR);
  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, natural, NULL, &two_lines, NULL, NULL);
  g_assert_cmpint (natural, >, 0);
  /* at its natural width it takes two or three lines, not one per word */
  {
    g_autoptr(GtkWidget) one = g_object_ref_sink (gtk_label_new ("消"));
    int line_height;

    gtk_widget_measure (one, GTK_ORIENTATION_VERTICAL, -1, NULL, &line_height, NULL, NULL);
    g_assert_cmpint (two_lines, <=, 3 * line_height);
    g_assert_cmpint (two_lines, >, line_height);
  }

  /* markup stays markup */
  g_clear_object (&label);
  label = g_object_ref_sink (fg_tooltip_label_new ("<b>营业</b> &amp; 停业"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "营业 & 停业");
}

static void
test_tooltip_widgets (void)
{
  g_autoptr(GtkWidget) cell = g_object_ref_sink (gtk_label_new ("营业"));
  g_autoptr(GtkWidget) button = g_object_ref_sink (gtk_button_new_from_icon_name ("go-previous-symbolic"));
  g_autoptr(GtkWidget) entry = g_object_ref_sink (gtk_entry_new ());
  g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  g_autoptr(GtkWidget) shown = NULL;
  gboolean answered = FALSE;

  gtk_widget_set_tooltip_text (cell, "营业");
  shown = query (cell);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (shown)), ==, "营业");
  assert_one_line (shown);
  g_clear_object (&shown);

  gtk_widget_set_tooltip_text (button, "返回列表");
  shown = query (button);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (shown)), ==, "返回列表");
  assert_one_line (shown);

  /* an entry answers for its icons' tooltips itself: GTK's way is kept */
  gtk_widget_set_tooltip_text (entry, "查找场所");
  g_signal_emit_by_name (entry, "query-tooltip", 1, 1, FALSE, tooltip, &answered);
  g_assert_true (answered);
  g_assert_null (g_object_get_data (G_OBJECT (tooltip), "fg-tooltip-label"));

  /* a widget without a tooltip shows none */
  g_clear_object (&tooltip);
  tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  answered = TRUE;
  gtk_widget_set_tooltip_text (cell, NULL);
  g_signal_emit_by_name (cell, "query-tooltip", 1, 1, FALSE, tooltip, &answered);
  g_assert_false (answered);
}

int
main (int   argc,
      char *argv[])
{
  if (!fg_ui_test_init (&argc, &argv))
    {
      g_test_skip ("no display");
      return g_test_run ();
    }
  fg_tooltip_install ();

  g_test_add_func ("/tooltip/short-texts", test_tooltip_short_texts);
  g_test_add_func ("/tooltip/long-texts", test_tooltip_long_texts);
  g_test_add_func ("/tooltip/widgets", test_tooltip_widgets);

  return g_test_run ();
}
