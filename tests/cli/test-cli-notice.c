/* test-cli-notice.c — firegrid-cli notice and checklist print, as a user runs them
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the built program (FIREGRID_CLI, set by meson) as a subprocess on
 * a demo township: documents issued, listed, printed, verified, served
 * and voided, and the usage errors of each command. The check code a
 * person would read off the paper is read from the database instead.
 */
#include "fg-cli-test-util.h"

typedef struct
{
  char *dir;
  char *db;
  char *xdg_data_home;

  /* who the next runs log in as: --user and FIREGRID_PASSWORD */
  const char *user;
  const char *password;
} Fixture;

static void
log_in_as (Fixture    *f,
           const char *user,
           const char *password)
{
  f->user = user;
  f->password = password;
}

/* Runs firegrid-cli --db on the fixture's database with the arguments
 * (NULL-terminated), as the fixture's user. */
static Result *
run (Fixture    *f,
     const char *first_arg,
     ...)
{
  va_list args;
  Result *result;

  va_start (args, first_arg);
  /* relative paths (--out x.pdf) land in the fixture */
  result = run_cli_valist (f->db, f->user, f->password, f->xdg_data_home, f->dir, NULL, first_arg, args);
  va_end (args);

  return result;
}

/* A verdict other than genuine: said on stdout, exit status 1. */
#define assert_not_genuine(result, verdict) \
  G_STMT_START { \
    g_assert_cmpint ((result)->status, ==, 1); \
    g_assert_nonnull (strstr ((result)->out, (verdict))); \
    g_assert_true (g_str_has_prefix ((result)->err, "firegrid-cli: ")); \
  } G_STMT_END

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Result) demo = NULL;

  f->dir = g_dir_make_tmp ("firegrid-cli-notice-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "township.db", NULL);
  f->xdg_data_home = g_build_filename (f->dir, "xdg", NULL);

  demo = run (f, "demo", NULL);
  assert_success (demo);
  log_in_as (f, "admin", "demo-admin");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  fg_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->xdg_data_home);
}

static char *
today_text (void)
{
  g_autoptr(GDate) today = g_date_new ();
  char text[16];

  g_date_set_time_t (today, time (NULL));
  g_snprintf (text, sizeof text, "%04u-%02u-%02u", g_date_get_year (today), g_date_get_month (today),
              g_date_get_day (today));
  return g_strdup (text);
}

static int
this_year (void)
{
  g_autoptr(GDate) today = g_date_new ();

  g_date_set_time_t (today, time (NULL));
  return g_date_get_year (today);
}

/* Records an inspection of the venue in row @row of the venue list that
 * fails @fail (comma-separated codes), by the administrator with @with
 * (a login), or alone when @with is NULL; returns the hazards' ids. */
static GStrv
inspect_with (Fixture    *f,
              guint       row,
              const char *fail,
              const char *with)
{
  g_autoptr(Result) venues = run (f, "venue", "list", "--format", "tsv", NULL);
  g_autoptr(Result) record = NULL;
  g_autoptr(Result) show = NULL;
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_auto(GStrv) rows = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *venue = NULL;

  assert_success (venues);
  rows = g_strsplit (venues->out, "\n", -1);
  g_assert_cmpuint (g_strv_length (rows), >, row);
  venue = g_strndup (rows[row], strcspn (rows[row], "\t"));

  if (with != NULL)
    record = run (f, "inspection", "record", "--venue", venue, "--fail", fail, "--with", with, "--format", "tsv",
                  NULL);
  else
    record = run (f, "inspection", "record", "--venue", venue, "--fail", fail, "--format", "tsv", NULL);
  assert_success (record);

  /* the venue's open hazards: those it found */
  show = run (f, "hazard", "list", "--state", "open", "--format", "tsv", NULL);
  assert_success (show);
  lines = g_strsplit (show->out, "\n", -1);
  for (guint i = 0; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, 9);
      /* the ledger names each hazard by what was found */
      g_assert_cmpstr (fields[8], !=, "");
      if (g_str_equal (fields[2], venue))
        g_strv_builder_add (ids, fields[0]);
    }

  return g_strv_builder_end (ids);
}

/* An inspection by two officers, as law-enforcement inspections are made:
 * the administrator and the staff member. */
static GStrv
inspect (Fixture    *f,
         guint       row,
         const char *fail)
{
  return inspect_with (f, row, fail, "staff");
}

/* Two open hazards of one venue (found by one inspection), and a third of
 * another venue: found now, whatever the demo's history left open. */
static void
open_hazards (Fixture  *f,
              char    **first,
              char    **second,
              char    **third)
{
  g_auto(GStrv) two = inspect (f, 280, "C-MGT-01,C-EXT-01");
  g_auto(GStrv) one = inspect (f, 290, "C-EXT-01");

  g_assert_cmpuint (g_strv_length (two), ==, 2);
  g_assert_cmpuint (g_strv_length (one), ==, 1);
  *first = g_strdup (two[0]);
  *second = g_strdup (two[1]);
  *third = g_strdup (one[0]);
}

/* The number printed by “notice issue”: NUMBER, tab, id. */
static char *
issued_number (Result *issue,
               char  **id)
{
  g_auto(GStrv) fields = NULL;

  assert_success (issue);
  g_assert_true (g_str_has_suffix (issue->out, "\n"));
  g_assert_cmpuint (count_lines (issue->out), ==, 1);
  fields = g_strsplit (g_strchomp (issue->out), "\t", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, 2);
  g_assert_cmpuint (strlen (fields[1]), ==, 36);
  if (id != NULL)
    *id = g_strdup (fields[1]);
  return g_strdup (fields[0]);
}

