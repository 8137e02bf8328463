/* test-notice-signing.c — who signs a document, on whose authority, and on how many pages
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An inspection record names the two officers who inspected, with their
 * certificate numbers, when it started and ended, where the venue's
 * person signs and where a refusal to sign is noted; a re-inspection
 * opinion has a place for each inspector; an order of two findings is one
 * page before its proof of service; an order says on whose authority the
 * township orders exactly as the office set it, and nothing when it set
 * nothing. The PDFs are read back with pdftotext and pdfinfo; without
 * them, or without a Chinese font, those tests are skipped.
 */
#include <string.h>
#include <sys/wait.h>

#include "fg-notice-private.h"
#include "fg-test-util.h"

#define PASSWORD "long-password"
#define ADMIN_NUMBER "41042526000001"
#define STAFF_NUMBER "41042526000002"

typedef struct
{
  FgTestDir dir;
  FgStore *store;
  FgActor *admin;
  FgActor *staff;
  FgActor *grid;
  char *grid_id;
} Fixture;

static FgActor *
add_account (Fixture    *f,
             FgActor    *by,
             const char *login,
             const char *name,
             FgRole      role,
             const char *scope)
{
  g_autoptr(FgAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  FgActor *actor;

  account = fg_account_create (f->store, by, login, name, role, scope, PASSWORD, &error);
  g_assert_no_error (error);
  actor = fg_account_login (f->store, login, PASSWORD, &error);
  g_assert_no_error (error);
  return actor;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(FgRegion) grid = NULL;
  g_autoptr(GError) error = NULL;
  const char *home;

  fg_test_dir_init (&f->dir);
  f->store = fg_test_township_new (&f->dir, NULL, &grid);
  f->grid_id = g_strdup (fg_region_get_id (grid));
  home = fg_store_get_home_region_id (f->store);
  f->admin = add_account (f, fg_test_installer (), "admin", "张管理", FG_ROLE_TOWNSHIP_ADMIN, home);
  f->staff = add_account (f, f->admin, "staff", "李干事", FG_ROLE_TOWNSHIP_STAFF, home);
  f->grid = add_account (f, f->admin, "grid", "赵网格", FG_ROLE_GRID_WORKER, f->grid_id);
  {
    g_autoptr(FgAccount) newcomer = fg_account_create (f->store, f->admin, "newcomer", "王新", FG_ROLE_TOWNSHIP_STAFF,
                                                       home, PASSWORD, &error);
    g_assert_no_error (error);
  }
  g_assert_true (fg_account_set_certificate (f->store, f->admin, "admin", " " ADMIN_NUMBER " ", &error));
  g_assert_no_error (error);
  g_assert_true (fg_account_set_certificate (f->store, f->admin, "staff", STAFF_NUMBER, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->admin, fg_actor_unref);
  g_clear_pointer (&f->staff, fg_actor_unref);
  g_clear_pointer (&f->grid, fg_actor_unref);
  g_free (f->grid_id);
  g_clear_object (&f->store);
  fg_test_dir_clear (&f->dir);
}

static char *
add_venue (Fixture    *f,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgVenue) venue = fg_test_venue_new (f->grid_id, name, "李庄村人民路18号", "restaurant", "王建国");

  fg_venue_save (f->store, f->admin, venue, &error);
  g_assert_no_error (error);
  return g_strdup (fg_venue_get_id (venue));
}

/* The staff member inspects @venue_id, with @second (a login, or NULL:
 * alone), failing its first @n_failures ordinary items (on-spot ones
 * when @on_spot); returns the hazards' ids, NULL-terminated. */
static GPtrArray *
inspect (Fixture     *f,
         const char  *venue_id,
         const char  *second,
         guint        n_failures,
         gboolean     on_spot,
         char       **inspection_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgInspection) inspection = NULL;
  g_autoptr(GPtrArray) hazards = NULL;
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  GListModel *items;
  guint n_failed = 0;

  inspection = fg_inspection_start (f->store, f->staff, venue_id, FG_INSPECTION_KIND_ROUTINE, NULL, &error);
  g_assert_no_error (error);
  if (second != NULL)
    {
      g_assert_true (fg_inspection_set_second_inspector (f->store, f->staff, inspection, second, &error));
      g_assert_no_error (error);
    }
  items = fg_inspection_get_items (inspection);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FgChecklistItem) item = g_list_model_get_item (items, i);
      gboolean fail = n_failed < n_failures && !fg_checklist_item_get_major (item) &&
                      fg_checklist_item_get_on_spot (item) == on_spot;

      n_failed += fail;
      fg_inspection_record (f->store, f->staff, inspection, fg_checklist_item_get_code (item),
                            fail ? FG_OUTCOME_FAIL : FG_OUTCOME_PASS, fail ? "现场检查发现" : NULL, &error);
      g_assert_no_error (error);
    }
  g_assert_cmpuint (n_failed, ==, n_failures);
  g_assert_true (fg_inspection_finish (f->store, f->staff, inspection, &error));
  g_assert_no_error (error);

  hazards = fg_hazard_list_for_inspection (f->store, f->admin, fg_inspection_get_id (inspection), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < hazards->len; i++)
    g_ptr_array_add (ids, g_strdup (fg_hazard_get_id (g_ptr_array_index (hazards, i))));
  g_ptr_array_add (ids, NULL);

  if (inspection_id != NULL)
    *inspection_id = g_strdup (fg_inspection_get_id (inspection));
  return ids;
}

