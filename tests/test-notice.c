/* test-notice.c — documents (文书): numbers, issuing, voiding, service, verification, PDFs
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PDFs are read back with poppler's tools (pdftotext, pdfinfo,
 * pdftoppm) and the QR code with zbarimg; a test that needs a tool that
 * is not installed, or a Chinese TrueType font when none is, is skipped.
 */
#include <string.h>
#include <sys/wait.h>

#include <sqlite3.h>

#include "fg-notice-private.h"
#include "fg-store-private.h"
#include "fg-test-util.h"

#define PASSWORD "long-password"

/* a character no font has: the last code point of plane 16 (private use) */
#define NO_GLYPH "\xf4\x8f\xbf\xbd"

typedef struct
{
  FgTestDir dir;
  FgStore *store;
  FgActor *admin;
  FgActor *staff;
  FgActor *grid;
  char *village_id;
  char *grid_id;
  char *venue_id;
  char *inspection_id;
  GPtrArray *hazard_ids;   /* every hazard of the venue's inspection, in the checklist's order */
} Fixture;

static FgActor *
add_account (FgStore    *store,
             FgActor    *admin,
             const char *login,
             const char *name,
             FgRole      role,
             const char *scope)
{
  g_autoptr(FgAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  FgActor *actor;

  account = fg_account_create (store, admin, login, name, role, scope, PASSWORD, &error);
  g_assert_no_error (error);
  actor = fg_account_login (store, login, PASSWORD, &error);
  g_assert_no_error (error);
  return actor;
}

static char *
add_venue (Fixture    *f,
           const char *name,
           const char *operator_name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgVenue) venue = fg_test_venue_new (f->grid_id, name, "李庄村人民路18号", "restaurant", operator_name);

  fg_venue_save (f->store, f->admin, venue, &error);
  g_assert_no_error (error);
  return g_strdup (fg_venue_get_id (venue));
}

/* Inspects a venue, failing up to @max_failures of its ordinary (not
 * major) items and passing the others; returns the hazards found. */
static GPtrArray *
inspect (Fixture     *f,
         const char  *venue_id,
         guint        max_failures,
         char       **inspection_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgInspection) inspection = NULL;
  g_autoptr(GPtrArray) hazards = NULL;
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  GListModel *items;
  guint n_failed = 0;

  /* two officers inspect, as a law-enforcement inspection is made */
  inspection = fg_inspection_start (f->store, f->staff, venue_id, FG_INSPECTION_KIND_ROUTINE, NULL, &error);
  g_assert_no_error (error);
  fg_inspection_set_second_inspector (f->store, f->staff, inspection, "admin", &error);
  g_assert_no_error (error);
  items = fg_inspection_get_items (inspection);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FgChecklistItem) item = g_list_model_get_item (items, i);
      gboolean fail = n_failed < max_failures && !fg_checklist_item_get_major (item);

      n_failed += fail;
      fg_inspection_record (f->store, f->staff, inspection, fg_checklist_item_get_code (item),
                            fail ? FG_OUTCOME_FAIL : FG_OUTCOME_PASS, fail && i % 2 == 0 ? "现场检查发现" : NULL,
                            &error);
      g_assert_no_error (error);
    }
  fg_inspection_finish (f->store, f->staff, inspection, &error);
  g_assert_no_error (error);

  hazards = fg_hazard_list_for_inspection (f->store, f->admin, fg_inspection_get_id (inspection), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hazards->len, ==, n_failed);
  for (guint i = 0; i < hazards->len; i++)
    g_ptr_array_add (ids, g_strdup (fg_hazard_get_id (g_ptr_array_index (hazards, i))));

  if (inspection_id != NULL)
    *inspection_id = g_strdup (fg_inspection_get_id (inspection));
  return ids;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(FgRegion) village = NULL;
  g_autoptr(FgRegion) grid = NULL;

  fg_test_dir_init (&f->dir);
  if (g_strcmp0 (data, "no-county") == 0)
    {
      g_autoptr(GError) error = NULL;
      sqlite3 *db = NULL;

      /* a township set up without its county's name, as older versions
       * allowed: the county is named by its code */
      f->store = fg_office_open (f->dir.db_path, &error);
      g_assert_no_error (error);
      fg_office_set_up_township (f->store, fg_test_installer (), "410425101", "冢头镇", "郏县", &error);
      g_assert_no_error (error);
      g_clear_object (&f->store);
      g_assert_cmpint (sqlite3_open (f->dir.db_path, &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, "UPDATE region SET name = '410425' WHERE level = 1", NULL, NULL, NULL),
                       ==, SQLITE_OK);
      sqlite3_close (db);
      f->store = fg_office_open (f->dir.db_path, &error);
      g_assert_no_error (error);
      village = fg_region_add_village (f->store, fg_test_installer (), "410425101", "410425101201", "李庄村", &error);
      g_assert_no_error (error);
      grid = fg_region_add_grid (f->store, fg_test_installer (), fg_region_get_id (village), "第一网格", &error);
      g_assert_no_error (error);
    }
  else
    f->store = fg_test_township_new (&f->dir, &village, &grid);
  f->village_id = g_strdup (fg_region_get_id (village));
  f->grid_id = g_strdup (fg_region_get_id (grid));
  f->admin = add_account (f->store, fg_test_installer (), "admin", "张管理", FG_ROLE_TOWNSHIP_ADMIN,
                          fg_store_get_home_region_id (f->store));
  f->staff = add_account (f->store, f->admin, "staff", "李干事", FG_ROLE_TOWNSHIP_STAFF,
                          fg_store_get_home_region_id (f->store));
  f->grid = add_account (f->store, f->admin, "grid", "赵网格", FG_ROLE_GRID_WORKER, f->grid_id);
  {
    g_autoptr(GError) error = NULL;

    fg_account_set_certificate (f->store, f->admin, "admin", "41042526000001", &error);
    g_assert_no_error (error);
    fg_account_set_certificate (f->store, f->admin, "staff", "41042526000002", &error);
    g_assert_no_error (error);
  }

  /* a restaurant that fails every ordinary item: many hazards */
  f->venue_id = add_venue (f, "老王烧烤", "王建国");
  f->hazard_ids = inspect (f, f->venue_id, G_MAXUINT, &f->inspection_id);
  g_assert_cmpuint (f->hazard_ids->len, >=, 12);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->admin, fg_actor_unref);
  g_clear_pointer (&f->staff, fg_actor_unref);
  g_clear_pointer (&f->grid, fg_actor_unref);
  g_clear_pointer (&f->hazard_ids, g_ptr_array_unref);
  g_free (f->village_id);
  g_free (f->grid_id);
  g_free (f->venue_id);
  g_free (f->inspection_id);
  g_clear_object (&f->store);
  fg_test_dir_clear (&f->dir);
}

static const char *
hazard (Fixture *f,
        guint    i)
{
  g_assert_cmpuint (i, <, f->hazard_ids->len);
  return g_ptr_array_index (f->hazard_ids, i);
}

static GDate *
today_date (void)
{
  GDate *today = g_date_new ();

  g_date_set_time_t (today, time (NULL));
  return today;
}

/* Today plus @days, as YYYY-MM-DD. */
static char *
days_from_today (int days)
{
  g_autoptr(GDate) date = today_date ();

  if (days >= 0)
    g_date_add_days (date, (guint) days);
  else
    g_date_subtract_days (date, (guint) -days);
  return fg_calendar_format_date (date);
}

static int
this_year (void)
{
  g_autoptr(GDate) today = today_date ();

  return g_date_get_year (today);
}

static FgNotice *
try_issue (FgStore             *store,
           FgActor             *actor,
           FgNoticeKind         kind,
           const char * const  *hazard_ids,
           const char          *deadline,
           const GDate         *today,
           GError             **error)
{
  FgNoticeRequest request = {
    .kind = kind,
    .hazard_ids = hazard_ids,
    .deadline = deadline,
    .today = today,
  };

  return fg_notice_issue (store, actor, &request, error);
}

/* An order to correct, of one hazard, issued by the administrator. */
static FgNotice *
issue_order (Fixture      *f,
             FgNoticeKind  kind,
             const char   *hazard_id,
             const char   *deadline,
             const GDate  *today)
{
  g_autoptr(GError) error = NULL;
  const char *ids[] = { hazard_id, NULL };
  FgNotice *notice = try_issue (f->store, f->admin, kind, ids, deadline, today, &error);

  g_assert_no_error (error);
  g_assert_nonnull (notice);
  return notice;
}

/* A correct-by-deadline notice of hazards @first to @last, dated today,
 * with a deadline a month ahead. */
static FgNotice *
issue_range (Fixture *f,
             guint    first,
             guint    last)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autofree char *deadline = days_from_today (30);
  FgNotice *notice;

  for (guint i = first; i <= last; i++)
    g_ptr_array_add (ids, (char *) hazard (f, i));
  g_ptr_array_add (ids, NULL);
  notice = try_issue (f->store, f->admin, FG_NOTICE_KIND_CORRECT_BY_DEADLINE, (const char * const *) ids->pdata,
                      deadline, NULL, &error);
  g_assert_no_error (error);
  return notice;
}

static FgNotice *
issue_record (Fixture     *f,
              const GDate *today)
{
  g_autoptr(GError) error = NULL;
  FgNoticeRequest request = {
    .kind = FG_NOTICE_KIND_INSPECTION_RECORD,
    .inspection_id = f->inspection_id,
    .today = today,
  };
  FgNotice *notice = fg_notice_issue (f->store, f->admin, &request, &error);

  g_assert_no_error (error);
  return notice;
}

static FgHazard *
load_hazard (Fixture    *f,
             const char *id)
{
  g_autoptr(GError) error = NULL;
  FgHazard *loaded = fg_hazard_load (f->store, f->admin, id, &error);

  g_assert_no_error (error);
  return loaded;
}

static const FgHazardEvent *
last_event (FgHazard *loaded)
{
  GPtrArray *events = fg_hazard_get_events (loaded);

  g_assert_cmpuint (events->len, >, 0);
  return g_ptr_array_index (events, events->len - 1);
}

static guint
count_events (FgHazard          *loaded,
              FgHazardEventKind  kind)
{
  GPtrArray *events = fg_hazard_get_events (loaded);
  guint n = 0;

  for (guint i = 0; i < events->len; i++)
    n += ((const FgHazardEvent *) g_ptr_array_index (events, i))->kind == kind;
  return n;
}

/* What the database holds, read behind the program's back. */
static int
query_int (Fixture    *f,
           const char *sql)
{
  return (int) fg_test_count (f->dir.db_path, sql);
}

static int
count_notices (Fixture *f)
{
  return query_int (f, "SELECT count(*) FROM notice");
}

static int
count_hazard_events (Fixture *f)
{
  return query_int (f, "SELECT count(*) FROM hazard_event");
}

static char *
expected_number (const char *short_name,
                 const char *code,
                 int         year,
                 int         seq)
{
  return g_strdup_printf ("%s%s字〔%d〕第%04d号", short_name, code, year, seq);
}

/* Numbers */

static void
test_notice_kinds (void)
{
  for (FgNoticeKind kind = 0; kind < FG_NOTICE_N_KINDS; kind++)
    {
      FgNoticeKind back = FG_NOTICE_N_KINDS;

      g_assert_true (fg_notice_kind_from_string (fg_notice_kind_to_string (kind), &back));
      g_assert_cmpint (back, ==, kind);
      g_assert_cmpstr (fg_notice_kind_get_label (kind), !=, "");
    }
  g_assert_false (fg_notice_kind_from_string ("summons", &(FgNoticeKind) { 0 }));
  g_assert_cmpstr (fg_notice_kind_get_title (FG_NOTICE_KIND_CORRECT_BY_DEADLINE), ==, "责令限期改正通知书");
  g_assert_cmpstr (fg_notice_kind_get_title (FG_NOTICE_KIND_CORRECT_NOW), ==, "责令立即改正通知书");
  g_assert_cmpstr (fg_notice_kind_get_title (FG_NOTICE_KIND_INSPECTION_RECORD), ==, "现场检查记录");
  g_assert_cmpstr (fg_notice_kind_get_title (FG_NOTICE_KIND_REINSPECTION), ==, "复查意见书");
}

/* The number as printed: short name, code, 字, the year in 〔〕, the
 * sequence in at least four digits; and as typed, with whatever brackets
 * and spaces, read back as printed. */
static void
test_notice_number_format (void)
{
  static const char * const typed[] = {
    "冢头消限字〔2026〕第0012号",
    "冢头消限字[2026]第0012号",
    "冢头消限字(2026)第0012号",
    "冢头消限字（2026）第0012号",
    "冢头消限字【2026】第0012号",
    "冢头消限字［2026］第0012号",
    " 冢头消限字 [2026] 第0012号 ",
  };
  g_autofree char *first = fg_notice_number_format ("冢头", "消限", 2026, 1);
  g_autofree char *twelfth = fg_notice_number_format ("冢头", "消限", 2026, 12);
  g_autofree char *large = fg_notice_number_format ("城关", "消检", 2027, 12345);

  g_assert_cmpstr (first, ==, "冢头消限字〔2026〕第0001号");
  g_assert_cmpstr (twelfth, ==, "冢头消限字〔2026〕第0012号");
  g_assert_cmpstr (large, ==, "城关消检字〔2027〕第12345号");

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autofree char *number = fg_notice_number_normalize (typed[i]);

      g_assert_cmpstr (number, ==, twelfth);
    }
}

