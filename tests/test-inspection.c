/* test-inspection.c — checklists, inspections, photos, hazards
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <sqlite3.h>

#include "fg-test-util.h"
#include "fg-checklist-private.h"

typedef struct
{
  FgTestDir dir;
  FgStore *store;
  FgRegion *grid;
  char *restaurant;  /* a venue id */
  char *mixed;       /* a hotel with karaoke */
} Fixture;

static char *
add_venue (Fixture             *f,
           const char          *name,
           const char * const  *categories)
{
  g_autoptr(FgVenue) venue = fg_test_venue_new (fg_region_get_id (f->grid), name, "人民路1号",
                                                categories[0], "王建国");
  g_autoptr(GError) error = NULL;

  fg_venue_set_categories (venue, categories);
  fg_venue_save (f->store, fg_test_installer (), venue, &error);
  g_assert_no_error (error);
  return g_strdup (fg_venue_get_id (venue));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const char *restaurant[] = { "restaurant", NULL };
  const char *mixed[] = { "hotel", "entertainment", NULL };

  fg_test_dir_init (&f->dir);
  f->store = fg_test_township_new (&f->dir, NULL, &f->grid);
  f->restaurant = add_venue (f, "老王烧烤", restaurant);
  f->mixed = add_venue (f, "如家宾馆", mixed);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->grid);
  g_free (f->restaurant);
  g_free (f->mixed);
  g_clear_object (&f->store);
  fg_test_dir_clear (&f->dir);
}

static FgChecklistItem *
item_at (FgInspection *inspection,
         guint         position)
{
  FgChecklistItem *item = g_list_model_get_item (fg_inspection_get_items (inspection), position);

  g_object_unref (item);  /* the list keeps it */
  return item;
}

/* the first item of the inspection with the given on-spot/major flags */
static const char *
find_code (FgInspection *inspection,
           gboolean      on_spot,
           gboolean      major)
{
  GListModel *items = fg_inspection_get_items (inspection);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      FgChecklistItem *item = item_at (inspection, i);

      if (fg_checklist_item_get_on_spot (item) == on_spot && fg_checklist_item_get_major (item) == major)
        return fg_checklist_item_get_code (item);
    }

  return NULL;
}

static void
answer_all (FgStore      *store,
            FgInspection *inspection,
            FgOutcome     outcome)
{
  GListModel *items = fg_inspection_get_items (inspection);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      const char *code = fg_checklist_item_get_code (item_at (inspection, i));
      g_autoptr(GError) error = NULL;

      if (fg_inspection_get_outcome (inspection, code) == FG_OUTCOME_NONE)
        {
          fg_inspection_record (store, fg_test_installer (), inspection, code, outcome, NULL, &error);
          g_assert_no_error (error);
        }
    }
}

static void
test_checklists_shipped (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) checklists = NULL;
  g_autoptr(GError) error = NULL;
  /* code → finding, of the first template that has the code */
  g_autoptr(GHashTable) findings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  /* installed with the database; one per category, each with items that
   * have texts in both languages, a finding, an action and, for an order
   * to the venue, a legal basis (a confirmed one, or one marked
   * unverified) */
  checklists = fg_checklist_list (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (checklists->len, ==, fg_category_get_n_categories ());

  for (guint i = 0; i < fg_category_get_n_categories (); i++)
    {
      const FgCategory *category = fg_category_get_nth (i);
      g_autoptr(FgChecklist) checklist = fg_checklist_load_for_category (f->store, fg_category_get_id (category), &error);
      GListModel *items;

      g_assert_no_error (error);
      g_assert_cmpstr (fg_checklist_get_category (checklist), ==, fg_category_get_id (category));
      items = fg_checklist_get_items (checklist);
      g_assert_cmpuint (g_list_model_get_n_items (items), >, 0);

      for (guint j = 0; j < g_list_model_get_n_items (items); j++)
        {
          g_autoptr(FgChecklistItem) item = g_list_model_get_item (items, j);

          g_assert_cmpstr (fg_checklist_item_get_text_zh (item), !=, "");
          g_assert_cmpstr (fg_checklist_item_get_text_en (item), !=, "");
          g_assert_cmpstr (fg_checklist_item_get_action_zh (item), !=, "");
          if (fg_checklist_item_get_kind (item) == FG_CHECKLIST_ITEM_KIND_ORDER)
            g_assert_true (fg_checklist_item_get_bases (item)[0] != NULL ||
                           fg_checklist_item_get_unverified_bases (item)[0] != NULL);

          /* a finding is the violation, not the requirement again; an item
           * of several templates means one thing, and is found as one */
          g_assert_cmpstr (fg_checklist_item_get_finding_zh (item), !=, "");
          g_assert_cmpstr (fg_checklist_item_get_finding_en (item), !=, "");
          g_assert_cmpstr (fg_checklist_item_get_finding_zh (item), !=, fg_checklist_item_get_text_zh (item));
          g_assert_cmpstr (fg_checklist_item_get_finding_zh (item), !=, fg_checklist_item_get_action_zh (item));
          if (g_hash_table_contains (findings, fg_checklist_item_get_code (item)))
            g_assert_cmpstr (fg_checklist_item_get_finding_zh (item), ==,
                             g_hash_table_lookup (findings, fg_checklist_item_get_code (item)));
          else
            g_hash_table_insert (findings, g_strdup (fg_checklist_item_get_code (item)),
                                 g_strdup (fg_checklist_item_get_finding_zh (item)));
        }
    }
}