static FgNotice *
issue (Fixture             *f,
       FgNoticeKind         kind,
       const char          *inspection_id,
       const char * const  *hazard_ids,
       const char          *deadline,
       GError             **error)
{
  FgNoticeRequest request = {
    .kind = kind,
    .inspection_id = inspection_id,
    .hazard_ids = hazard_ids,
    .deadline = deadline,
  };

  return fg_notice_issue (f->store, f->admin, &request, error);
}

/* A month from today, as YYYY-MM-DD. */
static char *
next_month (void)
{
  g_autoptr(GDate) date = g_date_new ();

  g_date_set_time_t (date, time (NULL));
  g_date_add_days (date, 30);
  return fg_calendar_format_date (date);
}

/* Reading PDFs back */

static gboolean
have_tools (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgPdf) pdf = fg_pdf_new (NULL, &error);
  const char *programs[] = { "pdftotext", "pdfinfo" };

  if (pdf == NULL)
    {
      g_assert_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_FONT);
      g_test_skip (error->message);
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (programs); i++)
    {
      g_autofree char *path = g_find_program_in_path (programs[i]);

      if (path == NULL)
        {
          g_test_skip ("poppler's tools are not installed");
          return FALSE;
        }
    }
  return TRUE;
}

static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_assert_true (g_utf8_validate (out, -1, NULL));
  return g_steal_pointer (&out);
}

