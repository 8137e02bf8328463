/* test-divisions.c — the list of Henan's divisions that ships with Firegrid
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "fg-test-util.h"

static FgDivisions *
load (void)
{
  g_autoptr(GError) error = NULL;
  FgDivisions *divisions = fg_divisions_load (&error);

  g_assert_no_error (error);
  g_assert_nonnull (divisions);
  return divisions;
}

/* The shipped list is the statistical code set of 2022: every city,
 * county and township of Henan, each once. */
static void
test_divisions_counts (void)
{
  g_autoptr(FgDivisions) divisions = load ();
  g_autoptr(GPtrArray) cities = fg_divisions_list_cities (divisions);
  guint n_counties = 0;
  guint n_townships = 0;

  g_assert_cmpint (fg_divisions_get_year (divisions), ==, 2022);
  g_assert_cmpuint (fg_divisions_count (divisions, FG_DIVISION_LEVEL_CITY), ==, 18);
  g_assert_cmpuint (fg_divisions_count (divisions, FG_DIVISION_LEVEL_COUNTY), ==, 181);
  g_assert_cmpuint (fg_divisions_count (divisions, FG_DIVISION_LEVEL_TOWNSHIP), ==, 2586);

  /* walking the tree down from the cities reaches every division */
  g_assert_cmpuint (cities->len, ==, 18);
  g_assert_cmpstr (((FgDivision *) g_ptr_array_index (cities, 0))->name, ==, "郑州市");
  for (guint i = 0; i < cities->len; i++)
    {
      FgDivision *city = g_ptr_array_index (cities, i);
      g_autoptr(GPtrArray) counties = fg_divisions_list_children (divisions, city->code);

      g_assert_cmpuint (counties->len, >, 0);
      n_counties += counties->len;
      for (guint j = 0; j < counties->len; j++)
        {
          FgDivision *county = g_ptr_array_index (counties, j);
          g_autoptr(GPtrArray) townships = fg_divisions_list_children (divisions, county->code);

          g_assert_cmpint (county->level, ==, FG_DIVISION_LEVEL_COUNTY);
          g_assert_true (fg_divisions_get_parent (divisions, county) == city);
          n_townships += townships->len;
          for (guint k = 0; k < townships->len; k++)
            {
              FgDivision *township = g_ptr_array_index (townships, k);

              g_assert_cmpint (township->level, ==, FG_DIVISION_LEVEL_TOWNSHIP);
              g_assert_cmpuint (strlen (township->code), ==, 12);
              g_assert_cmpint (strncmp (township->code, county->code, 6), ==, 0);
              g_assert_true (g_str_has_suffix (township->code, "000"));
              g_assert_false (fg_region_name_has_digits (township->name));
              g_assert_true (fg_divisions_get_parent (divisions, township) == county);
            }
        }
    }
  g_assert_cmpuint (n_counties, ==, 181);
  g_assert_cmpuint (n_townships, ==, 2586);
}

/* A code in any of its lengths finds its division; the codes are the
 * 12-digit ones the region tree keeps. */
static void
test_divisions_lookup (void)
{
  g_autoptr(FgDivisions) divisions = load ();
  g_autoptr(GPtrArray) townships = NULL;
  const FgDivision *shenhou;
  const FgDivision *yuzhou;
  const FgDivision *xuchang;
  g_autofree char *normalized = NULL;

  shenhou = fg_divisions_lookup (divisions, "411081103");
  g_assert_nonnull (shenhou);
  g_assert_cmpstr (shenhou->name, ==, "神垕镇");
  g_assert_cmpstr (shenhou->code, ==, "411081103000");
  g_assert_true (fg_divisions_lookup (divisions, "411081103000") == shenhou);

  /* the same 12 digits the region tree makes of a typed township code */
  normalized = fg_division_code_normalize ("411081103", FG_REGION_LEVEL_TOWNSHIP, NULL, NULL);
  g_assert_cmpstr (normalized, ==, shenhou->code);

  yuzhou = fg_divisions_get_parent (divisions, shenhou);
  g_assert_nonnull (yuzhou);
  g_assert_cmpstr (yuzhou->name, ==, "禹州市");
  g_assert_true (fg_divisions_lookup (divisions, "411081") == yuzhou);
  xuchang = fg_divisions_get_parent (divisions, yuzhou);
  g_assert_cmpstr (xuchang->name, ==, "许昌市");
  g_assert_true (fg_divisions_lookup (divisions, "4110") == xuchang);
  g_assert_null (fg_divisions_get_parent (divisions, xuchang));

  /* rare characters come through */
  g_assert_cmpstr (fg_divisions_lookup (divisions, "410425")->name, ==, "郏县");
  g_assert_cmpstr (fg_divisions_lookup (divisions, "410425101")->name, ==, "冢头镇");

  /* what the list lacks, or what is no code */
  g_assert_null (fg_divisions_lookup (divisions, "410425199"));
  g_assert_null (fg_divisions_lookup (divisions, "42"));
  g_assert_null (fg_divisions_lookup (divisions, "4104251"));
  g_assert_null (fg_divisions_lookup (divisions, "冢头镇"));
  g_assert_null (fg_divisions_lookup (divisions, ""));

  /* a township has no children; an unknown parent neither */
  townships = fg_divisions_list_children (divisions, "411081103");
  g_assert_cmpuint (townships->len, ==, 0);
  g_clear_pointer (&townships, g_ptr_array_unref);
  townships = fg_divisions_list_children (divisions, "419999");
  g_assert_cmpuint (townships->len, ==, 0);
  g_clear_pointer (&townships, g_ptr_array_unref);
  townships = fg_divisions_list_children (divisions, "411081");
  g_assert_cmpuint (townships->len, >, 20);
  for (guint i = 0; i < townships->len; i++)
    g_assert_true (fg_divisions_get_parent (divisions, g_ptr_array_index (townships, i)) == yuzhou);
}