static FgChecklistItem *
checklist_find (FgChecklist *checklist,
                const char  *code)
{
  GListModel *items = fg_checklist_get_items (checklist);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FgChecklistItem) item = g_list_model_get_item (items, i);

      if (g_strcmp0 (fg_checklist_item_get_code (item), code) == 0)
        return item;  /* the checklist keeps it */
    }

  return NULL;
}

static gboolean
inspection_has (FgInspection *inspection,
                const char   *code)
{
  GListModel *items = fg_inspection_get_items (inspection);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    if (g_strcmp0 (fg_checklist_item_get_code (item_at (inspection, i)), code) == 0)
      return TRUE;

  return FALSE;
}

static void
test_checklists_added_categories (Fixture       *f,
                                  gconstpointer  data)
{
  /* the kinds of venue added for issue 13: each is a category, its template
   * is installed with the database, and a venue of that kind is inspected
   * against the items of its own trade as well as the common ones */
  static const struct {
    const char *category;
    const char *name_zh;
    const char *venue;
    const char *own_code;
  } added[] = {
    { "elderly-care", "养老机构/敬老院", "幸福敬老院", "ELD-NIGHT-01" },
    { "warehouse", "仓储场所/快递网点", "顺达快递网点", "WHS-LAMP-01" },
    { "fuel-outlet", "瓶装液化石油气供应点/燃料经营", "东关液化气供应点", "FUEL-LIC-01" },
  };
  g_autoptr(FgChecklist) shop = NULL;
  g_autoptr(GPtrArray) installed = NULL;
  g_autoptr(GError) error = NULL;

  installed = fg_checklist_list (f->store, &error);
  g_assert_no_error (error);
  shop = fg_checklist_load_for_category (f->store, "shop", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (added); i++)
    {
      const FgCategory *category = fg_category_lookup (added[i].category);
      const char *categories[] = { added[i].category, NULL };
      g_autoptr(FgChecklist) checklist = NULL;
      g_autoptr(FgInspection) inspection = NULL;
      g_autofree char *venue = NULL;
      FgChecklistItem *own, *common, *common_in_shop;
      gboolean listed = FALSE;

      g_assert_nonnull (category);
      g_assert_cmpstr (fg_category_get_name_zh (category), ==, added[i].name_zh);
      g_assert_cmpint (fg_category_get_group (category), ==, FG_CATEGORY_GROUP_ADDED);

      for (guint j = 0; j < installed->len; j++)
        listed |= g_strcmp0 (fg_checklist_get_category (g_ptr_array_index (installed, j)), added[i].category) == 0;
      g_assert_true (listed);

      checklist = fg_checklist_load_for_category (f->store, added[i].category, &error);
      g_assert_no_error (error);
      own = checklist_find (checklist, added[i].own_code);
      g_assert_nonnull (own);
      g_assert_nonnull (fg_checklist_item_get_bases (own)[0]);

      /* a common item reads as it does in the other templates */
      common = checklist_find (checklist, "C-MGT-01");
      common_in_shop = checklist_find (shop, "C-MGT-01");
      g_assert_nonnull (common);
      g_assert_cmpstr (fg_checklist_item_get_text_zh (common), ==, fg_checklist_item_get_text_zh (common_in_shop));
      g_assert_cmpstr (fg_checklist_item_get_action_zh (common), ==, fg_checklist_item_get_action_zh (common_in_shop));

      venue = add_venue (f, added[i].venue, categories);
      inspection = fg_inspection_start (f->store, fg_test_installer (), venue, FG_INSPECTION_KIND_ROUTINE, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (inspection_has (inspection, added[i].own_code));
      g_assert_true (inspection_has (inspection, "C-KEY-01"));
      g_assert_cmpuint (g_list_model_get_n_items (fg_inspection_get_items (inspection)), ==,
                        g_list_model_get_n_items (fg_checklist_get_items (checklist)));
    }
}

static void
assert_refused (const char *xml,
                const char *expected)
{
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));
  g_autoptr(FgChecklist) checklist = NULL;
  g_autoptr(GError) error = NULL;

  checklist = fg_checklist_parse (bytes, "broken.xml", &error);
  g_assert_error (error, FG_CHECKLIST_ERROR, FG_CHECKLIST_ERROR_INVALID);
  g_assert_null (checklist);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, expected));
}