/* Numbered one after the other within a kind and a year; each kind and
 * each year has its own sequence. Future years, so that the hazards found
 * today come before the day of issue whenever the test runs. */
static void
test_notice_numbering (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GDate) dec30 = g_date_new_dmy (30, G_DATE_DECEMBER, 2098);
  g_autoptr(GDate) dec31 = g_date_new_dmy (31, G_DATE_DECEMBER, 2098);
  g_autoptr(GDate) jan2 = g_date_new_dmy (2, G_DATE_JANUARY, 2099);
  g_autoptr(FgNotice) first = issue_order (f, FG_NOTICE_KIND_CORRECT_BY_DEADLINE, hazard (f, 0), "2099-01-10", dec30);
  g_autoptr(FgNotice) second = issue_order (f, FG_NOTICE_KIND_CORRECT_BY_DEADLINE, hazard (f, 1), "2099-01-10", dec31);
  g_autoptr(FgNotice) now = issue_order (f, FG_NOTICE_KIND_CORRECT_NOW, hazard (f, 2), NULL, dec31);
  g_autoptr(FgNotice) next_year = issue_order (f, FG_NOTICE_KIND_CORRECT_BY_DEADLINE, hazard (f, 3), "2099-02-01", jan2);
  g_autoptr(FgNotice) back = issue_order (f, FG_NOTICE_KIND_CORRECT_BY_DEADLINE, hazard (f, 4), "2099-01-10", dec31);
  g_autoptr(FgNotice) next_year_2 = issue_order (f, FG_NOTICE_KIND_CORRECT_BY_DEADLINE, hazard (f, 5), "2099-02-01", jan2);
  g_autoptr(FgNotice) now_2 = issue_order (f, FG_NOTICE_KIND_CORRECT_NOW, hazard (f, 6), NULL, jan2);
  g_autoptr(FgNotice) loaded = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (fg_notice_get_number (first), ==, "冢头消限字〔2098〕第0001号");
  g_assert_cmpstr (fg_notice_get_number (second), ==, "冢头消限字〔2098〕第0002号");
  g_assert_cmpstr (fg_notice_get_number (now), ==, "冢头消即字〔2098〕第0001号");
  g_assert_cmpstr (fg_notice_get_number (next_year), ==, "冢头消限字〔2099〕第0001号");
  /* a notice dated back in the old year takes that year's next number */
  g_assert_cmpstr (fg_notice_get_number (back), ==, "冢头消限字〔2098〕第0003号");
  g_assert_cmpstr (fg_notice_get_number (next_year_2), ==, "冢头消限字〔2099〕第0002号");
  g_assert_cmpstr (fg_notice_get_number (now_2), ==, "冢头消即字〔2099〕第0001号");

  /* what the notice says of itself */
  g_assert_cmpint (fg_notice_get_kind (first), ==, FG_NOTICE_KIND_CORRECT_BY_DEADLINE);
  g_assert_cmpstr (fg_notice_get_issued_on (first), ==, "2098-12-30");
  g_assert_cmpstr (fg_notice_get_issued_on (next_year), ==, "2099-01-02");
  g_assert_cmpstr (fg_notice_get_deadline (first), ==, "2099-01-10");
  g_assert_cmpstr (fg_notice_get_venue_id (first), ==, f->venue_id);
  g_assert_cmpstr (fg_notice_get_venue_name (first), ==, "老王烧烤");
  g_assert_cmpstr (fg_notice_get_village_name (first), ==, "李庄村");
  g_assert_cmpstr (fg_notice_get_actor_name (first), ==, "张管理");
  g_assert_false (fg_notice_get_voided (first));
  g_assert_cmpint (fg_notice_get_service (first), ==, FG_NOTICE_SERVICE_NONE);
  g_assert_cmpstr (fg_notice_get_digest (first), !=, fg_notice_get_digest (second));
  g_assert_cmpuint (strlen (fg_notice_get_digest (first)), ==, 64);

  /* found again by number, as printed or as typed with ASCII brackets */
  loaded = fg_notice_load (f->store, f->staff, "冢头消限字[2098]第0002号", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fg_notice_get_id (loaded), ==, fg_notice_get_id (second));
  g_clear_object (&loaded);
  loaded = fg_notice_load (f->store, f->staff, fg_notice_get_id (next_year), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fg_notice_get_number (loaded), ==, fg_notice_get_number (next_year));
  g_clear_object (&loaded);
  loaded = fg_notice_load (f->store, f->staff, "冢头消限字〔2098〕第0009号", &error);
  g_assert_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_NOT_FOUND);
  g_assert_null (loaded);

  /* the table agrees */
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM notice WHERE kind = 'correct-by-deadline' AND year = 2098"), ==, 3);
  g_assert_cmpint (query_int (f, "SELECT max(number_seq) FROM notice WHERE kind = 'correct-by-deadline' AND year = 2099"), ==, 2);
}

/* Ten and more: four digits, no gap, the inspection record's own code. */
static void
test_notice_numbering_many (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GDate) day = g_date_new_dmy (15, G_DATE_MARCH, 2099);

  for (int i = 1; i <= 12; i++)
    {
      g_autoptr(FgNotice) record = issue_record (f, day);
      g_autofree char *expected = expected_number ("冢头", "消检", 2099, i);

      g_assert_cmpstr (fg_notice_get_number (record), ==, expected);
      g_assert_cmpint (fg_notice_get_kind (record), ==, FG_NOTICE_KIND_INSPECTION_RECORD);
      g_assert_cmpstr (fg_notice_get_inspection_id (record), ==, f->inspection_id);
      g_assert_null (fg_notice_get_hazard_ids (record)[0]);
    }
}

/* Two connections to one database, issuing in turn: each sees the other's
 * numbers. */
static void
test_notice_two_connections (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) other = fg_office_open (f->dir.db_path, &error);
  g_autoptr(FgActor) other_admin = NULL;
  g_autofree char *deadline = days_from_today (30);
  int year = this_year ();

  g_assert_no_error (error);
  other_admin = fg_account_login (other, "admin", PASSWORD, &error);
  g_assert_no_error (error);

  for (int i = 0; i < 10; i++)
    {
      FgStore *store = i % 2 == 0 ? f->store : other;
      FgActor *actor = i % 2 == 0 ? f->admin : other_admin;
      const char *ids[] = { hazard (f, i), NULL };
      g_autoptr(FgNotice) notice = try_issue (store, actor, FG_NOTICE_KIND_CORRECT_BY_DEADLINE, ids, deadline, NULL, &error);
      g_autofree char *expected = expected_number ("冢头", "消限", year, i + 1);

      g_assert_no_error (error);
      g_assert_cmpstr (fg_notice_get_number (notice), ==, expected);
    }

  /* a hazard noticed through one connection cannot be noticed again through the other */
  {
    const char *ids[] = { hazard (f, 0), NULL };
    g_autoptr(FgNotice) again = try_issue (other, other_admin, FG_NOTICE_KIND_CORRECT_BY_DEADLINE, ids, deadline, NULL, &error);

    g_assert_error (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_NOT_ALLOWED);
    g_assert_null (again);
  }

  g_assert_cmpint (count_notices (f), ==, 10);
  g_assert_cmpint (query_int (f, "SELECT count(DISTINCT number_seq) = 10 AND min(number_seq) = 1 AND max(number_seq) = 10"
                                 " FROM notice"), ==, 1);
}

typedef struct
{
  FgStore *store;
  FgActor *actor;
  const char *inspection_id;
  const char * const *hazard_ids;   /* for orders: the hazards to try, in order */
  guint n;
  GPtrArray *numbers;
  guint n_refused;
  GError *error;                    /* an unexpected failure */
} Worker;

static gpointer
issue_records (gpointer data)
{
  Worker *w = data;

  for (guint i = 0; i < w->n && w->error == NULL; i++)
    {
      FgNoticeRequest request = {
        .kind = FG_NOTICE_KIND_INSPECTION_RECORD,
        .inspection_id = w->inspection_id,
      };
      FgNotice *notice = fg_notice_issue (w->store, w->actor, &request, &w->error);

      if (notice != NULL)
        {
          g_ptr_array_add (w->numbers, g_strdup (fg_notice_get_number (notice)));
          g_object_unref (notice);
        }
    }

  return NULL;
}

/* Orders for the same hazards from two threads: each hazard gets exactly
 * one; the loser is told the hazard has moved on. */
static gpointer
issue_orders (gpointer data)
{
  Worker *w = data;

  for (guint i = 0; w->hazard_ids[i] != NULL && w->error == NULL; i++)
    {
      const char *ids[] = { w->hazard_ids[i], NULL };
      g_autoptr(GError) error = NULL;
      FgNotice *notice = try_issue (w->store, w->actor, FG_NOTICE_KIND_CORRECT_NOW, ids, NULL, NULL, &error);

      if (notice != NULL)
        {
          g_ptr_array_add (w->numbers, g_strdup (fg_notice_get_number (notice)));
          g_object_unref (notice);
        }
      else if (g_error_matches (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_NOT_ALLOWED))
        w->n_refused++;
      else
        w->error = g_steal_pointer (&error);
    }

  return NULL;
}

static void
worker_init (Worker  *w,
             Fixture *f)
{
  g_autoptr(GError) error = NULL;

  memset (w, 0, sizeof *w);
  /* each thread its own connection and login, made here: logging in is
   * slow on purpose */
  w->store = fg_office_open (f->dir.db_path, &error);
  g_assert_no_error (error);
  w->actor = fg_account_login (w->store, "staff", PASSWORD, &error);
  g_assert_no_error (error);
  w->numbers = g_ptr_array_new_with_free_func (g_free);
}

static void
worker_clear (Worker *w)
{
  g_assert_no_error (w->error);
  g_clear_pointer (&w->actor, fg_actor_unref);
  g_clear_object (&w->store);
  g_clear_pointer (&w->numbers, g_ptr_array_unref);
}

/* 冢头消检字〔2026〕第0012号 → 12 */
static guint
parse_seq (const char *number)
{
  const char *start = strstr (number, "第");
  char *end = NULL;
  guint64 seq;

  g_assert_nonnull (start);
  seq = g_ascii_strtoull (start + strlen ("第"), &end, 10);
  g_assert_true (g_str_equal (end, "号"));
  g_assert_cmpuint (seq, >, 0);
  return (guint) seq;
}

static void
test_notice_threads (Fixture       *f,
                     gconstpointer  data)
{
  Worker workers[2];
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) order_ids = g_ptr_array_new ();
  GThread *threads[2];
  guint n_orders = 0;
  guint n_refused = 0;

  /* 20 inspection records from each thread at once */
  for (guint t = 0; t < 2; t++)
    {
      worker_init (&workers[t], f);
      workers[t].inspection_id = f->inspection_id;
      workers[t].n = 20;
    }
  for (guint t = 0; t < 2; t++)
    threads[t] = g_thread_new ("issuer", issue_records, &workers[t]);
  for (guint t = 0; t < 2; t++)
    g_thread_join (threads[t]);

  for (guint t = 0; t < 2; t++)
    {
      g_assert_no_error (workers[t].error);
      g_assert_cmpuint (workers[t].numbers->len, ==, 20);
      for (guint i = 0; i < workers[t].numbers->len; i++)
        {
          const char *number = g_ptr_array_index (workers[t].numbers, i);

          g_assert_true (g_hash_table_add (seen, (char *) number));
          /* each thread's numbers rise */
          if (i > 0)
            g_assert_cmpuint (parse_seq (number), >, parse_seq (g_ptr_array_index (workers[t].numbers, i - 1)));
        }
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, 40);
  for (int seq = 1; seq <= 40; seq++)
    {
      g_autofree char *expected = expected_number ("冢头", "消检", this_year (), seq);

      g_assert_true (g_hash_table_contains (seen, expected));
    }
  g_assert_cmpint (query_int (f, "SELECT count(DISTINCT number) FROM notice WHERE kind = 'inspection-record'"), ==, 40);
  for (guint t = 0; t < 2; t++)
    worker_clear (&workers[t]);

  /* both threads try to order the same twelve hazards corrected */
  for (guint i = 0; i < 12; i++)
    g_ptr_array_add (order_ids, (char *) hazard (f, i));
  g_ptr_array_add (order_ids, NULL);
  for (guint t = 0; t < 2; t++)
    {
      worker_init (&workers[t], f);
      workers[t].hazard_ids = (const char * const *) order_ids->pdata;
    }
  for (guint t = 0; t < 2; t++)
    threads[t] = g_thread_new ("issuer", issue_orders, &workers[t]);
  for (guint t = 0; t < 2; t++)
    g_thread_join (threads[t]);

  for (guint t = 0; t < 2; t++)
    {
      g_assert_no_error (workers[t].error);
      n_orders += workers[t].numbers->len;
      n_refused += workers[t].n_refused;
    }
  g_test_message ("orders: %u issued, %u refused", n_orders, n_refused);
  g_assert_cmpuint (n_orders, ==, 12);
  g_assert_cmpuint (n_refused, ==, 12);
  /* a refused attempt took no number */
  g_assert_cmpint (query_int (f, "SELECT count(DISTINCT number_seq) = 12 AND min(number_seq) = 1 AND max(number_seq) = 12"
                                 " FROM notice WHERE kind = 'correct-now'"), ==, 1);
  for (guint i = 0; i < 12; i++)
    {
      g_autoptr(FgHazard) loaded = load_hazard (f, hazard (f, i));

      g_assert_cmpuint (count_events (loaded, FG_HAZARD_EVENT_NOTICE_ISSUED), ==, 1);
      g_assert_cmpint (fg_hazard_get_state (loaded), ==, FG_HAZARD_STATE_RECTIFYING);
    }
  for (guint t = 0; t < 2; t++)
    worker_clear (&workers[t]);
}

