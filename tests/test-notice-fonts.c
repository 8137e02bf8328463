/* test-notice-fonts.c — rare characters in documents: drawn, or refused before numbering
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Names in Henan have characters of CJK Extension A (䶮) and B (𠀀) that
 * the common Ming faces lack; documents draw them with the fallback faces
 * of fonts-hanazono. A character no face has is refused when the document
 * is issued, before a number is taken. The PDFs are read back with
 * pdftotext and pdffonts (poppler-utils); a test that needs a font or a
 * tool that is not installed is skipped, and says which.
 */
#include <string.h>

#include "fg-notice-private.h"
#include "fg-pdf-faces-private.h"
#include "fg-test-util.h"

#define PASSWORD "long-password"

/* 䶮 (U+4DAE, Extension A) and 𠀀 (U+20000, Extension B) */
#define EXT_A "\xe4\xb6\xae"
#define EXT_B "\xf0\xa0\x80\x80"
/* a character no font has: the last code point of plane 16 (private use) */
#define NO_GLYPH "\xf4\x8f\xbf\xbd"

typedef struct
{
  FgTestDir dir;
  FgStore *store;
  FgActor *admin;
  char *grid_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(FgRegion) village = NULL;
  g_autoptr(FgRegion) grid = NULL;
  g_autoptr(FgAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  fg_test_dir_init (&f->dir);
  f->store = fg_test_township_new (&f->dir, &village, &grid);
  f->grid_id = g_strdup (fg_region_get_id (grid));
  account = fg_account_create (f->store, fg_test_installer (), "admin", "张管理", FG_ROLE_TOWNSHIP_ADMIN,
                               fg_store_get_home_region_id (f->store), PASSWORD, &error);
  g_assert_no_error (error);
  f->admin = fg_account_login (f->store, "admin", PASSWORD, &error);
  g_assert_no_error (error);
  /* a second officer: inspection records name the two who inspected */
  g_clear_object (&account);
  account = fg_account_create (f->store, f->admin, "staff", "王干事", FG_ROLE_TOWNSHIP_STAFF,
                               fg_store_get_home_region_id (f->store), PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_true (fg_account_set_certificate (f->store, f->admin, "admin", "41042526000001", &error));
  g_assert_true (fg_account_set_certificate (f->store, f->admin, "staff", "41042526000002", &error));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->admin, fg_actor_unref);
  g_free (f->grid_id);
  g_clear_object (&f->store);
  fg_test_dir_clear (&f->dir);
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

/* Inspects a venue, failing its first ordinary item with @note; returns
 * that hazard's id and the inspection's in @inspection_id. */
static char *
inspect (Fixture     *f,
         const char  *venue_id,
         const char  *note,
         char       **inspection_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgInspection) inspection = NULL;
  g_autoptr(GPtrArray) hazards = NULL;
  GListModel *items;
  gboolean failed = FALSE;

  inspection = fg_inspection_start (f->store, f->admin, venue_id, FG_INSPECTION_KIND_ROUTINE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (fg_inspection_set_second_inspector (f->store, f->admin, inspection, "staff", &error));
  items = fg_inspection_get_items (inspection);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FgChecklistItem) item = g_list_model_get_item (items, i);
      gboolean fail = !failed && !fg_checklist_item_get_major (item);

      failed |= fail;
      fg_inspection_record (f->store, f->admin, inspection, fg_checklist_item_get_code (item),
                            fail ? FG_OUTCOME_FAIL : FG_OUTCOME_PASS, fail ? note : NULL, &error);
      g_assert_no_error (error);
    }
  fg_inspection_finish (f->store, f->admin, inspection, &error);
  g_assert_no_error (error);

  hazards = fg_hazard_list_for_inspection (f->store, f->admin, fg_inspection_get_id (inspection), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hazards->len, ==, 1);
  if (inspection_id != NULL)
    *inspection_id = g_strdup (fg_inspection_get_id (inspection));
  return g_strdup (fg_hazard_get_id (g_ptr_array_index (hazards, 0)));
}

static FgNotice *
try_order (Fixture     *f,
           const char  *hazard_id,
           GError     **error)
{
  const char *ids[] = { hazard_id, NULL };
  g_autoptr(GDate) today = g_date_new_dmy (7, G_DATE_DECEMBER, 2026);
  FgNoticeRequest request = {
    .kind = FG_NOTICE_KIND_CORRECT_BY_DEADLINE,
    .hazard_ids = ids,
    .deadline = "2026-12-21",
    .today = today,
  };

  return fg_notice_issue (f->store, f->admin, &request, error);
}