#define HEAD "<?xml version=\"1.0\"?>\n<checklist xmlns=\"urn:firegrid:checklist:1\" id=\"shop\" version=\"1\" category=\"shop\">\n"
#define TITLES "<title lang=\"zh\">检查表</title>\n<title lang=\"en\">Checklist</title>\n"
#define ITEM(code) \
  "<item code=\"" code "\" deadline-days=\"3\">\n" \
  "<text lang=\"zh\">检查</text><text lang=\"en\">Check</text>\n" \
  "<finding lang=\"zh\">未检查</finding><finding lang=\"en\">Not checked</finding>\n" \
  "<action lang=\"zh\">整改</action><action lang=\"en\">Fix</action>\n" \
  "<basis>《中华人民共和国消防法》第十六条</basis>\n</item>\n"

static void
test_checklists_invalid (void)
{
  /* well-formed, valid: for comparison */
  {
    const char *xml = HEAD TITLES "<section id=\"main\">" TITLES ITEM ("X-01") "</section>\n</checklist>\n";
    g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));
    g_autoptr(GError) error = NULL;
    g_autoptr(FgChecklist) checklist = fg_checklist_parse (bytes, "good.xml", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (fg_checklist_get_items (checklist)), ==, 1);
  }

  /* not XML: the line where it breaks */
  assert_refused (HEAD TITLES "<section id=\"main\"></sectoin>\n</checklist>\n", "Line 5");
  /* an element the format does not have, on line 4 */
  assert_refused (HEAD TITLES "<colour>red</colour>\n</checklist>\n", "Line 5");
  /* a missing attribute */
  assert_refused (HEAD TITLES "<section id=\"main\">" TITLES
                  "<item code=\"X-01\">\n<text lang=\"zh\">检查</text><text lang=\"en\">Check</text>\n"
                  "<finding lang=\"zh\">未检查</finding><finding lang=\"en\">Not checked</finding>\n"
                  "<action lang=\"zh\">整改</action><action lang=\"en\">Fix</action>\n"
                  "<basis>第十六条</basis>\n</item>\n</section>\n</checklist>\n", "deadline-days");
  /* an item without its finding: a notice would have nothing to say of it
   * but the requirement */
  assert_refused (HEAD TITLES "<section id=\"main\">" TITLES
                  "<item code=\"X-01\" deadline-days=\"3\">\n<text lang=\"zh\">检查</text><text lang=\"en\">Check</text>\n"
                  "<action lang=\"zh\">整改</action><action lang=\"en\">Fix</action>\n"
                  "<basis>第十六条</basis>\n</item>\n</section>\n</checklist>\n", "Line 9: Element 'action': This element is not expected. Expected is ( finding )");
  /* a finding twice in Chinese, none in English */
  assert_refused (HEAD TITLES "<section id=\"main\">" TITLES
                  "<item code=\"X-01\" deadline-days=\"3\">\n<text lang=\"zh\">检查</text><text lang=\"en\">Check</text>\n"
                  "<finding lang=\"zh\">未检查</finding><finding lang=\"zh\">未检查</finding>\n"
                  "<action lang=\"zh\">整改</action><action lang=\"en\">Fix</action>\n"
                  "<basis>第十六条</basis>\n</item>\n</section>\n</checklist>\n", "“X-01” needs its <finding> once in Chinese");
  /* a code twice */
  assert_refused (HEAD TITLES "<section id=\"main\">" TITLES ITEM ("X-01") ITEM ("X-01") "</section>\n</checklist>\n",
                  "Line");
  /* a category that does not exist */
  assert_refused ("<?xml version=\"1.0\"?>\n<checklist xmlns=\"urn:firegrid:checklist:1\" id=\"casino\" version=\"1\" category=\"casino\">\n"
                  TITLES "<section id=\"main\">" TITLES ITEM ("X-01") "</section>\n</checklist>\n",
                  "casino");
  /* entities are never expanded: a document type declaration is refused */
  assert_refused ("<?xml version=\"1.0\"?>\n<!DOCTYPE checklist [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>\n"
                  "<checklist xmlns=\"urn:firegrid:checklist:1\" id=\"shop\" version=\"1\" category=\"shop\">\n"
                  TITLES "<section id=\"main\">" TITLES ITEM ("X-01") "</section>\n</checklist>\n",
                  "document type");
}