/* What the document's QR code holds, with the digest read from the
 * database (a person reads it off the paper). */
static char *
notice_code (Fixture    *f,
             const char *number)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *code;

  g_assert_cmpint (sqlite3_open_v2 (f->db, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT digest FROM notice WHERE number = ?1", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  code = g_strconcat ("FGDOC/1/", number, "/", (const char *) sqlite3_column_text (stmt, 0), NULL);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return code;
}

/* 冢头消限字〔2026〕第0003号 → 3 */
static guint
number_seq (const char *number)
{
  const char *start = strstr (number, "第");
  char *end = NULL;
  guint64 seq;

  g_assert_nonnull (start);
  seq = g_ascii_strtoull (start + strlen ("第"), &end, 10);
  g_assert_cmpstr (end, ==, "号");
  return (guint) seq;
}

static void
assert_pdf_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
}

/* Issued, listed, verified, served, escalated, voided, and issued again. */
static void
test_cli_notice_lifecycle (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *number = NULL;
  g_autofree char *id = NULL;
  g_autofree char *now_number = NULL;
  g_autofree char *again_number = NULL;
  g_autofree char *code = NULL;
  g_autofree char *altered = NULL;
  g_autofree char *check = NULL;
  g_autofree char *unknown = NULL;
  g_autofree char *today = today_text ();
  g_autofree char *prefix = g_strdup_printf ("冢头消限字〔%d〕第", this_year ());
  g_autofree char *now_prefix = g_strdup_printf ("冢头消即字〔%d〕第", this_year ());
  g_autoptr(Result) issue = NULL;
  g_autoptr(Result) issue_now = NULL;
  g_autoptr(Result) rectifying = NULL;
  g_autoptr(Result) list = NULL;
  g_autoptr(Result) verify = NULL;
  g_autoptr(Result) verify_typed = NULL;
  g_autoptr(Result) verify_altered = NULL;
  g_autoptr(Result) verify_unknown = NULL;
  g_autoptr(Result) verify_garbage = NULL;
  g_autoptr(Result) verify_voided = NULL;
  g_autoptr(Result) served_nobody = NULL;
  g_autoptr(Result) served = NULL;
  g_autoptr(Result) refused = NULL;
  g_autoptr(Result) escalate = NULL;
  g_autoptr(Result) transferred = NULL;
  g_autoptr(Result) void_no_reason = NULL;
  g_autoptr(Result) voided = NULL;
  g_autoptr(Result) void_again = NULL;
  g_autoptr(Result) serve_voided = NULL;
  g_autoptr(Result) after_void = NULL;
  g_autoptr(Result) reopened = NULL;
  g_autoptr(Result) again = NULL;
  g_autoptr(Result) twice = NULL;
  g_autoptr(Result) before = run (f, "notice", "list", "--format", "tsv", NULL);

  assert_success (before);
  open_hazards (f, &a, &b, &c);

  /* a notice of two hazards of one venue */
  issue = run (f, "notice", "issue", "--kind", "correct-by-deadline", "--hazard", a, "--hazard", b,
               "--deadline", cli_test_day_ahead (200), "--confirm", NULL);
  number = issued_number (issue, &id);
  g_assert_true (g_str_has_prefix (number, prefix));
  rectifying = run (f, "hazard", "list", "--state", "rectifying", "--format", "tsv", NULL);
  assert_success (rectifying);
  g_assert_nonnull (strstr (rectifying->out, a));
  g_assert_nonnull (strstr (rectifying->out, b));
  g_assert_null (strstr (rectifying->out, c));
  g_assert_nonnull (strstr (rectifying->out, cli_test_day_ahead (200)));

  /* a hazard under a notice gets no second one */
  twice = run (f, "notice", "issue", "--kind", "correct-now", "--hazard", a, NULL);
  assert_refused (twice, 1);

  issue_now = run (f, "notice", "issue", "--kind", "correct-now", "--hazard", c, NULL);
  now_number = issued_number (issue_now, NULL);
  g_assert_true (g_str_has_prefix (now_number, now_prefix));

  /* the list, the latest first (after the demo's documents): number,
   * kind, issued, venue, deadline, service, void, id */
  list = run (f, "notice", "list", "--format", "tsv", NULL);
  assert_success (list);
  g_assert_cmpuint (count_lines (list->out), ==, count_lines (before->out) + 2);
  {
    g_auto(GStrv) lines = g_strsplit (list->out, "\n", -1);
    g_auto(GStrv) latest = g_strsplit (lines[0], "\t", -1);
    g_auto(GStrv) first = g_strsplit (lines[1], "\t", -1);

    g_assert_cmpuint (g_strv_length (first), ==, 8);
    g_assert_cmpstr (latest[0], ==, now_number);
    g_assert_cmpstr (first[0], ==, number);
    g_assert_cmpstr (first[1], ==, "correct-by-deadline");
    g_assert_cmpstr (first[2], ==, today);
    g_assert_cmpstr (first[3], !=, "");
    g_assert_cmpstr (first[4], ==, cli_test_day_ahead (200));
    g_assert_cmpstr (first[5], ==, "none");
    g_assert_cmpstr (first[6], ==, "no");
    g_assert_cmpstr (first[7], ==, id);
    g_assert_cmpstr (latest[1], ==, "correct-now");
  }

  /* verified: as scanned, as typed, altered, unknown, not a code */
  code = notice_code (f, number);
  verify = run (f, "notice", "verify", code, NULL);
  assert_success (verify);
  g_assert_nonnull (strstr (verify->out, "Genuine"));
  g_assert_nonnull (strstr (verify->out, number));

  check = g_ascii_strup (code + strlen (code) - 64, 12);
  {
    g_autofree char *typed_check = g_strdup_printf ("%.4s-%.4s-%.4s", check, check + 4, check + 8);
    g_autoptr(GString) typed_number = g_string_new (number);

    g_string_replace (typed_number, "〔", "[", 0);
    g_string_replace (typed_number, "〕", "]", 0);
    verify_typed = run (f, "notice", "verify", typed_number->str, typed_check, NULL);
    assert_success (verify_typed);
    g_assert_nonnull (strstr (verify_typed->out, "Genuine"));
  }

  altered = g_strdup (code);
  altered[strlen (altered) - 1] = altered[strlen (altered) - 1] == '0' ? '1' : '0';
  verify_altered = run (f, "notice", "verify", altered, NULL);
  assert_not_genuine (verify_altered, "Altered");

  unknown = g_strdup_printf ("%s%04u号", prefix, number_seq (number) + 90);
  verify_unknown = run (f, "notice", "verify", unknown, NULL);
  assert_not_genuine (verify_unknown, "Unknown");

  verify_garbage = run (f, "notice", "verify", "FGDOC/1/", NULL);
  assert_refused (verify_garbage, 1);

  /* service: served needs whom; a refusal to sign is served by leaving
   * the document (留置送达), and hands the hazard to no one */
  served_nobody = run (f, "notice", "serve", number, "served", NULL);
  assert_refused (served_nobody, 1);
  served = run (f, "notice", "serve", number, "served", "--to", "王建国", NULL);
  assert_success (served);
  refused = run (f, "notice", "serve", now_number, "refused", "--note", "拒绝签收", NULL);
  assert_success (refused);
  g_clear_pointer (&list, result_free);
  list = run (f, "notice", "list", "--format", "tsv", NULL);
  assert_success (list);
  {
    g_autofree char *service = tsv_lookup (list->out, 0, now_number, 5);
    g_autofree char *first_service = tsv_lookup (list->out, 0, number, 5);

    g_assert_cmpstr (service, ==, "refused");
    g_assert_cmpstr (first_service, ==, "served");
  }
  /* the demo ran the rules today already: a second run adds nothing */
  escalate = run (f, "escalate", NULL);
  assert_success (escalate);
  g_assert_nonnull (strstr (escalate->out, "0 hazards escalated for being overdue"));
  g_assert_null (strstr (escalate->out, "transferred"));
  transferred = run (f, "hazard", "list", "--state", "transferred", "--format", "tsv", NULL);
  assert_success (transferred);
  g_assert_null (strstr (transferred->out, c));

  /* voided: with a reason, once; its hazards are open again */
  void_no_reason = run (f, "notice", "void", number, NULL);
  assert_refused (void_no_reason, 1);
  voided = run (f, "notice", "void", number, "--reason", "场所名称写错", NULL);
  assert_success (voided);
  g_assert_nonnull (strstr (voided->out, number));
  void_again = run (f, "notice", "void", number, "--reason", "再次作废", NULL);
  assert_refused (void_again, 1);
  serve_voided = run (f, "notice", "serve", number, "refused", NULL);
  assert_refused (serve_voided, 1);
  verify_voided = run (f, "notice", "verify", code, NULL);
  assert_not_genuine (verify_voided, "voided");

  after_void = run (f, "notice", "list", "--format", "tsv", NULL);
  assert_success (after_void);
  {
    g_autofree char *void_field = tsv_lookup (after_void->out, 0, number, 6);

    g_assert_cmpstr (void_field, ==, "yes");
  }
  reopened = run (f, "hazard", "list", "--state", "open", "--format", "tsv", NULL);
  assert_success (reopened);
  g_assert_nonnull (strstr (reopened->out, a));
  g_assert_nonnull (strstr (reopened->out, b));

  /* the right notice takes the next number; the voided one keeps its own */
  again = run (f, "notice", "issue", "--kind", "correct-by-deadline", "--hazard", a, "--hazard", b,
               "--deadline", cli_test_day_ahead (200), "--confirm", NULL);
  again_number = issued_number (again, NULL);
  g_assert_true (g_str_has_prefix (again_number, prefix));
  g_assert_cmpuint (number_seq (again_number), ==, number_seq (number) + 1);
}

