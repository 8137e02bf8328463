/* test-calendar.c — working days across holidays and make-up days
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "fg-test-util.h"

typedef struct
{
  FgTestDir dir;
  FgStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fg_test_dir_init (&f->dir);
  f->store = fg_office_open (f->dir.db_path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  fg_test_dir_clear (&f->dir);
}

static GDate *
date (const char *text)
{
  g_autoptr(GError) error = NULL;
  GDate *result = fg_calendar_parse_date (text, &error);

  g_assert_no_error (error);
  return result;
}

static void
test_calendar_workdays (Fixture       *f,
                        gconstpointer  data)
{
  static const struct { const char *date; gboolean workday; } days[] = {
    /* 2025 National Day and Mid-Autumn: Oct 1–8 off, Sep 28 (Sun) and Oct 11 (Sat) worked */
    { "2025-09-27", FALSE }, { "2025-09-28", TRUE }, { "2025-09-30", TRUE },
    { "2025-10-01", FALSE }, { "2025-10-08", FALSE }, { "2025-10-09", TRUE },
    { "2025-10-11", TRUE }, { "2025-10-12", FALSE },
    /* 2025 Spring Festival: Jan 28 – Feb 4 off, Jan 26 (Sun) and Feb 8 (Sat) worked */
    { "2025-01-26", TRUE }, { "2025-01-28", FALSE }, { "2025-02-04", FALSE },
    { "2025-02-05", TRUE }, { "2025-02-08", TRUE },
    /* 2026 New Year: Jan 1–3 off, Jan 4 (Sun) worked */
    { "2026-01-01", FALSE }, { "2026-01-02", FALSE }, { "2026-01-04", TRUE },
    /* 2026 Spring Festival: Feb 15–23 off, Feb 14 (Sat) and Feb 28 (Sat) worked */
    { "2026-02-13", TRUE }, { "2026-02-14", TRUE }, { "2026-02-16", FALSE },
    { "2026-02-23", FALSE }, { "2026-02-24", TRUE }, { "2026-02-28", TRUE },
    /* 2026 National Day: Oct 1–7 off, Sep 20 (Sun) and Oct 10 (Sat) worked; Mid-Autumn Sep 25–27 off */
    { "2026-09-20", TRUE }, { "2026-09-25", FALSE }, { "2026-10-01", FALSE },
    { "2026-10-07", FALSE }, { "2026-10-08", TRUE }, { "2026-10-10", TRUE },
    /* an ordinary week */
    { "2026-11-27", TRUE }, { "2026-11-28", FALSE }, { "2026-11-29", FALSE }, { "2026-11-30", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autoptr(GDate) day = date (days[i].date);

      g_test_message ("%s", days[i].date);
      g_assert_cmpint (fg_calendar_is_workday (f->store, day), ==, days[i].workday);
    }
}