static void
test_inspection_flow (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(FgInspection) inspection = NULL;
  g_autoptr(FgInspection) reread = NULL;
  g_autoptr(GPtrArray) hazards = NULL;
  g_autoptr(GPtrArray) failed = NULL;
  g_autoptr(GError) error = NULL;
  FgActor *actor = fg_test_installer ();
  const char *on_spot;
  const char *major;
  const char *ordinary;

  inspection = fg_inspection_start (f->store, actor, f->restaurant, FG_INSPECTION_KIND_ROUTINE, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (fg_inspection_is_finished (inspection));

  on_spot = find_code (inspection, TRUE, FALSE);
  major = find_code (inspection, FALSE, TRUE);
  ordinary = find_code (inspection, FALSE, FALSE);
  g_assert_nonnull (on_spot);
  g_assert_nonnull (major);
  g_assert_nonnull (ordinary);

  fg_inspection_record (f->store, actor, inspection, on_spot, FG_OUTCOME_FAIL, "安全出口上锁", &error);
  g_assert_no_error (error);
  fg_inspection_record (f->store, actor, inspection, major, FG_OUTCOME_FAIL, NULL, &error);
  g_assert_no_error (error);
  fg_inspection_record (f->store, actor, inspection, ordinary, FG_OUTCOME_FAIL, "无巡查记录", &error);
  g_assert_no_error (error);

  /* not every item answered: refused, with how many */
  g_assert_false (fg_inspection_finish (f->store, actor, inspection, &error));
  g_assert_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_INCOMPLETE);
  g_clear_error (&error);

  /* an item that is not on the checklist */
  g_assert_false (fg_inspection_record (f->store, actor, inspection, "NO-SUCH-01", FG_OUTCOME_PASS, NULL, &error));
  g_assert_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_UNKNOWN_ITEM);
  g_clear_error (&error);

  answer_all (f->store, inspection, FG_OUTCOME_PASS);

  /* what finishing will record */
  failed = fg_inspection_get_failed_items (inspection);
  g_assert_cmpuint (failed->len, ==, 3);

  fg_inspection_finish (f->store, actor, inspection, &error);
  g_assert_no_error (error);
  g_assert_true (fg_inspection_is_finished (inspection));

  /* the failed items are hazards, pointing to their items, graded */
  hazards = fg_hazard_list_for_inspection (f->store, actor, fg_inspection_get_id (inspection), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hazards->len, ==, 3);
  for (guint i = 0; i < hazards->len; i++)
    {
      FgHazard *hazard = g_ptr_array_index (hazards, i);
      const char *code = fg_hazard_get_item_code (hazard);

      g_assert_cmpstr (fg_hazard_get_venue_id (hazard), ==, f->restaurant);
      if (g_str_equal (code, on_spot))
        {
          g_assert_cmpint (fg_hazard_get_grade (hazard), ==, FG_HAZARD_GRADE_ON_SPOT);
          g_assert_cmpstr (fg_hazard_get_note (hazard), ==, "安全出口上锁");
        }
      else if (g_str_equal (code, major))
        g_assert_cmpint (fg_hazard_get_grade (hazard), ==, FG_HAZARD_GRADE_MAJOR_PROPOSED);
      else
        {
          g_assert_cmpstr (code, ==, ordinary);
          g_assert_cmpint (fg_hazard_get_grade (hazard), ==, FG_HAZARD_GRADE_DEADLINE);
          g_assert_cmpuint (fg_hazard_get_deadline_days (hazard), ==,
                            fg_checklist_item_get_deadline_days (fg_inspection_find_item (inspection, ordinary)));
        }
    }

  /* a finished inspection does not change: not through the core … */
  g_assert_false (fg_inspection_record (f->store, actor, inspection, ordinary, FG_OUTCOME_PASS, NULL, &error));
  g_assert_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_FINISHED);
  g_clear_error (&error);

  /* … nor behind its back */
  {
    sqlite3 *db = NULL;
    char *message = NULL;

    g_assert_cmpint (sqlite3_open (f->dir.db_path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "UPDATE inspection_result SET outcome = 'pass'", NULL, NULL, &message), !=, SQLITE_OK);
    sqlite3_free (message);
    sqlite3_close (db);
  }

  reread = fg_inspection_load (f->store, actor, fg_inspection_get_id (inspection), &error);
  g_assert_no_error (error);
  g_assert_cmpint (fg_inspection_get_outcome (reread, ordinary), ==, FG_OUTCOME_FAIL);

  /* and a correction is a new inspection */
  g_clear_object (&inspection);
  inspection = fg_inspection_start (f->store, actor, f->restaurant, FG_INSPECTION_KIND_REINSPECTION, NULL, &error);
  g_assert_no_error (error);
}

static void
test_inspection_mixed_union (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(FgInspection) inspection = NULL;
  g_autoptr(FgChecklist) hotel = NULL;
  g_autoptr(FgChecklist) entertainment = NULL;
  g_autoptr(GHashTable) expected = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  GListModel *items;
  FgChecklist *both[2];

  hotel = fg_checklist_load_for_category (f->store, "hotel", &error);
  g_assert_no_error (error);
  entertainment = fg_checklist_load_for_category (f->store, "entertainment", &error);
  g_assert_no_error (error);
  both[0] = hotel;
  both[1] = entertainment;
  for (guint t = 0; t < 2; t++)
    {
      GListModel *list = fg_checklist_get_items (both[t]);

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(FgChecklistItem) item = g_list_model_get_item (list, i);
          g_hash_table_add (expected, (gpointer) g_intern_string (fg_checklist_item_get_code (item)));
        }
    }

  inspection = fg_inspection_start (f->store, fg_test_installer (), f->mixed, FG_INSPECTION_KIND_ROUTINE, NULL, &error);
  g_assert_no_error (error);

  /* every item of both, each once */
  items = fg_inspection_get_items (inspection);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, g_hash_table_size (expected));
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      const char *code = g_intern_string (fg_checklist_item_get_code (item_at (inspection, i)));

      g_assert_true (g_hash_table_contains (expected, code));
      g_assert_false (g_hash_table_contains (seen, code));
      g_hash_table_add (seen, (gpointer) code);
    }
}