/* Printing: a notice, a batch, a blank checklist. */
/* The text of a PDF without white space or page breaks, or NULL (and the
 * test skipped) when pdftotext is not installed. */
static char *
pdf_words (const char *path)
{
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) breaks = NULL;
  g_autoptr(GString) words = g_string_new (NULL);
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  int status = 0;

  if (program == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return NULL;
    }
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (out, -1, NULL));
  for (const char *p = out; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (words, g_utf8_get_char (p));
  breaks = g_regex_new ("第\\d+页共\\d+页(.{1,40}?（续）)?", 0, 0, NULL);
  return g_regex_replace_literal (breaks, words->str, -1, 0, "", 0, NULL);
}

/* An order as printed: the office speaks as 我镇, names who hears a
 * challenge, and one to correct at once has no "逾期"; settings changed
 * afterwards leave a reprint as it was. */
static void
assert_order_wording (Fixture    *f,
                      const char *number,
                      const char *by_deadline_pdf,
                      const char *now_pdf)
{
  g_autofree char *again_pdf = g_build_filename (f->dir, "again.pdf", NULL);
  g_autofree char *text = pdf_words (by_deadline_pdf);
  g_autofree char *now_text = NULL;
  g_autofree char *again = NULL;
  g_autoptr(Result) settings = NULL;
  g_autoptr(Result) digits = NULL;
  g_autoptr(Result) reprint = NULL;

  if (text == NULL)
    return;
  g_assert_nonnull (strstr (text, "向郏县人民政府申请行政复议"));
  g_assert_nonnull (strstr (text, "向郏县人民法院提起行政诉讼"));
  g_assert_nonnull (strstr (text, "我镇"));
  g_assert_nonnull (strstr (text, "逾期不改正"));
  g_assert_null (strstr (text, "我单位"));
  now_text = pdf_words (now_pdf);
  g_assert_nonnull (strstr (now_text, "向郏县人民法院提起行政诉讼"));
  g_assert_null (strstr (now_text, "逾期"));
  g_assert_null (strstr (now_text, "我单位"));

  digits = run (f, "notice", "settings", "--issuer-name", "411081神垕镇人民政府", NULL);
  assert_refused (digits, 1);
  settings = run (f, "notice", "settings", "--self-name", "本机关", "--review-body", "宝丰县人民政府",
                  "--court", "平顶山市新华区人民法院", NULL);
  assert_success (settings);
  g_assert_nonnull (strstr (settings->out, "平顶山市新华区人民法院"));
  g_assert_nonnull (strstr (settings->out, "郏县冢头镇人民政府"));
  reprint = run (f, "notice", "render", number, "--out", again_pdf, NULL);
  assert_success (reprint);
  again = pdf_words (again_pdf);
  g_assert_cmpstr (again, ==, text);
}

