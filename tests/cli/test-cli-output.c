/* test-cli-output.c — tables laid out by display width, and TSV records
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "fg-cli-output.h"

static void
test_output_text_width (void)
{
  g_assert_cmpuint (fg_cli_text_width (""), ==, 0);
  g_assert_cmpuint (fg_cli_text_width ("KTV"), ==, 3);
  g_assert_cmpuint (fg_cli_text_width ("冢头镇"), ==, 6);
  g_assert_cmpuint (fg_cli_text_width ("网格3"), ==, 5);
  /* full-width forms and punctuation of Chinese input methods */
  g_assert_cmpuint (fg_cli_text_width ("（２４小时）"), ==, 12);
  g_assert_cmpuint (fg_cli_text_width ("小餐饮、小商店"), ==, 14);
  /* a combining accent takes no cell of its own */
  g_assert_cmpuint (fg_cli_text_width ("cafe\xcc\x81"), ==, 4);
}

static void
test_output_truncate (void)
{
  static const char * const texts[] = {
    "李庄村人民路20号", "Happy KTV Industrial Road 9", "幸福超市", "a", "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      for (guint max = 0; max < 30; max++)
        {
          g_autofree char *cut = fg_cli_text_truncate (texts[i], max);

          g_assert_true (g_utf8_validate (cut, -1, NULL));
          g_assert_cmpuint (fg_cli_text_width (cut), <=, max);
          if (fg_cli_text_width (texts[i]) <= max)
            g_assert_cmpstr (cut, ==, texts[i]);
          else if (max > 0)
            g_assert_true (g_str_has_suffix (cut, "…"));
        }
    }

  {
    /* a wide character that does not fit is left out whole */
    g_autofree char *cut = fg_cli_text_truncate ("冢头镇", 4);
    g_assert_cmpstr (cut, ==, "冢…");
  }
}

/* The display column where each line's @column-th field starts, fields
 * being separated by two or more spaces. */
static guint
field_start (const char *line,
             guint       column)
{
  const char *p = line;
  guint width = 0;

  for (guint field = 0; field < column; field++)
    {
      while (*p != '\0' && !(p[0] == ' ' && p[1] == ' '))
        {
          width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
          p = g_utf8_next_char (p);
        }
      while (*p == ' ')
        {
          width++;
          p++;
        }
    }

  return width;
}

static FgCliTable *
sample_table (void)
{
  FgCliTable *table = fg_cli_table_new ();

  fg_cli_table_add_column (table, "Code", FG_CLI_ALIGN_LEFT, FALSE);
  fg_cli_table_add_column (table, "Name", FG_CLI_ALIGN_LEFT, TRUE);
  fg_cli_table_add_column (table, "Venues", FG_CLI_ALIGN_RIGHT, FALSE);
  fg_cli_table_add_column (table, "Address", FG_CLI_ALIGN_LEFT, TRUE);
  fg_cli_table_add_row (table, "410425101201", "李庄村", "45", "李庄村人民路20号");
  fg_cli_table_add_row (table, "410425101201-001", "Happy KTV", "7", "Industrial Road 9");
  fg_cli_table_add_row (table, "410425101202", "幸福里社区（新区）", "1203", NULL);

  return table;
}

static void
test_output_table_alignment (void)
{
  g_autoptr(FgCliTable) table = sample_table ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;

  fg_cli_table_render (table, 0, out);
  lines = g_strsplit (out->str, "\n", -1);

  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_cmpstr (lines[4], ==, "");

  for (guint i = 1; i < 4; i++)
    {
      /* every column starts where the heading does */
      g_assert_cmpuint (field_start (lines[i], 1), ==, field_start (lines[0], 1));
      if (i < 3)  /* the last row has no address */
        g_assert_cmpuint (field_start (lines[i], 3), ==, field_start (lines[0], 3));
      g_assert_false (g_str_has_suffix (lines[i], " "));
    }
  /* numbers end where their heading ends */
  g_assert_cmpstr (lines[0], ==, "Code              Name                Venues  Address");
  g_assert_cmpstr (lines[1], ==, "410425101201      李庄村                  45  李庄村人民路20号");
  g_assert_cmpstr (lines[3], ==, "410425101202      幸福里社区（新区）    1203");
}

static void
test_output_table_fit (void)
{
  g_autoptr(FgCliTable) table = sample_table ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;

  fg_cli_table_render (table, 50, out);
  lines = g_strsplit (out->str, "\n", -1);

  for (guint i = 0; i < 4; i++)
    {
      g_assert_cmpuint (fg_cli_text_width (lines[i]), <=, 50);
      /* codes and counts are never cut */
      g_assert_cmpuint (field_start (lines[i], 1), ==, field_start (lines[0], 1));
    }
  g_assert_true (g_str_has_prefix (lines[2], "410425101201-001  "));
  g_assert_nonnull (strstr (lines[3], "1203"));
  g_assert_nonnull (strstr (out->str, "…"));
}

static void
test_output_table_drop (void)
{
  g_autoptr(FgCliTable) table = sample_table ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;

  /* the address goes before the name is cut below 12 cells */
  fg_cli_table_set_fit (table, 1, 12, 0);
  fg_cli_table_set_fit (table, 3, 10, 1);
  fg_cli_table_render (table, 40, out);
  lines = g_strsplit (out->str, "\n", -1);

  g_assert_cmpstr (lines[0], ==, "Code              Name            Venues");
  g_assert_cmpstr (lines[1], ==, "410425101201      李庄村              45");
  g_assert_cmpstr (lines[3], ==, "410425101202      幸福里社区（…     1203");
  g_assert_null (strstr (out->str, "Industrial"));

  /* with room, nothing is left out or cut */
  g_string_truncate (out, 0);
  fg_cli_table_render (table, 200, out);
  g_assert_nonnull (strstr (out->str, "Industrial Road 9"));
  g_assert_nonnull (strstr (out->str, "幸福里社区（新区）"));
}

static void
test_output_tsv (void)
{
  g_autoptr(GString) out = g_string_new (NULL);

  fg_cli_tsv_append_row (out, 3, "village", "李庄村", "45");
  fg_cli_tsv_append_row (out, 3, "a\tb", "line\nbreak", NULL);

  g_assert_cmpstr (out->str, ==, "village\t李庄村\t45\na b\tline break\t\n");
}

static void
test_output_format (void)
{
  FgCliFormat format = FG_CLI_FORMAT_TABLE;

  g_assert_true (fg_cli_format_from_string ("tsv", &format));
  g_assert_cmpint (format, ==, FG_CLI_FORMAT_TSV);
  g_assert_true (fg_cli_format_from_string ("table", &format));
  g_assert_cmpint (format, ==, FG_CLI_FORMAT_TABLE);
  g_assert_false (fg_cli_format_from_string ("csv", &format));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-output/text-width", test_output_text_width);
  g_test_add_func ("/cli-output/truncate", test_output_truncate);
  g_test_add_func ("/cli-output/table-alignment", test_output_table_alignment);
  g_test_add_func ("/cli-output/table-fit", test_output_table_fit);
  g_test_add_func ("/cli-output/table-drop", test_output_table_drop);
  g_test_add_func ("/cli-output/tsv", test_output_tsv);
  g_test_add_func ("/cli-output/format", test_output_format);

  return g_test_run ();
}