static void
test_inspection_draft_survives (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(FgInspection) inspection = NULL;
  g_autoptr(FgInspection) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  inspection = fg_inspection_start (f->store, fg_test_installer (), f->restaurant, FG_INSPECTION_KIND_ROUTINE, NULL, &error);
  g_assert_no_error (error);
  first = g_strdup (fg_checklist_item_get_code (item_at (inspection, 0)));
  /* the first item that may be not applicable: a duty of every venue may not */
  for (guint i = 1; second == NULL; i++)
    if (fg_checklist_item_get_na_allowed (item_at (inspection, i)))
      second = g_strdup (fg_checklist_item_get_code (item_at (inspection, i)));
  fg_inspection_record (f->store, fg_test_installer (), inspection, first, FG_OUTCOME_FAIL, "灭火器过期", &error);
  g_assert_no_error (error);
  fg_inspection_record (f->store, fg_test_installer (), inspection, second, FG_OUTCOME_NA, NULL, &error);
  g_assert_no_error (error);

  /* the program closes (or the power goes) */
  g_clear_object (&inspection);
  g_clear_object (&f->store);
  f->store = fg_office_open (f->dir.db_path, &error);
  g_assert_no_error (error);

  /* starting again finds the draft … */
  inspection = fg_inspection_start (f->store, fg_test_installer (), f->restaurant, FG_INSPECTION_KIND_ROUTINE, NULL, &error);
  g_assert_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_DRAFT_EXISTS);
  g_clear_error (&error);

  /* … which continues where it was */
  draft = fg_inspection_find_draft (f->store, fg_test_installer (), f->restaurant, &error);
  g_assert_no_error (error);
  g_assert_nonnull (draft);
  g_assert_cmpint (fg_inspection_get_outcome (draft, first), ==, FG_OUTCOME_FAIL);
  g_assert_cmpstr (fg_inspection_get_note (draft, first), ==, "灭火器过期");
  g_assert_cmpint (fg_inspection_get_outcome (draft, second), ==, FG_OUTCOME_NA);
  g_assert_cmpuint (fg_inspection_get_n_answered (draft), ==, 2);

  /* discarding it lets a new one start */
  fg_inspection_discard (f->store, fg_test_installer (), draft, &error);
  g_assert_no_error (error);
  inspection = fg_inspection_start (f->store, fg_test_installer (), f->restaurant, FG_INSPECTION_KIND_ROUTINE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fg_inspection_get_n_answered (inspection), ==, 0);
}

static guint
count_photos (Fixture *f)
{
  return (guint) fg_test_count (f->dir.db_path, "SELECT count(*) FROM photo");
}

static void
test_inspection_photos (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(FgInspection) inspection = NULL;
  g_autoptr(GBytes) png = g_bytes_new_static (fg_test_tiny_png, sizeof fg_test_tiny_png);
  g_autoptr(GBytes) text = g_bytes_new_static ("这不是照片", strlen ("这不是照片"));
  g_autoptr(GBytes) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha_a = NULL;
  g_autofree char *sha_b = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *mime = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  guint8 *huge;

  inspection = fg_inspection_start (f->store, fg_test_installer (), f->restaurant, FG_INSPECTION_KIND_ROUTINE, NULL, &error);
  g_assert_no_error (error);
  first = g_strdup (fg_checklist_item_get_code (item_at (inspection, 0)));
  second = g_strdup (fg_checklist_item_get_code (item_at (inspection, 1)));

  /* the same photo for two items is stored once */
  sha_a = fg_inspection_attach_photo (f->store, fg_test_installer (), inspection, first, png, &error);
  g_assert_no_error (error);
  sha_b = fg_inspection_attach_photo (f->store, fg_test_installer (), inspection, second, png, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sha_a, ==, sha_b);
  expected = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, png);
  g_assert_cmpstr (sha_a, ==, expected);
  g_assert_cmpuint (count_photos (f), ==, 1);
  g_assert_cmpstr (fg_inspection_get_photos (inspection, first)[0], ==, sha_a);

  loaded = fg_inspection_load_photo (f->store, sha_a, &mime, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mime, ==, "image/png");
  g_assert_true (g_bytes_equal (loaded, png));

  /* not an image; too large */
  g_assert_null (fg_inspection_attach_photo (f->store, fg_test_installer (), inspection, first, text, &error));
  g_assert_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_NOT_AN_IMAGE);
  g_clear_error (&error);

  huge = g_malloc0 (FG_INSPECTION_MAX_PHOTO_SIZE + 1);
  memcpy (huge, fg_test_tiny_png, sizeof fg_test_tiny_png);
  {
    g_autoptr(GBytes) big = g_bytes_new_take (huge, FG_INSPECTION_MAX_PHOTO_SIZE + 1);
    g_assert_null (fg_inspection_attach_photo (f->store, fg_test_installer (), inspection, first, big, &error));
    g_assert_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_TOO_LARGE);
  }
  g_assert_cmpuint (count_photos (f), ==, 1);
}

