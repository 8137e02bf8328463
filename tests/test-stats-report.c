/* test-stats-report.c — the monthly report (消防安全工作月报)
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The township of test-stats.c, with the same records made on the days
 * they would have been: its November report, as PDF (read back with
 * pdftotext) and as a workbook (its sheets' XML read back with unzip),
 * holds November's figures beside October's, the overdue hazard's venue
 * and the villages' target lines. A county that imported the township's
 * bundle reports it with the day the bundle came, and the townships that
 * never sent one as such. A month that is not one, a file name neither
 * .pdf nor .xlsx and a place that cannot be written leave nothing.
 */

#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "fg-test-util.h"
#include "fg-pdf-private.h"
#include "fg-store-private.h"

#define PASSWORD "long-password"

typedef struct
{
  FgTestDir dir;
  FgStore *store;
  FgActor *admin;
  FgRegion *village_a;  /* 李庄村 410425101201 */
  FgRegion *grid_a;
  FgRegion *village_b;  /* 王庄村 410425101202 */
  FgRegion *grid_b;
  GDate *today;         /* 2026-12-07, the day the figures are counted */
} Fixture;

/* The store's clock on @day, at the time of day it is. */
static void
set_day (FgStore    *store,
         const char *day)
{
  g_autoptr(GDate) target = fg_calendar_parse_date (day, NULL);
  g_autoptr(GDate) clock_day = NULL;

  fg_store_set_clock_offset (store, 0);
  clock_day = fg_store_today (store);
  fg_store_set_clock_offset (store, g_date_days_between (clock_day, target) * G_TIME_SPAN_DAY);
}

static char *
add_venue (Fixture    *f,
           FgRegion   *grid,
           const char *name,
           const char *category,
           gboolean    key_unit,
           gboolean    smoke_alarm)
{
  g_autoptr(FgVenue) venue = fg_test_venue_new (fg_region_get_id (grid), name, "人民路18号", category, "王建国");
  g_autoptr(GError) error = NULL;

  fg_venue_set_key_unit (venue, key_unit);
  fg_venue_set_smoke_alarm (venue, smoke_alarm);
  fg_venue_save (f->store, f->admin, venue, &error);
  g_assert_no_error (error);
  return g_strdup (fg_venue_get_id (venue));
}

/* A finished inspection whose first @n_fail ordinary items fail: its hazards. */
static GPtrArray *
inspect (Fixture    *f,
         const char *venue_id,
         guint       n_fail)
{
  g_autoptr(FgInspection) inspection = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *hazards;
  GListModel *items;
  guint failed = 0;

  inspection = fg_inspection_start (f->store, f->admin, venue_id, FG_INSPECTION_KIND_ROUTINE, NULL, &error);
  g_assert_no_error (error);
  items = fg_inspection_get_items (inspection);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FgChecklistItem) item = g_list_model_get_item (items, i);
      gboolean fail = failed < n_fail && !fg_checklist_item_get_on_spot (item) && !fg_checklist_item_get_major (item);

      failed += fail;
      fg_inspection_record (f->store, f->admin, inspection, fg_checklist_item_get_code (item),
                            fail ? FG_OUTCOME_FAIL : FG_OUTCOME_PASS, NULL, &error);
      g_assert_no_error (error);
    }
  g_assert_cmpuint (failed, ==, n_fail);
  fg_inspection_finish (f->store, f->admin, inspection, &error);
  g_assert_no_error (error);

  hazards = fg_hazard_list_for_inspection (f->store, f->admin, fg_inspection_get_id (inspection), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hazards->len, ==, n_fail);
  return hazards;
}

/* A correction notice with a deadline for @hazard, issued on the clock's day. */
static FgNotice *
issue_notice (Fixture    *f,
              FgHazard   *hazard,
              const char *deadline)
{
  g_autoptr(GError) error = NULL;
  const char *ids[] = { fg_hazard_get_id (hazard), NULL };
  FgNoticeRequest request = {
    .kind = FG_NOTICE_KIND_CORRECT_BY_DEADLINE,
    .hazard_ids = ids,
    .deadline = deadline,
  };
  FgNotice *notice = fg_notice_issue (f->store, f->admin, &request, &error);

  g_assert_no_error (error);
  return notice;
}