/* Issuing */

/* Every hazard of an order gets its "notice issued", with the deadline and
 * the notice; an order to correct at once sets the day of issue. */
static void
test_notice_issue_events (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *deadline = days_from_today (20);
  g_autofree char *today = days_from_today (0);
  const char *ids[] = { hazard (f, 0), hazard (f, 1), hazard (f, 2), NULL };
  g_autoptr(FgNotice) order = NULL;
  g_autoptr(FgNotice) now = NULL;
  g_autoptr(GVariant) problems = NULL;
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(FgInspection) inspection = NULL;
  GVariant *content;
  const char *text = NULL;

  order = try_issue (f->store, f->staff, FG_NOTICE_KIND_CORRECT_BY_DEADLINE, ids, deadline, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fg_notice_get_issued_on (order), ==, today);
  g_assert_cmpstr (fg_notice_get_deadline (order), ==, deadline);
  g_assert_cmpstr (fg_notice_get_actor_name (order), ==, "李干事");
  g_assert_cmpuint (g_strv_length ((char **) fg_notice_get_hazard_ids (order)), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(FgHazard) loaded = load_hazard (f, ids[i]);
      const FgHazardEvent *event = last_event (loaded);

      g_assert_cmpstr (fg_notice_get_hazard_ids (order)[i], ==, ids[i]);
      g_assert_cmpint (fg_hazard_get_state (loaded), ==, FG_HAZARD_STATE_RECTIFYING);
      g_assert_cmpstr (fg_hazard_get_deadline (loaded), ==, deadline);
      g_assert_cmpint (event->kind, ==, FG_HAZARD_EVENT_NOTICE_ISSUED);
      g_assert_cmpstr (event->deadline, ==, deadline);
      g_assert_cmpstr (event->notice_id, ==, fg_notice_get_id (order));
      g_assert_cmpstr (event->note, ==, fg_notice_get_number (order));
      g_assert_cmpstr (event->actor, ==, "staff");
    }
  /* the hazards not named are untouched */
  {
    g_autoptr(FgHazard) other = load_hazard (f, hazard (f, 3));

    g_assert_cmpint (fg_hazard_get_state (other), ==, FG_HAZARD_STATE_OPEN);
  }

  /* what it says, frozen: the problems in order, with their legal basis */
  content = fg_notice_get_content (order);
  g_assert_true (g_variant_lookup (content, "venue", "&s", &text));
  g_assert_cmpstr (text, ==, "老王烧烤");
  g_assert_true (g_variant_lookup (content, "operator", "&s", &text));
  g_assert_cmpstr (text, ==, "王建国");
  g_assert_true (g_variant_lookup (content, "issuer", "&s", &text));
  g_assert_cmpstr (text, ==, "郏县冢头镇人民政府");
  g_assert_true (g_variant_lookup (content, "number", "&s", &text));
  g_assert_cmpstr (text, ==, fg_notice_get_number (order));
  g_assert_true (g_variant_lookup (content, "deadline", "&s", &text));
  g_assert_cmpstr (text, ==, deadline);
  g_assert_true (g_variant_lookup (content, "inspectors", "&s", &text));
  g_assert_cmpstr (text, ==, "李干事");
  problems = g_variant_lookup_value (content, "problems", G_VARIANT_TYPE ("a(ssss)"));
  g_assert_nonnull (problems);
  g_assert_cmpuint (g_variant_n_children (problems), ==, 3);
  inspection = fg_inspection_load (f->store, f->admin, f->inspection_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(FgHazard) loaded = load_hazard (f, ids[i]);
      FgChecklistItem *item = fg_inspection_find_item (inspection, fg_hazard_get_item_code (loaded));
      g_autofree char *bases = g_strjoinv ("；", (char **) fg_checklist_item_get_bases (item));
      const char *problem, *seen, *basis, *action;

      /* in Chinese, whatever the language of the interface */
      g_variant_get_child (problems, i, "(&s&s&s&s)", &problem, &seen, &basis, &action);
      g_assert_cmpstr (problem, ==, fg_checklist_item_get_finding_zh (item));
      g_assert_cmpstr (problem, !=, fg_checklist_item_get_text_zh (item));
      g_assert_cmpstr (seen, ==, fg_hazard_get_note (loaded) != NULL ? fg_hazard_get_note (loaded) : "");
      g_assert_cmpstr (basis, ==, bases);
      g_assert_nonnull (strstr (basis, "《中华人民共和国消防法》"));
      g_assert_cmpstr (action, ==, fg_checklist_item_get_action_zh (item));
    }

  /* at once: the deadline is the day of issue */
  now = issue_order (f, FG_NOTICE_KIND_CORRECT_NOW, hazard (f, 3), NULL, NULL);
  g_assert_cmpstr (fg_notice_get_issued_on (now), ==, today);
  g_assert_true (g_variant_lookup (fg_notice_get_content (now), "deadline", "&s", &text));
  g_assert_cmpstr (text, ==, today);
  {
    g_autoptr(FgHazard) loaded = load_hazard (f, hazard (f, 3));
    const FgHazardEvent *event = last_event (loaded);

    g_assert_cmpint (fg_hazard_get_state (loaded), ==, FG_HAZARD_STATE_RECTIFYING);
    g_assert_cmpstr (fg_hazard_get_deadline (loaded), ==, today);
    g_assert_cmpint (event->kind, ==, FG_HAZARD_EVENT_NOTICE_ISSUED);
    g_assert_cmpstr (event->deadline, ==, today);
    g_assert_cmpstr (event->notice_id, ==, fg_notice_get_id (now));
  }

  /* both are open; the list sees them, the latest first */
  open = fg_notice_list (f->store, f->admin, NULL, NULL, NULL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (open->len, ==, 2);
  g_assert_cmpstr (fg_notice_get_id (g_ptr_array_index (open, 0)), ==, fg_notice_get_id (now));
  g_assert_cmpstr (fg_notice_get_id (g_ptr_array_index (open, 1)), ==, fg_notice_get_id (order));
  g_clear_pointer (&open, g_ptr_array_unref);
  open = fg_notice_list (f->store, f->admin, NULL, f->venue_id, today, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (open->len, ==, 2);
  g_clear_pointer (&open, g_ptr_array_unref);
  open = fg_notice_list (f->store, f->admin, NULL, NULL, "2000-01-01", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (open->len, ==, 0);
}

/* Each refused request: the right error, and no notice, event or number
 * taken. */
#define assert_refused(f, notice, error, domain, code, n_notices, n_events) \
  G_STMT_START { \
    g_assert_null (notice); \
    g_assert_error (error, domain, code); \
    g_test_message ("refused: %s", (error)->message); \
    g_clear_error (&(error)); \
    g_assert_cmpint (count_notices (f), ==, (n_notices)); \
    g_assert_cmpint (count_hazard_events (f), ==, (n_events)); \
  } G_STMT_END

static void
test_notice_issue_refused (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) other_hazards = NULL;
  g_autoptr(FgInspection) draft = NULL;
  g_autoptr(FgNotice) issued = NULL;
  g_autoptr(GDate) day = g_date_new_dmy (10, G_DATE_JUNE, 2099);
  g_autofree char *other_venue = NULL;
  g_autofree char *expected = NULL;
  const char *none[] = { NULL };
  const char *one[] = { hazard (f, 0), NULL };
  const char *twice[] = { hazard (f, 0), hazard (f, 0), NULL };
  const char *unknown[] = { "00000000-0000-0000-0000-000000000000", NULL };
  FgNotice *notice;
  int n_events;

  other_venue = add_venue (f, "小李超市", "李四");
  other_hazards = inspect (f, other_venue, 1, NULL);
  n_events = count_hazard_events (f);
  g_assert_cmpint (count_notices (f), ==, 0);

  /* no hazards */
  notice = try_issue (f->store, f->admin, FG_NOTICE_KIND_CORRECT_BY_DEADLINE, NULL, "2099-07-01", day, &error);
  assert_refused (f, notice, error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID, 0, n_events);
  notice = try_issue (f->store, f->admin, FG_NOTICE_KIND_CORRECT_NOW, none, NULL, day, &error);
  assert_refused (f, notice, error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID, 0, n_events);

  /* hazards of two venues */
  {
    const char *two_venues[] = { hazard (f, 0), g_ptr_array_index (other_hazards, 0), NULL };

    notice = try_issue (f->store, f->admin, FG_NOTICE_KIND_CORRECT_BY_DEADLINE, two_venues, "2099-07-01", day, &error);
    assert_refused (f, notice, error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID, 0, n_events);
  }

  /* a hazard twice, or one that does not exist */
  notice = try_issue (f->store, f->admin, FG_NOTICE_KIND_CORRECT_BY_DEADLINE, twice, "2099-07-01", day, &error);
  assert_refused (f, notice, error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID, 0, n_events);
  notice = try_issue (f->store, f->admin, FG_NOTICE_KIND_CORRECT_BY_DEADLINE, unknown, "2099-07-01", day, &error);
  assert_refused (f, notice, error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_NOT_FOUND, 0, n_events);

  /* deadlines: none, the day of issue itself, before it, impossible, not a date */
  notice = try_issue (f->store, f->admin, FG_NOTICE_KIND_CORRECT_BY_DEADLINE, one, NULL, day, &error);
  assert_refused (f, notice, error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID, 0, n_events);
  notice = try_issue (f->store, f->admin, FG_NOTICE_KIND_CORRECT_BY_DEADLINE, one, "2099-06-10", day, &error);
  assert_refused (f, notice, error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID, 0, n_events);
  notice = try_issue (f->store, f->admin, FG_NOTICE_KIND_CORRECT_BY_DEADLINE, one, "2099-06-09", day, &error);
  assert_refused (f, notice, error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID, 0, n_events);
  notice = try_issue (f->store, f->admin, FG_NOTICE_KIND_CORRECT_BY_DEADLINE, one, "2026-02-30", NULL, &error);
  assert_refused (f, notice, error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID, 0, n_events);
  notice = try_issue (f->store, f->admin, FG_NOTICE_KIND_CORRECT_BY_DEADLINE, one, "2099-02-30", day, &error);
  assert_refused (f, notice, error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID, 0, n_events);
  notice = try_issue (f->store, f->admin, FG_NOTICE_KIND_CORRECT_BY_DEADLINE, one, "next week", day, &error);
  assert_refused (f, notice, error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID, 0, n_events);

  /* a grid worker does not issue notices; nor an inspection record */
  notice = try_issue (f->store, f->grid, FG_NOTICE_KIND_CORRECT_BY_DEADLINE, one, "2099-07-01", day, &error);
  assert_refused (f, notice, error, FG_PERMISSION_ERROR, FG_PERMISSION_ERROR_DENIED, 0, n_events);
  {
    FgNoticeRequest request = { .kind = FG_NOTICE_KIND_INSPECTION_RECORD, .inspection_id = f->inspection_id };

    notice = fg_notice_issue (f->store, f->grid, &request, &error);
    assert_refused (f, notice, error, FG_PERMISSION_ERROR, FG_PERMISSION_ERROR_DENIED, 0, n_events);
  }

  /* a hazard whose state allows no notice (one already under a notice,
   * here recorded on the hazard directly), even alongside one that would */
  {
    g_autoptr(FgHazard) busy = load_hazard (f, hazard (f, 1));
    const FgHazardEventDetails details = { .deadline = fg_test_deadline () };
    const char *mixed[] = { hazard (f, 0), hazard (f, 1), NULL };
    const char *alone[] = { hazard (f, 1), NULL };

    fg_hazard_add_event (f->store, f->admin, busy, FG_HAZARD_EVENT_NOTICE_ISSUED, &details, &error);
    g_assert_no_error (error);
    n_events++;

    notice = try_issue (f->store, f->admin, FG_NOTICE_KIND_CORRECT_BY_DEADLINE, mixed, "2099-07-01", day, &error);
    assert_refused (f, notice, error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_NOT_ALLOWED, 0, n_events);
    notice = try_issue (f->store, f->admin, FG_NOTICE_KIND_CORRECT_NOW, alone, NULL, day, &error);
    assert_refused (f, notice, error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_NOT_ALLOWED, 0, n_events);
  }

  /* an inspection record: of which inspection, and a finished one */
  {
    FgNoticeRequest request = { .kind = FG_NOTICE_KIND_INSPECTION_RECORD };

    notice = fg_notice_issue (f->store, f->admin, &request, &error);
    assert_refused (f, notice, error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID, 0, n_events);

    draft = fg_inspection_start (f->store, f->grid, other_venue, FG_INSPECTION_KIND_ROUTINE, NULL, &error);
    g_assert_no_error (error);
    request.inspection_id = fg_inspection_get_id (draft);
    notice = fg_notice_issue (f->store, f->admin, &request, &error);
    assert_refused (f, notice, error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID, 0, n_events);
  }

  /* a re-inspection opinion follows some notice */
  {
    FgNoticeRequest request = { .kind = FG_NOTICE_KIND_REINSPECTION };

    notice = fg_notice_issue (f->store, f->admin, &request, &error);
    assert_refused (f, notice, error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID, 0, n_events);
    request.follows_id = "冢头消限字〔2099〕第0001号";
    notice = fg_notice_issue (f->store, f->admin, &request, &error);
    assert_refused (f, notice, error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_NOT_FOUND, 0, n_events);
  }

  /* the hazard untouched, and no number used up */
  {
    g_autoptr(FgHazard) untouched = load_hazard (f, hazard (f, 0));

    g_assert_cmpint (fg_hazard_get_state (untouched), ==, FG_HAZARD_STATE_OPEN);
    g_assert_cmpuint (fg_hazard_get_events (untouched)->len, ==, 1);
  }
  issued = issue_order (f, FG_NOTICE_KIND_CORRECT_BY_DEADLINE, hazard (f, 0), "2099-07-01", day);
  expected = expected_number ("冢头", "消限", 2099, 1);
  g_assert_cmpstr (fg_notice_get_number (issued), ==, expected);
}

/* Voiding */

static void
test_notice_void (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgNotice) first = issue_range (f, 0, 1);
  g_autoptr(FgNotice) second = NULL;
  g_autoptr(FgNotice) reloaded = NULL;
  g_autoptr(FgNotice) moved_on = NULL;
  g_autoptr(FgNotice) record = NULL;
  g_autofree char *first_expected = expected_number ("冢头", "消限", this_year (), 1);
  g_autofree char *second_expected = expected_number ("冢头", "消限", this_year (), 2);
  int n_events;

  g_assert_cmpstr (fg_notice_get_number (first), ==, first_expected);

  /* a reason is needed; a grid worker may not */
  n_events = count_hazard_events (f);
  g_assert_false (fg_notice_void (f->store, f->admin, first, NULL, &error));
  g_assert_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (fg_notice_void (f->store, f->admin, first, " \t　", &error));
  g_assert_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (fg_notice_void (f->store, f->grid, first, "写错了", &error));
  g_assert_error (error, FG_PERMISSION_ERROR, FG_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (fg_notice_get_voided (first));
  g_assert_cmpint (count_hazard_events (f), ==, n_events);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM notice WHERE voided_at IS NOT NULL"), ==, 0);

  fg_notice_void (f->store, f->admin, first, "场所名称写错", &error);
  g_assert_no_error (error);
  g_assert_true (fg_notice_get_voided (first));
  g_assert_cmpstr (fg_notice_get_void_reason (first), ==, "场所名称写错");

  /* its hazards are found again, with no deadline, and say why */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(FgHazard) loaded = load_hazard (f, hazard (f, i));
      const FgHazardEvent *event = last_event (loaded);

      g_assert_cmpint (fg_hazard_get_state (loaded), ==, FG_HAZARD_STATE_OPEN);
      g_assert_null (fg_hazard_get_deadline (loaded));
      g_assert_cmpint (event->kind, ==, FG_HAZARD_EVENT_NOTICE_VOIDED);
      g_assert_cmpstr (event->notice_id, ==, fg_notice_get_id (first));
      g_assert_nonnull (strstr (event->note, "场所名称写错"));
    }

  /* twice: no */
  g_assert_false (fg_notice_void (f->store, f->admin, first, "再次作废", &error));
  g_assert_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_VOID);
  g_clear_error (&error);
  reloaded = fg_notice_load (f->store, f->admin, first_expected, &error);
  g_assert_no_error (error);
  g_assert_true (fg_notice_get_voided (reloaded));
  g_assert_false (fg_notice_void (f->store, f->admin, reloaded, "再次作废", &error));
  g_assert_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_VOID);
  g_clear_error (&error);
  g_assert_cmpstr (fg_notice_get_void_reason (reloaded), ==, "场所名称写错");

  /* the right notice for the same hazards takes the next number; the
   * voided one keeps its own */
  second = issue_range (f, 0, 1);
  g_assert_cmpstr (fg_notice_get_number (second), ==, second_expected);
  g_assert_cmpint (count_notices (f), ==, 2);
  g_assert_cmpstr (fg_notice_get_number (reloaded), ==, first_expected);

  /* a notice whose hazards have moved on can no longer be voided */
  moved_on = issue_range (f, 2, 2);
  {
    g_autoptr(FgHazard) loaded = load_hazard (f, hazard (f, 2));

    fg_hazard_add_event (f->store, f->grid, loaded, FG_HAZARD_EVENT_REPORTED_FIXED,
                         &(FgHazardEventDetails) { .note = "店主称已整改" }, &error);
    g_assert_no_error (error);
  }
  g_assert_false (fg_notice_void (f->store, f->admin, moved_on, "写错了", &error));
  g_assert_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (fg_notice_get_voided (moved_on));
  {
    g_autoptr(FgHazard) loaded = load_hazard (f, hazard (f, 2));

    g_assert_cmpint (fg_hazard_get_state (loaded), ==, FG_HAZARD_STATE_REPORTED_FIXED);
  }

  /* an inspection record has no hazards to give back */
  record = issue_record (f, NULL);
  n_events = count_hazard_events (f);
  fg_notice_void (f->store, f->staff, record, "重复打印", &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_hazard_events (f), ==, n_events);
}

