/* test-office.c — opening an installation's database, setting it up
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "fg-test-util.h"
#include "fg-store-private.h"

#define COUNT_CHECKLISTS "SELECT count(*) FROM checklist_template"
#define COUNT_CALENDAR_YEARS "SELECT count(*) FROM calendar_year"
#define COUNT_UNCHAINED "SELECT count(*) FROM audit WHERE hash IS NULL AND digest IS NULL"
#define COUNT_NODES "SELECT count(*) FROM node"
#define COUNT_NODES_WITH_KEYS \
  "SELECT count(*) FROM node WHERE public_key IS NOT NULL AND secret_key IS NOT NULL"

/* An audit record as versions before the chain wrote them: no hashes. */
static void
add_unchained_record (const char *db_path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO audit (id, at, actor_login, actor_kind, action, outcome)"
                                 " VALUES ('0190a1b2-0000-7000-8000-000000000001', '2026-03-02T09:00:00+08:00',"
                                 "         'installer', 'installer', 'region-add', 'done')",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
}

/* The store opens and migrates, nothing else; the office's opening brings
 * in the shipped checklists and holiday calendar and chains the audit log. */
static void
test_office_open_installs_shipped (void)
{
  g_auto(FgTestDir) dir = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = NULL;

  fg_test_dir_init (&dir);
  store = fg_store_open (dir.db_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fg_store_get_schema_version (store), ==, fg_store_get_latest_schema_version ());
  g_clear_object (&store);

  g_assert_cmpint (fg_test_count (dir.db_path, COUNT_CHECKLISTS), ==, 0);
  g_assert_cmpint (fg_test_count (dir.db_path, COUNT_CALENDAR_YEARS), ==, 0);

  add_unchained_record (dir.db_path);
  store = fg_store_open (dir.db_path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (fg_test_count (dir.db_path, COUNT_UNCHAINED), ==, 1);

  store = fg_office_open (dir.db_path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (fg_test_count (dir.db_path, COUNT_CHECKLISTS), >, 0);
  g_assert_cmpint (fg_test_count (dir.db_path, COUNT_CALENDAR_YEARS), >, 0);
  g_assert_cmpint (fg_test_count (dir.db_path, COUNT_UNCHAINED), ==, 0);
}

/* A file the store refuses is refused by the office too, untouched. */
static void
test_office_open_refuses_foreign (void)
{
  g_auto(FgTestDir) dir = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = NULL;
  sqlite3 *db = NULL;

  fg_test_dir_init (&dir);
  g_assert_cmpint (sqlite3_open (dir.db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE contacts (name TEXT)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = fg_office_open (dir.db_path, &error);
  g_assert_error (error, FG_STORE_ERROR, FG_STORE_ERROR_NOT_DATABASE);
  g_assert_null (store);
  g_assert_cmpint (fg_test_count (dir.db_path, "SELECT count(*) FROM sqlite_schema"), ==, 1);
}

/* Each kind of installation comes out of its set-up with the key pair it
 * signs its bundles with, written in the set-up itself. */
static void
test_office_set_up_makes_keys (void)
{
  static const struct {
    FgNodeKind kind;
    const char *code;
    const char *name;
  } offices[] = {
    { FG_NODE_KIND_TOWNSHIP, "410425101", "冢头镇" },
    { FG_NODE_KIND_COUNTY, "410425", "郏县" },
    { FG_NODE_KIND_GRID, "410425101201-003", "第三网格" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (offices); i++)
    {
      g_auto(FgTestDir) dir = { 0 };
      g_autoptr(GError) error = NULL;
      g_autoptr(FgStore) store = NULL;
      g_autoptr(FgNodeInfo) self = NULL;
      FgActor *installer = fg_test_installer ();
      gboolean set_up = FALSE;

      fg_test_dir_init (&dir);
      store = fg_office_open (dir.db_path, &error);
      g_assert_no_error (error);

      switch (offices[i].kind)
        {
        case FG_NODE_KIND_TOWNSHIP:
          set_up = fg_office_set_up_township (store, installer, offices[i].code, offices[i].name, "郏县", &error);
          break;
        case FG_NODE_KIND_COUNTY:
          set_up = fg_office_set_up_county (store, installer, offices[i].code, offices[i].name, &error);
          break;
        case FG_NODE_KIND_GRID:
          set_up = fg_office_set_up_grid (store, installer, offices[i].code, offices[i].name, &error);
          break;
        default:
          g_assert_not_reached ();
        }
      g_assert_no_error (error);
      g_assert_true (set_up);
      g_assert_true (fg_store_is_set_up (store));

      /* read behind the program's back, before anything asks for them */
      g_assert_cmpint (fg_test_count (dir.db_path, COUNT_NODES_WITH_KEYS), ==, 1);

      self = fg_node_get_self (store, installer, &error);
      g_assert_no_error (error);
      g_assert_cmpint (self->kind, ==, offices[i].kind);
      g_assert_cmpstr (self->scope_name, ==, offices[i].name);
      g_assert_nonnull (self->fingerprint);
      g_assert_cmpuint (strlen (self->fingerprint), >, 0);
    }
}

/* A set-up leaves everything or nothing: refused before it starts, or
 * undone with the transaction of a caller it is part of. */
static void
test_office_set_up_all_or_nothing (void)
{
  g_auto(FgTestDir) dir = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = NULL;
  FgActor *installer = fg_test_installer ();

  fg_test_dir_init (&dir);
  store = fg_office_open (dir.db_path, &error);
  g_assert_no_error (error);

  g_assert_false (fg_office_set_up_township (store, installer, "410425000", "冢头镇", "郏县", &error));
  g_assert_error (error, FG_REGION_ERROR, FG_REGION_ERROR_INVALID_CODE);
  g_clear_error (&error);
  g_assert_false (fg_store_is_set_up (store));
  g_assert_cmpint (fg_test_count (dir.db_path, COUNT_NODES), ==, 0);

  /* part of a larger transaction (as in the demo) that fails later */
  g_assert_true (fg_store_begin (store, &error));
  g_assert_true (fg_office_set_up_township (store, installer, "410425101", "冢头镇", "郏县", &error));
  g_assert_no_error (error);
  g_assert_true (fg_store_is_set_up (store));
  fg_store_rollback (store);
  g_assert_false (fg_store_is_set_up (store));
  g_assert_cmpint (fg_test_count (dir.db_path, COUNT_NODES), ==, 0);

  /* an administrator the core refuses: no installation either */
  g_assert_null (fg_office_set_up_county_with_admin (store, "410425", "郏县", "guo", NULL, "short", &error));
  g_assert_error (error, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_WEAK_PASSWORD);
  g_clear_error (&error);
  g_assert_false (fg_store_is_set_up (store));
  g_assert_cmpint (fg_test_count (dir.db_path, COUNT_NODES), ==, 0);

  g_assert_true (fg_office_set_up_township (store, installer, "410425101", "冢头镇", "郏县", &error));
  g_assert_no_error (error);
  g_assert_cmpint (fg_test_count (dir.db_path, COUNT_NODES_WITH_KEYS), ==, 1);

  g_assert_false (fg_office_set_up_township (store, installer, "410425102", "安良镇", NULL, &error));
  g_assert_error (error, FG_REGION_ERROR, FG_REGION_ERROR_ALREADY_SET_UP);
  g_assert_cmpint (fg_test_count (dir.db_path, COUNT_NODES), ==, 1);
}

/* The names of a county and a township become the issuing authority's
 * name on documents: a division code typed where the name belongs is
 * refused, and nothing is set up. */
static void
test_office_set_up_refuses_codes_for_names (void)
{
  g_auto(FgTestDir) dir = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = NULL;
  g_autoptr(FgAccount) admin = NULL;
  FgActor *installer = fg_test_installer ();

  fg_test_dir_init (&dir);
  store = fg_office_open (dir.db_path, &error);
  g_assert_no_error (error);

  g_assert_false (fg_office_set_up_county (store, installer, "411081", "411081", &error));
  g_assert_error (error, FG_REGION_ERROR, FG_REGION_ERROR_INVALID_NAME);
  g_assert_nonnull (strstr (error->message, "411081"));
  g_clear_error (&error);
  admin = fg_office_set_up_county_with_admin (store, "411081", "禹州市411081", "guo", NULL, "long-password", &error);
  g_assert_null (admin);
  g_assert_error (error, FG_REGION_ERROR, FG_REGION_ERROR_INVALID_NAME);
  g_clear_error (&error);
  g_assert_false (fg_office_set_up_township (store, installer, "411081101", "神垕镇", "411081", &error));
  g_assert_error (error, FG_REGION_ERROR, FG_REGION_ERROR_INVALID_NAME);
  g_clear_error (&error);
  g_assert_false (fg_office_set_up_township (store, installer, "411081101", "411081101", "禹州市", &error));
  g_assert_error (error, FG_REGION_ERROR, FG_REGION_ERROR_INVALID_NAME);
  g_clear_error (&error);
  g_assert_false (fg_store_is_set_up (store));
  g_assert_cmpint (fg_test_count (dir.db_path, COUNT_NODES), ==, 0);

  /* a code the division list lacks needs the county's name: an empty one
   * is refused, it would leave the authority's name without its county */
  g_assert_false (fg_office_set_up_township (store, installer, "419999101", "新设镇", NULL, &error));
  g_assert_error (error, FG_REGION_ERROR, FG_REGION_ERROR_INVALID_NAME);
  g_assert_nonnull (strstr (error->message, "county"));
  g_clear_error (&error);
  g_assert_false (fg_office_set_up_township (store, installer, "419999101", "新设镇", "  ", &error));
  g_assert_error (error, FG_REGION_ERROR, FG_REGION_ERROR_INVALID_NAME);
  g_clear_error (&error);
  g_assert_false (fg_store_is_set_up (store));
  g_assert_cmpint (fg_test_count (dir.db_path, COUNT_NODES), ==, 0);
}

/* A township or county in the shipped division list is set up from its
 * code alone: the names come from the list. */
static void
test_office_set_up_from_list (void)
{
  static const struct {
    FgNodeKind kind;
    const char *code;
    const char *home_name;
    const char *county_name;
  } offices[] = {
    { FG_NODE_KIND_TOWNSHIP, "411081103", "神垕镇", "禹州市" },
    { FG_NODE_KIND_TOWNSHIP, "410425101000", "冢头镇", "郏县" },
    { FG_NODE_KIND_COUNTY, "411081", "禹州市", "禹州市" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (offices); i++)
    {
      g_auto(FgTestDir) dir = { 0 };
      g_autoptr(GError) error = NULL;
      g_autoptr(FgStore) store = NULL;
      g_autoptr(FgRegion) home = NULL;
      g_autoptr(FgRegion) county = NULL;
      gboolean set_up;

      fg_test_dir_init (&dir);
      store = fg_office_open (dir.db_path, &error);
      g_assert_no_error (error);
      if (offices[i].kind == FG_NODE_KIND_TOWNSHIP)
        set_up = fg_office_set_up_township (store, fg_test_installer (), offices[i].code, "", NULL, &error);
      else
        set_up = fg_office_set_up_county (store, fg_test_installer (), offices[i].code, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (set_up);

      home = fg_region_lookup (store, fg_test_installer (), fg_store_get_home_region_id (store), &error);
      g_assert_no_error (error);
      g_assert_cmpstr (fg_region_get_name (home), ==, offices[i].home_name);
      county = fg_region_lookup (store, fg_test_installer (),
                                 offices[i].kind == FG_NODE_KIND_COUNTY ? fg_region_get_id (home)
                                                                        : fg_region_get_parent_id (home),
                                 &error);
      g_assert_no_error (error);
      g_assert_cmpstr (fg_region_get_name (county), ==, offices[i].county_name);
    }

  /* a name typed stands, even for a code of the list */
  {
    g_auto(FgTestDir) dir = { 0 };
    g_autoptr(GError) error = NULL;
    g_autoptr(FgStore) store = NULL;
    g_autoptr(FgRegion) home = NULL;
    g_autoptr(FgAccount) admin = NULL;

    fg_test_dir_init (&dir);
    store = fg_office_open (dir.db_path, &error);
    g_assert_no_error (error);

    /* the administrator's real name, not the login, is what documents
     * print: without it, nothing is set up */
    admin = fg_office_set_up_township_with_admin (store, "410425101", NULL, NULL, "zhang.wei", NULL,
                                                  "long-password", &error);
    g_assert_null (admin);
    g_assert_error (error, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_INVALID_NAME);
    g_clear_error (&error);
    g_assert_false (fg_store_is_set_up (store));

    g_assert_true (fg_office_set_up_township (store, fg_test_installer (), "410425101", "冢头镇（新）", NULL, &error));
    home = fg_region_lookup (store, fg_test_installer (), fg_store_get_home_region_id (store), &error);
    g_assert_cmpstr (fg_region_get_name (home), ==, "冢头镇（新）");
  }
}

/* Every field a set-up form gets wrong is said at once, each on its own. */
static void
test_office_check_set_up (void)
{
  GError *errors[FG_OFFICE_N_FIELDS] = { NULL, };

  /* all wrong: a code that is no township's, names missing, a login with
   * a space, a short password */
  g_assert_cmpuint (fg_office_check_set_up (FG_NODE_KIND_TOWNSHIP, "4104", "", "", "王 丽", "", "short", errors),
                    ==, FG_OFFICE_N_FIELDS);
  g_assert_error (errors[FG_OFFICE_FIELD_CODE], FG_REGION_ERROR, FG_REGION_ERROR_INVALID_CODE);
  g_assert_error (errors[FG_OFFICE_FIELD_NAME], FG_REGION_ERROR, FG_REGION_ERROR_INVALID_NAME);
  g_assert_error (errors[FG_OFFICE_FIELD_COUNTY_NAME], FG_REGION_ERROR, FG_REGION_ERROR_INVALID_NAME);
  g_assert_error (errors[FG_OFFICE_FIELD_ADMIN_NAME], FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_INVALID_NAME);
  g_assert_error (errors[FG_OFFICE_FIELD_ADMIN_LOGIN], FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_INVALID_LOGIN);
  g_assert_error (errors[FG_OFFICE_FIELD_ADMIN_PASSWORD], FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_WEAK_PASSWORD);
  for (guint i = 0; i < FG_OFFICE_N_FIELDS; i++)
    g_clear_error (&errors[i]);

  /* a code of the list brings its names; a code where a name belongs is
   * refused where it was typed */
  g_assert_cmpuint (fg_office_check_set_up (FG_NODE_KIND_TOWNSHIP, "411081103", NULL, NULL,
                                            "zhang.wei", "张伟", "long-password", errors), ==, 0);
  g_assert_cmpuint (fg_office_check_set_up (FG_NODE_KIND_TOWNSHIP, "410425199", "新设镇", "410425",
                                            "zhang.wei", "张伟", "long-password", errors), ==, 1);
  g_assert_error (errors[FG_OFFICE_FIELD_COUNTY_NAME], FG_REGION_ERROR, FG_REGION_ERROR_INVALID_NAME);
  g_clear_error (&errors[FG_OFFICE_FIELD_COUNTY_NAME]);

  /* a county office's and a grid station's codes */
  g_assert_cmpuint (fg_office_check_set_up (FG_NODE_KIND_COUNTY, "410425101", "郏县", NULL,
                                            "guo", "郭明", "long-password", errors), ==, 1);
  g_assert_error (errors[FG_OFFICE_FIELD_CODE], FG_REGION_ERROR, FG_REGION_ERROR_INVALID_CODE);
  g_clear_error (&errors[FG_OFFICE_FIELD_CODE]);
  g_assert_cmpuint (fg_office_check_set_up (FG_NODE_KIND_GRID, "410425101201-3", NULL, NULL,
                                            "wang", "王网格", "long-password", errors), ==, 0);

  /* only the administrator, the password its login */
  g_assert_cmpuint (fg_office_check_set_up (FG_NODE_KIND_TOWNSHIP, NULL, NULL, NULL,
                                            "long-password", "张伟", "long-password", errors), ==, 1);
  g_assert_error (errors[FG_OFFICE_FIELD_ADMIN_PASSWORD], FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_WEAK_PASSWORD);
  g_clear_error (&errors[FG_OFFICE_FIELD_ADMIN_PASSWORD]);
}

/* The set-up with its first administrator: the account, the divisions
 * and the keys, in one step. */
static void
test_office_set_up_with_admin (void)
{
  g_auto(FgTestDir) dir = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = NULL;
  g_autoptr(FgAccount) admin = NULL;
  g_autoptr(FgActor) actor = NULL;
  g_autoptr(FgNodeInfo) self = NULL;

  fg_test_dir_init (&dir);
  store = fg_office_open (dir.db_path, &error);
  g_assert_no_error (error);

  admin = fg_office_set_up_grid_with_admin (store, "410425101201-003", NULL, "wang", "王网格",
                                            "long-password", &error);
  g_assert_no_error (error);
  g_assert_cmpint (fg_account_get_role (admin), ==, FG_ROLE_GRID_ADMIN);
  g_assert_cmpstr (fg_account_get_scope_region_id (admin), ==, fg_store_get_home_region_id (store));
  g_assert_cmpint (fg_test_count (dir.db_path, COUNT_NODES_WITH_KEYS), ==, 1);

  actor = fg_account_login (store, "wang", "long-password", &error);
  g_assert_no_error (error);
  self = fg_node_get_self (store, actor, &error);
  g_assert_no_error (error);
  g_assert_cmpint (self->kind, ==, FG_NODE_KIND_GRID);
  g_assert_cmpstr (self->scope_code, ==, "410425101201-003");
}

int
main (int   argc,
      char *argv[])
{
  /* the user's corrections of the division list stay out of the tests */
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/office/open-installs-shipped", test_office_open_installs_shipped);
  g_test_add_func ("/office/open-refuses-foreign", test_office_open_refuses_foreign);
  g_test_add_func ("/office/set-up-makes-keys", test_office_set_up_makes_keys);
  g_test_add_func ("/office/set-up-all-or-nothing", test_office_set_up_all_or_nothing);
  g_test_add_func ("/office/set-up-with-admin", test_office_set_up_with_admin);
  g_test_add_func ("/office/set-up-refuses-codes-for-names", test_office_set_up_refuses_codes_for_names);
  g_test_add_func ("/office/set-up-from-list", test_office_set_up_from_list);
  g_test_add_func ("/office/check-set-up", test_office_check_set_up);

  return g_test_run ();
}