static void
serve (Fixture    *f,
       FgNotice   *notice,
       const char *day)
{
  g_autoptr(GError) error = NULL;

  fg_notice_record_service (f->store, f->admin, notice, FG_NOTICE_SERVICE_SERVED, "王建国", day, NULL, &error);
  g_assert_no_error (error);
}

static FgHazard *
reload (Fixture  *f,
        FgHazard *hazard)
{
  g_autoptr(GError) error = NULL;
  FgHazard *fresh = fg_hazard_load (f->store, f->admin, fg_hazard_get_id (hazard), &error);

  g_assert_no_error (error);
  return fresh;
}

static void
event (Fixture           *f,
       FgHazard          *hazard,
       FgHazardEventKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgHazard) fresh = reload (f, hazard);
  FgHazardEventDetails details = { 0, };

  fg_hazard_add_event (f->store, f->admin, fresh, kind, &details, &error);
  g_assert_no_error (error);
}

/* re-inspected, found corrected, and closed (销号) on the clock's day */
static void
close_hazard (Fixture  *f,
              FgHazard *hazard)
{
  g_autoptr(FgHazard) fresh = NULL;

  event (f, hazard, FG_HAZARD_EVENT_REINSPECTED_PASS);
  event (f, hazard, FG_HAZARD_EVENT_CLOSED);
  fresh = reload (f, hazard);
  g_assert_cmpint (fg_hazard_get_state (fresh), ==, FG_HAZARD_STATE_CLOSED);
}