static void
test_cli_notice_render (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *number = NULL;
  g_autofree char *now_number = NULL;
  g_autofree char *notice_pdf = g_build_filename (f->dir, "notice.pdf", NULL);
  g_autofree char *issued_pdf = g_build_filename (f->dir, "issued.pdf", NULL);
  g_autofree char *batch_pdf = g_build_filename (f->dir, "batch.pdf", NULL);
  g_autofree char *form_pdf = g_build_filename (f->dir, "form.pdf", NULL);
  g_autofree char *nothing_pdf = g_build_filename (f->dir, "nothing.pdf", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(Result) issue = NULL;
  g_autoptr(Result) issue_now = NULL;
  g_autoptr(Result) render = NULL;
  g_autoptr(Result) batch = NULL;
  g_autoptr(Result) form = NULL;
  g_autoptr(Result) no_form = NULL;
  g_autoptr(Result) unknown = NULL;
  g_autoptr(Result) by_grid = NULL;
  g_autoptr(Result) open_before = run (f, "notice", "list", "--open", "--format", "tsv", NULL);
  g_autofree char *n_written = NULL;

  assert_success (open_before);
  open_hazards (f, &a, &b, &c);
  issue = run (f, "notice", "issue", "--kind", "correct-by-deadline", "--hazard", a,
               "--deadline", cli_test_day_ahead (200), "--confirm", NULL);
  number = issued_number (issue, NULL);

  render = run (f, "notice", "render", number, "--out", notice_pdf, NULL);
  if (render->status != 0 && strstr (render->err, "font") != NULL)
    {
      g_test_skip (render->err);
      return;
    }
  assert_success (render);
  g_assert_nonnull (strstr (render->out, "1 document written"));
  assert_pdf_file (notice_pdf);

  /* issued and written at once */
  issue_now = run (f, "notice", "issue", "--kind", "correct-now", "--hazard", c, "--out", issued_pdf, NULL);
  now_number = issued_number (issue_now, NULL);
  assert_pdf_file (issued_pdf);

  /* every open notice in one file: the demo's and these two */
  batch = run (f, "notice", "render", "--open", "--out", batch_pdf, NULL);
  assert_success (batch);
  n_written = g_strdup_printf ("%u documents written", count_lines (open_before->out) + 2);
  g_assert_nonnull (strstr (batch->out, n_written));
  assert_pdf_file (batch_pdf);

  assert_order_wording (f, number, notice_pdf, issued_pdf);

  /* a blank checklist needs no document, and names no venue */
  form = run (f, "checklist", "print", "restaurant", "--out", form_pdf, NULL);
  assert_success (form);
  assert_pdf_file (form_pdf);
  no_form = run (f, "checklist", "print", "spaceship", "--out", nothing_pdf, NULL);
  assert_refused (no_form, 1);
  g_assert_nonnull (strstr (no_form->err, "spaceship"));
  g_assert_false (g_file_test (nothing_pdf, G_FILE_TEST_EXISTS));

  /* a number not issued; a grid worker may not print */
  expected = g_strdup_printf ("冢头消限字〔%d〕第0999号", this_year ());
  unknown = run (f, "notice", "render", expected, "--out", nothing_pdf, NULL);
  assert_refused (unknown, 1);
  g_assert_false (g_file_test (nothing_pdf, G_FILE_TEST_EXISTS));
  log_in_as (f, "grid", "demo-grid");
  by_grid = run (f, "notice", "render", number, "--out", nothing_pdf, NULL);
  assert_refused (by_grid, 1);
  g_assert_false (g_file_test (nothing_pdf, G_FILE_TEST_EXISTS));
}

/* Usage errors (status 2) are found before anything is done; refusals of
 * the core (status 1) change nothing. */
static void
test_cli_notice_refused (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(Result) before = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "x.pdf", NULL);
  static const char * const usage[][10] = {
    { "notice", "render", "冢头消限字〔2026〕第0001号", NULL },                 /* no --out */
    { "notice", "render", "--out", "x.pdf", NULL },                            /* nothing to render */
    { "checklist", "print", "restaurant", NULL },                              /* no --out */
    { "checklist", "print", "--out", "x.pdf", NULL },                          /* no category */
    { "notice", "issue", "--hazard", "x", NULL },                              /* no --kind */
    { "notice", "issue", "--kind", "summons", NULL },
    { "notice", "issue", "--kind", "correct-now", "--date", "2026-02-30", NULL },
    { "notice", "serve", "冢头消限字〔2026〕第0001号", NULL },                  /* no result */
    { "notice", "serve", "冢头消限字〔2026〕第0001号", "lost", NULL },
    { "notice", "verify", NULL },
  };
  static const char * const more_usage[][10] = {
    { "notice", "void", NULL },
    { "notice", "list", "--format", "xml", NULL },
    { "notice", "render", "--day", "2026-02-30", "--out", "x.pdf", NULL },
    { "notice", "frobnicate", NULL },
  };
  g_autoptr(Result) bad_date = NULL;
  g_autoptr(Result) same_day = NULL;
  g_autoptr(Result) no_hazard = NULL;
  g_autoptr(Result) two_venues = NULL;
  g_autoptr(Result) by_grid = NULL;
  g_autoptr(Result) list = NULL;
  g_autoptr(Result) settings = NULL;
  g_autoptr(Result) bad_settings = NULL;
  g_autoptr(Result) staff_settings = NULL;
  g_autofree char *today = today_text ();

  for (guint i = 0; i < G_N_ELEMENTS (usage) + G_N_ELEMENTS (more_usage); i++)
    {
      const char * const *args = i < G_N_ELEMENTS (usage) ? usage[i] : more_usage[i - G_N_ELEMENTS (usage)];
      g_autoptr(Result) result = run (f, args[0], args[1], args[2], args[3], args[4], args[5], args[6], NULL);

      g_test_message ("firegrid-cli %s %s …", args[0], args[1]);
      assert_refused (result, 2);
      g_assert_nonnull (strstr (result->err, "--help"));
    }
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  before = run (f, "notice", "list", "--format", "tsv", NULL);
  assert_success (before);
  open_hazards (f, &a, &b, &c);
  bad_date = run (f, "notice", "issue", "--kind", "correct-by-deadline", "--hazard", a, "--deadline", "2026-02-30", NULL);
  assert_refused (bad_date, 1);
  same_day = run (f, "notice", "issue", "--kind", "correct-by-deadline", "--hazard", a, "--deadline", today, NULL);
  assert_refused (same_day, 1);
  no_hazard = run (f, "notice", "issue", "--kind", "correct-now", NULL);
  assert_refused (no_hazard, 1);
  two_venues = run (f, "notice", "issue", "--kind", "correct-now", "--hazard", a, "--hazard", c, NULL);
  assert_refused (two_venues, 1);
  log_in_as (f, "grid", "demo-grid");
  by_grid = run (f, "notice", "issue", "--kind", "correct-now", "--hazard", a, NULL);
  assert_refused (by_grid, 1);

  /* nothing was issued: the demo's documents are all there is */
  log_in_as (f, "admin", "demo-admin");
  list = run (f, "notice", "list", "--format", "tsv", NULL);
  assert_success (list);
  g_assert_cmpstr (list->out, ==, before->out);

  /* the settings: shown to all, changed by an administrator, checked */
  settings = run (f, "notice", "settings", NULL);
  assert_success (settings);
  g_assert_nonnull (strstr (settings->out, "郏县冢头镇人民政府"));
  g_assert_nonnull (strstr (settings->out, "冢头"));
  g_assert_nonnull (strstr (settings->out, "消限"));
  g_assert_nonnull (strstr (settings->out, "郏县人民政府"));
  g_assert_nonnull (strstr (settings->out, "郏县人民法院"));
  bad_settings = run (f, "notice", "settings", "--issuer-short", "冢头2", NULL);
  assert_refused (bad_settings, 1);
  g_clear_pointer (&bad_settings, result_free);
  bad_settings = run (f, "notice", "settings", "--review-body", "410425人民政府", NULL);
  assert_refused (bad_settings, 1);
  g_assert_nonnull (strstr (bad_settings->err, "410425"));
  g_clear_pointer (&bad_settings, result_free);
  bad_settings = run (f, "notice", "settings", "--court", "郏县1法院", NULL);
  assert_refused (bad_settings, 1);
  log_in_as (f, "staff", "demo-staff");
  staff_settings = run (f, "notice", "settings", "--issuer-short", "冢镇", NULL);
  assert_refused (staff_settings, 1);
}