/* Service */

static void
run_rules (Fixture            *f,
           FgEscalationReport *report)
{
  g_autoptr(GDate) today = today_date ();
  g_autoptr(GError) error = NULL;

  fg_escalation_run (f->store, f->admin, today, report, &error);
  g_assert_no_error (error);
}

static void
test_notice_service (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgNotice) served = issue_range (f, 0, 1);
  g_autoptr(FgNotice) refused = issue_range (f, 2, 2);
  g_autoptr(FgNotice) unreachable = issue_range (f, 3, 3);
  g_autoptr(FgNotice) voided = issue_range (f, 4, 4);
  g_autoptr(FgNotice) reloaded = NULL;
  g_autoptr(FgNotice) record = NULL;
  g_autofree char *today = days_from_today (0);
  g_autofree char *yesterday = days_from_today (-1);
  FgEscalationReport report;
  int n_events = count_hazard_events (f);

  /* served: on someone, not before the day of issue, by the township */
  g_assert_false (fg_notice_record_service (f->store, f->admin, served, FG_NOTICE_SERVICE_SERVED, NULL, NULL, NULL, &error));
  g_assert_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (fg_notice_record_service (f->store, f->admin, served, FG_NOTICE_SERVICE_SERVED, "  ", NULL, NULL, &error));
  g_assert_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (fg_notice_record_service (f->store, f->admin, served, FG_NOTICE_SERVICE_NONE, "王建国", NULL, NULL, &error));
  g_assert_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (fg_notice_record_service (f->store, f->admin, served, FG_NOTICE_SERVICE_SERVED, "王建国", yesterday, NULL, &error));
  g_assert_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (fg_notice_record_service (f->store, f->admin, served, FG_NOTICE_SERVICE_SERVED, "王建国", "2999-01-04", NULL, &error));
  g_assert_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (fg_notice_record_service (f->store, f->admin, served, FG_NOTICE_SERVICE_SERVED, "王建国", "2026-02-30", NULL, &error));
  g_assert_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (fg_notice_record_service (f->store, f->grid, served, FG_NOTICE_SERVICE_SERVED, "王建国", NULL, NULL, &error));
  g_assert_error (error, FG_PERMISSION_ERROR, FG_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (fg_notice_get_service (served), ==, FG_NOTICE_SERVICE_NONE);
  g_assert_cmpint (count_hazard_events (f), ==, n_events);

  fg_notice_record_service (f->store, f->staff, served, FG_NOTICE_SERVICE_SERVED, "王建国", NULL, "店内", &error);
  g_assert_no_error (error);
  g_assert_cmpint (fg_notice_get_service (served), ==, FG_NOTICE_SERVICE_SERVED);
  g_assert_cmpstr (fg_notice_get_served_at (served), ==, today);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(FgHazard) loaded = load_hazard (f, hazard (f, i));
      const FgHazardEvent *event = last_event (loaded);

      g_assert_cmpint (event->kind, ==, FG_HAZARD_EVENT_NOTICE_SERVED);
      g_assert_cmpstr (event->notice_id, ==, fg_notice_get_id (served));
      g_assert_nonnull (strstr (event->note, "王建国"));
      g_assert_nonnull (strstr (event->note, fg_notice_get_number (served)));
      g_assert_false (fg_hazard_get_service_failed (loaded));
    }
  reloaded = fg_notice_load (f->store, f->admin, fg_notice_get_id (served), &error);
  g_assert_no_error (error);
  g_assert_cmpint (fg_notice_get_service (reloaded), ==, FG_NOTICE_SERVICE_SERVED);
  g_assert_cmpstr (fg_notice_get_served_at (reloaded), ==, today);

  /* refused: served by leaving it (留置送达); nobody to serve it on: to
   * be served another way. Each hazard learns which. */
  fg_notice_record_service (f->store, f->admin, refused, FG_NOTICE_SERVICE_REFUSED, NULL, today, "拒绝签收", &error);
  g_assert_no_error (error);
  g_assert_cmpint (fg_notice_get_service (refused), ==, FG_NOTICE_SERVICE_REFUSED);
  {
    g_autoptr(FgHazard) loaded = load_hazard (f, hazard (f, 2));

    g_assert_cmpint (last_event (loaded)->kind, ==, FG_HAZARD_EVENT_NOTICE_REFUSED);
    g_assert_cmpstr (last_event (loaded)->notice_id, ==, fg_notice_get_id (refused));
    g_assert_false (fg_hazard_get_service_failed (loaded));
  }
  fg_notice_record_service (f->store, f->admin, unreachable, FG_NOTICE_SERVICE_UNREACHABLE, NULL, NULL, "三次上门无人", &error);
  g_assert_no_error (error);
  {
    g_autoptr(FgHazard) loaded = load_hazard (f, hazard (f, 3));

    g_assert_cmpint (last_event (loaded)->kind, ==, FG_HAZARD_EVENT_OPERATOR_UNREACHABLE);
    g_assert_true (fg_hazard_get_service_failed (loaded));
  }

  /* the next run hands neither to anyone: the unserved one waits for
   * another way of service */
  run_rules (f, &report);
  g_assert_cmpuint (report.n_unserved, ==, 1);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(FgHazard) loaded = load_hazard (f, hazard (f, i));

      g_assert_cmpint (fg_hazard_get_state (loaded), ==, FG_HAZARD_STATE_RECTIFYING);
      g_assert_cmpint (last_event (loaded)->kind, !=, FG_HAZARD_EVENT_TRANSFERRED);
    }

  /* a voided notice is not served */
  fg_notice_void (f->store, f->admin, voided, "文号错误", &error);
  g_assert_no_error (error);
  n_events = count_hazard_events (f);
  g_assert_false (fg_notice_record_service (f->store, f->admin, voided, FG_NOTICE_SERVICE_SERVED, "王建国", NULL, NULL, &error));
  g_assert_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_VOID);
  g_clear_error (&error);
  g_assert_false (fg_notice_record_service (f->store, f->admin, voided, FG_NOTICE_SERVICE_REFUSED, NULL, NULL, NULL, &error));
  g_assert_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_VOID);
  g_clear_error (&error);
  g_assert_cmpint (count_hazard_events (f), ==, n_events);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM notice WHERE voided_at IS NOT NULL AND service IS NOT NULL"), ==, 0);

  /* an inspection record is served too, with no hazard to tell */
  record = issue_record (f, NULL);
  fg_notice_record_service (f->store, f->admin, record, FG_NOTICE_SERVICE_SERVED, "王建国", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_hazard_events (f), ==, n_events);
}

/* A re-inspection opinion, once every hazard of the notice was re-inspected. */
/* Reading documents back, below with the rendering tests */
static gboolean have_font       (void);
static gboolean have_programs   (const char *first,
                                 ...) G_GNUC_NULL_TERMINATED;
static char    *render_text     (Fixture    *f,
                                 FgNotice   *notice,
                                 const char *name);
static void     assert_contains (const char *text,
                                 const char *what);