static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) h_fw1 = NULL;
  g_autoptr(GPtrArray) h_r2 = NULL;
  g_autoptr(GPtrArray) h_r1 = NULL;
  g_autoptr(GPtrArray) h_c1 = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(FgNotice) n_fw1 = NULL;
  g_autoptr(FgNotice) n_r2 = NULL;
  g_autoptr(FgNotice) n_r1 = NULL;
  g_autoptr(FgNotice) n_c1a = NULL;
  g_autoptr(FgNotice) n_c1b = NULL;
  g_autoptr(FgVenue) moved = NULL;
  g_autoptr(FgVenue) closed = NULL;
  g_autofree char *r1 = NULL, *r2 = NULL, *fw1 = NULL, *fw2 = NULL, *ss1 = NULL, *or1 = NULL;
  g_autofree char *c1 = NULL, *d1 = NULL, *m1 = NULL;
  g_autofree char *sql = NULL;
  FgActor *installer = fg_test_installer ();

  fg_test_dir_init (&f->dir);
  f->store = fg_test_township_new (&f->dir, &f->village_a, &f->grid_a);
  f->village_b = fg_region_add_village (f->store, installer, "410425101", "410425101202", "王庄村", &error);
  g_assert_no_error (error);
  f->grid_b = fg_region_add_grid (f->store, installer, fg_region_get_id (f->village_b), "第二网格", &error);
  g_assert_no_error (error);
  {
    g_autoptr(FgAccount) account = fg_account_create (f->store, installer, "admin", "管理员",
                                                      FG_ROLE_TOWNSHIP_ADMIN,
                                                      fg_store_get_home_region_id (f->store), PASSWORD, &error);

    g_assert_no_error (error);
    f->admin = fg_account_login (f->store, "admin", PASSWORD, &error);
    g_assert_no_error (error);
  }
  f->today = g_date_new_dmy (7, G_DATE_DECEMBER, 2026);

  set_day (f->store, "2026-09-01");
  r1 = add_venue (f, f->grid_a, "老王饭店", "restaurant", FALSE, FALSE);   /* quarterly */
  r2 = add_venue (f, f->grid_a, "聚福楼", "restaurant", TRUE, FALSE);      /* a key unit: monthly */
  fw1 = add_venue (f, f->grid_a, "李家作坊", "family-workshop", FALSE, TRUE);
  fw2 = add_venue (f, f->grid_a, "张家作坊", "family-workshop", FALSE, FALSE);
  ss1 = add_venue (f, f->grid_b, "王庄门面", "street-shop", FALSE, FALSE);
  or1 = add_venue (f, f->grid_b, "王庄小区", "old-residential", FALSE, TRUE);
  c1 = add_venue (f, f->grid_a, "停业饭店", "restaurant", FALSE, FALSE);
  d1 = add_venue (f, f->grid_a, "删除作坊", "family-workshop", FALSE, FALSE);
  m1 = add_venue (f, f->grid_a, "搬家小卖部", "shop", FALSE, FALSE);

  /* Thursday 24 September: found; closed Friday 9 October, after the
   * Mid-Autumn (25–27 Sep) and National Day (1–7 Oct) holidays: 5
   * working days (28, 29, 30 Sep, 8, 9 Oct) */
  set_day (f->store, "2026-09-24");
  h_fw1 = inspect (f, fw1, 1);
  n_fw1 = issue_notice (f, g_ptr_array_index (h_fw1, 0), "2026-10-09");
  serve (f, n_fw1, "2026-09-24");
  set_day (f->store, "2026-10-09");
  close_hazard (f, g_ptr_array_index (h_fw1, 0));

  /* Thursday 15 October: found; closed Tuesday 3 November: 13 working days */
  set_day (f->store, "2026-10-15");
  h_r2 = inspect (f, r2, 1);
  n_r2 = issue_notice (f, g_ptr_array_index (h_r2, 0), "2026-10-23");
  serve (f, n_r2, "2026-10-15");
  set_day (f->store, "2026-11-03");
  close_hazard (f, g_ptr_array_index (h_r2, 0));

  /* 5 November: the shop is inspected in 李庄村, then moves to 王庄村 */
  set_day (f->store, "2026-11-05");
  none = inspect (f, m1, 0);
  set_day (f->store, "2026-11-06");
  moved = fg_venue_load (f->store, f->admin, m1, &error);
  g_assert_no_error (error);
  fg_venue_set_region_id (moved, fg_region_get_id (f->grid_b));
  fg_venue_save (f->store, f->admin, moved, &error);
  g_assert_no_error (error);

  /* 10 November: a hazard whose deadline (20 November) runs out; its
   * notice is never served */
  set_day (f->store, "2026-11-10");
  h_r1 = inspect (f, r1, 1);
  n_r1 = issue_notice (f, g_ptr_array_index (h_r1, 0), "2026-11-20");

  /* Thursday 12 November: two hazards at a venue that closes the next day:
   * one closed Wednesday 18 November (4 working days), one reported fixed
   * on 1 December and not re-inspected since (the office had 3 working
   * days, to 4 December) */
  set_day (f->store, "2026-11-12");
  h_c1 = inspect (f, c1, 2);
  set_day (f->store, "2026-11-13");
  n_c1a = issue_notice (f, g_ptr_array_index (h_c1, 0), "2026-11-30");
  n_c1b = issue_notice (f, g_ptr_array_index (h_c1, 1), "2026-11-17");
  serve (f, n_c1a, "2026-11-13");
  serve (f, n_c1b, "2026-11-13");
  closed = fg_venue_load (f->store, f->admin, c1, &error);
  g_assert_no_error (error);
  fg_venue_set_status (closed, FG_VENUE_STATUS_CLOSED);
  fg_venue_save (f->store, f->admin, closed, &error);
  g_assert_no_error (error);
  set_day (f->store, "2026-11-18");
  close_hazard (f, g_ptr_array_index (h_c1, 1));
  set_day (f->store, "2026-12-01");
  event (f, g_ptr_array_index (h_c1, 0), FG_HAZARD_EVENT_REPORTED_FIXED);

  /* a venue removed (a tombstone, as a bundle leaves one) */
  sql = g_strdup_printf ("UPDATE venue SET deleted = 1 WHERE id = '%s'", d1);
  g_assert_true (fg_store_exec (f->store, sql, &error));
  g_assert_no_error (error);

  fg_store_set_clock_offset (f->store, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->today, g_date_free);
  g_clear_pointer (&f->admin, fg_actor_unref);
  g_clear_object (&f->village_a);
  g_clear_object (&f->grid_a);
  g_clear_object (&f->village_b);
  g_clear_object (&f->grid_b);
  g_clear_object (&f->store);
  fg_test_dir_clear (&f->dir);
}