/* A deadline far beyond the checklist's periods, or in a year whose
 * holidays are not installed, is refused with its warnings unless
 * --confirm is given: for an order, and for a hazard's events. */
static void
test_cli_notice_deadline_warnings (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autoptr(Result) before = run (f, "notice", "list", "--format", "tsv", NULL);
  g_autoptr(Result) far = NULL;
  g_autoptr(Result) confirmed = NULL;
  g_autoptr(Result) after = NULL;
  g_autoptr(Result) open = NULL;
  g_autoptr(Result) event = NULL;
  g_autoptr(Result) event_confirmed = NULL;
  g_autoptr(Result) extended = NULL;
  g_autoptr(Result) extended_confirmed = NULL;

  assert_success (before);
  open_hazards (f, &a, &b, &c);

  far = run (f, "notice", "issue", "--kind", "correct-by-deadline", "--hazard", a, "--hazard", b,
             "--deadline", cli_test_day_ahead (200), NULL);
  g_assert_cmpint (far->status, ==, 1);
  g_assert_cmpstr (far->out, ==, "");
  g_test_message ("%s", far->err);
  /* the period, and the year without its holidays */
  {
    g_autofree char *warning = g_strdup_printf ("firegrid-cli: warning: The deadline %s gives",
                                                cli_test_day_ahead (200));

    g_assert_nonnull (strstr (far->err, warning));
  }
  g_assert_nonnull (strstr (far->err, "not installed"));
  g_assert_nonnull (strstr (far->err, "--confirm"));
  /* nothing was numbered, the hazards wait for their notice */
  after = run (f, "notice", "list", "--format", "tsv", NULL);
  g_assert_cmpuint (count_lines (after->out), ==, count_lines (before->out));
  open = run (f, "hazard", "list", "--state", "open", "--format", "tsv", NULL);
  g_assert_nonnull (strstr (open->out, a));
  g_assert_nonnull (strstr (open->out, b));

  confirmed = run (f, "notice", "issue", "--kind", "correct-by-deadline", "--hazard", a, "--hazard", b,
                   "--deadline", cli_test_day_ahead (200), "--confirm", NULL);
  assert_success (confirmed);
  g_clear_pointer (&after, result_free);
  after = run (f, "notice", "list", "--format", "tsv", NULL);
  g_assert_cmpuint (count_lines (after->out), ==, count_lines (before->out) + 1);

  /* the events that set a deadline */
  event = run (f, "hazard", "event", c, "notice-issued", "--deadline", cli_test_day_ahead (200), NULL);
  assert_refused_saying (event, 1, "--confirm");
  g_assert_nonnull (strstr (event->err, "warning:"));
  event_confirmed = run (f, "hazard", "event", c, "notice-issued", "--deadline", cli_test_day_ahead (200), "--confirm", NULL);
  assert_success (event_confirmed);
  extended = run (f, "hazard", "event", c, "deadline-extended", "--deadline", cli_test_day_ahead (300), "--note", "材料未到",
                  NULL);
  assert_refused_saying (extended, 1, cli_test_day_ahead (300));
  extended_confirmed = run (f, "hazard", "event", c, "deadline-extended", "--deadline", cli_test_day_ahead (300), "--note",
                            "材料未到", "--confirm", NULL);
  assert_success (extended_confirmed);
}