/* Writes @notice as PDF into the test's directory; returns the path. */
static char *
render (Fixture    *f,
        FgNotice   *notice,
        const char *name)
{
  g_autoptr(GPtrArray) notices = g_ptr_array_new ();
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir.dir, name, NULL);

  g_ptr_array_add (notices, notice);
  pdf = fg_notice_render (f->store, f->admin, notices, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

/* The text of page @page (0: all), without white space: pdftotext
 * breaks lines where the layout did. */
static char *
page_text (const char *path,
           guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *all[] = { "pdftotext", "-raw", "-enc", "UTF-8", path, "-", NULL };
  const char *one[] = { "pdftotext", "-raw", "-enc", "UTF-8", "-f", number, "-l", number, path, "-", NULL };
  g_autofree char *out = run (page > 0 ? one : all);
  GString *squeezed = g_string_new (NULL);

  for (const char *p = out; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (squeezed, g_utf8_get_char (p));
  return g_string_free (squeezed, FALSE);
}

static guint
n_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = run (argv);
  const char *line = strstr (out, "\nPages:");

  g_assert_nonnull (line);
  line += strlen ("\nPages:");
  while (*line == ' ')
    line++;
  return (guint) g_ascii_strtoull (line, NULL, 10);
}

static void
assert_has (const char *text,
            const char *what)
{
  if (strstr (text, what) == NULL)
    g_error ("“%s” is not in the text: %s", what, text);
}

static guint
count_of (const char *text,
          const char *what)
{
  guint n = 0;

  for (const char *p = strstr (text, what); p != NULL; p = strstr (p + strlen (what), what))
    n++;
  return n;
}

/* Inspection records */

/* The record of an inspection by two officers names both with their
 * certificate numbers, from when to when it ran, where the venue's person
 * signs, and where the inspectors note a refusal to sign. */
static void
test_record_officers (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *venue_id = add_venue (f, "老王烧烤");
  g_autofree char *inspection_id = NULL;
  g_autoptr(GPtrArray) hazards = inspect (f, venue_id, "admin", 1, FALSE, &inspection_id);
  g_autoptr(FgInspection) inspection = fg_inspection_load (f->store, f->admin, inspection_id, &error);
  g_autoptr(FgNotice) record = NULL;
  g_autoptr(GVariant) officers = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *times = NULL;
  const char *name = NULL, *number = NULL, *started = NULL, *finished = NULL;

  g_assert_no_error (error);
  /* the numbers are kept with the inspection, as they were when it ended */
  g_assert_cmpstr (fg_inspection_get_inspector_certificate (inspection), ==, STAFF_NUMBER);
  g_assert_cmpstr (fg_inspection_get_second_inspector (inspection), ==, "admin");
  g_assert_cmpstr (fg_inspection_get_second_inspector_name (inspection), ==, "张管理");
  g_assert_cmpstr (fg_inspection_get_second_inspector_certificate (inspection), ==, ADMIN_NUMBER);

  record = issue (f, FG_NOTICE_KIND_INSPECTION_RECORD, inspection_id, NULL, NULL, &error);
  g_assert_no_error (error);
  officers = g_variant_lookup_value (fg_notice_get_content (record), "officers", G_VARIANT_TYPE ("a(ss)"));
  g_assert_nonnull (officers);
  g_assert_cmpuint (g_variant_n_children (officers), ==, 2);
  g_variant_get_child (officers, 0, "(&s&s)", &name, &number);
  g_assert_cmpstr (name, ==, "李干事");
  g_assert_cmpstr (number, ==, STAFF_NUMBER);
  g_assert_true (g_variant_lookup (fg_notice_get_content (record), "inspected-at", "&s", &started));
  g_assert_true (g_variant_lookup (fg_notice_get_content (record), "finished-at", "&s", &finished));
  g_assert_cmpuint (strlen (started), ==, 5);
  g_assert_cmpuint (strlen (finished), ==, 5);

  if (!have_tools ())
    return;

  path = render (f, record, "record.pdf");
  text = page_text (path, 0);
  assert_has (text, "李干事（执法证号：" STAFF_NUMBER "）");
  assert_has (text, "张管理（执法证号：" ADMIN_NUMBER "）");
  times = g_strdup_printf ("%s至%s", started, finished);
  assert_has (text, times);
  /* a place for each inspector to sign, beside their number */
  g_assert_cmpuint (count_of (text, "签名："), >=, 2);
  assert_has (text, "检查人员：李干事（执法证号：" STAFF_NUMBER "）签名：");
  assert_has (text, "检查人员：张管理（执法证号：" ADMIN_NUMBER "）签名：");
  assert_has (text, "被检查单位（场所）现场负责人（签名）：");
  assert_has (text, "被检查单位（场所）拒绝签字的，由检查人员注明情况：");
}

/* An inspection made alone gets no record, and no number is taken: the
 * next record gets the first number. */
static void
test_record_needs_two (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *venue_id = add_venue (f, "老王烧烤");
  g_autofree char *alone_id = NULL;
  g_autofree char *pair_id = NULL;
  g_autoptr(GPtrArray) alone = inspect (f, venue_id, NULL, 1, FALSE, &alone_id);
  g_autoptr(GPtrArray) pair = NULL;
  g_autoptr(FgNotice) refused = NULL;
  g_autoptr(FgNotice) record = NULL;

  refused = issue (f, FG_NOTICE_KIND_INSPECTION_RECORD, alone_id, NULL, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "李干事"));
  g_clear_error (&error);

  pair = inspect (f, venue_id, "admin", 0, FALSE, &pair_id);
  record = issue (f, FG_NOTICE_KIND_INSPECTION_RECORD, pair_id, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (fg_notice_get_number (record), "第0001号"));
}