static void
test_notice_reinspection (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgNotice) order = issue_range (f, 0, 1);
  g_autoptr(FgNotice) opinion = NULL;
  g_autoptr(GVariant) results = NULL;
  g_autofree char *expected = expected_number ("冢头", "消复", this_year (), 1);
  g_autofree char *later = days_from_today (40);
  g_autofree char *opinion_id = NULL;
  FgNoticeRequest request = { .kind = FG_NOTICE_KIND_REINSPECTION, .follows_id = fg_notice_get_number (order) };
  gboolean all_fixed = TRUE;
  const char *text = NULL;

  {
    g_autoptr(FgHazard) fixed = load_hazard (f, hazard (f, 0));

    fg_hazard_add_event (f->store, f->admin, fixed, FG_HAZARD_EVENT_REINSPECTED_PASS, NULL, &error);
    g_assert_no_error (error);
  }

  /* not before every hazard was re-inspected */
  opinion = fg_notice_issue (f->store, f->admin, &request, &error);
  g_assert_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID);
  g_assert_null (opinion);
  g_clear_error (&error);
  g_assert_cmpint (count_notices (f), ==, 1);

  {
    g_autoptr(FgHazard) unfixed = load_hazard (f, hazard (f, 1));

    fg_hazard_add_event (f->store, f->admin, unfixed, FG_HAZARD_EVENT_REINSPECTED_FAIL,
                         &(FgHazardEventDetails) { .deadline = later, .note = "仍未整改" }, &error);
    g_assert_no_error (error);
  }
  opinion = fg_notice_issue (f->store, f->admin, &request, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fg_notice_get_number (opinion), ==, expected);
  g_assert_cmpstr (fg_notice_get_follows_id (opinion), ==, fg_notice_get_id (order));
  g_assert_true (g_variant_lookup (fg_notice_get_content (opinion), "follows", "&s", &text));
  g_assert_cmpstr (text, ==, fg_notice_get_number (order));
  g_assert_true (g_variant_lookup (fg_notice_get_content (opinion), "all-fixed", "b", &all_fixed));
  g_assert_false (all_fixed);
  results = g_variant_lookup_value (fg_notice_get_content (opinion), "results", G_VARIANT_TYPE ("a(sss)"));
  g_assert_nonnull (results);
  g_assert_cmpuint (g_variant_n_children (results), ==, 2);

  /* a hazard left with a new period: the opinion is a decision, and says
   * who hears a challenge to it */
  if (have_font () && have_programs ("pdftotext", "pdfinfo", NULL))
    {
      g_autofree char *printed = render_text (f, opinion, "opinion.pdf");

      assert_contains (printed, "如不服本意见书，可以在收到本意见书之日起六十日内依法向郏县人民政府申请行政复议");
      assert_contains (printed, "向郏县人民法院提起行政诉讼");
    }

  /* it follows an order to correct, not another opinion */
  opinion_id = g_strdup (fg_notice_get_id (opinion));
  request.follows_id = opinion_id;
  g_clear_object (&opinion);
  opinion = fg_notice_issue (f->store, f->admin, &request, &error);
  g_assert_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID);
  g_assert_null (opinion);
}

/* Verification */

static char *
with_digest_char_changed (const char *code,
                          gsize       offset_from_end)
{
  char *changed = g_strdup (code);
  char *c = changed + strlen (changed) - 1 - offset_from_end;

  g_assert_true (g_ascii_isxdigit (*c));
  *c = *c == '0' ? '1' : '0';
  return changed;
}

static FgNoticeVerdict
verify (Fixture     *f,
        const char  *code,
        FgNotice   **notice)
{
  g_autoptr(GError) error = NULL;
  FgNoticeVerdict verdict = fg_notice_verify (f->store, f->staff, code, notice, &error);

  g_assert_no_error (error);
  return verdict;
}

static void
test_notice_verify (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgNotice) notice = issue_range (f, 0, 0);
  g_autoptr(FgNotice) found = NULL;
  g_autofree char *code = fg_notice_dup_code (notice);
  g_autofree char *check = fg_notice_dup_check_code (notice);
  g_autofree char *digest_start = g_ascii_strup (fg_notice_get_digest (notice), 12);
  g_autofree char *altered_last = with_digest_char_changed (code, 0);
  g_autofree char *altered_first = with_digest_char_changed (code, 63);
  g_autofree char *expected_code = g_strconcat ("FGDOC/1/", fg_notice_get_number (notice), "/",
                                                fg_notice_get_digest (notice), NULL);
  g_autofree char *typed = g_strdup_printf ("%s %s", fg_notice_get_number (notice), check);
  g_autofree char *typed_ascii = NULL;
  g_autofree char *typed_lower = g_strdup_printf ("%s %s", fg_notice_get_number (notice), check);
  g_autofree char *typed_wrong = NULL;
  g_autofree char *unknown_number = expected_number ("冢头", "消限", this_year (), 99);
  g_autofree char *unknown_code = g_strdup_printf ("FGDOC/1/%s/%s", unknown_number, fg_notice_get_digest (notice));
  static const char * const garbage[] = {
    "", "   ", "FGDOC/1/", "FGDOC/1/冢头消限字〔2026〕第0001号/not-hex-at-all", "\xff\xfe\xfd",
  };

  /* what the QR code holds, and the check code under it */
  g_assert_cmpstr (code, ==, expected_code);
  g_assert_cmpuint (strlen (check), ==, 14);
  g_assert_true (check[4] == '-' && check[9] == '-');
  {
    g_autoptr(GString) bare = g_string_new (check);

    g_string_replace (bare, "-", "", 0);
    digest_start[12] = '\0';
    g_assert_cmpstr (bare->str, ==, digest_start);
  }

  g_assert_cmpint (verify (f, code, &found), ==, FG_NOTICE_GENUINE);
  g_assert_nonnull (found);
  g_assert_cmpstr (fg_notice_get_id (found), ==, fg_notice_get_id (notice));
  g_clear_object (&found);
  g_assert_cmpint (verify (f, code, NULL), ==, FG_NOTICE_GENUINE);

  /* one character of the digest changed, at either end */
  g_assert_cmpint (verify (f, altered_last, &found), ==, FG_NOTICE_ALTERED);
  g_assert_cmpstr (fg_notice_get_id (found), ==, fg_notice_get_id (notice));
  g_clear_object (&found);
  g_assert_cmpint (verify (f, altered_first, NULL), ==, FG_NOTICE_ALTERED);

  /* a number not issued here */
  g_assert_cmpint (verify (f, unknown_code, &found), ==, FG_NOTICE_UNKNOWN);
  g_assert_null (found);
  g_assert_cmpint (verify (f, unknown_number, NULL), ==, FG_NOTICE_UNKNOWN);

  /* typed: the number and the check code, with any brackets, any case */
  g_assert_cmpint (verify (f, typed, NULL), ==, FG_NOTICE_GENUINE);
  {
    GString *ascii = g_string_new (typed);

    g_string_replace (ascii, "〔", "[", 0);
    g_string_replace (ascii, "〕", "]", 0);
    typed_ascii = g_string_free (ascii, FALSE);
  }
  g_assert_null (strstr (typed_ascii, "〔"));
  g_assert_cmpint (verify (f, typed_ascii, &found), ==, FG_NOTICE_GENUINE);
  g_assert_cmpstr (fg_notice_get_id (found), ==, fg_notice_get_id (notice));
  g_clear_object (&found);
  for (char *p = typed_lower; *p != '\0'; p++)
    *p = g_ascii_tolower (*p);
  g_assert_cmpint (verify (f, typed_lower, NULL), ==, FG_NOTICE_GENUINE);
  typed_wrong = g_strdup_printf ("%s %s", fg_notice_get_number (notice), check[0] == '0' ? "1111-2222-3333" : "0000-0000-0000");
  g_assert_cmpint (verify (f, typed_wrong, NULL), ==, FG_NOTICE_ALTERED);
  /* a number alone proves nothing of the paper: asked for the check code */
  g_assert_cmpint (fg_notice_verify (f->store, f->staff, fg_notice_get_number (notice), NULL, &error), ==,
                   FG_NOTICE_UNKNOWN);
  g_assert_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID);
  g_clear_error (&error);

  /* what is not a code at all */
  for (guint i = 0; i < G_N_ELEMENTS (garbage); i++)
    {
      FgNoticeVerdict verdict = fg_notice_verify (f->store, f->staff, garbage[i], &found, &error);

      g_assert_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID);
      g_assert_cmpint (verdict, ==, FG_NOTICE_UNKNOWN);
      g_assert_null (found);
      g_clear_error (&error);
    }

  /* voided since: genuine, but void; an altered code stays altered */
  fg_notice_void (f->store, f->admin, notice, "场所名称写错", &error);
  g_assert_no_error (error);
  g_assert_cmpint (verify (f, code, &found), ==, FG_NOTICE_VOIDED);
  g_assert_true (fg_notice_get_voided (found));
  g_clear_object (&found);
  g_assert_cmpint (verify (f, typed_ascii, NULL), ==, FG_NOTICE_VOIDED);
  g_assert_cmpint (verify (f, altered_last, NULL), ==, FG_NOTICE_ALTERED);
}

/* The content changed in the database, behind the program's back: the
 * trigger stops a plain UPDATE; with it dropped, verification notices. */