/* A venue renamed with a character no font for documents has (the last
 * code point of plane 16, private use): the order is refused before it
 * is numbered, naming the character and the field; no PDF is written. */
static void
test_cli_notice_unprintable (Fixture       *f,
                             gconstpointer  data)
{
  g_auto(GStrv) hazards = inspect (f, 290, "C-EXT-01");
  g_autoptr(Result) listed = run (f, "hazard", "list", "--state", "open", "--format", "tsv", NULL);
  g_autoptr(Result) before = NULL;
  g_autoptr(Result) rename = NULL;
  g_autoptr(Result) issue = NULL;
  g_autoptr(Result) after = NULL;
  g_autoptr(Result) open = NULL;
  g_autofree char *venue = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "unprintable.pdf", NULL);
  const char *row;

  /* the hazard's venue: the third field of its row */
  g_assert_cmpuint (g_strv_length (hazards), ==, 1);
  row = strstr (listed->out, hazards[0]);
  g_assert_nonnull (row);
  {
    g_auto(GStrv) fields = g_strsplit (row, "\t", 4);

    venue = g_strdup (fields[2]);
  }
  rename = run (f, "venue", "edit", venue, "--name", "老王\xf4\x8f\xbf\xbd烧烤", NULL);
  assert_success (rename);
  /* the documents as listed now (the venue may have some, which show
   * its new name) */
  before = run (f, "notice", "list", "--format", "tsv", NULL);

  issue = run (f, "notice", "issue", "--kind", "correct-now", "--hazard", hazards[0], "--out", "unprintable.pdf",
               NULL);
  assert_refused_saying (issue, 1, "U+10FFFD");
  g_assert_nonnull (strstr (issue->err, "venue name"));
  g_assert_nonnull (strstr (issue->err, "no number was used"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  after = run (f, "notice", "list", "--format", "tsv", NULL);
  g_assert_cmpstr (after->out, ==, before->out);
  open = run (f, "hazard", "list", "--state", "open", "--format", "tsv", NULL);
  g_assert_nonnull (strstr (open->out, hazards[0]));
}

/* The escalations of a hazard in “hazard show”: one line each, the day
 * and the level. */
static char *
escalations (Fixture    *f,
             const char *hazard)
{
  g_autoptr(Result) show = run (f, "hazard", "show", hazard, NULL);
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) found = g_string_new (NULL);

  assert_success (show);
  lines = g_strsplit (show->out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *arrow = strstr (lines[i], "→ ");
      g_autofree char *level = NULL;

      if (arrow == NULL || g_ascii_isdigit (arrow[strlen ("→ ")]))
        continue;  /* none, or a notice and its deadline */
      level = g_strndup (arrow + strlen ("→ "), strcspn (arrow + strlen ("→ "), " "));
      g_string_append_printf (found, "%.10s %s;", lines[i], level);
    }

  return g_string_free (g_steal_pointer (&found), FALSE);
}

/* escalate --today: an overdue order climbs step by step as the days
 * pass, each escalation dated on the day given; twice on a day adds
 * nothing. */
/* A Friday for a deadline, within a year, in a week of no public holiday
 * nor working weekend (mid-March or mid-November, in any year), and the
 * Tuesday, the Wednesday and the Wednesday of the week after it. */
static void
quiet_week (char **friday,
            char **tuesday,
            char **wednesday,
            char **next_wednesday)
{
  g_autoptr(GDate) day = g_date_new ();
  char text[16];

  g_date_set_time_t (day, time (NULL));
  g_date_add_days (day, 7);
  while (!((g_date_get_month (day) == G_DATE_MARCH || g_date_get_month (day) == G_DATE_NOVEMBER) &&
           g_date_get_day (day) >= 10 && g_date_get_day (day) <= 16 && g_date_get_weekday (day) == G_DATE_FRIDAY))
    g_date_add_days (day, 1);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", day);
  *friday = g_strdup (text);
  g_date_add_days (day, 4);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", day);
  *tuesday = g_strdup (text);
  g_date_add_days (day, 1);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", day);
  *wednesday = g_strdup (text);
  g_date_add_days (day, 7);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", day);
  *next_wednesday = g_strdup (text);
}