/* The second inspector is another officer, whose account and the
 * inspector's hold certificate numbers; a refusal changes nothing. */
static void
test_record_second_inspector (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *venue_id = add_venue (f, "老王烧烤");
  g_autoptr(FgInspection) draft = NULL;
  g_autoptr(FgInspection) reloaded = NULL;
  const char *refused[] = { "grid", "newcomer", "staff", "nobody" };

  draft = fg_inspection_start (f->store, f->staff, venue_id, FG_INSPECTION_KIND_ROUTINE, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      /* the newcomer is an officer whose certificate number is not known yet */
      int code = g_str_equal (refused[i], "newcomer") ? FG_INSPECTION_ERROR_NO_CERTIFICATE
                                                      : FG_INSPECTION_ERROR_INVALID_INSPECTOR;

      g_assert_false (fg_inspection_set_second_inspector (f->store, f->staff, draft, refused[i], &error));
      g_assert_error (error, FG_INSPECTION_ERROR, code);
      g_test_message ("%s: %s", refused[i], error->message);
      /* said as the window shows it; the command line adds its command */
      g_assert_null (strstr (error->message, "firegrid-cli"));
      if (g_str_equal (refused[i], "newcomer"))
        g_assert_nonnull (strstr (error->message, "An administrator enters it in Accounts."));
      g_clear_error (&error);
    }
  g_assert_null (fg_inspection_get_second_inspector (draft));

  /* a certificate is an officer's, and has no spaces inside */
  g_assert_false (fg_account_set_certificate (f->store, f->admin, "grid", "123", &error));
  g_assert_error (error, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_INVALID_CERTIFICATE);
  g_clear_error (&error);
  g_assert_false (fg_account_set_certificate (f->store, f->admin, "newcomer", "41 0425", &error));
  g_assert_error (error, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_INVALID_CERTIFICATE);
  g_clear_error (&error);
  /* staff do not manage accounts */
  g_assert_false (fg_account_set_certificate (f->store, f->staff, "newcomer", "41042526000003", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_true (fg_account_set_certificate (f->store, f->admin, "newcomer", "41042526000003", &error));
  g_assert_no_error (error);
  g_assert_true (fg_inspection_set_second_inspector (f->store, f->staff, draft, "newcomer", &error));
  g_assert_no_error (error);
  reloaded = fg_inspection_load (f->store, f->admin, fg_inspection_get_id (draft), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fg_inspection_get_second_inspector (reloaded), ==, "newcomer");
  g_assert_cmpstr (fg_inspection_get_second_inspector_name (reloaded), ==, "王新");

  /* only the inspector chooses */
  g_assert_false (fg_inspection_set_second_inspector (f->store, f->admin, draft, NULL, &error));
  g_assert_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_NOT_INSPECTOR);
  g_clear_error (&error);
}

/* Orders */

/* An order of two findings is one page, closing and all, before its
 * proof of service: by a deadline, and at once with the line where the
 * inspectors note the check on the spot. */
static void
test_order_one_page (Fixture       *f,
                     gconstpointer  data)
{
  for (guint now = 0; now <= 1; now++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *venue_id = add_venue (f, now ? "老李小吃" : "老王烧烤");
      g_autoptr(GPtrArray) ids = inspect (f, venue_id, "admin", 2, now, NULL);
      g_autofree char *deadline = next_month ();
      g_autoptr(FgNotice) order = issue (f, now ? FG_NOTICE_KIND_CORRECT_NOW : FG_NOTICE_KIND_CORRECT_BY_DEADLINE,
                                         NULL, (const char * const *) ids->pdata, now ? NULL : deadline, &error);
      g_autofree char *path = NULL;
      g_autofree char *first = NULL;
      g_autofree char *last = NULL;

      g_assert_no_error (error);
      if (!have_tools ())
        return;
      path = render (f, order, now ? "now.pdf" : "deadline.pdf");
      first = page_text (path, 1);
      last = page_text (path, 2);
      /* the order on one page: both findings, the order, the seal, the
       * receipt and the copies line; then the proof of service */
      g_assert_cmpuint (n_pages (path), ==, 2);
      assert_has (first, "第1页共1页");
      assert_has (first, "1");
      assert_has (first, "2");
      assert_has (first, "责令你单位（场所）");
      assert_has (first, "（印章）");
      assert_has (first, "签收：");
      assert_has (first, "一式两份");
      assert_has (last, "送达回证");
      if (now)
        {
          assert_has (first, "检查人员当场对改正情况进行核查");
          assert_has (first, "当场核查：□已当场改正□未当场改正核查时间：");
          g_assert_null (strstr (first, "逾期"));
        }
    }
}

/* The order says on whose authority the township orders exactly as the
 * office set it; set to nothing, it cites nothing; a citation with the
 * words the document adds, or naming no law, is refused. */
static void
test_order_authority (Fixture       *f,
                      gconstpointer  data)
{
  const char *basis = "《中华人民共和国消防法》第一条、《某省消防条例》第二条和《某省人民政府关于赋权的决定》（某政〔2000〕1号）";
  const char *refused[] = { "根据《中华人民共和国消防法》", "《中华人民共和国消防法》，", "消防法第一条", "《消防法》\n第一条" };
  g_autoptr(GError) error = NULL;
  g_autoptr(FgNoticeSettings) settings = fg_notice_settings_load (f->store, &error);
  g_autoptr(FgNoticeSettings) reloaded = NULL;
  g_autofree char *venue_id = add_venue (f, "老王烧烤");
  g_autoptr(GPtrArray) ids = inspect (f, venue_id, "admin", 2, FALSE, NULL);
  g_autofree char *deadline = next_month ();
  g_autoptr(FgNotice) cited = NULL;
  g_autoptr(FgNotice) bare = NULL;
  const char *first[] = { g_ptr_array_index (ids, 0), NULL };
  const char *second[] = { g_ptr_array_index (ids, 1), NULL };
  const char *text = NULL;

  g_assert_no_error (error);
  /* nothing is set at first */
  g_assert_cmpstr (settings->authority_basis, ==, "");
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_free (settings->authority_basis);
      settings->authority_basis = g_strdup (refused[i]);
      g_assert_false (fg_notice_settings_save (f->store, f->admin, settings, &error));
      g_assert_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID);
      g_clear_error (&error);
    }
  reloaded = fg_notice_settings_load (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (reloaded->authority_basis, ==, "");

  g_free (settings->authority_basis);
  settings->authority_basis = g_strdup (basis);
  g_assert_true (fg_notice_settings_save (f->store, f->admin, settings, &error));
  g_assert_no_error (error);
  cited = issue (f, FG_NOTICE_KIND_CORRECT_BY_DEADLINE, NULL, first, deadline, &error);
  g_assert_no_error (error);
  g_assert_true (g_variant_lookup (fg_notice_get_content (cited), "authority-basis", "&s", &text));
  g_assert_cmpstr (text, ==, basis);

  g_free (settings->authority_basis);
  settings->authority_basis = g_strdup ("");
  g_assert_true (fg_notice_settings_save (f->store, f->admin, settings, &error));
  g_assert_no_error (error);
  bare = issue (f, FG_NOTICE_KIND_CORRECT_BY_DEADLINE, NULL, second, deadline, &error);
  g_assert_no_error (error);

  if (!have_tools ())
    return;
  {
    g_autofree char *cited_path = render (f, cited, "cited.pdf");
    g_autofree char *bare_path = render (f, bare, "bare.pdf");
    g_autofree char *cited_text = page_text (cited_path, 1);
    g_autofree char *bare_text = page_text (bare_path, 1);
    g_autofree char *sentence = g_strdup_printf ("老王烧烤：根据%s，我镇于", basis);

    assert_has (cited_text, sentence);
    g_assert_cmpuint (count_of (cited_text, "根据"), ==, 1);
    assert_has (bare_text, "老王烧烤：我镇于");
    g_assert_null (strstr (bare_text, "根据"));
    g_assert_null (strstr (bare_text, "河南省消防条例"));
  }
}