static void
test_calendar_arithmetic (Fixture       *f,
                          gconstpointer  data)
{
  static const struct { const char *from; guint n; const char *expected; } adds[] = {
    /* a deadline notice within 3 working days of an inspection on the eve of National Day */
    { "2026-09-30", 3, "2026-10-10" },
    { "2025-09-30", 1, "2025-10-09" },
    { "2025-09-26", 1, "2025-09-28" },
    /* across the Spring Festival */
    { "2026-02-13", 1, "2026-02-14" },
    { "2026-02-13", 2, "2026-02-24" },
    { "2025-01-24", 2, "2025-01-27" },
    /* across New Year */
    { "2025-12-31", 1, "2026-01-04" },
    { "2026-11-27", 0, "2026-11-27" },
    { "2026-11-27", 5, "2026-12-04" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (adds); i++)
    {
      g_autoptr(GDate) from = date (adds[i].from);
      g_autoptr(GDate) result = fg_calendar_add_workdays (f->store, from, adds[i].n);
      g_autofree char *text = fg_calendar_format_date (result);
      g_autoptr(GDate) expected = date (adds[i].expected);

      g_test_message ("%s + %u", adds[i].from, adds[i].n);
      g_assert_cmpstr (text, ==, adds[i].expected);
      /* counting back gives the same number */
      g_assert_cmpint (fg_calendar_count_workdays (f->store, from, expected), ==, (int) adds[i].n);
    }

  {
    g_autoptr(GDate) a = date ("2025-09-30");
    g_autoptr(GDate) b = date ("2025-10-11");

    g_assert_cmpint (fg_calendar_count_workdays (f->store, a, b), ==, 3);
    g_assert_cmpint (fg_calendar_count_workdays (f->store, b, a), ==, -3);
  }
}

static void
test_calendar_years_and_names (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GDate) national = date ("2025-10-01");
  g_autoptr(GDate) makeup = date ("2026-02-14");
  g_autoptr(GDate) plain = date ("2026-03-10");
  g_autoptr(GDate) before_national = date ("2026-09-20");
  g_autoptr(GDate) after_national = date ("2026-10-10");
  g_autofree char *before_name = fg_calendar_dup_day_name (f->store, before_national);
  g_autofree char *after_name = fg_calendar_dup_day_name (f->store, after_national);
  g_autofree char *name = fg_calendar_dup_day_name (f->store, national);
  g_autofree char *makeup_name = fg_calendar_dup_day_name (f->store, makeup);
  g_autofree char *plain_name = fg_calendar_dup_day_name (f->store, plain);

  g_assert_true (fg_calendar_knows_year (f->store, 2025));
  g_assert_true (fg_calendar_knows_year (f->store, 2026));
  g_assert_false (fg_calendar_knows_year (f->store, 2027));
  g_assert_cmpstr (name, ==, "国庆节、中秋节");
  g_assert_cmpstr (makeup_name, ==, "春节调休上班");
  g_assert_null (plain_name);
  /* the State Council's notice of 4 November 2025 lists both make-up
   * days of 2026 under National Day (七、国庆节), none under Mid-Autumn */
  g_assert_cmpstr (before_name, ==, "国庆节调休上班");
  g_assert_cmpstr (after_name, ==, "国庆节调休上班");
}

/* The year deadlines set on a day may fall in, whose holidays are not
 * installed: the day's own, or in December the next. */
static void
test_calendar_missing_year (Fixture       *f,
                            gconstpointer  data)
{
  static const struct
  {
    const char *today;
    int missing;
  } cases[] = {
    { "2025-06-30", 0 },
    { "2025-12-15", 0 },     /* 2026 is known */
    { "2026-11-30", 0 },
    { "2026-12-01", 2027 },  /* a deadline may fall in January */
    { "2027-03-10", 2027 },
    { "2024-05-01", 2024 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDate) today = date (cases[i].today);

      g_assert_cmpint (fg_calendar_missing_year (f->store, today), ==, cases[i].missing);
    }
}

static FgActor *
add_account (FgStore    *store,
             FgActor    *admin,
             const char *login,
             FgRole      role)
{
  g_autoptr(FgAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  FgActor *actor;

  account = fg_account_create (store, admin, login, "某人", role, fg_store_get_home_region_id (store),
                               "long-password", &error);
  g_assert_no_error (error);
  actor = fg_account_login (store, login, "long-password", &error);
  g_assert_no_error (error);
  return actor;
}

static GBytes *
calendar_file (const char *years)
{
  char *text = g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                "<calendar xmlns=\"urn:firegrid:calendar:1\">\n%s</calendar>\n", years);

  return g_bytes_new_take (text, strlen (text));
}

/* A year the program came without, installed from a file by an
 * administrator: all of the file or nothing, and audited. */