static void
test_cli_escalate_today (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *seen = NULL;
  g_autoptr(Result) issue = NULL;
  g_autoptr(Result) early = NULL;
  g_autoptr(Result) first = NULL;
  g_autoptr(Result) again = NULL;
  g_autoptr(Result) second = NULL;
  g_autoptr(Result) bad = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *tuesday = NULL;
  g_autofree char *wednesday = NULL;
  g_autofree char *next_wednesday = NULL;
  g_autofree char *expected = NULL;

  open_hazards (f, &a, &b, &c);
  quiet_week (&deadline, &tuesday, &wednesday, &next_wednesday);
  issue = run (f, "notice", "issue", "--kind", "correct-by-deadline", "--hazard", c,
               "--deadline", deadline, "--confirm", NULL);
  assert_success (issue);

  /* two working days past the Friday's deadline, then three, then eight */
  early = run (f, "escalate", "--today", tuesday, NULL);
  assert_success (early);
  seen = escalations (f, c);
  g_assert_cmpstr (seen, ==, "");
  g_free (seen);

  first = run (f, "escalate", "--today", wednesday, NULL);
  assert_success (first);
  again = run (f, "escalate", "--today", wednesday, NULL);
  assert_success (again);
  g_assert_nonnull (strstr (again->out, "0 hazards escalated for being overdue"));
  seen = escalations (f, c);
  expected = g_strdup_printf ("%s township-enforcement;", wednesday);
  g_assert_cmpstr (seen, ==, expected);
  g_free (seen);
  g_free (expected);

  second = run (f, "escalate", "--today", next_wednesday, NULL);
  assert_success (second);
  seen = escalations (f, c);
  expected = g_strdup_printf ("%s township-enforcement;%s police-station;", wednesday, next_wednesday);
  g_assert_cmpstr (seen, ==, expected);

  bad = run (f, "escalate", "--today", "2099-02-30", NULL);
  assert_refused (bad, 1);
}

/* The demo's hazards reported fixed and not re-inspected in time: the
 * office's, listed and counted, never escalated. */
static void
test_cli_escalate_reinspection_late (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(Result) escalate = run (f, "escalate", NULL);
  g_autoptr(Result) late = run (f, "hazard", "list", "--reinspection-late", "--format", "tsv", NULL);
  g_autoptr(Result) show = NULL;
  g_autofree char *counted = NULL;
  g_autofree char *first = NULL;
  g_auto(GStrv) lines = NULL;
  guint n;

  assert_success (escalate);
  assert_success (late);
  n = count_lines (late->out);
  g_assert_cmpuint (n, >, 0);
  counted = g_strdup_printf ("%u hazards reported fixed wait longer than 3 working days", n);
  g_assert_nonnull (strstr (escalate->out, counted));

  lines = g_strsplit (late->out, "\n", -1);
  for (guint i = 0; i < n; i++)
    g_assert_nonnull (strstr (lines[i], "\treported-fixed\t"));

  first = g_strndup (lines[0], strcspn (lines[0], "\t"));
  show = run (f, "hazard", "show", first, NULL);
  assert_success (show);
  g_assert_nonnull (strstr (show->out, "Re-inspection by the office: "));
  g_assert_nonnull (strstr (show->out, "working day"));
  g_assert_null (strstr (show->out, "Escalated to"));
}

/* The venue id in row @row of the venue list. */
static char *
venue_at (Fixture *f,
          guint    row)
{
  g_autoptr(Result) venues = run (f, "venue", "list", "--format", "tsv", NULL);
  g_auto(GStrv) rows = NULL;

  assert_success (venues);
  rows = g_strsplit (venues->out, "\n", -1);
  g_assert_cmpuint (g_strv_length (rows), >, row);
  return g_strndup (rows[row], strcspn (rows[row], "\t"));
}

/* Two officers inspect, each with a certificate number, and the record
 * of their inspection is issued; one alone gets no record, and an order
 * from what they found alone is issued with a warning; the legal basis
 * of orders is a setting; only an order to correct at once is checked on
 * the spot. */