/* An order to correct at once, complied with while the inspectors wait:
 * its hazards are re-inspected as fixed, with the time, and closed; an
 * order by a deadline, another time of day given wrong, or a second check
 * are refused and change nothing. */
static void
test_order_on_spot (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *venue_id = add_venue (f, "老王烧烤");
  g_autoptr(GPtrArray) ids = inspect (f, venue_id, "admin", 2, TRUE, NULL);
  g_autoptr(GPtrArray) later = inspect (f, venue_id, "admin", 1, FALSE, NULL);
  g_autofree char *deadline = next_month ();
  g_autoptr(FgNotice) now = issue (f, FG_NOTICE_KIND_CORRECT_NOW, NULL, (const char * const *) ids->pdata, NULL,
                                   &error);
  g_autoptr(FgNotice) by_deadline = NULL;
  g_autoptr(FgNotice) opinion = NULL;
  FgNoticeRequest request = { .kind = FG_NOTICE_KIND_REINSPECTION };

  g_assert_no_error (error);
  by_deadline = issue (f, FG_NOTICE_KIND_CORRECT_BY_DEADLINE, NULL, (const char * const *) later->pdata, deadline,
                       &error);
  g_assert_no_error (error);

  g_assert_false (fg_notice_record_corrected_on_spot (f->store, f->admin, by_deadline, NULL, &error));
  g_assert_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (fg_notice_record_corrected_on_spot (f->store, f->admin, now, "25:00", &error));
  g_assert_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID);
  g_clear_error (&error);
  /* a grid worker does not manage hazards */
  g_assert_false (fg_notice_record_corrected_on_spot (f->store, f->grid, now, "10:35", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_true (fg_notice_record_corrected_on_spot (f->store, f->admin, now, "10:35", &error));
  g_assert_no_error (error);
  for (guint i = 0; i + 1 < ids->len; i++)
    {
      g_autoptr(FgHazard) hazard = fg_hazard_load (f->store, f->admin, g_ptr_array_index (ids, i), &error);
      GPtrArray *events;
      const FgHazardEvent *fixed;

      g_assert_no_error (error);
      g_assert_cmpint (fg_hazard_get_state (hazard), ==, FG_HAZARD_STATE_CLOSED);
      events = fg_hazard_get_events (hazard);
      g_assert_cmpuint (events->len, >=, 4);
      fixed = g_ptr_array_index (events, events->len - 2);
      g_assert_cmpint (fixed->kind, ==, FG_HAZARD_EVENT_REINSPECTED_PASS);
      g_assert_nonnull (strstr (fixed->note, "当场改正"));
      g_assert_nonnull (strstr (fixed->note, "10:35"));
      g_assert_cmpstr (fixed->notice_id, ==, fg_notice_get_id (now));
      g_assert_cmpint (((const FgHazardEvent *) g_ptr_array_index (events, events->len - 1))->kind, ==,
                       FG_HAZARD_EVENT_CLOSED);
    }
  g_assert_false (fg_notice_record_corrected_on_spot (f->store, f->admin, now, "10:40", &error));
  g_assert_error (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_NOT_ALLOWED);
  g_clear_error (&error);

  /* the re-inspection opinion after it says so */
  request.follows_id = fg_notice_get_id (now);
  opinion = fg_notice_issue (f->store, f->admin, &request, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GVariant) results = g_variant_lookup_value (fg_notice_get_content (opinion), "results",
                                                          G_VARIANT_TYPE ("a(sss)"));
    const char *text, *result, *note;

    g_assert_nonnull (results);
    g_variant_get_child (results, 0, "(&s&s&s)", &text, &result, &note);
    g_assert_cmpstr (result, ==, "已改正");
    g_assert_nonnull (strstr (note, "当场改正"));
  }
}