static void
test_inspection_versions (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(FgChecklist) older = NULL;
  g_autoptr(FgChecklist) newer = NULL;
  g_autoptr(FgChecklist) clash = NULL;
  g_autoptr(FgInspection) old = NULL;
  g_autoptr(FgInspection) reread = NULL;
  g_autoptr(FgInspection) fresh = NULL;
  g_autoptr(GBytes) shipped = NULL;
  g_autoptr(GBytes) changed = NULL;
  g_autoptr(GBytes) same_version = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) xml = NULL;
  g_autofree char *code = NULL;
  g_autofree char *old_text = NULL;
  FgActor *actor = fg_test_installer ();
  FgChecklistItem *item;
  guint shipped_version;

  /* an inspection finished with the shipped version */
  old = fg_inspection_start (f->store, actor, f->restaurant, FG_INSPECTION_KIND_ROUTINE, NULL, &error);
  g_assert_no_error (error);
  item = item_at (old, 0);
  code = g_strdup (fg_checklist_item_get_code (item));
  old_text = g_strdup (fg_checklist_item_get_text_zh (item));
  shipped_version = fg_checklist_item_get_template_version (item);
  answer_all (f->store, old, FG_OUTCOME_PASS);
  fg_inspection_finish (f->store, actor, old, &error);
  g_assert_no_error (error);

  /* the next version rewords that item */
  shipped = g_resources_lookup_data ("/io/github/firegrid/core/checklists/restaurant.xml", 0, &error);
  g_assert_no_error (error);
  xml = g_string_new_len (g_bytes_get_data (shipped, NULL), g_bytes_get_size (shipped));
  g_assert_cmpint (g_string_replace (xml, old_text, "新版措辞:检查项目已改写", 1), ==, 1);

  /* the same version with other content is refused */
  same_version = g_bytes_new (xml->str, xml->len);
  clash = fg_checklist_parse (same_version, "restaurant.xml", &error);
  g_assert_no_error (error);
  g_assert_false (fg_checklist_install (f->store, clash, &error));
  g_assert_error (error, FG_CHECKLIST_ERROR, FG_CHECKLIST_ERROR_VERSION_CLASH);
  g_clear_error (&error);

  {
    g_autofree char *from = g_strdup_printf ("id=\"restaurant\" version=\"%u\"", shipped_version);
    g_autofree char *to = g_strdup_printf ("id=\"restaurant\" version=\"%u\"", shipped_version + 1);

    g_assert_cmpint (g_string_replace (xml, from, to, 1), ==, 1);
  }
  changed = g_bytes_new (xml->str, xml->len);
  newer = fg_checklist_parse (changed, "restaurant.xml", &error);
  g_assert_no_error (error);
  fg_checklist_install (f->store, newer, &error);
  g_assert_no_error (error);

  /* the old inspection keeps the older version's wording */
  reread = fg_inspection_load (f->store, actor, fg_inspection_get_id (old), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fg_checklist_item_get_text_zh (fg_inspection_find_item (reread, code)), ==, old_text);
  g_assert_cmpuint (fg_checklist_item_get_template_version (fg_inspection_find_item (reread, code)), ==, shipped_version);

  /* a new one uses the newer */
  fresh = fg_inspection_start (f->store, actor, f->restaurant, FG_INSPECTION_KIND_ROUTINE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fg_checklist_item_get_text_zh (fg_inspection_find_item (fresh, code)), ==, "新版措辞:检查项目已改写");

  /* both versions stay installed */
  older = fg_checklist_load (f->store, "restaurant", shipped_version, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fg_checklist_get_version (older), ==, shipped_version);
}

static void
test_inspection_campaign (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(FgCampaign) campaign = NULL;
  g_autoptr(FgInspection) inspection = NULL;
  g_autoptr(GPtrArray) campaigns = NULL;
  g_autoptr(GError) error = NULL;
  const char *focus[] = { "C-EBIKE-01", NULL };
  const char *bad_focus[] = { "NO-SUCH-01", NULL };
  FgActor *actor = fg_test_installer ();

  campaign = fg_campaign_create (f->store, actor, "电动自行车消防安全专项整治", "2026-12-31", "2026-12-01", focus, &error);
  g_assert_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_INVALID_DATE);
  g_clear_error (&error);
  campaign = fg_campaign_create (f->store, actor, "电动自行车消防安全专项整治", "2026-02-30", "2026-12-01", focus, &error);
  g_assert_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_INVALID_DATE);
  g_clear_error (&error);
  campaign = fg_campaign_create (f->store, actor, "专项整治", "2026-12-01", "2026-12-31", bad_focus, &error);
  g_assert_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_UNKNOWN_ITEM);
  g_clear_error (&error);

  campaign = fg_campaign_create (f->store, actor, "电动自行车消防安全专项整治", "2026-12-01", "2026-12-31", focus, &error);
  g_assert_no_error (error);

  campaigns = fg_campaign_list (f->store, actor, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (campaigns->len, ==, 1);
  g_assert_cmpstrv (fg_campaign_get_focus (g_ptr_array_index (campaigns, 0)), focus);

  /* a campaign inspection names its campaign */
  inspection = fg_inspection_start (f->store, actor, f->restaurant, FG_INSPECTION_KIND_CAMPAIGN, NULL, &error);
  g_assert_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_INVALID_CAMPAIGN);
  g_clear_error (&error);
  inspection = fg_inspection_start (f->store, actor, f->restaurant, FG_INSPECTION_KIND_CAMPAIGN,
                                    fg_campaign_get_id (campaign), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fg_inspection_get_campaign_id (inspection), ==, fg_campaign_get_id (campaign));
}