static void
test_notice_verify_tampered (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(FgNotice) notice = issue_range (f, 0, 0);
  g_autoptr(FgNotice) found = NULL;
  g_autofree char *code = fg_notice_dup_code (notice);
  g_autofree char *update = g_strdup_printf ("UPDATE notice SET content = replace (content, '老王烧烤', '老李烧烤')"
                                             " WHERE id = '%s'", fg_notice_get_id (notice));
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  const char *venue = NULL;

  g_assert_cmpint (verify (f, code, NULL), ==, FG_NOTICE_GENUINE);

  g_assert_cmpint (sqlite3_open (f->dir.db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, update, NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM notice", NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER notice_content_immutable", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, update, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  sqlite3_close (db);

  g_assert_cmpint (verify (f, code, &found), ==, FG_NOTICE_ALTERED);
  g_assert_true (g_variant_lookup (fg_notice_get_content (found), "venue", "&s", &venue));
  g_assert_cmpstr (venue, ==, "老李烧烤");
  g_clear_object (&found);
  /* typed without the check code, too */
  g_assert_cmpint (verify (f, fg_notice_get_number (notice), NULL), ==, FG_NOTICE_ALTERED);

  /* the same digest with content that no longer parses */
  g_assert_cmpint (sqlite3_open (f->dir.db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE notice SET content = '{'", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (verify (f, code, NULL), ==, FG_NOTICE_ALTERED);
  found = fg_notice_load (f->store, f->admin, fg_notice_get_id (notice), &error);
  g_assert_no_error (error);
  g_assert_nonnull (fg_notice_get_content (found));
}

/* A village committee sees, verifies, prints and serves the documents of
 * its own village, not another's. */
static void
test_notice_scope (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgRegion) other_village = NULL;
  g_autoptr(FgActor) insider = NULL;
  g_autoptr(FgActor) outsider = NULL;
  g_autoptr(FgNotice) notice = issue_range (f, 0, 0);
  g_autoptr(FgNotice) found = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) notices = g_ptr_array_new ();
  g_autofree char *code = fg_notice_dup_code (notice);
  FgNoticeVerdict verdict;

  other_village = fg_region_add_village (f->store, f->admin, "410425101", "410425101202", "王庄村", &error);
  g_assert_no_error (error);
  insider = add_account (f->store, f->admin, "lizhuang", "李村委", FG_ROLE_VILLAGE_COMMITTEE, f->village_id);
  outsider = add_account (f->store, f->admin, "wangzhuang", "王村委", FG_ROLE_VILLAGE_COMMITTEE,
                          fg_region_get_id (other_village));
  g_ptr_array_add (notices, notice);

  /* its own village */
  found = fg_notice_load (f->store, insider, fg_notice_get_number (notice), &error);
  g_assert_no_error (error);
  g_clear_object (&found);
  g_assert_cmpint (fg_notice_verify (f->store, insider, code, &found, &error), ==, FG_NOTICE_GENUINE);
  g_assert_no_error (error);
  g_clear_object (&found);
  listed = fg_notice_list (f->store, insider, NULL, NULL, NULL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_clear_pointer (&listed, g_ptr_array_unref);

  /* another village */
  found = fg_notice_load (f->store, outsider, fg_notice_get_number (notice), &error);
  g_assert_error (error, FG_PERMISSION_ERROR, FG_PERMISSION_ERROR_OUT_OF_SCOPE);
  g_assert_null (found);
  g_clear_error (&error);
  verdict = fg_notice_verify (f->store, outsider, code, &found, &error);
  g_assert_error (error, FG_PERMISSION_ERROR, FG_PERMISSION_ERROR_OUT_OF_SCOPE);
  g_assert_cmpint (verdict, !=, FG_NOTICE_GENUINE);
  g_assert_null (found);
  g_clear_error (&error);
  listed = fg_notice_list (f->store, outsider, NULL, NULL, NULL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 0);
  g_assert_null (fg_notice_render (f->store, outsider, notices, &error));
  g_assert_error (error, FG_PERMISSION_ERROR, FG_PERMISSION_ERROR_OUT_OF_SCOPE);
  g_clear_error (&error);
  g_assert_false (fg_notice_record_service (f->store, outsider, notice, FG_NOTICE_SERVICE_REFUSED, NULL, NULL, NULL,
                                            &error));
  g_assert_error (error, FG_PERMISSION_ERROR, FG_PERMISSION_ERROR_OUT_OF_SCOPE);
  g_clear_error (&error);
  g_assert_false (fg_notice_void (f->store, insider, notice, "写错了", &error));
  g_assert_error (error, FG_PERMISSION_ERROR, FG_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);

  /* the village serves its own */
  fg_notice_record_service (f->store, insider, notice, FG_NOTICE_SERVICE_SERVED, "王建国", NULL, NULL, &error);
  g_assert_no_error (error);
}

/* Settings */

static void
test_notice_settings (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgNoticeSettings) settings = fg_notice_settings_load (f->store, &error);
  g_autoptr(FgNoticeSettings) reloaded = NULL;
  g_autoptr(FgNotice) before = NULL;
  g_autoptr(FgNotice) after = NULL;
  g_autoptr(FgNotice) record = NULL;
  g_autofree char *expected_before = expected_number ("冢头", "消限", this_year (), 1);
  g_autofree char *expected_after = expected_number ("冢镇", "限改", this_year (), 2);
  g_autofree char *expected_record = expected_number ("冢镇", "消检", this_year (), 1);
  static const char * const bad_shorts[] = {
    "冢 头", "冢头1", "冢头１", "冢/头", "冢头〔", "冢〕头", "冢[头", "冢(头", "冢（头）", "【冢头】", "", "一二三四五六七八九十百",
  };
  const char *issuer = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (settings->issuer_name, ==, "郏县冢头镇人民政府");
  g_assert_cmpstr (settings->issuer_short, ==, "冢头");
  g_assert_cmpstr (settings->codes[FG_NOTICE_KIND_INSPECTION_RECORD], ==, "消检");
  g_assert_cmpstr (settings->codes[FG_NOTICE_KIND_CORRECT_NOW], ==, "消即");
  g_assert_cmpstr (settings->codes[FG_NOTICE_KIND_CORRECT_BY_DEADLINE], ==, "消限");
  g_assert_cmpstr (settings->codes[FG_NOTICE_KIND_REINSPECTION], ==, "消复");
  g_assert_null (settings->font);

  before = issue_range (f, 0, 0);
  g_assert_cmpstr (fg_notice_get_number (before), ==, expected_before);

  /* names that would make numbers one cannot read back */
  for (guint i = 0; i < G_N_ELEMENTS (bad_shorts); i++)
    {
      g_free (settings->issuer_short);
      settings->issuer_short = g_strdup (bad_shorts[i]);
      g_test_message ("short name “%s”", bad_shorts[i]);
      g_assert_false (fg_notice_settings_save (f->store, f->admin, settings, &error));
      g_assert_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_free (settings->issuer_short);
  settings->issuer_short = g_strdup ("冢镇");
  g_free (settings->codes[FG_NOTICE_KIND_CORRECT_NOW]);
  settings->codes[FG_NOTICE_KIND_CORRECT_NOW] = g_strdup ("消 即");
  g_assert_false (fg_notice_settings_save (f->store, f->admin, settings, &error));
  g_assert_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID);
  g_clear_error (&error);
  g_free (settings->codes[FG_NOTICE_KIND_CORRECT_NOW]);
  settings->codes[FG_NOTICE_KIND_CORRECT_NOW] = g_strdup ("消即");
  g_free (settings->issuer_name);
  settings->issuer_name = g_strdup ("郏");
  g_assert_false (fg_notice_settings_save (f->store, f->admin, settings, &error));
  g_assert_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID);
  g_clear_error (&error);
  g_free (settings->issuer_name);
  settings->issuer_name = g_strdup ("郏县冢头镇人民政府");

  /* the authorities' names are names, never division codes */
  {
    char **fields[] = { &settings->issuer_name, &settings->review_body, &settings->court, &settings->self_name };
    const char *with_codes[] = { "411081神垕镇人民政府", "410425人民政府", "郏县1人民法院", "我镇1" };

    for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
      {
        g_autofree char *kept = g_strdup (*fields[i]);

        g_free (*fields[i]);
        *fields[i] = g_strdup (with_codes[i]);
        g_assert_false (fg_notice_settings_save (f->store, f->admin, settings, &error));
        g_assert_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID);
        g_clear_error (&error);
        g_free (*fields[i]);
        *fields[i] = g_steal_pointer (&kept);
      }
    reloaded = fg_notice_settings_load (f->store, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (reloaded->issuer_name, ==, "郏县冢头镇人民政府");
    g_assert_cmpstr (reloaded->review_body, ==, "郏县人民政府");
    g_assert_cmpstr (reloaded->court, ==, "郏县人民法院");
    g_assert_cmpstr (reloaded->self_name, ==, "我镇");
    g_clear_pointer (&reloaded, fg_notice_settings_free);
    g_assert_cmpint (query_int (f, "SELECT count(*) FROM setting WHERE key LIKE 'notice.%'"), ==, 0);
  }

  /* a font that is not installed */
  settings->font = g_strdup ("No Such Font Family 12345");
  g_assert_false (fg_notice_settings_save (f->store, f->admin, settings, &error));
  g_assert_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_FONT);
  g_clear_error (&error);
  g_clear_pointer (&settings->font, g_free);

  /* only an administrator changes them */
  g_free (settings->codes[FG_NOTICE_KIND_CORRECT_BY_DEADLINE]);
  settings->codes[FG_NOTICE_KIND_CORRECT_BY_DEADLINE] = g_strdup ("限改");
  g_assert_false (fg_notice_settings_save (f->store, f->staff, settings, &error));
  g_assert_error (error, FG_PERMISSION_ERROR, FG_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (fg_notice_settings_save (f->store, f->grid, settings, &error));
  g_assert_error (error, FG_PERMISSION_ERROR, FG_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);

  /* nothing refused was kept */
  reloaded = fg_notice_settings_load (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (reloaded->issuer_short, ==, "冢头");
  g_assert_cmpstr (reloaded->codes[FG_NOTICE_KIND_CORRECT_BY_DEADLINE], ==, "消限");
  g_clear_pointer (&reloaded, fg_notice_settings_free);

  fg_notice_settings_save (f->store, f->admin, settings, &error);
  g_assert_no_error (error);
  reloaded = fg_notice_settings_load (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (reloaded->issuer_short, ==, "冢镇");
  g_assert_cmpstr (reloaded->codes[FG_NOTICE_KIND_CORRECT_BY_DEADLINE], ==, "限改");
  g_assert_cmpstr (reloaded->codes[FG_NOTICE_KIND_INSPECTION_RECORD], ==, "消检");
  g_assert_null (reloaded->font);

  /* the next numbers use the new names; the sequence goes on */
  after = issue_range (f, 1, 1);
  g_assert_cmpstr (fg_notice_get_number (after), ==, expected_after);
  record = issue_record (f, NULL);
  g_assert_cmpstr (fg_notice_get_number (record), ==, expected_record);
  g_assert_true (g_variant_lookup (fg_notice_get_content (after), "issuer", "&s", &issuer));
  g_assert_cmpstr (issuer, ==, "郏县冢头镇人民政府");
  /* the earlier notice keeps the number it was issued under */
  g_clear_object (&before);
  before = fg_notice_load (f->store, f->admin, expected_before, &error);
  g_assert_no_error (error);
  {
    g_autofree char *before_code = fg_notice_dup_code (before);

    g_assert_cmpint (verify (f, before_code, NULL), ==, FG_NOTICE_GENUINE);
  }
}

/* Rendering */

static gboolean
have_font (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgPdf) pdf = fg_pdf_new (NULL, &error);

  if (pdf == NULL)
    {
      g_assert_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_FONT);
      g_test_skip (error->message);
      return FALSE;
    }
  g_test_message ("documents are set in %s", fg_pdf_get_font_name (pdf));
  return TRUE;
}

static gboolean
have_programs (const char *first,
               ...)
{
  va_list args;
  gboolean found = TRUE;

  va_start (args, first);
  for (const char *name = first; name != NULL && found; name = va_arg (args, const char *))
    {
      g_autofree char *path = g_find_program_in_path (name);

      if (path == NULL)
        {
          g_autofree char *message = g_strdup_printf ("%s is not installed", name);

          g_test_skip (message);
          found = FALSE;
        }
    }
  va_end (args);

  return found;
}

/* Runs a program; returns its exit status. */
static int
run_program (const char * const  *argv,
             char               **out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, out, &err, &status, &error);
  g_assert_no_error (error);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_test_message ("%s: %s", argv[0], err);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static GBytes *
render (Fixture   *f,
        FgNotice  *first,
        ...)
{
  g_autoptr(GPtrArray) notices = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GBytes *pdf;
  va_list args;

  va_start (args, first);
  for (FgNotice *notice = first; notice != NULL; notice = va_arg (args, FgNotice *))
    g_ptr_array_add (notices, notice);
  va_end (args);

  pdf = fg_notice_render (f->store, f->admin, notices, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  g_assert_cmpuint (g_bytes_get_size (pdf), >, 5);
  g_assert_cmpmem (g_bytes_get_data (pdf, NULL), 5, "%PDF-", 5);
  return pdf;
}

static char *
save_pdf (Fixture    *f,
          GBytes     *pdf,
          const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir.dir, name, NULL);

  g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

/* Text without white space: pdftotext breaks lines where the layout did. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

/* The text of pages @first to @last (0: all), squeezed, in the order it
 * was drawn: a table's cells one after the other, however narrow the gap
 * between its columns. */
static char *
pdf_text (const char *path,
          guint       first,
          guint       last)
{
  g_autofree char *first_text = g_strdup_printf ("%u", first);
  g_autofree char *last_text = g_strdup_printf ("%u", last);
  g_autofree char *out = NULL;
  const char *all[] = { "pdftotext", "-raw", "-enc", "UTF-8", path, "-", NULL };
  const char *pages[] = { "pdftotext", "-raw", "-enc", "UTF-8", "-f", first_text, "-l", last_text, path, "-", NULL };

  g_assert_cmpint (run_program (first > 0 ? pages : all, &out), ==, 0);
  g_assert_true (g_utf8_validate (out, -1, NULL));
  return squeeze (out);
}

static guint
pdf_pages (const char *path)
{
  g_autofree char *out = NULL;
  const char *argv[] = { "pdfinfo", path, NULL };
  const char *line;
  guint64 pages = 0;

  g_assert_cmpint (run_program (argv, &out), ==, 0);
  line = strstr (out, "\nPages:");
  g_assert_nonnull (line);
  line += strlen ("\nPages:");
  while (*line == ' ')
    line++;
  pages = g_ascii_strtoull (line, NULL, 10);
  g_assert_cmpuint (pages, >, 0);
  return (guint) pages;
}

static guint
count_occurrences (const char *text,
                   const char *what)
{
  guint n = 0;

  for (const char *p = strstr (text, what); p != NULL; p = strstr (p + strlen (what), what))
    n++;
  return n;
}

static void
assert_contains (const char *text,
                 const char *what)
{
  g_autofree char *squeezed = squeeze (what);

  if (strstr (text, squeezed) == NULL)
    g_error ("“%s” is not in the text of the PDF:\n%s", squeezed, text);
}

static void
test_notice_render (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgNotice) notice = NULL;
  g_autoptr(FgNotice) voided = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) voided_pdf = NULL;
  g_autoptr(GVariant) problems = NULL;
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(GPtrArray) one = g_ptr_array_new ();
  g_autofree char *path = NULL;
  g_autofree char *voided_path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *voided_text = NULL;
  g_autofree char *check = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *prefix = NULL;
  GVariantIter iter;
  const char *problem, *seen, *basis, *action;
  guint n_pages;

  if (!have_font () || !have_programs ("pdftotext", "pdfinfo", "pdftoppm", NULL))
    return;

  notice = issue_range (f, 0, 2);
  pdf = render (f, notice, NULL);
  path = save_pdf (f, pdf, "notice.pdf");
  text = pdf_text (path, 0, 0);

  assert_contains (text, "郏县冢头镇人民政府");
  assert_contains (text, "责令限期改正通知书");
  assert_contains (text, "老王烧烤");
  assert_contains (text, "李庄村人民路18号");
  assert_contains (text, fg_notice_get_number (notice));
  check = fg_notice_dup_check_code (notice);
  assert_contains (text, check);
  deadline = fg_notice_format_date (fg_notice_get_deadline (notice));
  assert_contains (text, deadline);
  assert_contains (text, "上述第1至3项");
  assert_contains (text, "送达回证");
  assert_contains (text, "王建国");
  /* each problem, with its legal basis and what to do */
  problems = g_variant_lookup_value (fg_notice_get_content (notice), "problems", G_VARIANT_TYPE ("a(ssss)"));
  g_assert_cmpuint (g_variant_n_children (problems), ==, 3);
  g_variant_iter_init (&iter, problems);
  while (g_variant_iter_next (&iter, "(&s&s&s&s)", &problem, &seen, &basis, &action))
    {
      g_auto(GStrv) bases = g_strsplit (basis, "；", -1);

      assert_contains (text, problem);
      assert_contains (text, action);
      g_assert_cmpuint (g_strv_length (bases), >, 0);
      for (guint i = 0; bases[i] != NULL; i++)
        assert_contains (text, bases[i]);
    }
  assert_contains (text, "《中华人民共和国消防法》");
  g_assert_null (strstr (text, "已作废"));

  /* poppler reads it all; a thumbnail renders */
  n_pages = pdf_pages (path);
  g_assert_cmpuint (n_pages, >=, 2);
  prefix = g_build_filename (f->dir.dir, "thumb", NULL);
  {
    const char *argv[] = { "pdftoppm", "-r", "30", "-png", path, prefix, NULL };

    g_assert_cmpint (run_program (argv, NULL), ==, 0);
  }
  /* the proof of service is the last page, and a document of its own */
  {
    g_autofree char *last = pdf_text (path, n_pages, n_pages);

    assert_contains (last, "送达回证");
    assert_contains (last, fg_notice_get_number (notice));
    assert_contains (last, "第 1 页 共 1 页");
  }

  /* a reprint of a voided notice says so */
  voided = issue_range (f, 3, 3);
  fg_notice_void (f->store, f->admin, voided, "场所名称写错", &error);
  g_assert_no_error (error);
  voided_pdf = render (f, voided, NULL);
  voided_path = save_pdf (f, voided_pdf, "voided.pdf");
  voided_text = pdf_text (voided_path, 1, 1);
  assert_contains (voided_text, "【已作废】场所名称写错");

  /* nothing to print; a grid worker may not print */
  g_assert_null (fg_notice_render (f->store, f->admin, none, &error));
  g_assert_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID);
  g_clear_error (&error);
  g_ptr_array_add (one, notice);
  g_assert_null (fg_notice_render (f->store, f->grid, one, &error));
  g_assert_error (error, FG_PERMISSION_ERROR, FG_PERMISSION_ERROR_DENIED);
}