static gboolean
found_has (GPtrArray  *found,
           const char *code)
{
  for (guint i = 0; i < found->len; i++)
    if (g_str_equal (((FgDivision *) g_ptr_array_index (found, i))->code, code))
      return TRUE;
  return FALSE;
}

/* By a part of a name, or by the start of a code: the higher levels first. */
static void
test_divisions_search (void)
{
  g_autoptr(FgDivisions) divisions = load ();
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) yuzhou_townships = fg_divisions_list_children (divisions, "411081");

  found = fg_divisions_search (divisions, "神垕", 0);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((FgDivision *) g_ptr_array_index (found, 0))->code, ==, "411081103000");
  g_clear_pointer (&found, g_ptr_array_unref);

  /* a county's code: the county first, then its townships */
  found = fg_divisions_search (divisions, " 411081 ", 0);
  g_assert_cmpuint (found->len, ==, 1 + yuzhou_townships->len);
  g_assert_cmpstr (((FgDivision *) g_ptr_array_index (found, 0))->name, ==, "禹州市");
  g_assert_true (found_has (found, "411081103000"));
  g_clear_pointer (&found, g_ptr_array_unref);

  /* a name found at several levels: the county before the townships */
  found = fg_divisions_search (divisions, "郏县", 0);
  g_assert_cmpuint (found->len, >=, 1);
  g_assert_cmpstr (((FgDivision *) g_ptr_array_index (found, 0))->code, ==, "410425000000");
  g_clear_pointer (&found, g_ptr_array_unref);

  /* "镇" is in most names: the limit holds */
  found = fg_divisions_search (divisions, "镇", 25);
  g_assert_cmpuint (found->len, ==, 25);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = fg_divisions_search (divisions, "镇", 0);
  g_assert_cmpuint (found->len, >, 1000);
  g_clear_pointer (&found, g_ptr_array_unref);

  found = fg_divisions_search (divisions, "   ", 0);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = fg_divisions_search (divisions, "柳林乡不存在", 0);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = fg_divisions_search (divisions, "4299", 0);
  g_assert_cmpuint (found->len, ==, 0);
}

/* An office corrects a name or adds a division the list lacks in
 * divisions.tsv beside its database; a bad line is refused whole. */
static void
test_divisions_corrections (void)
{
  g_autoptr(FgDivisions) divisions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "firegrid", NULL);
  g_autofree char *path = g_build_filename (folder, "divisions.tsv", NULL);
  g_autoptr(GBytes) bad = NULL;
  g_autoptr(GPtrArray) jiaxian = NULL;
  const char *two_lines = "410425198000\t新设镇\n410425101201\t某村\n";
  const char *code_for_name = "410425198000\t410425198\n";

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path,
                                      "# 本办更正\n"
                                      "year\t2024\n"
                                      "410425199000\t新设镇\n"
                                      "410425101000\t冢头镇（更正）\n",
                                      -1, &error));
  g_assert_no_error (error);

  divisions = load ();
  g_assert_cmpint (fg_divisions_get_year (divisions), ==, 2024);
  g_assert_cmpstr (fg_divisions_lookup (divisions, "410425199")->name, ==, "新设镇");
  g_assert_cmpstr (fg_divisions_lookup (divisions, "410425101")->name, ==, "冢头镇（更正）");
  g_assert_cmpuint (fg_divisions_count (divisions, FG_DIVISION_LEVEL_TOWNSHIP), ==, 2587);
  jiaxian = fg_divisions_list_children (divisions, "410425");
  g_assert_true (found_has (jiaxian, "410425199000"));

  /* a village's code refuses the whole, with its good line before it */
  bad = g_bytes_new_static (two_lines, strlen (two_lines));
  g_assert_false (fg_divisions_merge_bytes (divisions, bad, &error));
  g_assert_error (error, FG_DIVISIONS_ERROR, FG_DIVISIONS_ERROR_INVALID_LINE);
  g_assert_nonnull (strstr (error->message, "410425101201"));
  g_clear_error (&error);
  g_assert_null (fg_divisions_lookup (divisions, "410425198"));
  g_clear_pointer (&bad, g_bytes_unref);
  bad = g_bytes_new_static (code_for_name, strlen (code_for_name));
  g_assert_false (fg_divisions_merge_bytes (divisions, bad, &error));
  g_assert_error (error, FG_DIVISIONS_ERROR, FG_DIVISIONS_ERROR_INVALID_LINE);
  g_clear_error (&error);
  g_clear_object (&divisions);

  /* a broken corrections file is said, not silently ignored */
  g_assert_true (g_file_set_contents (path, "410425199000 新设镇\n", -1, &error));
  g_assert_no_error (error);
  g_assert_null (fg_divisions_load (&error));
  g_assert_error (error, FG_DIVISIONS_ERROR, FG_DIVISIONS_ERROR_INVALID_LINE);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);

  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  /* the user's own corrections, if any, stay out of the tests */
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/divisions/counts", test_divisions_counts);
  g_test_add_func ("/divisions/lookup", test_divisions_lookup);
  g_test_add_func ("/divisions/search", test_divisions_search);
  g_test_add_func ("/divisions/corrections", test_divisions_corrections);

  return g_test_run ();
}