static void
test_inspection_permissions (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(FgAccount) account = NULL;
  g_autoptr(FgActor) admin = NULL;
  g_autoptr(FgActor) village = NULL;
  g_autoptr(FgActor) grid = NULL;
  g_autoptr(FgInspection) inspection = NULL;
  g_autoptr(FgInspection) stolen = NULL;
  g_autoptr(GError) error = NULL;

  account = fg_account_create (f->store, fg_test_installer (), "admin", "张伟", FG_ROLE_TOWNSHIP_ADMIN,
                               fg_store_get_home_region_id (f->store), "admin-password", &error);
  g_assert_no_error (error);
  admin = fg_account_login (f->store, "admin", "admin-password", &error);
  g_assert_no_error (error);
  g_clear_object (&account);
  account = fg_account_create (f->store, admin, "village", "赵建国", FG_ROLE_VILLAGE_COMMITTEE,
                               "410425101201", "village-password", &error);
  g_assert_no_error (error);
  village = fg_account_login (f->store, "village", "village-password", &error);
  g_assert_no_error (error);
  g_clear_object (&account);
  account = fg_account_create (f->store, admin, "grid", "王芳", FG_ROLE_GRID_WORKER,
                               fg_region_get_id (f->grid), "grid-password", &error);
  g_assert_no_error (error);
  grid = fg_account_login (f->store, "grid", "grid-password", &error);
  g_assert_no_error (error);

  /* a village committee reads, but does not inspect */
  inspection = fg_inspection_start (f->store, village, f->restaurant, FG_INSPECTION_KIND_ROUTINE, NULL, &error);
  g_assert_error (error, FG_PERMISSION_ERROR, FG_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);

  /* the grid worker inspects in its grid; the draft is the worker's own */
  inspection = fg_inspection_start (f->store, grid, f->restaurant, FG_INSPECTION_KIND_ROUTINE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fg_inspection_get_inspector (inspection), ==, "grid");

  stolen = fg_inspection_load (f->store, admin, fg_inspection_get_id (inspection), &error);
  g_assert_no_error (error);
  g_assert_false (fg_inspection_record (f->store, admin, stolen,
                                        fg_checklist_item_get_code (item_at (stolen, 0)),
                                        FG_OUTCOME_PASS, NULL, &error));
  g_assert_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_NOT_INSPECTOR);
}

/* The store's day, YYYY-MM-DD */
static char *
store_today (FgStore *store)
{
  g_autoptr(GDate) today = fg_store_today (store);
  char text[16];

  g_date_strftime (text, sizeof text, "%Y-%m-%d", today);
  return g_strdup (text);
}

/* Finishing an inspection whose checklist asks about smoke alarms and
 * simple extinguishing equipment sets the venue's record of them from the
 * answers, checked on the inspection's day; an item not applicable leaves
 * it as it was, and a checklist without the items leaves the venue alone. */