/* Rare characters of names in Henan are drawn from the font, not left
 * out; a character no font has is named. */
static void
test_notice_render_rare_characters (Fixture       *f,
                                    gconstpointer  data)
{
  static const char rare[] = "郏浉渑淇濮堃喆昇珺赟";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hazards = NULL;
  g_autoptr(GPtrArray) notices = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(FgPdf) probe = NULL;
  g_autofree char *venue = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *missing = NULL;

  if (!have_font () || !have_programs ("pdftotext", NULL))
    return;

  probe = fg_pdf_new (NULL, &error);
  g_assert_no_error (error);
  missing = fg_pdf_dup_missing (probe, rare);
  if (missing != NULL)
    {
      g_autofree char *message = g_strdup_printf ("the font %s lacks %s", fg_pdf_get_font_name (probe), missing);

      g_test_skip (message);
      return;
    }
  g_clear_pointer (&missing, g_free);
  missing = fg_pdf_dup_missing (probe, "老王" NO_GLYPH "烧烤");
  g_assert_cmpstr (missing, ==, NO_GLYPH);

  venue = add_venue (f, rare, "王堃");
  hazards = inspect (f, venue, 1, NULL);
  g_ptr_array_add (notices, issue_order (f, FG_NOTICE_KIND_CORRECT_NOW, g_ptr_array_index (hazards, 0), NULL, NULL));
  pdf = fg_notice_render (f->store, f->admin, notices, &error);
  g_assert_no_error (error);
  path = save_pdf (f, pdf, "rare.pdf");
  text = pdf_text (path, 0, 0);
  assert_contains (text, rare);
  assert_contains (text, "王堃");

  /* a character no font has is refused before the document is numbered:
   * test-notice-fonts.c */
}

/* Checks that pages 2 to @n_pages of a document in @path carry the running
 * head and their page number, and that page 1 has only the number. */
static void
assert_pages (const char *path,
              guint       offset,
              guint       n_pages,
              const char *title,
              const char *number)
{
  g_autofree char *continued = g_strconcat (number, "（续）", NULL);

  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *text = pdf_text (path, offset + page, offset + page);
      g_autofree char *footer = g_strdup_printf ("第%u页共%u页", page, n_pages);

      assert_contains (text, footer);
      assert_contains (text, title);
      if (page == 1)
        g_assert_null (strstr (text, "（续）"));
      else
        assert_contains (text, continued);
    }
}

static void
test_notice_render_pages (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(FgNotice) record = NULL;
  g_autoptr(FgNotice) order = NULL;
  g_autoptr(GBytes) record_pdf = NULL;
  g_autoptr(GBytes) order_pdf = NULL;
  g_autofree char *record_path = NULL;
  g_autofree char *order_path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *all_items = NULL;
  guint n_pages;

  if (!have_font () || !have_programs ("pdftotext", "pdfinfo", NULL))
    return;

  /* the record of the whole checklist */
  record = issue_record (f, NULL);
  record_pdf = render (f, record, NULL);
  record_path = save_pdf (f, record_pdf, "record.pdf");
  n_pages = pdf_pages (record_path);
  g_test_message ("inspection record: %u pages", n_pages);
  g_assert_cmpuint (n_pages, >, 1);
  assert_pages (record_path, 0, n_pages, "现场检查记录", fg_notice_get_number (record));
  /* the table's header is repeated on the next page */
  text = pdf_text (record_path, 2, 2);
  assert_contains (text, "检查内容");
  g_clear_pointer (&text, g_free);
  text = pdf_text (record_path, 0, 0);
  assert_contains (text, "老王烧烤");
  assert_contains (text, "李干事");
  all_items = g_strdup_printf ("不合格%u项", f->hazard_ids->len);
  assert_contains (text, all_items);

  /* an order of every hazard, and its proof of service after it */
  order = issue_range (f, 0, f->hazard_ids->len - 1);
  order_pdf = render (f, order, NULL);
  order_path = save_pdf (f, order_pdf, "order.pdf");
  n_pages = pdf_pages (order_path);
  g_test_message ("order of %u hazards: %u pages with its proof of service", f->hazard_ids->len, n_pages);
  g_assert_cmpuint (n_pages, >, 2);
  assert_pages (order_path, 0, n_pages - 1, "责令限期改正通知书", fg_notice_get_number (order));
  g_clear_pointer (&text, g_free);
  text = pdf_text (order_path, n_pages, n_pages);
  assert_contains (text, "送达回证");
  assert_contains (text, "第1页共1页");
  g_clear_pointer (&all_items, g_free);
  all_items = g_strdup_printf ("上述第1至%u项", f->hazard_ids->len);
  g_clear_pointer (&text, g_free);
  text = pdf_text (order_path, 0, 0);
  assert_contains (text, all_items);
}

static void
test_notice_render_batch (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(FgNotice) order = NULL;
  g_autoptr(FgNotice) now = NULL;
  g_autoptr(FgNotice) record = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) single = NULL;
  g_autofree char *path = NULL;
  g_autofree char *single_path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *order_text = NULL;

  if (!have_font () || !have_programs ("pdftotext", "pdfinfo", NULL))
    return;

  order = issue_range (f, 0, 0);
  now = issue_order (f, FG_NOTICE_KIND_CORRECT_NOW, hazard (f, 1), NULL, NULL);
  record = issue_record (f, NULL);
  pdf = render (f, order, now, record, NULL);
  path = save_pdf (f, pdf, "batch.pdf");
  text = pdf_text (path, 0, 0);

  assert_contains (text, fg_notice_get_number (order));
  assert_contains (text, fg_notice_get_number (now));
  assert_contains (text, fg_notice_get_number (record));
  assert_contains (text, "责令限期改正通知书");
  assert_contains (text, "责令立即改正通知书");
  assert_contains (text, "现场检查记录");
  /* five documents, each numbered on its own: two notices and their
   * proofs of service, and the record */
  g_assert_cmpuint (count_occurrences (text, "第1页共"), ==, 5);
  g_assert_cmpuint (count_occurrences (text, "送达回证"), >=, 2);

  /* the batch starts with the order as it prints alone */
  single = render (f, order, NULL);
  single_path = save_pdf (f, single, "single.pdf");
  g_assert_cmpuint (pdf_pages (path), >, pdf_pages (single_path));
  order_text = pdf_text (path, 1, 1);
  assert_contains (order_text, fg_notice_get_number (order));
}

/* The text of page @page of @path (squeezed) holds a row of the table:
 * the start of one of @problems. */
static gboolean
page_has_row (const char *page_text,
              GVariant   *problems)
{
  GVariantIter iter;
  const char *problem, *seen, *basis, *action;

  g_variant_iter_init (&iter, problems);
  while (g_variant_iter_next (&iter, "(&s&s&s&s)", &problem, &seen, &basis, &action))
    {
      g_autofree char *start = g_utf8_substring (problem, 0, MIN (6, g_utf8_strlen (problem, -1)));

      if (strstr (page_text, start) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* An order of one or two findings is one page with its copies line; a
 * longer one never leaves its closing alone on a page: the page with the
 * seal and the copies line holds a row of the table too. */
static void
test_notice_render_closing (Fixture       *f,
                            gconstpointer  data)
{
  if (!have_font () || !have_programs ("pdftotext", "pdfinfo", NULL))
    return;

  for (guint n = 1; n <= f->hazard_ids->len; n++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *venue = g_strdup_printf ("第%u家饭店", n);
      g_autofree char *venue_id = add_venue (f, venue, "王建国");
      g_autoptr(GPtrArray) ids = inspect (f, venue_id, n, NULL);
      g_autofree char *deadline = days_from_today (30);
      g_autoptr(FgNotice) notice = NULL;
      g_autoptr(GBytes) pdf = NULL;
      g_autoptr(GVariant) problems = NULL;
      g_autofree char *name = g_strdup_printf ("order-%u.pdf", n);
      g_autofree char *path = NULL;
      guint n_pages;
      guint closing_page = 0;

      g_ptr_array_add (ids, NULL);
      notice = try_issue (f->store, f->admin, FG_NOTICE_KIND_CORRECT_BY_DEADLINE,
                          (const char * const *) ids->pdata, deadline, NULL, &error);
      g_assert_no_error (error);
      pdf = render (f, notice, NULL);
      problems = g_variant_lookup_value (fg_notice_get_content (notice), "problems", G_VARIANT_TYPE ("a(ssss)"));
      path = save_pdf (f, pdf, name);
      n_pages = pdf_pages (path);
      g_assert_nonnull (problems);
      g_assert_cmpuint (g_variant_n_children (problems), ==, n);
      /* the order's pages, then its proof of service on a page of its own */
      for (guint page = 1; page < n_pages; page++)
        {
          g_autofree char *text = pdf_text (path, page, page);

          if (strstr (text, "（印章）") != NULL || strstr (text, "一式两份") != NULL)
            {
              g_test_message ("%u findings: the closing on page %u of %u", n, page, n_pages - 1);
              g_assert_true (closing_page == 0 || closing_page == page);
              closing_page = page;
              g_assert_nonnull (strstr (text, "（印章）"));
              g_assert_nonnull (strstr (text, "一式两份"));
              g_assert_true (page_has_row (text, problems));
            }
        }
      g_assert_cmpuint (closing_page, ==, n_pages - 1);

      if (n == 1)
        {
          g_autofree char *first = pdf_text (path, 1, 1);

          g_assert_cmpuint (n_pages, ==, 2);
          assert_contains (first, "第 1 页 共 1 页");
        }
    }
}

/* The QR code on the page holds the code, and the code verifies. */
static void
test_notice_render_qr (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(FgNotice) notice = NULL;
  g_autoptr(FgNotice) found = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *path = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *png = NULL;
  g_autofree char *decoded = NULL;
  g_autofree char *code = NULL;

  if (!have_font () || !have_programs ("pdftoppm", "zbarimg", NULL))
    return;

  notice = issue_range (f, 0, 1);
  code = fg_notice_dup_code (notice);
  pdf = render (f, notice, NULL);
  path = save_pdf (f, pdf, "qr.pdf");
  prefix = g_build_filename (f->dir.dir, "page", NULL);
  png = g_strconcat (prefix, ".png", NULL);
  {
    const char *argv[] = { "pdftoppm", "-r", "200", "-png", "-f", "1", "-l", "1", "-singlefile", path, prefix, NULL };

    g_assert_cmpint (run_program (argv, NULL), ==, 0);
  }
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
  {
    const char *argv[] = { "zbarimg", "--quiet", "--raw", png, NULL };

    g_assert_cmpint (run_program (argv, &decoded), ==, 0);
  }
  g_strchomp (decoded);
  g_assert_cmpstr (decoded, ==, code);
  g_assert_cmpint (verify (f, decoded, &found), ==, FG_NOTICE_GENUINE);
  g_assert_cmpstr (fg_notice_get_id (found), ==, fg_notice_get_id (notice));
}

static void
test_notice_render_size (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(FgNotice) notice = NULL;
  g_autoptr(GBytes) pdf = NULL;

  if (!have_font ())
    return;

  notice = issue_range (f, 0, 0);
  pdf = render (f, notice, NULL);
  g_test_message ("one notice of one hazard: %" G_GSIZE_FORMAT " bytes", g_bytes_get_size (pdf));
  /* the font is cut down to the characters used: a Ming face is many
   * megabytes whole */
  g_assert_cmpuint (g_bytes_get_size (pdf), <, 150 * 1024);
}

static void
test_notice_blank_checklist (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) unknown = NULL;
  g_autoptr(GPtrArray) checklists = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *version = NULL;
  FgChecklist *newest = NULL;

  if (!have_font () || !have_programs ("pdftotext", "pdfinfo", NULL))
    return;

  checklists = fg_checklist_list (f->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < checklists->len; i++)
    {
      FgChecklist *checklist = g_ptr_array_index (checklists, i);

      if (g_strcmp0 (fg_checklist_get_category (checklist), "restaurant") == 0 &&
          (newest == NULL || fg_checklist_get_version (checklist) > fg_checklist_get_version (newest)))
        newest = checklist;
    }
  g_assert_nonnull (newest);

  pdf = fg_notice_render_blank_checklist (f->store, "restaurant", &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (pdf, NULL), 5, "%PDF-", 5);
  path = save_pdf (f, pdf, "checklist.pdf");
  text = pdf_text (path, 0, 0);
  version = g_strdup_printf ("第%u版", fg_checklist_get_version (newest));
  assert_contains (text, version);
  /* a form filled in by hand is all Chinese: no template id, no item
   * codes, no Latin letters at all */
  g_assert_null (strstr (text, fg_checklist_get_id (newest)));
  g_assert_null (strstr (text, "C-"));
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isalpha (*p))
      g_error ("a Latin letter in the blank form: %s", p);
  assert_contains (text, fg_checklist_get_title_zh (newest));
  assert_contains (text, "郏县冢头镇人民政府");
  /* every item, with boxes to tick */
  {
    GListModel *items = fg_checklist_get_items (newest);

    for (guint i = 0; i < g_list_model_get_n_items (items); i++)
      {
        g_autoptr(FgChecklistItem) item = g_list_model_get_item (items, i);

        assert_contains (text, fg_checklist_item_get_text_zh (item));
      }
    g_assert_cmpuint (count_occurrences (text, "□"), >=, 3 * g_list_model_get_n_items (items));
  }
  g_assert_cmpuint (pdf_pages (path), >=, 1);

  unknown = fg_notice_render_blank_checklist (f->store, "spaceship", &error);
  g_assert_null (unknown);
  g_assert_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "spaceship"));
}