/* An order whose hazards an officer found alone is issued, with a warning
 * naming who and when; with two officers, no warning. */
static void
test_order_lone_warning (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *venue_id = add_venue (f, "老王烧烤");
  g_autoptr(GPtrArray) alone = inspect (f, venue_id, NULL, 1, FALSE, NULL);
  g_autoptr(GPtrArray) pair = inspect (f, venue_id, "admin", 1, FALSE, NULL);
  g_autofree char *warning = NULL;
  g_autofree char *none = NULL;

  warning = fg_notice_describe_lone_inspections (f->store, f->admin, (const char * const *) alone->pdata, &error);
  g_assert_no_error (error);
  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (warning, "李干事"));
  none = fg_notice_describe_lone_inspections (f->store, f->admin, (const char * const *) pair->pdata, &error);
  g_assert_no_error (error);
  g_assert_null (none);
}

/* Re-inspection opinions */

/* An opinion has a place for each of the two inspectors to sign, with
 * their certificate numbers, above the seal. */
static void
test_opinion_signatures (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *venue_id = add_venue (f, "老王烧烤");
  g_autoptr(GPtrArray) ids = inspect (f, venue_id, "admin", 2, FALSE, NULL);
  g_autofree char *deadline = next_month ();
  g_autoptr(FgNotice) order = issue (f, FG_NOTICE_KIND_CORRECT_BY_DEADLINE, NULL, (const char * const *) ids->pdata,
                                     deadline, &error);
  g_autoptr(FgNotice) opinion = NULL;
  FgNoticeRequest request = { .kind = FG_NOTICE_KIND_REINSPECTION };
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  gboolean signed_by_inspectors = FALSE;

  g_assert_no_error (error);
  for (guint i = 0; i + 1 < ids->len; i++)
    {
      g_autoptr(FgHazard) hazard = fg_hazard_load (f->store, f->admin, g_ptr_array_index (ids, i), &error);

      g_assert_no_error (error);
      g_assert_true (fg_hazard_add_event (f->store, f->admin, hazard, FG_HAZARD_EVENT_REINSPECTED_PASS, NULL, &error));
      g_assert_no_error (error);
    }
  request.follows_id = fg_notice_get_id (order);
  opinion = fg_notice_issue (f->store, f->admin, &request, &error);
  g_assert_no_error (error);
  g_assert_true (g_variant_lookup (fg_notice_get_content (opinion), "inspector-signatures", "b",
                                   &signed_by_inspectors));
  g_assert_true (signed_by_inspectors);

  if (!have_tools ())
    return;
  path = render (f, opinion, "opinion.pdf");
  text = page_text (path, 1);
  g_assert_cmpuint (count_of (text, "检查人员（签名）："), ==, 2);
  g_assert_cmpuint (count_of (text, "执法证号："), ==, 2);
  g_assert_true (strstr (text, "检查人员（签名）：") < strstr (text, "（印章）"));
  assert_has (text, "第1页共1页");
}