/* Reading the files back */

/* Text without white space: pdftotext breaks lines where the table did. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

/* Whether documents can be printed and read back here: a Chinese font
 * and pdftotext; the test is skipped when not. */
static gboolean
can_read_pdf (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgPdf) probe = fg_pdf_new (NULL, &error);
  g_autofree char *program = g_find_program_in_path ("pdftotext");

  if (probe == NULL || program == NULL)
    {
      g_test_skip (probe == NULL ? error->message : "pdftotext is not installed");
      return FALSE;
    }
  return TRUE;
}

/* The PDF's text, squeezed */
static char *
pdf_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *argv[] = { "pdftotext", "-raw", "-enc", "UTF-8", path, "-", NULL };
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  return squeeze (out);
}

/* The XML of sheet @n of a workbook */
static char *
sheet_xml (const char *path,
           guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *member = g_strdup_printf ("xl/worksheets/sheet%u.xml", n);
  g_autofree char *program = g_find_program_in_path ("unzip");
  const char *argv[] = { "unzip", "-p", path, member, NULL };
  char *out = NULL;
  int status = 0;

  g_assert_nonnull (program);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  return out;
}

/* The cells of the row of @xml whose first cell says @label: texts as
 * they are, numbers as written, "" for a blank */
static GStrv
sheet_row (const char *xml,
           const char *label)
{
  g_autofree char *needle = g_strdup_printf ("<t>%s</t>", label);
  GPtrArray *cells = g_ptr_array_new ();
  const char *at = strstr (xml, needle);
  const char *start, *end;

  g_assert_nonnull (at);
  start = g_strrstr_len (xml, at - xml, "<row ");
  end = strstr (at, "</row>");
  g_assert_nonnull (start);
  g_assert_nonnull (end);

  for (const char *c = strstr (start, "<c "); c != NULL && c < end; c = strstr (c + 1, "<c "))
    {
      const char *close = strstr (c, "</c>");
      const char *self_closed = strstr (c, "/>");
      const char *v, *t;

      if (self_closed != NULL && (close == NULL || self_closed < close) && self_closed < strchr (c, '>') + 1)
        {
          g_ptr_array_add (cells, g_strdup (""));
          continue;
        }
      v = strstr (c, "<v>");
      t = strstr (c, "<t>");
      if (t != NULL && t < close)
        g_ptr_array_add (cells, g_strndup (t + 3, strstr (t, "</t>") - t - 3));
      else if (v != NULL && v < close)
        g_ptr_array_add (cells, g_strndup (v + 3, strstr (v, "</v>") - v - 3));
      else
        g_ptr_array_add (cells, g_strdup (""));
    }
  g_ptr_array_add (cells, NULL);
  return (GStrv) g_ptr_array_free (cells, FALSE);
}

static gboolean
write_report (FgStore              *store,
              FgActor              *actor,
              const char           *region,
              const char           *month,
              const GDate          *today,
              FgStatsReportFormat   format,
              const char           *path,
              GError              **error)
{
  FgStatsReportQuery query = {
    .region = region,
    .month = month,
    .today = today,
  };

  return fg_stats_report_write (store, actor, &query, format, path, error);
}

/* The files in @dir, hidden ones (a temporary file) too */
static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

/* November as PDF: its figures beside October's, the overdue venue, the
 * villages' target */