static void
test_cli_notice_officers (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *venue = venue_at (f, 270);
  g_autoptr(Result) number = run (f, "account", "certificate", "staff", "41042526000002", NULL);
  g_autoptr(Result) not_officer = run (f, "account", "certificate", "grid", "41042526000003", NULL);
  g_autoptr(Result) with_grid = NULL;
  g_autoptr(Result) pair = NULL;
  g_autoptr(Result) show = NULL;
  g_autoptr(Result) record = NULL;
  g_autoptr(Result) alone = NULL;
  g_autoptr(Result) alone_record = NULL;
  g_autoptr(Result) order = NULL;
  g_autoptr(Result) on_spot = NULL;
  g_autoptr(Result) settings = NULL;
  g_autoptr(Result) unset = NULL;
  g_autofree char *pair_id = NULL;
  g_autofree char *alone_id = NULL;
  g_autofree char *order_number = NULL;
  g_auto(GStrv) hazards = NULL;

  assert_success (number);
  assert_refused_saying (not_officer, 1, "enforcement certificate");

  with_grid = run (f, "inspection", "record", "--venue", venue, "--with", "grid", NULL);
  assert_refused_saying (with_grid, 1, "both inspectors must be officers");

  pair = run (f, "inspection", "record", "--venue", venue, "--with", "staff", "--format", "tsv", NULL);
  assert_success (pair);
  pair_id = g_strndup (pair->out, strcspn (pair->out, "\n"));
  show = run (f, "inspection", "show", pair_id, "--format", "tsv", NULL);
  assert_success (show);
  g_assert_nonnull (strstr (show->out, "second_inspector\tstaff\n"));
  g_assert_nonnull (strstr (show->out, "second_inspector_certificate\t41042526000002\n"));
  record = run (f, "notice", "issue", "--kind", "inspection-record", "--inspection", pair_id, NULL);
  assert_success (record);

  alone = run (f, "inspection", "record", "--venue", venue, "--fail", "C-EXT-01", "--format", "tsv", NULL);
  assert_success (alone);
  alone_id = g_strndup (alone->out, strcspn (alone->out, "\n"));
  alone_record = run (f, "notice", "issue", "--kind", "inspection-record", "--inspection", alone_id, NULL);
  assert_refused_saying (alone_record, 1, "inspected alone");

  hazards = inspect_with (f, 271, "C-EXT-01", NULL);
  g_assert_cmpuint (g_strv_length (hazards), ==, 1);
  order = run (f, "notice", "issue", "--kind", "correct-by-deadline", "--hazard", hazards[0],
               "--deadline", cli_test_day_ahead (30), "--confirm", NULL);
  /* issued, with a warning */
  g_assert_cmpint (order->status, ==, 0);
  g_assert_nonnull (strstr (order->err, "made alone"));
  order_number = g_strndup (order->out, strcspn (order->out, "\t"));
  g_assert_nonnull (strstr (order_number, "消限字"));
  on_spot = run (f, "notice", "corrected-on-spot", order_number, NULL);
  assert_refused_saying (on_spot, 1, "Only an order to correct at once");

  /* unset, the township's duty in the province's regulation is offered,
   * not printed; once set, the office's own citation is all there is */
  unset = run (f, "notice", "settings", NULL);
  assert_success (unset);
  g_assert_nonnull (strstr (unset->out, "Legal basis of orders: not set (orders cite none)\n"
                                        "  suggested: 《河南省消防条例》第十五条, "));
  settings = run (f, "notice", "settings", "--authority-basis", "《中华人民共和国消防法》第一条", NULL);
  assert_success (settings);
  g_assert_nonnull (strstr (settings->out, "Legal basis of orders: 《中华人民共和国消防法》第一条\n"));
  g_assert_null (strstr (settings->out, "suggested"));
}

/* @result was refused with a message in words on its first line, which
 * names nothing of @typed, and what to type on the next, which does. */
static void
assert_words_then_typed (Result     *result,
                         const char *words,
                         const char *typed)
{
  g_auto(GStrv) lines = NULL;
  const char *message;

  assert_refused (result, 1);
  lines = g_strsplit (result->err, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 2);
  g_assert_true (g_str_has_prefix (lines[0], "firegrid-cli: "));
  message = lines[0] + strlen ("firegrid-cli: ");
  g_assert_nonnull (strstr (message, words));
  g_assert_null (strstr (message, typed));
  g_assert_null (strstr (message, "firegrid-cli"));
  g_assert_null (strstr (message, "--"));
  g_assert_nonnull (strstr (lines[1], typed));
}

/* The core's refusals say in words what is missing, as the window shows
 * them; the command line adds the options to type. */
static void
test_cli_notice_advice (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "blank.pdf", NULL);
  g_autoptr(Result) transfer = NULL;
  g_autoptr(Result) escalate = NULL;
  g_autoptr(Result) hand_over = NULL;
  g_autoptr(Result) blank = NULL;
  g_autoptr(Result) list = NULL;

  open_hazards (f, &a, &b, &c);

  transfer = run (f, "notice", "issue", "--kind", "transfer", "--hazard", a, "--recipient", "冢头派出所", NULL);
  assert_words_then_typed (transfer, "the police station or the regulator", "police-station");
  g_assert_nonnull (strstr (transfer->err, "--to"));

  escalate = run (f, "hazard", "event", a, "escalated", NULL);
  assert_words_then_typed (escalate, "the county fire-rescue brigade", "county-brigade");
  g_assert_nonnull (strstr (escalate->err, "--level"));

  hand_over = run (f, "hazard", "event", a, "transferred", NULL);
  assert_words_then_typed (hand_over, "the police station or the regulator", "police-station");
  g_assert_nonnull (strstr (hand_over->err, "--to"));

  /* nothing happened to the hazard */
  list = run (f, "hazard", "list", "--state", "open", "--format", "tsv", NULL);
  assert_success (list);
  g_assert_nonnull (strstr (list->out, a));

  /* a category the program does not know, typed at the command line */
  blank = run (f, "checklist", "print", "no-such-kind", "--out", pdf, NULL);
  assert_refused_saying (blank, 1, "“firegrid-cli category list”");
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/notice/lifecycle", test_cli_notice_lifecycle);
  ADD ("/cli/notice/render", test_cli_notice_render);
  ADD ("/cli/notice/refused", test_cli_notice_refused);
  ADD ("/cli/notice/deadline-warnings", test_cli_notice_deadline_warnings);
  ADD ("/cli/notice/unprintable", test_cli_notice_unprintable);
  ADD ("/cli/escalate/today", test_cli_escalate_today);
  ADD ("/cli/escalate/reinspection-late", test_cli_escalate_reinspection_late);
  ADD ("/cli/notice/officers", test_cli_notice_officers);
  ADD ("/cli/notice/advice", test_cli_notice_advice);

#undef ADD

  return g_test_run ();
}