/* A transfer names both officers who found its hazards, as the record
 * of their inspection does. */
static void
test_transfer_names_both (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *venue_id = add_venue (f, "老王烧烤");
  g_autoptr(GPtrArray) hazards = inspect (f, venue_id, "admin", 1, FALSE, NULL);
  g_autoptr(FgNotice) transfer = NULL;
  const char *inspectors = NULL;
  FgNoticeRequest request = {
    .kind = FG_NOTICE_KIND_TRANSFER,
    .hazard_ids = (const char * const *) hazards->pdata,
    .recipient_kind = "police-station",
    .recipient = "冢头派出所",
  };

  transfer = fg_notice_issue (f->store, f->admin, &request, &error);
  g_assert_no_error (error);
  g_assert_true (g_variant_lookup (fg_notice_get_content (transfer), "inspectors", "&s", &inspectors));
  g_assert_cmpstr (inspectors, ==, "李干事、张管理");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/signing/record-officers", test_record_officers);
  ADD ("/signing/record-needs-two", test_record_needs_two);
  ADD ("/signing/second-inspector", test_record_second_inspector);
  ADD ("/signing/order-one-page", test_order_one_page);
  ADD ("/signing/order-authority", test_order_authority);
  ADD ("/signing/order-on-spot", test_order_on_spot);
  ADD ("/signing/order-lone-warning", test_order_lone_warning);
  ADD ("/signing/opinion-signatures", test_opinion_signatures);
  ADD ("/signing/transfer-names-both", test_transfer_names_both);

#undef ADD

  return g_test_run ();
}
