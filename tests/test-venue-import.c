/* test-venue-import.c — venues from an office's spreadsheets
 *
 * The spreadsheets are written at the start by make-venue-sheets.py
 * (python3-openpyxl, python3-xlwt), which says what each is shaped like.
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "fg-test-files.h"
#include "fg-test-sql.h"
#include "fg-test-util.h"
#include "fg-audit-private.h"

static char *sheets_dir;

typedef struct
{
  FgTestDir dir;
  FgStore *store;
  FgRegion *lizhuang;   /* 李庄村, with 第一网格 */
  FgRegion *grid;
  FgRegion *wanglou;    /* 王楼村 */
  FgRegion *xiaohe;     /* 小河村 */
  char *old_shop_id;    /* 王楼老店, registered with a credit code */
  char *grain_id;       /* 李庄老粮站, registered */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgVenue) shop = NULL;
  g_autoptr(FgVenue) grain = NULL;
  FgActor *actor = fg_test_installer ();

  fg_test_dir_init (&f->dir);
  f->store = fg_test_township_new (&f->dir, &f->lizhuang, &f->grid);
  f->wanglou = fg_region_add_village (f->store, actor, "410425101", "410425101202", "王楼村", &error);
  g_assert_no_error (error);
  f->xiaohe = fg_region_add_village (f->store, actor, "410425101", "410425101203", "小河村", &error);
  g_assert_no_error (error);

  shop = fg_test_venue_new (fg_region_get_id (f->wanglou), "王楼老店", "冢头镇王楼村老街1号", "shop", "褚老板");
  fg_venue_set_credit_code (shop, "91440300708461136T");
  fg_venue_save (f->store, actor, shop, &error);
  g_assert_no_error (error);
  f->old_shop_id = g_strdup (fg_venue_get_id (shop));

  grain = fg_test_venue_new (fg_region_get_id (f->lizhuang), "李庄老粮站", "冢头镇李庄村粮站路1号",
                             "warehouse", "韩站长");
  fg_venue_save (f->store, actor, grain, &error);
  g_assert_no_error (error);
  f->grain_id = g_strdup (fg_venue_get_id (grain));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->lizhuang);
  g_clear_object (&f->grid);
  g_clear_object (&f->wanglou);
  g_clear_object (&f->xiaohe);
  g_clear_object (&f->store);
  g_free (f->old_shop_id);
  g_free (f->grain_id);
  fg_test_dir_clear (&f->dir);
}

static char *
sheet_path (const char *name)
{
  return g_build_filename (sheets_dir, name, NULL);
}