static void
test_pdf (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgNoticeSettings) settings = NULL;
  g_autofree char *path = g_build_filename (f->dir.dir, "report.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *office = NULL;
  const char *overdue, *major, *target;

  if (!can_read_pdf ())
    return;

  g_assert_true (write_report (f->store, f->admin, NULL, "2026-11", f->today, FG_STATS_REPORT_FORMAT_PDF, path,
                               &error));
  g_assert_no_error (error);
  text = pdf_text (path);

  settings = fg_notice_settings_load (f->store, &error);
  g_assert_no_error (error);
  office = squeeze (settings->issuer_name);
  g_assert_nonnull (strstr (text, "冢头镇消防安全工作月报"));
  g_assert_nonnull (strstr (text, "（2026年11月）"));
  g_assert_nonnull (strstr (text, office));
  g_assert_nonnull (strstr (text, "制表日期：2026年12月7日"));
  g_assert_nonnull (strstr (text, "第1页共"));

  /* label, November, October, change */
  g_assert_nonnull (strstr (text, "本月检查场所（家）2（28.6%）1（14.3%）+14.3个百分点"));
  g_assert_nonnull (strstr (text, "本月完成检查（次）31+2"));
  g_assert_nonnull (strstr (text, "本月发现隐患（处）31+2"));
  g_assert_nonnull (strstr (text, "其中已销号（处）1（33.3%）1（100.0%）-66.7个百分点"));
  g_assert_nonnull (strstr (text, "本月销号隐患（处）21+1"));
  g_assert_nonnull (strstr (text, "销号平均用时中位数（工作日）8.55+3.5"));
  g_assert_nonnull (strstr (text, "本月制发文书（份）31+2"));
  /* the state now has no October to compare with */
  g_assert_nonnull (strstr (text, "未销号隐患（处）＊2—"));
  g_assert_nonnull (strstr (text, "逾期未整改隐患（处）＊1—"));
  g_assert_nonnull (strstr (text, "复查逾期（处）＊1—"));

  /* the overdue hazard, listed under its heading; no major hazard */
  overdue = strstr (text, "、逾期未整改隐患");
  major = strstr (text, "、重大火灾隐患（含拟定）");
  target = strstr (text, "、三类场所独立式烟感安装进度");
  g_assert_nonnull (overdue);
  g_assert_nonnull (major);
  g_assert_nonnull (target);
  g_assert_true (overdue < major && major < target);
  g_assert_nonnull (g_strstr_len (overdue, major - overdue, "1老王饭店李庄村"));
  g_assert_nonnull (g_strstr_len (overdue, major - overdue, "2026-11-102026-11-20"));
  g_assert_null (g_strstr_len (overdue, major - overdue, "聚福楼"));
  g_assert_nonnull (g_strstr_len (major, target - major, "没有未销号的重大火灾隐患"));

  /* the villages' target, and its total */
  g_assert_nonnull (strstr (target, "李庄村2150.0%"));
  g_assert_nonnull (strstr (target, "王庄村2150.0%"));
  g_assert_nonnull (strstr (target, "合计4250.0%"));

  /* the villages' chart: 李庄村 had R1 inspected of its 4 active venues */
  g_assert_nonnull (strstr (text, "各村本月场所检查比例"));
}