/* The text of a document as one reads it: without the page numbers and
 * running heads, where a paragraph may go on to the next page. */
static char *
render_text (Fixture    *f,
             FgNotice   *notice,
             const char *name)
{
  g_autoptr(GBytes) pdf = render (f, notice, NULL);
  g_autofree char *path = save_pdf (f, pdf, name);
  g_autofree char *text = pdf_text (path, 0, 0);
  g_autoptr(GRegex) breaks = g_regex_new ("第\\d+页共\\d+页(.{1,40}?（续）)?", 0, 0, NULL);

  return g_regex_replace_literal (breaks, text, -1, 0, "", 0, NULL);
}

static void
assert_lacks (const char *text,
              const char *what)
{
  if (strstr (text, what) != NULL)
    g_error ("“%s” is in the text of the PDF:\n%s", what, text);
}

/* An order speaks as the office (我镇, not 我单位) and names who hears a
 * challenge to it, as the settings were when it was issued; an order to
 * correct at once has no time limit to overrun. */
static void
test_notice_render_voice (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgNotice) by_deadline = NULL;
  g_autoptr(FgNotice) now = NULL;
  g_autoptr(FgNotice) later = NULL;
  g_autoptr(FgNoticeSettings) settings = NULL;
  g_autofree char *text = NULL;
  g_autofree char *now_text = NULL;
  g_autofree char *again = NULL;
  g_autofree char *later_text = NULL;

  if (!have_font () || !have_programs ("pdftotext", "pdfinfo", NULL))
    return;

  by_deadline = issue_range (f, 0, 1);
  now = issue_order (f, FG_NOTICE_KIND_CORRECT_NOW, hazard (f, 2), NULL, NULL);

  text = render_text (f, by_deadline, "by-deadline.pdf");
  assert_contains (text, "向郏县人民政府申请行政复议");
  assert_contains (text, "向郏县人民法院提起行政诉讼");
  assert_contains (text, "如不服本通知书，可以在收到本通知书之日起六十日内");
  assert_contains (text, "或者在六个月内依法");
  assert_contains (text, "我镇于");
  assert_contains (text, "逾期不改正的");
  assert_lacks (text, "我单位");

  now_text = render_text (f, now, "now.pdf");
  assert_contains (now_text, "向郏县人民政府申请行政复议");
  assert_contains (now_text, "向郏县人民法院提起行政诉讼");
  assert_contains (now_text, "我镇于");
  assert_contains (now_text, "检查人员当场对改正情况进行核查");
  assert_lacks (now_text, "逾期");
  assert_lacks (now_text, "我单位");

  /* settings changed after issuing change the next order, not a reprint */
  settings = fg_notice_settings_load (f->store, &error);
  g_assert_no_error (error);
  g_free (settings->self_name);
  settings->self_name = g_strdup ("本机关");
  g_free (settings->review_body);
  settings->review_body = g_strdup ("宝丰县人民政府");
  g_free (settings->court);
  settings->court = g_strdup ("平顶山市新华区人民法院");
  g_assert_true (fg_notice_settings_save (f->store, f->admin, settings, &error));
  g_assert_no_error (error);

  again = render_text (f, by_deadline, "by-deadline-again.pdf");
  g_assert_cmpstr (again, ==, text);
  later = issue_range (f, 3, 3);
  later_text = render_text (f, later, "later.pdf");
  assert_contains (later_text, "向宝丰县人民政府申请行政复议");
  assert_contains (later_text, "向平顶山市新华区人民法院提起行政诉讼");
  assert_contains (later_text, "本机关于");
  assert_lacks (later_text, "我镇");
}

/* A document issued before its content named the office and who hears a
 * challenge prints as it did. */
static void
test_notice_render_earlier_wording (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgNotice) notice = NULL;
  g_autoptr(FgNotice) earlier = NULL;
  g_autoptr(GVariant) content = NULL;
  g_autofree char *printed = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *text = NULL;
  char *sql = NULL;
  GVariantDict dict;
  sqlite3 *db = NULL;
  char *message = NULL;

  if (!have_font () || !have_programs ("pdftotext", "pdfinfo", NULL))
    return;

  notice = issue_range (f, 0, 1);
  g_variant_dict_init (&dict, fg_notice_get_content (notice));
  g_variant_dict_remove (&dict, "self-name");
  g_variant_dict_remove (&dict, "review-body");
  g_variant_dict_remove (&dict, "court");
  content = g_variant_ref_sink (g_variant_dict_end (&dict));
  printed = g_variant_print (content, TRUE);
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, printed, -1);

  /* as a version without those keys issued it */
  g_assert_cmpint (sqlite3_open (f->dir.db_path, &db), ==, SQLITE_OK);
  sql = sqlite3_mprintf ("DROP TRIGGER notice_content_immutable;"
                         " UPDATE notice SET content = %Q, digest = %Q WHERE id = %Q",
                         printed, digest, fg_notice_get_id (notice));
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, &message), ==, SQLITE_OK);
  sqlite3_free (sql);
  sqlite3_close (db);

  earlier = fg_notice_load (f->store, f->admin, fg_notice_get_id (notice), &error);
  g_assert_no_error (error);
  text = render_text (f, earlier, "earlier.pdf");
  assert_contains (text, "我单位于");
  assert_contains (text, "逾期不改正的，将依法移送公安派出所或者消防救援机构处理。如不服本通知，可以在收到本通知之日起"
                         "六十日内依法申请行政复议，或者六个月内依法向人民法院提起行政诉讼。");
  assert_lacks (text, "郏县人民法院");
}

/* A township whose county's name is not known: its issuer's name has no
 * code in it, and no order is issued (nor numbered) until an
 * administrator names the review body and the court. */
static void
test_notice_without_county (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgNoticeSettings) settings = NULL;
  g_autoptr(FgNotice) refused = NULL;
  g_autoptr(FgNotice) order = NULL;
  g_autoptr(FgNotice) record = NULL;
  g_autofree char *deadline = days_from_today (30);
  g_autofree char *expected = expected_number ("冢头", "消限", this_year (), 1);
  const char *ids[] = { hazard (f, 0), NULL };
  const char *issuer = NULL;

  settings = fg_notice_settings_load (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (settings->issuer_name, ==, "冢头镇人民政府");
  g_assert_cmpstr (settings->review_body, ==, "");
  g_assert_cmpstr (settings->court, ==, "");
  g_assert_cmpstr (settings->self_name, ==, "我镇");

  refused = try_issue (f->store, f->admin, FG_NOTICE_KIND_CORRECT_BY_DEADLINE, ids, deadline, NULL, &error);
  g_assert_null (refused);
  /* said as the window shows it; the command line adds its command */
  g_assert_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_NO_REVIEW_BODY);
  g_assert_nonnull (strstr (error->message, "An administrator enters both in Document Settings."));
  g_assert_null (strstr (error->message, "firegrid-cli"));
  g_assert_null (strstr (error->message, "--review-body"));
  g_clear_error (&error);
  refused = try_issue (f->store, f->admin, FG_NOTICE_KIND_CORRECT_NOW, ids, NULL, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_NO_REVIEW_BODY);
  g_clear_error (&error);
  g_assert_cmpint (count_notices (f), ==, 0);

  /* a record commands nothing: it is issued, under a name without a code */
  record = issue_record (f, NULL);
  g_assert_true (g_variant_lookup (fg_notice_get_content (record), "issuer", "&s", &issuer));
  g_assert_cmpstr (issuer, ==, "冢头镇人民政府");

  /* the settings are saved without them, and one alone is not enough */
  g_assert_true (fg_notice_settings_save (f->store, f->admin, settings, &error));
  g_assert_no_error (error);
  g_free (settings->review_body);
  settings->review_body = g_strdup ("郏县人民政府");
  g_assert_true (fg_notice_settings_save (f->store, f->admin, settings, &error));
  g_assert_no_error (error);
  refused = try_issue (f->store, f->admin, FG_NOTICE_KIND_CORRECT_BY_DEADLINE, ids, deadline, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_NO_REVIEW_BODY);
  g_clear_error (&error);

  /* nor is the county's brigade known, to send a possibly major hazard to */
  refused = try_issue (f->store, f->admin, FG_NOTICE_KIND_MAJOR_HAZARD_LETTER, ids, NULL, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_NO_BRIGADE);
  g_assert_nonnull (strstr (error->message, "an administrator enters it in Document Settings."));
  g_assert_null (strstr (error->message, "firegrid-cli"));
  g_assert_null (strstr (error->message, "--brigade"));
  g_clear_error (&error);

  g_free (settings->court);
  settings->court = g_strdup ("郏县人民法院");
  g_assert_true (fg_notice_settings_save (f->store, f->admin, settings, &error));
  g_assert_no_error (error);
  order = try_issue (f->store, f->admin, FG_NOTICE_KIND_CORRECT_BY_DEADLINE, ids, deadline, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fg_notice_get_number (order), ==, expected);
  g_assert_true (g_variant_lookup (fg_notice_get_content (order), "court", "&s", &issuer));
  g_assert_cmpstr (issuer, ==, "郏县人民法院");
}

/* Migration 13 on a database whose documents were numbered uniquely
 * across the table: its documents, their hazards and the rules that keep
 * them unchanged all come through the rebuild, and the number is unique
 * per township only. */
static void
test_notice_upgrade_per_township (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(FgNotice) notice = issue_range (f, 0, 2);
  g_autoptr(FgNotice) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *number = g_strdup (fg_notice_get_number (notice));
  sqlite3 *db = NULL;
  char *message = NULL;
  int hazards = query_int (f, "SELECT count(*) FROM notice_hazard");

  /* as version 12 had it: the number unique on its own */
  g_assert_cmpint (sqlite3_open (f->dir.db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE UNIQUE INDEX notice_number_12 ON notice (number)", NULL, NULL, &message),
                   ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_true (fg_store_rerun_migration (f->store, 13, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM notice"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM notice_hazard"), ==, hazards);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM sqlite_master WHERE name = 'notice_number_12'"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'notice'"
                                 " AND sql LIKE '%UNIQUE (township_id, number)%'"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"
                                 " AND tbl_name = 'notice'"), ==, 5);

  again = fg_notice_load (f->store, f->admin, number, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fg_notice_get_id (again), ==, fg_notice_get_id (notice));
  g_assert_true (fg_notice_void (f->store, f->admin, again, "填错场所", &error));
  g_assert_no_error (error);

  /* what a document says still never changes */
  g_assert_cmpint (sqlite3_open (f->dir.db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE notice SET content = 'x'", NULL, NULL, &message), !=, SQLITE_OK);
  sqlite3_free (message);
  sqlite3_close (db);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/notice/kinds", test_notice_kinds);
  g_test_add_func ("/notice/number-format", test_notice_number_format);
  ADD ("/notice/numbering", test_notice_numbering);
  ADD ("/notice/numbering-many", test_notice_numbering_many);
  ADD ("/notice/two-connections", test_notice_two_connections);
  ADD ("/notice/threads", test_notice_threads);
  ADD ("/notice/issue-events", test_notice_issue_events);
  ADD ("/notice/issue-refused", test_notice_issue_refused);
  ADD ("/notice/void", test_notice_void);
  ADD ("/notice/service", test_notice_service);
  ADD ("/notice/reinspection", test_notice_reinspection);
  ADD ("/notice/verify", test_notice_verify);
  ADD ("/notice/verify-tampered", test_notice_verify_tampered);
  ADD ("/notice/upgrade-per-township", test_notice_upgrade_per_township);
  ADD ("/notice/scope", test_notice_scope);
  ADD ("/notice/settings", test_notice_settings);
  ADD ("/notice/render", test_notice_render);
  ADD ("/notice/render-rare-characters", test_notice_render_rare_characters);
  ADD ("/notice/render-pages", test_notice_render_pages);
  ADD ("/notice/render-batch", test_notice_render_batch);
  ADD ("/notice/render-qr", test_notice_render_qr);
  ADD ("/notice/render-closing", test_notice_render_closing);
  ADD ("/notice/render-size", test_notice_render_size);
  ADD ("/notice/blank-checklist", test_notice_blank_checklist);
  ADD ("/notice/render-voice", test_notice_render_voice);
  ADD ("/notice/render-earlier-wording", test_notice_render_earlier_wording);
  g_test_add ("/notice/without-county", Fixture, "no-county", fixture_set_up, test_notice_without_county,
              fixture_tear_down);

#undef ADD

  return g_test_run ();
}