static gboolean
have_program (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);

  if (path == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s is not installed", name);

      g_test_skip (message);
    }
  return path != NULL;
}

/* Whether some installed face for documents has each of @text's
 * characters; the test is skipped when none has one. */
static gboolean
have_glyphs (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgPdf) probe = fg_pdf_new (NULL, &error);
  g_autofree char *missing = NULL;

  if (probe == NULL)
    {
      g_test_skip (error->message);
      return FALSE;
    }
  missing = fg_pdf_dup_missing (probe, text);
  if (missing != NULL)
    {
      g_autofree char *message = g_strdup_printf ("no installed font has %s (install fonts-hanazono)", missing);

      g_test_skip (message);
      return FALSE;
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
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

/* The faces' chain: what the Ming face lacks, the fallbacks have; with no
 * fallback, a character of Extension B is named as missing. */
static void
test_faces_chain (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgPdf) alone = fg_pdf_new_with_fallbacks (NULL, NULL, &error);
  g_autoptr(FgPdf) chained = NULL;
  g_autofree char *missing_alone = NULL;
  g_autofree char *missing = NULL;

  if (alone == NULL)
    {
      g_test_skip (error->message);
      return;
    }
  missing_alone = fg_pdf_dup_missing (alone, "王" EXT_B "烧烤");
  if (missing_alone == NULL)
    {
      g_test_skip ("the documents' own face has 𠀀: no fallback is needed here");
      return;
    }
  g_assert_cmpstr (missing_alone, ==, EXT_B);

  if (!have_glyphs (EXT_A EXT_B))
    return;
  chained = fg_pdf_new (NULL, &error);
  g_assert_no_error (error);
  missing = fg_pdf_dup_missing (chained, "王" EXT_A EXT_B "烧烤" NO_GLYPH);
  g_assert_cmpstr (missing, ==, NO_GLYPH);
}

/* A venue and its operator named with 䶮 and 𠀀: the order and its proof
 * of service print both, drawn from an embedded face that has them. */
static void
test_rare_characters_drawn (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgNotice) notice = NULL;
  g_autoptr(GPtrArray) notices = g_ptr_array_new ();
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(FgPdf) alone = NULL;
  g_autofree char *venue = NULL;
  g_autofree char *hazard = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *fonts = NULL;
  g_autofree char *missing_alone = NULL;
  const char *name = "刘" EXT_A EXT_B "烧烤店";
  const char *person = "刘" EXT_B EXT_A;

  if (!have_glyphs (EXT_A EXT_B) || !have_program ("pdftotext") || !have_program ("pdffonts"))
    return;

  venue = add_venue (f, name, person);
  hazard = inspect (f, venue, "后门上锁", NULL);
  notice = try_order (f, hazard, &error);
  g_assert_no_error (error);
  g_ptr_array_add (notices, notice);
  pdf = fg_notice_render (f->store, f->admin, notices, &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir.dir, "rare.pdf", NULL);
  g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error);
  g_assert_no_error (error);

  {
    const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };

    text = run (argv);
  }
  /* the addressee of the order, and the recipient on the proof of service */
  g_assert_nonnull (strstr (text, name));
  g_assert_nonnull (strstr (text, person));
  g_assert_null (strstr (text, "刘 "));

  /* the Ming face lacks 𠀀: a fallback face draws it, embedded beside it */
  alone = fg_pdf_new_with_fallbacks (NULL, NULL, &error);
  g_assert_no_error (error);
  missing_alone = fg_pdf_dup_missing (alone, EXT_B);
  {
    const char *argv[] = { "pdffonts", path, NULL };
    g_auto(GStrv) lines = NULL;
    guint n_embedded = 0;

    fonts = run (argv);
    g_test_message ("%s", fonts);
    lines = g_strsplit (fonts, "\n", -1);
    for (guint i = 2; lines[i] != NULL; i++)
      if (strstr (lines[i], "CID TrueType") != NULL && strstr (lines[i], " yes yes yes ") != NULL)
        n_embedded++;
    g_assert_cmpuint (n_embedded, ==, missing_alone != NULL ? 2 : 1);
  }
}