/* November as a workbook: the same figures, as numbers in cells */
static void
test_xlsx (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir.dir, "report.xlsx", NULL);
  g_autofree char *figures = NULL;
  g_autofree char *trend = NULL;
  g_autofree char *overdue = NULL;
  g_autofree char *target = NULL;
  g_auto(GStrv) found = NULL;
  g_auto(GStrv) inspected = NULL;
  g_auto(GStrv) open = NULL;
  g_auto(GStrv) november = NULL;
  g_auto(GStrv) li = NULL;
  g_auto(GStrv) r1 = NULL;
  g_auto(GStrv) total = NULL;

  g_assert_true (write_report (f->store, f->admin, NULL, "2026-11", f->today, FG_STATS_REPORT_FORMAT_XLSX, path,
                               &error));
  g_assert_no_error (error);

  figures = sheet_xml (path, 1);
  g_assert_nonnull (strstr (figures, "<t>冢头镇消防安全工作月报</t>"));
  found = sheet_row (figures, "本月发现隐患（处）");
  g_assert_cmpuint (g_strv_length (found), ==, 6);
  g_assert_cmpstr (found[1], ==, "3");
  g_assert_cmpstr (found[3], ==, "1");
  g_assert_cmpstr (found[5], ==, "2");
  inspected = sheet_row (figures, "本月检查场所（家）");
  g_assert_cmpstr (inspected[1], ==, "2");
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (inspected[2], NULL), 2.0 / 7, 1e-9);
  g_assert_cmpstr (inspected[3], ==, "1");
  open = sheet_row (figures, "未销号隐患（处）＊");
  g_assert_cmpstr (open[1], ==, "2");
  g_assert_cmpstr (open[3], ==, "");

  /* the trend: November's found and closed */
  trend = sheet_xml (path, 2);
  november = sheet_row (trend, "11月");
  g_assert_cmpstr (november[1], ==, "3");
  g_assert_cmpstr (november[2], ==, "2");

  /* sheet 3: the villages; 4: the overdue hazards */
  overdue = sheet_xml (path, 4);
  g_assert_nonnull (strstr (overdue, "<t>老王饭店</t>"));
  g_assert_nonnull (strstr (overdue, "<t>2026-11-20</t>"));
  g_assert_null (strstr (overdue, "<t>聚福楼</t>"));
  /* the hazard in Chinese, as the whole report, in whatever language it is made */
  r1 = sheet_row (overdue, "老王饭店");
  g_assert_cmpuint (g_strv_length (r1), ==, 7);
  g_assert_cmpstr (r1[0], ==, "1");
  g_assert_cmpstr (r1[2], ==, "李庄村");
  g_assert_true (g_unichar_iswide (g_utf8_get_char (r1[3])));
  g_assert_cmpstr (r1[4], ==, "2026-11-10");

  /* 6: the target */
  target = sheet_xml (path, 6);
  li = sheet_row (target, "李庄村");
  g_assert_cmpstr (li[1], ==, "2");
  g_assert_cmpstr (li[2], ==, "1");
  g_assert_cmpstr (li[3], ==, "0.5");
  total = sheet_row (target, "合计");
  g_assert_cmpstr (total[1], ==, "4");
  g_assert_cmpstr (total[2], ==, "2");
}

/* A month that is not one, or has not begun, and a name neither .pdf nor
 * .xlsx: refused, nothing written */
static void
test_bad_month (Fixture       *f,
                gconstpointer  data)
{
  const char *months[] = { "2026-13", "2026-00", "2026-02-30", "2026-2", "November", "", "2027-01", NULL };
  g_autofree char *path = g_build_filename (f->dir.dir, "report.pdf", NULL);
  guint n_files = count_files (f->dir.dir);
  FgStatsReportFormat format;

  for (guint i = 0; months[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (write_report (f->store, f->admin, NULL, months[i], f->today, FG_STATS_REPORT_FORMAT_PDF,
                                    path, &error));
      g_assert_error (error, FG_STATS_REPORT_ERROR, FG_STATS_REPORT_ERROR_INVALID_MONTH);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      g_assert_cmpuint (count_files (f->dir.dir), ==, n_files);
    }

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (fg_stats_report_format_for_path ("report.docx", &format, &error));
    g_assert_error (error, FG_STATS_REPORT_ERROR, FG_STATS_REPORT_ERROR_FORMAT);
    g_assert_true (fg_stats_report_format_for_path ("REPORT.PDF", &format, NULL));
    g_assert_cmpint (format, ==, FG_STATS_REPORT_FORMAT_PDF);
    g_assert_true (fg_stats_report_format_for_path ("月报.xlsx", &format, NULL));
    g_assert_cmpint (format, ==, FG_STATS_REPORT_FORMAT_XLSX);
  }

  {
    g_autoptr(GDate) december = g_date_new_dmy (7, G_DATE_DECEMBER, 2026);
    g_autoptr(GDate) january = g_date_new_dmy (31, G_DATE_JANUARY, 2027);
    g_autofree char *before_december = fg_stats_report_dup_previous_month (december);
    g_autofree char *before_january = fg_stats_report_dup_previous_month (january);

    g_assert_cmpstr (before_december, ==, "2026-11");
    g_assert_cmpstr (before_january, ==, "2026-12");
  }
}

/* A folder that is not there, a folder where the file should go, a
 * folder that may not be written in: a clear error, nothing left */