static void
test_inspection_equipment (Fixture       *f,
                           gconstpointer  data)
{
  const char *workshop_kinds[] = { "family-workshop", NULL };
  const char *warehouse_kinds[] = { "warehouse", NULL };
  g_autofree char *workshop = add_venue (f, "李家服装加工", workshop_kinds);
  g_autofree char *warehouse = NULL;
  g_autofree char *today = store_today (f->store);
  g_autoptr(FgVenue) venue = NULL;
  g_autoptr(FgVenue) restaurant = NULL;
  g_autoptr(FgInspection) inspection = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  guint n_edits = 0;

  venue = fg_venue_load (f->store, fg_test_installer (), workshop, &error);
  g_assert_no_error (error);
  fg_venue_set_smoke_alarm_count (venue, 4);
  fg_venue_set_smoke_alarm_checked_on (venue, "2025-01-10");
  fg_venue_set_simple_extinguishing (venue, TRUE);
  g_assert_true (fg_venue_save (f->store, fg_test_installer (), venue, &error));
  g_clear_object (&venue);

  /* alarms pass, the simple equipment fails */
  inspection = fg_inspection_start (f->store, fg_test_installer (), workshop, FG_INSPECTION_KIND_ROUTINE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fg_inspection_find_item (inspection, FG_ITEM_SMOKE_ALARM));
  g_assert_nonnull (fg_inspection_find_item (inspection, FG_ITEM_SIMPLE_EXTINGUISHING));
  g_assert_true (fg_inspection_record (f->store, fg_test_installer (), inspection, FG_ITEM_SIMPLE_EXTINGUISHING,
                                       FG_OUTCOME_FAIL, "没有灭火毯", &error));
  answer_all (f->store, inspection, FG_OUTCOME_PASS);
  /* nothing changes before the inspection is finished */
  venue = fg_venue_load (f->store, fg_test_installer (), workshop, &error);
  g_assert_true (fg_venue_get_simple_extinguishing (venue));
  g_clear_object (&venue);
  g_assert_true (fg_inspection_finish (f->store, fg_test_installer (), inspection, &error));
  g_assert_no_error (error);
  g_clear_object (&inspection);

  venue = fg_venue_load (f->store, fg_test_installer (), workshop, &error);
  g_assert_no_error (error);
  g_assert_true (fg_venue_get_smoke_alarm (venue));
  g_assert_cmpint (fg_venue_get_smoke_alarm_count (venue), ==, 4);  /* the count known stays */
  g_assert_cmpstr (fg_venue_get_smoke_alarm_checked_on (venue), ==, today);
  g_assert_false (fg_venue_get_simple_extinguishing (venue));
  g_assert_cmpstr (fg_venue_get_simple_extinguishing_checked_on (venue), ==, today);
  g_clear_object (&venue);

  /* now the alarms fail, and the simple equipment is not applicable */
  inspection = fg_inspection_start (f->store, fg_test_installer (), workshop, FG_INSPECTION_KIND_ROUTINE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (fg_inspection_record (f->store, fg_test_installer (), inspection, FG_ITEM_SMOKE_ALARM,
                                       FG_OUTCOME_FAIL, "烟感无电池", &error));
  g_assert_true (fg_inspection_record (f->store, fg_test_installer (), inspection, FG_ITEM_SIMPLE_EXTINGUISHING,
                                       FG_OUTCOME_NA, NULL, &error));
  answer_all (f->store, inspection, FG_OUTCOME_PASS);
  g_assert_true (fg_inspection_finish (f->store, fg_test_installer (), inspection, &error));
  g_clear_object (&inspection);

  venue = fg_venue_load (f->store, fg_test_installer (), workshop, &error);
  g_assert_false (fg_venue_get_smoke_alarm (venue));
  g_assert_cmpint (fg_venue_get_smoke_alarm_count (venue), ==, 0);
  g_assert_false (fg_venue_get_simple_extinguishing (venue));

  /* each change is in the venue's history, as the inspector's */
  entries = fg_audit_list (f->store, fg_test_installer (), workshop, 20, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      FgAuditEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *checked = g_strdup_printf ("\"smoke_alarm_checked_on\":\"%s\"", today);

      if (g_str_equal (entry->action, "venue-edit") && strstr (entry->after, checked) != NULL)
        n_edits++;
    }
  g_assert_cmpuint (n_edits, ==, 2);

  /* a warehouse's checklist does not ask: its record is not touched */
  warehouse = add_venue (f, "顺达仓库", warehouse_kinds);
  inspection = fg_inspection_start (f->store, fg_test_installer (), warehouse, FG_INSPECTION_KIND_ROUTINE, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (fg_inspection_find_item (inspection, FG_ITEM_SMOKE_ALARM));
  answer_all (f->store, inspection, FG_OUTCOME_FAIL);
  g_assert_true (fg_inspection_finish (f->store, fg_test_installer (), inspection, &error));
  restaurant = fg_venue_load (f->store, fg_test_installer (), warehouse, &error);
  g_assert_null (fg_venue_get_smoke_alarm_checked_on (restaurant));
  g_assert_null (fg_venue_get_simple_extinguishing_checked_on (restaurant));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/checklist/shipped", Fixture, NULL, fixture_set_up, test_checklists_shipped, fixture_tear_down);
  g_test_add ("/checklist/added-categories", Fixture, NULL, fixture_set_up, test_checklists_added_categories, fixture_tear_down);
  g_test_add_func ("/checklist/invalid", test_checklists_invalid);
  g_test_add ("/inspection/flow", Fixture, NULL, fixture_set_up, test_inspection_flow, fixture_tear_down);
  g_test_add ("/inspection/mixed-union", Fixture, NULL, fixture_set_up, test_inspection_mixed_union, fixture_tear_down);
  g_test_add ("/inspection/draft-survives", Fixture, NULL, fixture_set_up, test_inspection_draft_survives, fixture_tear_down);
  g_test_add ("/inspection/photos", Fixture, NULL, fixture_set_up, test_inspection_photos, fixture_tear_down);
  g_test_add ("/inspection/versions", Fixture, NULL, fixture_set_up, test_inspection_versions, fixture_tear_down);
  g_test_add ("/inspection/campaign", Fixture, NULL, fixture_set_up, test_inspection_campaign, fixture_tear_down);
  g_test_add ("/inspection/permissions", Fixture, NULL, fixture_set_up, test_inspection_permissions, fixture_tear_down);
  g_test_add ("/inspection/equipment", Fixture, NULL, fixture_set_up, test_inspection_equipment, fixture_tear_down);

  return g_test_run ();
}