/* with audit_before () and audit_after () for the audit log's images */
static gint64
count (Fixture    *f,
       const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (f->dir.db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (fg_audit_register_functions (db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* Opens a file, reads its first sheet and prepares the import. */
static FgVenueImport *
open_import (const char *name,
             FgSheet   **sheet_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = sheet_path (name);
  g_autoptr(FgWorkbook) workbook = fg_workbook_open (path, NULL, &error);
  g_autoptr(FgSheet) sheet = NULL;
  FgVenueImport *import;

  g_assert_no_error (error);
  sheet = fg_workbook_read_sheet (workbook, 0, NULL, &error);
  g_assert_no_error (error);
  import = fg_venue_import_new (workbook, sheet, &error);
  g_assert_no_error (error);
  if (sheet_out != NULL)
    *sheet_out = g_steal_pointer (&sheet);
  return import;
}

/* The import's row for a line of the file. */
static guint
row_of_line (FgVenueImport *import,
             guint          line)
{
  for (guint i = 0; i < fg_venue_import_get_n_rows (import); i++)
    if (fg_venue_import_get_row_line (import, i) == line)
      return i;
  g_error ("line %u is not among the rows", line);
}

static void
assert_row (FgVenueImport    *import,
            guint             line,
            FgImportRowState  state,
            const char       *message_part)
{
  guint row = row_of_line (import, line);
  const char *message = fg_venue_import_get_row_message (import, row);

  g_assert_cmpint (fg_venue_import_get_row_state (import, row), ==, state);
  if (message_part != NULL)
    g_assert_nonnull (strstr (message, message_part));
  else
    g_assert_null (message);
}

static gboolean
have_sheets (void)
{
  if (sheets_dir != NULL)
    return TRUE;
  g_test_skip ("the test spreadsheets could not be written (python3-openpyxl, python3-xlwt)");
  return FALSE;
}

/* --- a GBK CSV file ------------------------------------------------------ */

static void
test_gbk_csv (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgVenueImport) import = NULL;
  g_autoptr(FgVenueImport) again = NULL;
  g_autoptr(FgVenueImport) next_file = NULL;
  g_autoptr(GPtrArray) unknown_categories = NULL;
  g_autoptr(GPtrArray) unknown_villages = NULL;
  g_autoptr(FgSheet) sheet = NULL;
  g_autofree char *path = sheet_path ("venues-gbk.csv");
  g_autofree char *contents = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *audit_sql = NULL;
  FgVenueImportResult result;
  FgActor *actor = fg_test_installer ();
  gsize length;

  if (!have_sheets ())
    return;

  import = open_import ("venues-gbk.csv", &sheet);
  g_assert_cmpint (fg_venue_import_get_header_row (import), ==, 0);
  g_assert_cmpint (fg_venue_import_get_field (import, 0), ==, FG_IMPORT_FIELD_NONE);   /* 序号 */
  g_assert_cmpint (fg_venue_import_get_field (import, 1), ==, FG_IMPORT_FIELD_NAME);
  g_assert_cmpint (fg_venue_import_get_field (import, 4), ==, FG_IMPORT_FIELD_PHONE);
  g_assert_cmpint (fg_venue_import_get_field (import, 5), ==, FG_IMPORT_FIELD_CREDIT_CODE);
  g_assert_cmpint (fg_venue_import_get_field (import, 6), ==, FG_IMPORT_FIELD_VILLAGE);
  g_assert_cmpint (fg_venue_import_get_field (import, 7), ==, FG_IMPORT_FIELD_GRID);
  g_assert_cmpint (fg_venue_import_get_field (import, 8), ==, FG_IMPORT_FIELD_CATEGORY);
  g_assert_cmpint (fg_venue_import_get_field (import, 11), ==, FG_IMPORT_FIELD_SLEEPING);
  /* the Chinese came through GBK */
  g_assert_cmpstr (fg_sheet_get_cell (sheet, 1, 1), ==, "老王烧烤");

  fg_venue_import_check (import, f->store, actor, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  /* the empty row and the total row are no venues */
  g_assert_cmpuint (fg_venue_import_get_n_rows (import), ==, 9);
  assert_row (import, 2, FG_IMPORT_ROW_NEW, NULL);
  assert_row (import, 3, FG_IMPORT_ROW_NEW, NULL);                        /* 李庄 is 李庄村 */
  assert_row (import, 4, FG_IMPORT_ROW_NEW, NULL);
  assert_row (import, 5, FG_IMPORT_ROW_REFUSED, "phone number");
  assert_row (import, 6, FG_IMPORT_ROW_DUPLICATE, "Line 2 has the same credit code");
  g_assert_cmpuint (fg_venue_import_get_row_duplicate_line (import, row_of_line (import, 6)), ==, 2);
  assert_row (import, 7, FG_IMPORT_ROW_REFUSED, "“河东”");
  assert_row (import, 8, FG_IMPORT_ROW_REFUSED, "“修车铺” is not one of the venue categories");
  assert_row (import, 9, FG_IMPORT_ROW_REFUSED, "venue’s name");
  assert_row (import, 10, FG_IMPORT_ROW_NEW, NULL);                       /* 小河村委会 */

  unknown_categories = fg_venue_import_list_unknown_words (import, FG_IMPORT_WORD_CATEGORY);
  g_assert_cmpuint (unknown_categories->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (unknown_categories, 0), ==, "修车铺");
  unknown_villages = fg_venue_import_list_unknown_words (import, FG_IMPORT_WORD_REGION);
  g_assert_cmpuint (unknown_villages->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (unknown_villages, 0), ==, "河东");

  /* checking stores nothing */
  g_assert_cmpint (count (f, "SELECT count(*) FROM venue"), ==, 2);

  fg_venue_import_run (import, f->store, actor, NULL, NULL, NULL, &result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 4);
  g_assert_cmpuint (result.skipped, ==, 1);
  g_assert_cmpuint (result.refused, ==, 4);
  g_assert_cmpuint (result.updated, ==, 0);

  g_assert_cmpint (count (f, "SELECT count(*) FROM venue"), ==, 6);
  g_assert_cmpint (count (f, "SELECT count(*) FROM venue v JOIN region g ON g.id = v.grid_id"
                             " WHERE v.name = '老王烧烤' AND g.name = '第一网格'"
                             " AND v.credit_code = '91350100M000100Y43' AND v.floors = 2"
                             " AND v.categories = '[\"restaurant\"]'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM venue v JOIN region r ON r.id = v.village_id"
                             " WHERE v.name = '李庄便民超市' AND r.name = '李庄村' AND v.grid_id IS NULL"
                             " AND v.floor_area = 80 AND v.sleeping = 1 AND v.phone = '0375-5123456'"
                             " AND v.categories = '[\"shop\"]'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM venue WHERE name = '平安旅社' AND floors = 3"
                             " AND sleeping = 12 AND categories = '[\"hotel\"]'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM venue v JOIN region r ON r.id = v.village_id"
                             " WHERE v.name = '小河农家院' AND r.name = '小河村'"
                             " AND v.categories = '[\"restaurant\",\"hotel\"]'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM venue WHERE name LIKE '%分店%' OR name = '钱记小卖部'"), ==, 0);

  /* one import in the audit log, with the file's digest; no record per venue */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
  audit_sql = g_strdup_printf ("SELECT count(*) FROM audit WHERE action = 'venue-import'"
                               " AND json_extract (audit_after (after, images), '$.sha256') = '%s'"
                               " AND json_extract (audit_after (after, images), '$.file') = 'venues-gbk.csv'"
                               " AND json_extract (audit_after (after, images), '$.added') = 4", digest);
  g_assert_cmpint (count (f, audit_sql), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit WHERE action = 'venue-add'"), ==, 2);
  fg_audit_verify (f->store, actor, NULL, &error);
  g_assert_no_error (error);

  /* a name said to mean the township or the county is no place for a
   * venue: its row is refused, and nothing is taken */
  {
    g_autoptr(FgVenueImport) wrong = open_import ("venues-gbk.csv", NULL);
    g_autofree char *county_id = NULL;
    g_autoptr(FgRegion) township = fg_region_lookup (f->store, actor, fg_store_get_home_region_id (f->store),
                                                      &error);

    g_assert_no_error (error);
    county_id = g_strdup (fg_region_get_parent_id (township));
    fg_venue_import_set_word (wrong, FG_IMPORT_WORD_REGION, "河东", fg_region_get_id (township));
    fg_venue_import_check (wrong, f->store, actor, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    assert_row (wrong, 7, FG_IMPORT_ROW_REFUSED, "not a village, community or grid");
    fg_venue_import_set_word (wrong, FG_IMPORT_WORD_REGION, "河东", county_id);
    fg_venue_import_check (wrong, f->store, actor, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    assert_row (wrong, 7, FG_IMPORT_ROW_REFUSED, "not a village, community or grid");
  }

  /* the rows refused are corrected by saying what the words mean; the
   * rows stored before are now duplicates of the registry */
  again = open_import ("venues-gbk.csv", NULL);
  fg_venue_import_set_word (again, FG_IMPORT_WORD_REGION, "河东", fg_region_get_id (f->wanglou));
  fg_venue_import_set_word (again, FG_IMPORT_WORD_CATEGORY, "修车铺", "small-production");
  fg_venue_import_check (again, f->store, actor, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_row (again, 2, FG_IMPORT_ROW_DUPLICATE, "registered venue has the same credit code");
  assert_row (again, 3, FG_IMPORT_ROW_DUPLICATE, "registered venue has the same name and address");
  assert_row (again, 7, FG_IMPORT_ROW_NEW, NULL);
  assert_row (again, 8, FG_IMPORT_ROW_NEW, NULL);
  fg_venue_import_run (again, f->store, actor, NULL, NULL, NULL, &result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 2);
  g_assert_cmpuint (result.skipped, ==, 5);
  g_assert_cmpint (count (f, "SELECT count(*) FROM venue v JOIN region r ON r.id = v.village_id"
                             " WHERE v.name = '河东理发店' AND r.name = '王楼村'"
                             " AND v.categories = '[\"beauty-bath\"]'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM venue WHERE name = '周家修车铺'"
                             " AND categories = '[\"small-production\"]'"), ==, 1);

  /* and remembered for the next file */
  g_assert_cmpint (count (f, "SELECT count(*) FROM import_word"), ==, 2);
  next_file = open_import ("venues-gbk.csv", NULL);
  fg_venue_import_check (next_file, f->store, actor, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_row (next_file, 7, FG_IMPORT_ROW_DUPLICATE, "same name and address");
  assert_row (next_file, 8, FG_IMPORT_ROW_DUPLICATE, "same name and address");
}

/* A row like a row above it, said to be the same venue with newer
 * values: the venue is stored once, as the later row has it. */
static void
test_update_within_file (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgVenueImport) import = NULL;
  FgVenueImportResult result;
  FgActor *actor = fg_test_installer ();
  guint row;

  if (!have_sheets ())
    return;

  import = open_import ("venues-gbk.csv", NULL);
  fg_venue_import_check (import, f->store, actor, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  row = row_of_line (import, 6);
  g_assert_cmpuint (fg_venue_import_get_row_duplicate_line (import, row), ==, 2);
  fg_venue_import_set_row_choice (import, row, FG_IMPORT_DUPLICATE_UPDATE);
  fg_venue_import_run (import, f->store, actor, NULL, NULL, NULL, &result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 4);
  g_assert_cmpuint (result.updated, ==, 1);
  g_assert_cmpuint (result.skipped, ==, 0);

  /* line 2's venue, with line 6's name, address, floors and area; line 6
   * names the village and no grid, so the venue is in the village */
  g_assert_cmpint (count (f, "SELECT count(*) FROM venue"), ==, 6);
  g_assert_cmpint (count (f, "SELECT count(*) FROM venue WHERE name = '老王烧烤'"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM venue v JOIN region r ON r.id = v.village_id"
                             " WHERE v.name = '老王烧烤（分店）' AND v.address = '冢头镇李庄村北街2号'"
                             " AND v.credit_code = '91350100M000100Y43' AND v.floors = 1 AND v.floor_area = 60"
                             " AND r.name = '李庄村' AND v.grid_id IS NULL"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit WHERE action = 'venue-import'"
                             " AND json_extract (audit_after (after, images), '$.updated') = 1"), ==, 1);
}

/* --- an .xls with a title row -------------------------------------------- */

static void
test_xls_title_row (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgWorkbook) workbook = NULL;
  g_autoptr(FgSheet) sheet = NULL;
  g_autoptr(FgVenueImport) import = NULL;
  g_autofree char *path = sheet_path ("wanglou.xls");
  FgVenueImportResult result;
  FgActor *actor = fg_test_installer ();
  guint index;

  if (!have_sheets ())
    return;

  workbook = fg_workbook_open (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fg_workbook_get_format (workbook), ==, FG_SHEET_FORMAT_XLS);
  g_assert_cmpuint (fg_workbook_get_n_sheets (workbook), ==, 2);
  g_assert_cmpstr (fg_workbook_get_sheet_name (workbook, 1), ==, "填表说明");
  fg_workbook_find_sheet (workbook, "没有这张表", &index, &error);
  g_assert_error (error, FG_SHEET_ERROR, FG_SHEET_ERROR_NO_SHEET);
  g_assert_nonnull (strstr (error->message, "王楼村台账"));
  g_clear_error (&error);
  fg_workbook_find_sheet (workbook, "王楼村台账", &index, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (index, ==, 0);

  sheet = fg_workbook_read_sheet (workbook, index, NULL, &error);
  g_assert_no_error (error);
  import = fg_venue_import_new (workbook, sheet, &error);
  g_assert_no_error (error);

  /* the merged title is passed over: the header is on line 3 */
  g_assert_cmpuint (fg_sheet_get_line (sheet, fg_venue_import_get_header_row (import)), ==, 3);
  g_assert_cmpint (fg_venue_import_get_field (import, 0), ==, FG_IMPORT_FIELD_VILLAGE);
  g_assert_cmpint (fg_venue_import_get_field (import, 1), ==, FG_IMPORT_FIELD_NAME);
  g_assert_cmpint (fg_venue_import_get_field (import, 3), ==, FG_IMPORT_FIELD_OPERATOR);
  g_assert_cmpint (fg_venue_import_get_field (import, 6), ==, FG_IMPORT_FIELD_FLOOR_AREA);
  g_assert_cmpint (fg_venue_import_get_field (import, 8), ==, FG_IMPORT_FIELD_NONE);
  /* numbers as typed, dates as dates */
  g_assert_cmpstr (fg_sheet_get_cell (sheet, fg_venue_import_get_header_row (import) + 1, 4), ==, "13812345679");
  g_assert_cmpstr (fg_sheet_get_cell (sheet, fg_venue_import_get_header_row (import) + 1, 6), ==, "85.5");
  g_assert_cmpstr (fg_sheet_get_cell (sheet, fg_venue_import_get_header_row (import) + 1, 8), ==, "2015-03-01");

  fg_venue_import_check (import, f->store, actor, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fg_venue_import_get_n_rows (import), ==, 3);
  assert_row (import, 4, FG_IMPORT_ROW_NEW, NULL);
  assert_row (import, 5, FG_IMPORT_ROW_NEW, NULL);
  assert_row (import, 6, FG_IMPORT_ROW_DUPLICATE, "same credit code");
  g_assert_cmpstr (fg_venue_import_get_row_duplicate_id (import, row_of_line (import, 6)), ==, f->old_shop_id);

  /* the office says the row is the registered venue, renamed */
  fg_venue_import_set_row_choice (import, row_of_line (import, 6), FG_IMPORT_DUPLICATE_UPDATE);
  fg_venue_import_run (import, f->store, actor, NULL, NULL, NULL, &result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 2);
  g_assert_cmpuint (result.updated, ==, 1);

  g_assert_cmpint (count (f, "SELECT count(*) FROM venue"), ==, 4);
  g_assert_cmpint (count (f, "SELECT count(*) FROM venue WHERE name = '王楼老店（改名）'"
                             " AND phone = '13612345678' AND floor_area = 40"
                             " AND operator_name = '褚老板'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM venue WHERE name = '王楼村卫生室' AND floor_area = 85.5"
                             " AND categories = '[\"clinic\"]' AND phone = '13812345679'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM venue WHERE name = '永兴五金加工厂'"
                             " AND categories = '[\"small-production\"]'"), ==, 1);
  /* the update is in the audit log with what the venue was before */
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit WHERE action = 'venue-edit'"
                             " AND json_extract (audit_before (before, images), '$.name') = '王楼老店'"
                             " AND json_extract (audit_after (after, images), '$.name') = '王楼老店（改名）'"), ==, 1);
}

/* --- an .xlsx with its columns mixed up ---------------------------------- */

typedef struct
{
  GMainLoop *loop;
  GAsyncResult *result;
  guint progress_calls;
  guint last_done;
} AsyncWait;

static void
on_progress (guint    done,
             guint    total,
             gpointer user_data)
{
  AsyncWait *wait = user_data;

  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  g_assert_cmpuint (done, <=, total);
  wait->progress_calls++;
  wait->last_done = done;
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  AsyncWait *wait = user_data;

  wait->result = g_object_ref (result);
  g_main_loop_quit (wait->loop);
}

static void
test_xlsx_mixed_columns (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgSheet) sheet = NULL;
  g_autoptr(FgVenueImport) import = NULL;
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  AsyncWait wait = { 0 };
  FgVenueImportResult result;
  FgActor *actor = fg_test_installer ();
  guint header;

  if (!have_sheets ())
    return;

  import = open_import ("township.xlsx", &sheet);
  /* 20,000 formatted rows below hold nothing and are not kept */
  g_assert_cmpuint (fg_sheet_get_n_rows (sheet), ==, 5);
  g_assert_cmpuint (fg_sheet_get_n_formulas (sheet), ==, 1);
  header = fg_venue_import_get_header_row (import);
  g_assert_cmpuint (fg_sheet_get_line (sheet, header), ==, 2);
  g_assert_cmpint (fg_venue_import_get_field (import, 0), ==, FG_IMPORT_FIELD_GRID);
  g_assert_cmpint (fg_venue_import_get_field (import, 1), ==, FG_IMPORT_FIELD_NAME);
  g_assert_cmpint (fg_venue_import_get_field (import, 2), ==, FG_IMPORT_FIELD_CATEGORY);
  g_assert_cmpint (fg_venue_import_get_field (import, 3), ==, FG_IMPORT_FIELD_ADDRESS);
  g_assert_cmpint (fg_venue_import_get_field (import, 5), ==, FG_IMPORT_FIELD_OPERATOR);
  g_assert_cmpint (fg_venue_import_get_field (import, 6), ==, FG_IMPORT_FIELD_VILLAGE);
  g_assert_cmpint (fg_venue_import_get_field (import, 7), ==, FG_IMPORT_FIELD_KEY_UNIT);
  /* the formula's saved result, and a date stored as a day number */
  g_assert_cmpstr (fg_sheet_get_cell (sheet, header + 1, 8), ==, "2");
  g_assert_cmpstr (fg_sheet_get_cell (sheet, header + 1, 9), ==, "2020-09-01");
  g_assert_cmpstr (fg_sheet_get_cell (sheet, header + 1, 1), ==, "李庄幼儿园");

  fg_venue_import_check (import, f->store, actor, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fg_venue_import_get_n_rows (import), ==, 3);
  assert_row (import, 3, FG_IMPORT_ROW_NEW, NULL);
  assert_row (import, 4, FG_IMPORT_ROW_NEW, NULL);
  assert_row (import, 5, FG_IMPORT_ROW_DUPLICATE, "same name and address");
  g_assert_cmpstr (fg_venue_import_get_row_duplicate_id (import, row_of_line (import, 5)), ==, f->grain_id);

  /* cancelled: nothing is stored */
  g_cancellable_cancel (cancelled);
  g_assert_false (fg_venue_import_run (import, f->store, actor, cancelled, NULL, NULL, &result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM venue"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit WHERE action = 'venue-import'"), ==, 0);

  /* a failed run must be checked again */
  g_assert_false (fg_venue_import_run (import, f->store, actor, NULL, NULL, NULL, &result, &error));
  g_assert_error (error, FG_VENUE_IMPORT_ERROR, FG_VENUE_IMPORT_ERROR_NOT_CHECKED);
  g_clear_error (&error);
  fg_venue_import_check (import, f->store, actor, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  /* as a window runs it: in a worker, with progress in the main context */
  wait.loop = g_main_loop_new (NULL, FALSE);
  fg_venue_import_run_async (import, f->store, actor, NULL, on_progress, &wait, on_done, &wait);
  g_main_loop_run (wait.loop);
  fg_venue_import_run_finish (import, wait.result, &result, &error);
  g_assert_no_error (error);
  g_clear_object (&wait.result);
  g_main_loop_unref (wait.loop);
  g_assert_cmpuint (result.added, ==, 2);
  g_assert_cmpuint (result.skipped, ==, 1);
  g_assert_cmpuint (wait.progress_calls, >, 0);
  g_assert_cmpuint (wait.last_done, ==, 3);

  g_assert_cmpint (count (f, "SELECT count(*) FROM venue v JOIN region g ON g.id = v.grid_id"
                             " WHERE v.name = '李庄幼儿园' AND g.name = '第一网格' AND v.key_unit = 1"
                             " AND v.floors = 2 AND v.categories = '[\"school\"]'"
                             " AND v.operator_name = '蒋园长'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM venue v JOIN region r ON r.id = v.village_id"
                             " WHERE v.name = '小河网吧' AND r.name = '小河村' AND v.key_unit = 0"
                             " AND v.categories = '[\"internet-cafe\"]'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM venue WHERE name = '李庄老粮站'"), ==, 1);
}

/* --- checked in a worker -------------------------------------------------- */

static void
test_check_async (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgVenueImport) import = NULL;
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  AsyncWait wait = { 0 };
  FgVenueImportResult result;
  FgActor *actor = fg_test_installer ();

  if (!have_sheets ())
    return;

  import = open_import ("township.xlsx", NULL);
  wait.loop = g_main_loop_new (NULL, FALSE);

  /* the same rows as a check in the caller's thread, the progress told
   * in the main context */
  fg_venue_import_check_async (import, f->store, actor, NULL, on_progress, &wait, on_done, &wait);
  g_main_loop_run (wait.loop);
  g_assert_true (fg_venue_import_check_finish (import, wait.result, &error));
  g_assert_no_error (error);
  g_clear_object (&wait.result);
  g_assert_cmpuint (fg_venue_import_get_n_rows (import), ==, 3);
  assert_row (import, 3, FG_IMPORT_ROW_NEW, NULL);
  assert_row (import, 5, FG_IMPORT_ROW_DUPLICATE, "same name and address");
  g_assert_cmpuint (wait.progress_calls, >, 0);
  g_assert_cmpuint (wait.last_done, ==, 3);

  /* cancelled: an error, no rows, and the import cannot run unchecked */
  g_cancellable_cancel (cancelled);
  fg_venue_import_check_async (import, f->store, actor, cancelled, NULL, NULL, on_done, &wait);
  g_main_loop_run (wait.loop);
  g_assert_false (fg_venue_import_check_finish (import, wait.result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&wait.result);
  g_assert_false (fg_venue_import_run (import, f->store, actor, NULL, NULL, NULL, &result, &error));
  g_assert_error (error, FG_VENUE_IMPORT_ERROR, FG_VENUE_IMPORT_ERROR_NOT_CHECKED);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM venue"), ==, 2);

  /* a mapping the check refuses comes back as its error */
  for (guint column = 0; column < fg_venue_import_get_n_columns (import); column++)
    if (fg_venue_import_get_field (import, column) == FG_IMPORT_FIELD_NAME)
      fg_venue_import_set_field (import, column, FG_IMPORT_FIELD_NONE);
  fg_venue_import_check_async (import, f->store, actor, NULL, NULL, NULL, on_done, &wait);
  g_main_loop_run (wait.loop);
  g_assert_false (fg_venue_import_check_finish (import, wait.result, &error));
  g_assert_error (error, FG_VENUE_IMPORT_ERROR, FG_VENUE_IMPORT_ERROR_MAPPING);
  g_clear_object (&wait.result);
  g_main_loop_unref (wait.loop);
}

/* --- the mapping ---------------------------------------------------------- */

static void
test_mapping (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgVenueImport) import = NULL;
  FgActor *actor = fg_test_installer ();

  if (!have_sheets ())
    return;

  g_assert_cmpint (fg_import_field_guess ("单位名称"), ==, FG_IMPORT_FIELD_NAME);
  g_assert_cmpint (fg_import_field_guess ("*场所名称"), ==, FG_IMPORT_FIELD_NAME);
  g_assert_cmpint (fg_import_field_guess ("负责人电话"), ==, FG_IMPORT_FIELD_PHONE);
  g_assert_cmpint (fg_import_field_guess ("法定代表人"), ==, FG_IMPORT_FIELD_OPERATOR);
  g_assert_cmpint (fg_import_field_guess ("所属村（社区）"), ==, FG_IMPORT_FIELD_VILLAGE);
  g_assert_cmpint (fg_import_field_guess ("网格员"), ==, FG_IMPORT_FIELD_NONE);
  g_assert_cmpint (fg_import_field_guess ("行业"), ==, FG_IMPORT_FIELD_CATEGORY);
  g_assert_cmpint (fg_import_field_guess ("Credit code"), ==, FG_IMPORT_FIELD_CREDIT_CODE);

  import = open_import ("venues-gbk.csv", NULL);

  g_assert_false (fg_venue_import_apply_map (import, "联系电话", &error));
  g_assert_error (error, FG_VENUE_IMPORT_ERROR, FG_VENUE_IMPORT_ERROR_MAPPING);
  g_clear_error (&error);
  g_assert_false (fg_venue_import_apply_map (import, "联系电话=telephone", &error));
  g_assert_error (error, FG_VENUE_IMPORT_ERROR, FG_VENUE_IMPORT_ERROR_MAPPING);
  /* the message lists the fields there are, and nothing else */
  g_assert_true (g_str_has_suffix (error->message, "floor-area, floors, sleeping, key-unit, smoke-alarm."));
  g_clear_error (&error);
  g_assert_false (fg_venue_import_apply_map (import, "电话号码=phone", &error));
  g_assert_error (error, FG_VENUE_IMPORT_ERROR, FG_VENUE_IMPORT_ERROR_MAPPING);
  g_clear_error (&error);

  /* by letter: the name column is now the address, and nothing is the name */
  fg_venue_import_apply_map (import, "B=address", &error);
  g_assert_no_error (error);
  g_assert_cmpint (fg_venue_import_get_field (import, 1), ==, FG_IMPORT_FIELD_ADDRESS);
  g_assert_cmpint (fg_venue_import_get_field (import, 2), ==, FG_IMPORT_FIELD_NONE);
  g_assert_false (fg_venue_import_check (import, f->store, actor, NULL, NULL, NULL, &error));
  g_assert_error (error, FG_VENUE_IMPORT_ERROR, FG_VENUE_IMPORT_ERROR_MAPPING);
  g_clear_error (&error);

  /* by header */
  fg_venue_import_apply_map (import, "场所名称=name", &error);
  g_assert_no_error (error);
  fg_venue_import_apply_map (import, "地址=address", &error);
  g_assert_no_error (error);
  fg_venue_import_check (import, f->store, actor, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_row (import, 2, FG_IMPORT_ROW_NEW, NULL);
  g_assert_cmpint (count (f, "SELECT count(*) FROM venue"), ==, 2);
}

/* --- files that change nothing -------------------------------------------- */

static void
test_hostile (Fixture       *f,
              gconstpointer  data)
{
  static const struct
  {
    const char *file;
    gboolean at_open;      /* refused when opened, else when its sheet is read */
    FgSheetError code;
  } files[] = {
    { "protected.xlsx", TRUE, FG_SHEET_ERROR_PASSWORD },
    { "damaged.xlsx", TRUE, FG_SHEET_ERROR_UNREADABLE },
    { "bomb.xlsx", TRUE, FG_SHEET_ERROR_TOO_LARGE },
    { "formula-no-value.xlsx", FALSE, FG_SHEET_ERROR_FORMULA },
    { "wrong-encoding.csv", FALSE, FG_SHEET_ERROR_ENCODING },
  };
  gint64 n_audit = count (f, "SELECT count(*) FROM audit");

  if (!have_sheets ())
    return;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = sheet_path (files[i].file);
      g_autoptr(FgWorkbook) workbook = fg_workbook_open (path, NULL, &error);

      g_test_message ("%s", files[i].file);
      if (files[i].at_open)
        g_assert_null (workbook);
      else
        {
          g_autoptr(FgSheet) sheet = NULL;

          g_assert_no_error (error);
          sheet = fg_workbook_read_sheet (workbook, 0, NULL, &error);
          g_assert_null (sheet);
        }
      g_assert_error (error, FG_SHEET_ERROR, files[i].code);
      /* the message names the file, or the cell, for the person importing */
      g_assert_true (strstr (error->message, files[i].file) != NULL);
    }

  /* the formula is named by its cell */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *path = sheet_path ("formula-no-value.xlsx");
    g_autoptr(FgWorkbook) workbook = fg_workbook_open (path, NULL, &error);
    g_autoptr(FgSheet) sheet = fg_workbook_read_sheet (workbook, 0, NULL, &error);

    g_assert_null (sheet);
    g_assert_nonnull (strstr (error->message, "I3"));
  }

  g_assert_cmpint (count (f, "SELECT count(*) FROM venue"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit"), ==, n_audit);
}

/* A UTF-8 file with one stray byte is damaged UTF-8, not GBK; a U+0000
 * in UTF-16 text would cut the file short. Both are refused with the
 * line, and the same files without the fault read whole. */
static void
test_damaged_text (Fixture       *f,
                   gconstpointer  data)
{
  static const struct
  {
    const char *file;
    const char *line;
  } files[] = {
    { "venues-stray-byte.csv", "line 4 " },
    { "venues-utf16-nul.csv", "Line 3 " },
  };

  if (!have_sheets ())
    return;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = sheet_path (files[i].file);
      g_autoptr(FgWorkbook) workbook = fg_workbook_open (path, NULL, &error);
      g_autoptr(FgSheet) sheet = NULL;

      g_test_message ("%s", files[i].file);
      g_assert_no_error (error);
      sheet = fg_workbook_read_sheet (workbook, 0, NULL, &error);
      g_assert_null (sheet);
      g_assert_error (error, FG_SHEET_ERROR, FG_SHEET_ERROR_ENCODING);
      g_assert_nonnull (strstr (error->message, files[i].file));
      g_assert_nonnull (strstr (error->message, files[i].line));
    }

  /* the UTF-16 file without the U+0000: every row, in Chinese */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(FgSheet) sheet = NULL;
    g_autoptr(FgVenueImport) import = open_import ("venues-utf16.csv", &sheet);

    g_assert_cmpuint (fg_sheet_get_n_rows (sheet), ==, 11);
    g_assert_cmpstr (fg_sheet_get_cell (sheet, 2, 3), ==, "李红");
    g_assert_cmpstr (fg_sheet_get_cell (sheet, 10, 0), ==, "合计");
    g_assert_cmpint (fg_venue_import_get_field (import, 1), ==, FG_IMPORT_FIELD_NAME);
  }

  /* a GBK file is still GBK, however many of its pairs read as UTF-8 */
  {
    g_autoptr(FgSheet) sheet = NULL;
    g_autoptr(FgVenueImport) import = open_import ("venues-gbk.csv", &sheet);

    g_assert_cmpstr (fg_sheet_get_cell (sheet, 3, 1), ==, "平安旅社");
  }
}

/* An .xls is read from the bytes its digest was taken of: the file is
 * not read a second time (it could have changed in between, and the
 * digest in the audit log would then name another file). */
static void
test_xls_read_once (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = sheet_path ("wanglou.xls");
  g_autofree char *moved = g_build_filename (f->dir.dir, "wanglou.xls", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *digest = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(FgWorkbook) workbook = NULL;
  g_autoptr(FgSheet) sheet = NULL;
  gsize length;

  if (!have_sheets ())
    return;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

  /* the file named is no longer there, or is another file by now */
  workbook = fg_workbook_open_bytes (moved, bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fg_workbook_get_format (workbook), ==, FG_SHEET_FORMAT_XLS);
  g_assert_cmpstr (fg_workbook_get_digest (workbook), ==, digest);
  g_assert_cmpstr (fg_workbook_get_sheet_name (workbook, 0), ==, "王楼村台账");
  g_clear_object (&workbook);

  g_assert_true (g_file_set_contents (moved, "序号,场所名称\n1,别的文件\n", -1, &error));
  workbook = fg_workbook_open_bytes (moved, bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fg_workbook_get_format (workbook), ==, FG_SHEET_FORMAT_XLS);
  sheet = fg_workbook_read_sheet (workbook, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fg_sheet_get_cell (sheet, 0, 0), ==, "冢头镇王楼村九小场所台账");
}

/* Files no office would make, written here: a device, a line of nothing
 * but commas, more lines than a township has venues. Each is refused or
 * read within bounds. */
static void
test_bounds (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *commas_path = g_build_filename (f->dir.dir, "commas.csv", NULL);
  g_autofree char *lines_path = g_build_filename (f->dir.dir, "lines.csv", NULL);
  g_autoptr(GString) text = g_string_new ("场所名称,地址\n");

  /* a device would be read without end */
  g_assert_null (fg_workbook_open ("/dev/zero", NULL, &error));
  g_assert_error (error, FG_SHEET_ERROR, FG_SHEET_ERROR_UNREADABLE);
  g_assert_nonnull (strstr (error->message, "“zero” is not a file of a spreadsheet"));
  g_clear_error (&error);

  /* 2 million commas on a line: the columns past the last one read are
   * dropped as they come */
  for (guint i = 0; i < 2000000; i++)
    g_string_append_c (text, ',');
  g_string_append (text, "\n");
  g_assert_true (g_file_set_contents (commas_path, text->str, (gssize) text->len, &error));
  {
    g_autoptr(FgWorkbook) workbook = fg_workbook_open (commas_path, NULL, &error);
    g_autoptr(FgSheet) sheet = NULL;

    g_assert_no_error (error);
    sheet = fg_workbook_read_sheet (workbook, 0, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (fg_sheet_get_n_rows (sheet), ==, 1);
    g_assert_cmpuint (fg_sheet_get_n_columns (sheet), ==, 2);
  }

  /* more than a million lines */
  g_string_assign (text, "场所名称\n");
  for (guint i = 0; i < 1000001; i++)
    g_string_append (text, "a\n");
  g_assert_true (g_file_set_contents (lines_path, text->str, (gssize) text->len, &error));
  {
    g_autoptr(FgWorkbook) workbook = fg_workbook_open (lines_path, NULL, &error);

    g_assert_no_error (error);
    g_assert_null (fg_workbook_read_sheet (workbook, 0, NULL, &error));
    g_assert_error (error, FG_SHEET_ERROR, FG_SHEET_ERROR_TOO_LARGE);
  }
}

/* Writes the spreadsheets with make-venue-sheets.py; NULL when it cannot. */
static char *
write_sheets (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("firegrid-sheets-XXXXXX", &error);
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "make-venue-sheets.py", NULL);
  const char *python = g_getenv ("FG_TEST_PYTHON");
  const char *argv[] = { python != NULL ? python : "python3", script, dir, NULL };
  g_autofree char *err = NULL;
  int status = 0;

  g_assert_no_error (error);
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, &err, &status, &error) ||
      !g_spawn_check_wait_status (status, NULL))
    {
      g_printerr ("# the test spreadsheets were not written: %s\n", error != NULL ? error->message : err);
      fg_test_remove_tree (dir);
      return NULL;
    }
  return g_steal_pointer (&dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  sheets_dir = write_sheets ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/venue-import/gbk-csv", test_gbk_csv);
  ADD ("/venue-import/update-within-file", test_update_within_file);
  ADD ("/venue-import/xls-title-row", test_xls_title_row);
  ADD ("/venue-import/xlsx-mixed-columns", test_xlsx_mixed_columns);
  ADD ("/venue-import/check-async", test_check_async);
  ADD ("/venue-import/mapping", test_mapping);
  ADD ("/venue-import/hostile", test_hostile);
  ADD ("/venue-import/bounds", test_bounds);
  ADD ("/venue-import/damaged-text", test_damaged_text);
  ADD ("/venue-import/xls-read-once", test_xls_read_once);
#undef ADD

  status = g_test_run ();
  if (sheets_dir != NULL)
    fg_test_remove_tree (sheets_dir);
  g_free (sheets_dir);
  return status;
}