static guint
count (Fixture    *f,
       const char *sql)
{
  return (guint) fg_test_count (f->dir.db_path, sql);
}

/* Issues an order for the hazard of a venue named @name run by @person
 * with the note @note, which no font can print: it is refused naming the
 * character and @field, and nothing changes. */
static void
assert_refused (Fixture    *f,
                const char *name,
                const char *person,
                const char *note,
                const char *field)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgNotice) notice = NULL;
  g_autoptr(FgHazard) after = NULL;
  g_autofree char *venue = add_venue (f, name, person);
  g_autofree char *hazard = inspect (f, venue, note, NULL);
  guint n_notices = count (f, "SELECT count(*) FROM notice");
  guint n_events = count (f, "SELECT count(*) FROM hazard_event");
  guint n_links = count (f, "SELECT count(*) FROM notice_hazard");

  notice = try_order (f, hazard, &error);
  g_assert_null (notice);
  g_assert_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_FONT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, NO_GLYPH));
  g_assert_nonnull (strstr (error->message, "U+10FFFD"));
  g_assert_nonnull (strstr (error->message, field));
  g_assert_nonnull (strstr (error->message, "no number was used"));
  g_clear_error (&error);

  /* no number taken, no document, the hazard still only found */
  g_assert_cmpuint (count (f, "SELECT count(*) FROM notice"), ==, n_notices);
  g_assert_cmpuint (count (f, "SELECT count(*) FROM hazard_event"), ==, n_events);
  g_assert_cmpuint (count (f, "SELECT count(*) FROM notice_hazard"), ==, n_links);
  after = fg_hazard_load (f->store, f->admin, hazard, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fg_hazard_get_state (after), ==, FG_HAZARD_STATE_OPEN);
}

/* A character no font has, in a name, the operator's name or a note, is
 * refused before the number is taken; the next document takes the number
 * the refused one would have had. */
static void
test_refused_before_numbering (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgNotice) notice = NULL;
  g_autofree char *venue = NULL;
  g_autofree char *hazard = NULL;
  g_autofree char *before = NULL;

  if (!have_glyphs ("刘老王烧烤店"))
    return;

  assert_refused (f, "老王" NO_GLYPH "烧烤", "王建国", "后门上锁", "venue name");
  assert_refused (f, "刘记面馆", "刘" NO_GLYPH, "后门上锁", "name of the person in charge");
  assert_refused (f, "张记面馆", "张三", "后门上锁" NO_GLYPH, "problems found");
  g_assert_cmpuint (count (f, "SELECT count(*) FROM notice"), ==, 0);

  /* the series is untouched: the first order is number 1 */
  venue = add_venue (f, "刘记烧烤店", "刘建国");
  hazard = inspect (f, venue, "后门上锁", NULL);
  notice = try_order (f, hazard, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (fg_notice_get_number (notice), "〔2026〕第0001号"));
}

/* An inspection record whose note has a character no font has. */
static void
test_record_refused (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgNotice) notice = NULL;
  g_autofree char *venue = NULL;
  g_autofree char *hazard = NULL;
  g_autofree char *inspection = NULL;
  FgNoticeRequest request = { .kind = FG_NOTICE_KIND_INSPECTION_RECORD };

  if (!have_glyphs ("刘老王烧烤店"))
    return;

  venue = add_venue (f, "刘记烧烤店", "刘建国");
  hazard = inspect (f, venue, "灭火器" NO_GLYPH "过期", &inspection);
  request.inspection_id = inspection;
  notice = fg_notice_issue (f->store, f->admin, &request, &error);
  g_assert_null (notice);
  g_assert_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_FONT);
  g_assert_nonnull (strstr (error->message, "inspection items and notes"));
  g_assert_nonnull (strstr (error->message, NO_GLYPH));
  g_assert_cmpuint (count (f, "SELECT count(*) FROM notice"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/notice-fonts/chain", test_faces_chain);
  g_test_add ("/notice-fonts/rare-characters-drawn", Fixture, NULL, fixture_set_up, test_rare_characters_drawn,
              fixture_tear_down);
  g_test_add ("/notice-fonts/refused-before-numbering", Fixture, NULL, fixture_set_up,
              test_refused_before_numbering, fixture_tear_down);
  g_test_add ("/notice-fonts/record-refused", Fixture, NULL, fixture_set_up, test_record_refused,
              fixture_tear_down);

  return g_test_run ();
}