static void
test_calendar_install (Fixture       *f,
                       gconstpointer  data)
{
  static const char year_2027[] =
    "<year value=\"2027\"><source>测试</source>"
    "<day date=\"2027-01-01\" kind=\"holiday\" name=\"元旦\"/>"
    "<day date=\"2027-01-09\" kind=\"workday\" name=\"调休上班\"/></year>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(FgAccount) account = NULL;
  g_autoptr(FgActor) admin = NULL;
  g_autoptr(FgActor) staff = NULL;
  g_autoptr(GBytes) good = NULL;
  g_autoptr(GBytes) stray = NULL;
  g_autoptr(GBytes) broken = g_bytes_new_static ("<calendar>", 10);
  g_autoptr(GBytes) correction = NULL;
  g_autoptr(GArray) years = NULL;
  g_autoptr(GDate) new_year = date ("2027-01-01");
  g_autoptr(GDate) saturday = date ("2027-01-09");
  g_autoptr(GDate) national = date ("2026-10-01");
  g_autoptr(GPtrArray) audit = NULL;
  gboolean audited = FALSE;

  account = fg_office_set_up_township_with_admin (f->store, "410425101", "冢头镇", "郏县", "admin", "张伟",
                                                  "long-password", &error);
  g_assert_no_error (error);
  admin = fg_account_login (f->store, "admin", "long-password", &error);
  g_assert_no_error (error);
  staff = add_account (f->store, admin, "staff", FG_ROLE_TOWNSHIP_STAFF);

  good = calendar_file (year_2027);
  g_assert_false (fg_calendar_knows_year (f->store, 2027));
  g_assert_true (fg_calendar_is_workday (f->store, new_year));

  /* not an administrator: refused, nothing installed */
  g_assert_false (fg_calendar_install_file (f->store, staff, good, "2027.xml", NULL, &error));
  g_assert_error (error, FG_PERMISSION_ERROR, FG_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (fg_calendar_knows_year (f->store, 2027));

  /* not a calendar, or a day of another year in it: nothing installed */
  g_assert_false (fg_calendar_install_file (f->store, admin, broken, "broken.xml", NULL, &error));
  g_assert_error (error, FG_CALENDAR_ERROR, FG_CALENDAR_ERROR_INVALID);
  g_clear_error (&error);
  stray = calendar_file ("<year value=\"2027\"><source>测试</source>"
                         "<day date=\"2027-01-01\" kind=\"holiday\" name=\"元旦\"/>"
                         "<day date=\"2028-01-01\" kind=\"holiday\" name=\"元旦\"/></year>\n");
  g_assert_false (fg_calendar_install_file (f->store, admin, stray, "stray.xml", NULL, &error));
  g_assert_error (error, FG_CALENDAR_ERROR, FG_CALENDAR_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2028-01-01"));
  g_clear_error (&error);
  g_assert_false (fg_calendar_knows_year (f->store, 2027));
  g_assert_true (fg_calendar_is_workday (f->store, new_year));

  /* installed: the holiday is off, the Saturday worked */
  fg_calendar_install_file (f->store, admin, good, "2027.xml", &years, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (years->len, ==, 1);
  g_assert_cmpint (g_array_index (years, int, 0), ==, 2027);
  g_assert_true (fg_calendar_knows_year (f->store, 2027));
  g_assert_false (fg_calendar_is_workday (f->store, new_year));
  g_assert_true (fg_calendar_is_workday (f->store, saturday));

  /* a correction replaces its year: 1 October 2026 no longer a holiday */
  g_assert_false (fg_calendar_is_workday (f->store, national));
  correction = calendar_file ("<year value=\"2026\"><source>更正</source>"
                              "<day date=\"2026-10-02\" kind=\"holiday\" name=\"国庆节\"/></year>\n");
  fg_calendar_install_file (f->store, admin, correction, "2026.xml", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (fg_calendar_is_workday (f->store, national));
  g_assert_true (fg_calendar_knows_year (f->store, 2026));

  /* and the audit log says who did it */
  audit = fg_audit_list (f->store, admin, "calendar-2027", 10, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < audit->len; i++)
    {
      FgAuditEntry *entry = g_ptr_array_index (audit, i);

      if (g_strcmp0 (entry->action, "calendar-install") == 0 && g_strcmp0 (entry->actor_login, "admin") == 0)
        audited = TRUE;
    }
  g_assert_true (audited);
}

/* What the officer hears as a deadline is chosen: which working day after
 * today it is, or why it is none; no number while a year between has no
 * holidays installed. */
static void
test_calendar_describe (Fixture       *f,
                        gconstpointer  data)
{
  static const struct { const char *today; const char *deadline; FgCalendarDayKind kind; const char *said; } cases[] = {
    /* Monday 2026-11-30 to Friday 2026-12-04: the fourth working day */
    { "2026-11-30", "2026-12-04", FG_CALENDAR_DAY_WORKDAY, "Working day 4" },
    { "2026-11-27", "2026-12-08", FG_CALENDAR_DAY_WORKDAY, "Working day 7" },
    { "2026-11-27", "2026-11-28", FG_CALENDAR_DAY_WEEKEND, "Saturday, not a working day" },
    { "2026-11-27", "2026-11-29", FG_CALENDAR_DAY_WEEKEND, "Sunday, not a working day" },
    /* New Year 2026: 1 January off, as 2 January; 4 January (a Sunday) worked */
    { "2025-12-29", "2026-01-01", FG_CALENDAR_DAY_HOLIDAY, "元旦 holiday, not a working day" },
    { "2025-12-29", "2026-01-04", FG_CALENDAR_DAY_MAKEUP_WORKDAY, "Working day 3, 元旦调休上班" },
    /* across National Day: 30 September, 8 and 9 October, then the Saturday 10 October */
    { "2026-09-29", "2026-10-10", FG_CALENDAR_DAY_MAKEUP_WORKDAY, "Working day 4, 国庆节调休上班" },
    { "2026-09-29", "2026-10-12", FG_CALENDAR_DAY_WORKDAY, "Working day 5" },
    { "2026-12-07", "2026-12-07", FG_CALENDAR_DAY_WORKDAY, "Today" },
    { "2026-12-07", "2026-12-04", FG_CALENDAR_DAY_WORKDAY, "Before today" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDate) today = date (cases[i].today);
      g_autoptr(GDate) deadline = date (cases[i].deadline);
      g_autofree char *said = fg_calendar_describe_deadline (f->store, today, deadline);

      g_test_message ("%s → %s", cases[i].today, cases[i].deadline);
      g_assert_cmpint (fg_calendar_get_day_kind (f->store, deadline), ==, cases[i].kind);
      g_assert_cmpstr (said, ==, cases[i].said);
    }

  /* 2027's holidays are not installed: a deadline in January 2027 gets no
   * number, even on a day that would be an ordinary working day */
  {
    g_autoptr(GDate) today = date ("2026-12-21");
    g_autoptr(GDate) monday = date ("2027-01-04");
    g_autoptr(GDate) december = date ("2026-12-31");
    g_autofree char *said = fg_calendar_describe_deadline (f->store, today, monday);
    g_autofree char *known = fg_calendar_describe_deadline (f->store, today, december);

    g_assert_cmpint (fg_calendar_missing_year_between (f->store, today, monday), ==, 2027);
    g_assert_cmpint (fg_calendar_missing_year_between (f->store, monday, today), ==, 2027);
    g_assert_cmpint (fg_calendar_missing_year_between (f->store, today, december), ==, 0);
    g_assert_cmpstr (said, ==, "The holidays of 2027 are not installed: the count of working days may be wrong");
    g_assert_cmpstr (known, ==, "Working day 8");
  }
}

static void
test_calendar_parse (void)
{
  static const char * const bad[] = { "2026-02-30", "2026/10/01", "2026-1-5", "", "2026-10-01x", "明天" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDate) parsed = fg_calendar_parse_date (bad[i], &error);

      g_assert_error (error, FG_CALENDAR_ERROR, FG_CALENDAR_ERROR_INVALID_DATE);
      g_assert_null (parsed);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/calendar/workdays", Fixture, NULL, fixture_set_up, test_calendar_workdays, fixture_tear_down);
  g_test_add ("/calendar/arithmetic", Fixture, NULL, fixture_set_up, test_calendar_arithmetic, fixture_tear_down);
  g_test_add ("/calendar/years-and-names", Fixture, NULL, fixture_set_up, test_calendar_years_and_names, fixture_tear_down);
  g_test_add ("/calendar/missing-year", Fixture, NULL, fixture_set_up, test_calendar_missing_year, fixture_tear_down);
  g_test_add ("/calendar/install", Fixture, NULL, fixture_set_up, test_calendar_install, fixture_tear_down);
  g_test_add ("/calendar/describe", Fixture, NULL, fixture_set_up, test_calendar_describe, fixture_tear_down);
  g_test_add_func ("/calendar/parse", test_calendar_parse);

  return g_test_run ();
}