static void
test_unwritable (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->dir.dir, "no-such-folder", "report.pdf", NULL);
  g_autofree char *folder = g_build_filename (f->dir.dir, "folder.xlsx", NULL);
  g_autofree char *locked = g_build_filename (f->dir.dir, "locked", NULL);
  g_autofree char *in_locked = g_build_filename (locked, "report.xlsx", NULL);
  guint n_files;

  for (int format = FG_STATS_REPORT_FORMAT_PDF; format <= FG_STATS_REPORT_FORMAT_XLSX; format++)
    {
      g_autoptr(GError) error = NULL;

      if (format == FG_STATS_REPORT_FORMAT_PDF && !can_read_pdf ())
        continue;
      g_assert_false (write_report (f->store, f->admin, NULL, "2026-11", f->today, format, missing, &error));
      g_assert_error (error, FG_STATS_REPORT_ERROR, FG_STATS_REPORT_ERROR_WRITE);
      g_assert_nonnull (strstr (error->message, "no-such-folder"));
      g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
    }

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  n_files = count_files (f->dir.dir);
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (write_report (f->store, f->admin, NULL, "2026-11", f->today, FG_STATS_REPORT_FORMAT_XLSX,
                                  folder, &error));
    g_assert_error (error, FG_STATS_REPORT_ERROR, FG_STATS_REPORT_ERROR_WRITE);
    g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
    g_assert_cmpuint (count_files (f->dir.dir), ==, n_files);
    g_assert_cmpuint (count_files (folder), ==, 0);
  }

  /* a folder without the right to write in it: root may write anyway */
  if (geteuid () != 0)
    {
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (g_mkdir (locked, 0555), ==, 0);
      g_assert_false (write_report (f->store, f->admin, NULL, "2026-11", f->today, FG_STATS_REPORT_FORMAT_XLSX,
                                    in_locked, &error));
      g_assert_error (error, FG_STATS_REPORT_ERROR, FG_STATS_REPORT_ERROR_WRITE);
      g_assert_nonnull (strstr (error->message, "may not write"));
      g_assert_cmpuint (count_files (locked), ==, 0);
      g_chmod (locked, 0755);
    }
}

/* The county sums its townships from their bundles, and says when each
 * sent its last one */
static void
test_county (Fixture       *f,
             gconstpointer  data)
{
  g_auto(FgTestDir) county_dir = { NULL, };
  g_auto(FgTestDir) silent_dir = { NULL, };
  g_autoptr(FgStore) silent = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) county = NULL;
  g_autoptr(FgAccount) county_account = NULL;
  g_autoptr(FgActor) county_admin = NULL;
  g_autoptr(FgNodeInfo) county_node = NULL;
  g_autoptr(GDate) arrived = NULL;
  g_autofree char *up = NULL;
  g_autofree char *xlsx = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *sheet = NULL;
  g_autofree char *arrived_text = NULL;
  g_auto(GStrv) zhongtou = NULL;
  g_auto(GStrv) anliang = NULL;
  g_auto(GStrv) found = NULL;
  FgBundleReport report = { 0, };

  fg_test_dir_init (&county_dir);
  county = fg_office_open (county_dir.db_path, &error);
  g_assert_no_error (error);
  county_account = fg_office_set_up_county_with_admin (county, "410425", "郏县", "guo", "郭晓东", PASSWORD, &error);
  g_assert_no_error (error);
  county_admin = fg_account_login (county, "guo", PASSWORD, &error);
  g_assert_no_error (error);
  fg_test_trust (county, county_admin, f->store, f->admin);
  fg_test_trust (f->store, f->admin, county, county_admin);

  /* 安良镇 is trusted, and has sent nothing yet */
  fg_test_dir_init (&silent_dir);
  silent = fg_office_open (silent_dir.db_path, &error);
  g_assert_no_error (error);
  fg_office_set_up_township (silent, fg_test_installer (), "410425102", "安良镇", "郏县", &error);
  g_assert_no_error (error);
  fg_test_trust (county, county_admin, silent, fg_test_installer ());

  county_node = fg_node_get_self (county, county_admin, &error);
  g_assert_no_error (error);
  up = g_build_filename (f->dir.dir, "up.fgbundle", NULL);
  g_assert_true (fg_bundle_export (f->store, f->admin, county_node->id, up, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (fg_bundle_import (county, county_admin, up, FALSE, &report, NULL, &error));
  g_assert_no_error (error);
  arrived = fg_store_today (county);
  arrived_text = g_strdup_printf ("%u年%u月%u日", (guint) g_date_get_year (arrived),
                                  (guint) g_date_get_month (arrived), (guint) g_date_get_day (arrived));

  xlsx = g_build_filename (county_dir.dir, "county.xlsx", NULL);
  g_assert_true (write_report (county, county_admin, NULL, "2026-11", f->today, FG_STATS_REPORT_FORMAT_XLSX, xlsx,
                               &error));
  g_assert_no_error (error);

  /* the county's figures are the township's */
  sheet = sheet_xml (xlsx, 1);
  g_assert_nonnull (strstr (sheet, "<t>郏县消防安全工作月报</t>"));
  found = sheet_row (sheet, "本月发现隐患（处）");
  g_assert_cmpstr (found[1], ==, "3");
  g_assert_cmpstr (found[3], ==, "1");
  g_clear_pointer (&sheet, g_free);

  /* sheet 3: each township, with the day its last bundle came */
  sheet = sheet_xml (xlsx, 3);
  zhongtou = sheet_row (sheet, "冢头镇");
  g_assert_cmpuint (g_strv_length (zhongtou), ==, 10);
  g_assert_cmpstr (zhongtou[1], ==, "7");
  g_assert_cmpstr (zhongtou[4], ==, "3");
  g_assert_cmpstr (zhongtou[9], ==, arrived_text);
  anliang = sheet_row (sheet, "安良镇");
  g_assert_cmpstr (anliang[1], ==, "0");
  g_assert_cmpstr (anliang[9], ==, "从未收到");

  if (can_read_pdf ())
    {
      g_autofree char *text = NULL;
      g_autofree char *line = NULL;

      pdf = g_build_filename (county_dir.dir, "county.pdf", NULL);
      g_assert_true (write_report (county, county_admin, NULL, "2026-11", f->today, FG_STATS_REPORT_FORMAT_PDF, pdf,
                                   &error));
      g_assert_no_error (error);
      text = pdf_text (pdf);
      g_assert_nonnull (strstr (text, "郏县消防安全工作月报"));
      g_assert_nonnull (strstr (text, "各乡镇情况"));
      /* 冢头镇: 7 venues, 2 inspected, 3 found, 2 closed, 2 open, 1 overdue, 50.0%, the day */
      line = g_strdup_printf ("冢头镇72322150.0%%%s", arrived_text);
      g_assert_nonnull (strstr (text, line));
      g_assert_nonnull (strstr (text, "安良镇000000—从未收到"));
      /* the overdue hazard names its township */
      g_assert_nonnull (strstr (text, "老王饭店冢头镇李庄村"));
    }
}

/* The worker writes the same file */
static void
write_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GError **error = user_data;

  g_assert_true (fg_stats_report_write_finish (result, error) || *error != NULL);
  g_main_context_wakeup (NULL);
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir.dir, "async.xlsx", NULL);
  g_autofree char *sheet = NULL;
  g_auto(GStrv) found = NULL;
  FgStatsReportQuery query = { NULL, "2026-11", f->today };
  gboolean done = FALSE;

  fg_stats_report_write_async (f->store, f->admin, &query, FG_STATS_REPORT_FORMAT_XLSX, path, NULL, write_done,
                               &error);
  while (!done)
    {
      g_main_context_iteration (NULL, TRUE);
      done = error != NULL || g_file_test (path, G_FILE_TEST_EXISTS);
    }
  g_assert_no_error (error);
  /* the callback has run once the file is there: wait for it */
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  sheet = sheet_xml (path, 1);
  found = sheet_row (sheet, "本月发现隐患（处）");
  g_assert_cmpstr (found[1], ==, "3");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/stats-report/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("pdf", test_pdf);
  ADD ("xlsx", test_xlsx);
  ADD ("bad-month", test_bad_month);
  ADD ("unwritable", test_unwritable);
  ADD ("county", test_county);
  ADD ("async", test_async);

  return g_test_run ();
}
