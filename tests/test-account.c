/* test-account.c — accounts, roles and scopes, enforced in the core
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <sqlite3.h>

#include "fg-test-util.h"
#include "fg-account-private.h"

/* A township with two villages, a grid in each, and a venue in each grid.
 * "A" lies in the grid worker's and the village committee's scope, "B"
 * does not. */
typedef struct
{
  FgTestDir dir;
  FgStore *store;
  FgRegion *village_a;
  FgRegion *grid_a;
  FgRegion *village_b;
  FgRegion *grid_b;
  char *venue_a;
  char *venue_b;
  FgActor *actors[FG_N_ROLES];
} Fixture;

static const char * const logins[FG_N_ROLES] = {
  [FG_ROLE_TOWNSHIP_ADMIN] = "admin",
  [FG_ROLE_TOWNSHIP_STAFF] = "staff",
  [FG_ROLE_GRID_WORKER] = "grid.a",
  [FG_ROLE_VILLAGE_COMMITTEE] = "village.a",
  [FG_ROLE_COUNTY] = "county",
  [FG_ROLE_COUNTY_ADMIN] = "county.admin",
};

/* The roles of a township's installation (a county administrator belongs
 * to a county office's). */
#define N_TOWNSHIP_ROLES FG_ROLE_COUNTY_ADMIN

static char *
add_venue (FgStore    *store,
           FgRegion   *grid,
           const char *name)
{
  g_autoptr(FgVenue) venue = fg_test_venue_new (fg_region_get_id (grid), name, "人民路1号",
                                                "shop", "王建国");
  g_autoptr(GError) error = NULL;

  fg_venue_save (store, fg_test_installer (), venue, &error);
  g_assert_no_error (error);
  return g_strdup (fg_venue_get_id (venue));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgAccount) account = NULL;
  FgActor *installer = fg_test_installer ();
  const char *scopes[FG_N_ROLES];

  fg_test_dir_init (&f->dir);
  f->store = fg_test_township_new (&f->dir, &f->village_a, &f->grid_a);
  f->village_b = fg_region_add_village (f->store, installer, "410425101", "410425101202", "王楼村", &error);
  g_assert_no_error (error);
  f->grid_b = fg_region_add_grid (f->store, installer, fg_region_get_id (f->village_b), "第一网格", &error);
  g_assert_no_error (error);
  f->venue_a = add_venue (f->store, f->grid_a, "李庄超市");
  f->venue_b = add_venue (f->store, f->grid_b, "王楼超市");

  scopes[FG_ROLE_TOWNSHIP_ADMIN] = fg_store_get_home_region_id (f->store);
  scopes[FG_ROLE_TOWNSHIP_STAFF] = fg_store_get_home_region_id (f->store);
  scopes[FG_ROLE_GRID_WORKER] = fg_region_get_id (f->grid_a);
  scopes[FG_ROLE_VILLAGE_COMMITTEE] = fg_region_get_id (f->village_a);
  scopes[FG_ROLE_COUNTY] = "410425";

  /* the first account, by the installer; the others by the administrator */
  account = fg_account_create (f->store, installer, "admin", "张伟", FG_ROLE_TOWNSHIP_ADMIN,
                               scopes[FG_ROLE_TOWNSHIP_ADMIN], "admin-password", &error);
  g_assert_no_error (error);
  f->actors[FG_ROLE_TOWNSHIP_ADMIN] = fg_account_login (f->store, "admin", "admin-password", &error);
  g_assert_no_error (error);

  for (FgRole role = FG_ROLE_TOWNSHIP_STAFF; role < N_TOWNSHIP_ROLES; role++)
    {
      g_autoptr(FgAccount) other = NULL;
      g_autofree char *password = g_strdup_printf ("%s-password", logins[role]);

      other = fg_account_create (f->store, f->actors[FG_ROLE_TOWNSHIP_ADMIN], logins[role], "某人",
                                 role, scopes[role], password, &error);
      g_assert_no_error (error);
      f->actors[role] = fg_account_login (f->store, logins[role], password, &error);
      g_assert_no_error (error);
      g_assert_cmpint (fg_actor_get_role (f->actors[role]), ==, role);
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  for (guint i = 0; i < FG_N_ROLES; i++)
    g_clear_pointer (&f->actors[i], fg_actor_unref);
  g_clear_object (&f->village_a);
  g_clear_object (&f->grid_a);
  g_clear_object (&f->village_b);
  g_clear_object (&f->grid_b);
  g_free (f->venue_a);
  g_free (f->venue_b);
  g_clear_object (&f->store);
  fg_test_dir_clear (&f->dir);
}

/* The operations, each on the record inside ("A") or outside ("B") the
 * scope of the grid worker and the village committee. */
typedef GError *(*Operation) (Fixture *f, FgActor *actor, gboolean inside);

static GError *
op_read_venue (Fixture  *f,
               FgActor  *actor,
               gboolean  inside)
{
  g_autoptr(FgVenue) venue = NULL;
  GError *error = NULL;

  venue = fg_venue_load (f->store, actor, inside ? f->venue_a : f->venue_b, &error);
  g_assert_true ((venue == NULL) == (error != NULL));
  return error;
}

static GError *
op_edit_venue (Fixture  *f,
               FgActor  *actor,
               gboolean  inside)
{
  g_autoptr(FgVenue) venue = NULL;
  GError *error = NULL;

  venue = fg_venue_load (f->store, f->actors[FG_ROLE_TOWNSHIP_ADMIN], inside ? f->venue_a : f->venue_b, &error);
  g_assert_no_error (error);
  fg_venue_set_phone (venue, "13800000000");
  fg_venue_save (f->store, actor, venue, &error);
  return error;
}

static GError *
op_add_venue (Fixture  *f,
              FgActor  *actor,
              gboolean  inside)
{
  g_autoptr(FgVenue) venue = fg_test_venue_new (fg_region_get_id (inside ? f->grid_a : f->grid_b),
                                                "新开小吃店", "人民路2号", "restaurant", "李娜");
  GError *error = NULL;

  fg_venue_save (f->store, actor, venue, &error);
  return error;
}

static GError *
op_list_venues (Fixture  *f,
                FgActor  *actor,
                gboolean  inside)
{
  g_autoptr(FgVenueQuery) query = fg_venue_query_new ();
  g_autoptr(GPtrArray) venues = NULL;
  GError *error = NULL;

  query->region_id = g_strdup (fg_region_get_id (inside ? f->village_a : f->village_b));
  venues = fg_venue_query_fetch (f->store, actor, query, 0, 10, &error);
  if (venues != NULL)
    g_assert_cmpuint (venues->len, ==, 1);
  return error;
}

static GError *
op_read_region (Fixture  *f,
                FgActor  *actor,
                gboolean  inside)
{
  g_autoptr(FgRegion) region = NULL;
  GError *error = NULL;

  region = fg_region_lookup (f->store, actor, fg_region_get_id (inside ? f->grid_a : f->grid_b), &error);
  return error;
}

static GError *
op_rename_grid (Fixture  *f,
                FgActor  *actor,
                gboolean  inside)
{
  GError *error = NULL;

  fg_region_rename (f->store, actor, fg_region_get_id (inside ? f->grid_a : f->grid_b), "一号网格", &error);
  return error;
}

static GError *
op_add_grid (Fixture  *f,
             FgActor  *actor,
             gboolean  inside)
{
  static guint n_added;
  g_autoptr(FgRegion) grid = NULL;
  g_autofree char *name = g_strdup_printf ("新网格%u", ++n_added);  /* a village's grids have names of their own */
  GError *error = NULL;

  grid = fg_region_add_grid (f->store, actor, fg_region_get_id (inside ? f->village_a : f->village_b),
                             name, &error);
  return error;
}

static GError *
op_list_accounts (Fixture  *f,
                  FgActor  *actor,
                  gboolean  inside)
{
  g_autoptr(GPtrArray) accounts = NULL;
  GError *error = NULL;

  accounts = fg_account_list (f->store, actor, &error);
  return error;
}

static GError *
op_create_account (Fixture  *f,
                   FgActor  *actor,
                   gboolean  inside)
{
  g_autoptr(FgAccount) account = NULL;
  g_autofree char *login = g_strdup_printf ("new.%s.%d", fg_actor_get_login (actor), inside);
  GError *error = NULL;

  account = fg_account_create (f->store, actor, login, "新网格员", FG_ROLE_GRID_WORKER,
                               fg_region_get_id (inside ? f->grid_a : f->grid_b),
                               "new-password", &error);
  return error;
}

static GError *
op_read_audit (Fixture  *f,
               FgActor  *actor,
               gboolean  inside)
{
  g_autoptr(GPtrArray) entries = NULL;
  GError *error = NULL;

  entries = fg_audit_list (f->store, actor, NULL, 10, &error);
  return error;
}

enum { OK, DENIED, OUT };  /* expected: allowed, the role may not, outside the scope */

typedef struct
{
  const char *name;
  Operation operation;
  /* per role (admin, staff, grid worker, village committee, county),
   * inside and outside */
  int expected[FG_N_ROLES][2];
} Row;

static const Row table[] = {
  { "read venue",      op_read_venue,     { { OK, OK }, { OK, OK }, { OK, OUT }, { OK, OUT }, { OK, OK } } },
  { "list venues",     op_list_venues,    { { OK, OK }, { OK, OK }, { OK, OUT }, { OK, OUT }, { OK, OK } } },
  { "edit venue",      op_edit_venue,     { { OK, OK }, { OK, OK }, { OK, OUT }, { DENIED, DENIED }, { DENIED, DENIED } } },
  { "add venue",       op_add_venue,      { { OK, OK }, { OK, OK }, { OK, OUT }, { DENIED, DENIED }, { DENIED, DENIED } } },
  { "read region",     op_read_region,    { { OK, OK }, { OK, OK }, { OK, OUT }, { OK, OUT }, { OK, OK } } },
  { "rename grid",     op_rename_grid,    { { OK, OK }, { OK, OK }, { DENIED, DENIED }, { DENIED, DENIED }, { DENIED, DENIED } } },
  { "add grid",        op_add_grid,       { { OK, OK }, { OK, OK }, { DENIED, DENIED }, { DENIED, DENIED }, { DENIED, DENIED } } },
  { "list accounts",   op_list_accounts,  { { OK, OK }, { DENIED, DENIED }, { DENIED, DENIED }, { DENIED, DENIED }, { DENIED, DENIED } } },
  { "create account",  op_create_account, { { OK, OK }, { DENIED, DENIED }, { DENIED, DENIED }, { DENIED, DENIED }, { DENIED, DENIED } } },
  { "read audit log",  op_read_audit,     { { OK, OK }, { DENIED, DENIED }, { DENIED, DENIED }, { DENIED, DENIED }, { OK, OK } } },
};

static guint
count_refusals (Fixture *f)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  entries = fg_audit_list (f->store, f->actors[FG_ROLE_TOWNSHIP_ADMIN], NULL, 100000, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    n += ((FgAuditEntry *) g_ptr_array_index (entries, i))->refused;
  return n;
}

static void
test_account_role_table (Fixture       *f,
                         gconstpointer  data)
{
  for (guint r = 0; r < G_N_ELEMENTS (table); r++)
    for (FgRole role = 0; role < N_TOWNSHIP_ROLES; role++)
      for (guint inside = 0; inside < 2; inside++)
        {
          int expected = table[r].expected[role][inside ? 0 : 1];
          guint refusals_before = count_refusals (f);
          g_autoptr(GError) error = NULL;

          g_test_message ("%s, %s, %s", table[r].name, fg_role_to_string (role),
                          inside ? "inside" : "outside");
          error = table[r].operation (f, f->actors[role], inside);

          switch (expected)
            {
            case OK:
              g_assert_no_error (error);
              g_assert_cmpuint (count_refusals (f), ==, refusals_before);
              break;

            case DENIED:
              g_assert_error (error, FG_PERMISSION_ERROR, FG_PERMISSION_ERROR_DENIED);
              g_assert_cmpuint (count_refusals (f), ==, refusals_before + 1);
              break;

            case OUT:
            default:
              g_assert_error (error, FG_PERMISSION_ERROR, FG_PERMISSION_ERROR_OUT_OF_SCOPE);
              g_assert_cmpuint (count_refusals (f), ==, refusals_before + 1);
              break;
            }
        }
}

static void
test_account_scope_narrows_lists (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(FgVenueQuery) query = fg_venue_query_new ();
  g_autoptr(GPtrArray) children = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  /* the whole township, asked by a grid worker, is the grid worker's grid */
  fg_venue_query_count (f->store, f->actors[FG_ROLE_GRID_WORKER], query, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  query->region_id = g_strdup (fg_store_get_home_region_id (f->store));
  fg_venue_query_count (f->store, f->actors[FG_ROLE_GRID_WORKER], query, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  fg_venue_query_count (f->store, f->actors[FG_ROLE_TOWNSHIP_STAFF], query, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);

  /* the tree shows the village committee its own village only */
  children = fg_region_list_children (f->store, f->actors[FG_ROLE_VILLAGE_COMMITTEE],
                                      fg_store_get_home_region_id (f->store), FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (children->len, ==, 1);
  g_assert_cmpstr (fg_region_get_id (g_ptr_array_index (children, 0)), ==, fg_region_get_id (f->village_a));
}

static void
test_account_grid_worker_refused_and_audited (Fixture       *f,
                                              gconstpointer  data)
{
  FgActor *worker = f->actors[FG_ROLE_GRID_WORKER];
  g_autoptr(FgVenue) venue = NULL;
  g_autoptr(FgVenue) reread = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  FgAuditEntry *entry;

  /* the worker holds venue B (as if read earlier, or crafted) and changes it */
  venue = fg_venue_load (f->store, f->actors[FG_ROLE_TOWNSHIP_ADMIN], f->venue_b, &error);
  g_assert_no_error (error);
  fg_venue_set_name (venue, "改名超市");

  g_assert_false (fg_venue_save (f->store, worker, venue, &error));
  g_assert_error (error, FG_PERMISSION_ERROR, FG_PERMISSION_ERROR_OUT_OF_SCOPE);
  g_assert_nonnull (strstr (error->message, "第一网格"));
  g_clear_error (&error);

  /* moving it into the worker's own grid is refused just the same */
  fg_venue_set_region_id (venue, fg_region_get_id (f->grid_a));
  g_assert_false (fg_venue_save (f->store, worker, venue, &error));
  g_assert_error (error, FG_PERMISSION_ERROR, FG_PERMISSION_ERROR_OUT_OF_SCOPE);
  g_clear_error (&error);

  /* nothing changed */
  reread = fg_venue_load (f->store, f->actors[FG_ROLE_TOWNSHIP_ADMIN], f->venue_b, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fg_venue_get_name (reread), ==, "王楼超市");
  g_assert_cmpstr (fg_venue_get_region_id (reread), ==, fg_region_get_id (f->grid_b));

  /* and the audit log says who tried what on which venue: two refusals
   * after the venue's registration (and nothing done by the worker) */
  entries = fg_audit_list (f->store, f->actors[FG_ROLE_TOWNSHIP_ADMIN], f->venue_b, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 3);
  g_assert_false (((FgAuditEntry *) g_ptr_array_index (entries, 2))->refused);
  g_assert_cmpstr (((FgAuditEntry *) g_ptr_array_index (entries, 2))->action, ==, "venue-add");
  g_assert_true (((FgAuditEntry *) g_ptr_array_index (entries, 1))->refused);
  entry = g_ptr_array_index (entries, 0);
  g_assert_true (entry->refused);
  g_assert_cmpstr (entry->actor_login, ==, "grid.a");
  g_assert_cmpstr (entry->action, ==, "venue-edit");
  g_assert_cmpstr (entry->record_id, ==, f->venue_b);
  g_assert_nonnull (strstr (entry->detail, "第一网格"));
}

/* Checking a certificate number says what setting it would say, and
 * stores nothing: not the number, not a line in the audit log. */
static void
test_account_check_certificate (Fixture       *f,
                                gconstpointer  data)
{
  FgActor *admin = f->actors[FG_ROLE_TOWNSHIP_ADMIN];
  g_autoptr(FgAccount) staff = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) set_error = NULL;
  const char *wrong[] = { "豫 0412 01", "12345678901234567890123456789012345" };

  before = fg_audit_list (f->store, admin, NULL, 1000, &error);
  g_assert_no_error (error);

  /* a number the officer's record would take, checked only */
  g_assert_true (fg_account_check_certificate (f->store, admin, "staff", " 豫0412001 ", &error));
  g_assert_no_error (error);
  g_assert_true (fg_account_check_certificate (f->store, admin, "staff", "", &error));
  g_assert_no_error (error);

  /* wrong numbers: the same words as setting them gives */
  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      g_assert_false (fg_account_check_certificate (f->store, admin, "staff", wrong[i], &error));
      g_assert_error (error, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_INVALID_CERTIFICATE);
      g_assert_false (fg_account_set_certificate (f->store, admin, "staff", wrong[i], &set_error));
      g_assert_cmpstr (error->message, ==, set_error->message);
      g_clear_error (&error);
      g_clear_error (&set_error);
    }

  /* a grid worker holds none */
  g_assert_false (fg_account_check_certificate (f->store, admin, "grid.a", "豫0412001", &error));
  g_assert_error (error, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_INVALID_CERTIFICATE);
  g_assert_nonnull (strstr (error->message, "某人"));
  g_clear_error (&error);

  /* nor an unknown account */
  g_assert_false (fg_account_check_certificate (f->store, admin, "nobody", "豫0412001", &error));
  g_assert_error (error, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* nothing stored */
  staff = fg_account_private_load (f->store, "staff", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fg_account_get_certificate (staff), ==, "");
  after = fg_audit_list (f->store, admin, NULL, 1000, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, before->len);

  /* nobody but an administrator over the account may */
  g_assert_false (fg_account_check_certificate (f->store, f->actors[FG_ROLE_TOWNSHIP_STAFF], "staff",
                                                "豫0412001", &error));
  g_assert_error (error, FG_PERMISSION_ERROR, FG_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);

  /* and what the check took is what setting it stores */
  g_assert_true (fg_account_set_certificate (f->store, admin, "staff", " 豫0412001 ", &error));
  g_assert_no_error (error);
  g_clear_object (&staff);
  staff = fg_account_private_load (f->store, "staff", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fg_account_get_certificate (staff), ==, "豫0412001");
}

static void
test_account_installer_needs_login (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(FgVenue) venue = NULL;
  g_autoptr(GError) error = NULL;

  /* accounts exist: acting without a login is refused, reading too */
  venue = fg_venue_load (f->store, fg_test_installer (), f->venue_a, &error);
  g_assert_error (error, FG_PERMISSION_ERROR, FG_PERMISSION_ERROR_LOGIN_NEEDED);
  g_assert_null (venue);
  g_clear_error (&error);

  fg_region_rename (f->store, fg_test_installer (), fg_region_get_id (f->grid_a), "改名", &error);
  g_assert_error (error, FG_PERMISSION_ERROR, FG_PERMISSION_ERROR_LOGIN_NEEDED);
}

static void
test_account_wrong_password (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(FgActor) actor = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) unknown = NULL;

  actor = fg_account_login (f->store, "staff", "not-the-password", &error);
  g_assert_error (error, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_WRONG_PASSWORD);
  g_assert_null (actor);

  /* an unknown login reads the same: it does not tell which logins exist */
  actor = fg_account_login (f->store, "nobody", "not-the-password", &unknown);
  g_assert_error (unknown, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_WRONG_PASSWORD);
  g_assert_cmpstr (unknown->message, ==, error->message);
  g_clear_error (&error);

  actor = fg_account_login (f->store, "staff", "staff-password", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fg_actor_get_login (actor), ==, "staff");
}

static void
test_account_lockout (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(FgActor) actor = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 1; i < FG_ACCOUNT_MAX_FAILED_LOGINS; i++)
    {
      actor = fg_account_login (f->store, "grid.a", "guess-1234", &error);
      g_assert_error (error, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_WRONG_PASSWORD);
      g_clear_error (&error);
    }

  /* the fifth wrong password in a row: now each try must wait */
  actor = fg_account_login (f->store, "grid.a", "guess-1234", &error);
  g_assert_error (error, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_LOCKED);
  g_clear_error (&error);

  /* even the right password waits */
  actor = fg_account_login (f->store, "grid.a", "grid.a-password", &error);
  g_assert_error (error, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_LOCKED);
  g_assert_null (actor);
  g_clear_error (&error);

  /* the other accounts are not affected */
  actor = fg_account_login (f->store, "staff", "staff-password", &error);
  g_assert_no_error (error);
  g_clear_pointer (&actor, fg_actor_unref);

  /* the administrator resets the password, which lifts the wait */
  fg_account_reset_password (f->store, f->actors[FG_ROLE_TOWNSHIP_ADMIN], "grid.a", "fresh-password", &error);
  g_assert_no_error (error);
  actor = fg_account_login (f->store, "grid.a", "fresh-password", &error);
  g_assert_no_error (error);
}

static char *
stored_hash (Fixture    *f,
             const char *login)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *hash;

  g_assert_cmpint (sqlite3_open (f->dir.db_path, &db), ==, SQLITE_OK);
  sqlite3_prepare_v2 (db, "SELECT password_hash FROM account WHERE login = ?1", -1, &stmt, NULL);
  sqlite3_bind_text (stmt, 1, login, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  hash = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return hash;
}

static void
test_account_password_hashes (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(FgAccount) twin = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *twin_hash = NULL;

  /* the same password for two people */
  twin = fg_account_create (f->store, f->actors[FG_ROLE_TOWNSHIP_ADMIN], "staff.twin", "某人",
                            FG_ROLE_TOWNSHIP_STAFF, fg_store_get_home_region_id (f->store),
                            "staff-password", &error);
  g_assert_no_error (error);

  hash = stored_hash (f, "staff");
  twin_hash = stored_hash (f, "staff.twin");

  /* Argon2id with a salt of its own: the hashes differ, and neither holds
   * the password */
  g_assert_true (g_str_has_prefix (hash, "$argon2id$"));
  g_assert_cmpstr (hash, !=, twin_hash);
  g_assert_null (strstr (hash, "staff-password"));
  g_assert_null (strstr (twin_hash, "staff-password"));
}

static void
test_account_change_password (Fixture       *f,
                              gconstpointer  data)
{
  FgActor *staff = f->actors[FG_ROLE_TOWNSHIP_STAFF];
  g_autoptr(FgActor) actor = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (fg_account_change_password (f->store, staff, "wrong-password", "better-password", &error));
  g_assert_error (error, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_WRONG_PASSWORD);
  g_clear_error (&error);

  g_assert_false (fg_account_change_password (f->store, staff, "staff-password", "short", &error));
  g_assert_error (error, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_WEAK_PASSWORD);
  g_clear_error (&error);

  fg_account_change_password (f->store, staff, "staff-password", "better-password", &error);
  g_assert_no_error (error);

  actor = fg_account_login (f->store, "staff", "staff-password", &error);
  g_assert_error (error, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_WRONG_PASSWORD);
  g_clear_error (&error);
  actor = fg_account_login (f->store, "staff", "better-password", &error);
  g_assert_no_error (error);
}

static void
test_account_switch_off (Fixture       *f,
                         gconstpointer  data)
{
  FgActor *admin = f->actors[FG_ROLE_TOWNSHIP_ADMIN];
  g_autoptr(FgActor) actor = NULL;
  g_autoptr(GError) error = NULL;

  fg_account_set_active (f->store, admin, "staff", FALSE, &error);
  g_assert_no_error (error);
  actor = fg_account_login (f->store, "staff", "staff-password", &error);
  g_assert_error (error, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_INACTIVE);
  g_clear_error (&error);

  /* the last administrator stays */
  fg_account_set_active (f->store, admin, "admin", FALSE, &error);
  g_assert_error (error, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_LAST_ADMIN);
}

static void
test_account_areas (Fixture       *f,
                    gconstpointer  data)
{
  static const struct { FgRole role; guint n; } expected[] = {
    { FG_ROLE_TOWNSHIP_ADMIN, 1 },
    { FG_ROLE_TOWNSHIP_STAFF, 1 },
    { FG_ROLE_GRID_WORKER, 2 },
    { FG_ROLE_VILLAGE_COMMITTEE, 2 },
    { FG_ROLE_COUNTY, 1 },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) refused = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(GPtrArray) areas = fg_account_list_areas (f->store, f->actors[FG_ROLE_TOWNSHIP_ADMIN],
                                                          expected[i].role, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (areas->len, ==, expected[i].n);
      /* each area is one the core then accepts for the role */
      for (guint j = 0; j < areas->len; j++)
        {
          g_autoptr(FgAccount) account = NULL;
          g_autofree char *login = g_strdup_printf ("area.%u.%u", i, j);

          account = fg_account_create (f->store, f->actors[FG_ROLE_TOWNSHIP_ADMIN], login, "某人",
                                       expected[i].role,
                                       fg_region_get_id (g_ptr_array_index (areas, j)),
                                       "long-password", &error);
          g_assert_no_error (error);
        }
    }

  refused = fg_account_list_areas (f->store, f->actors[FG_ROLE_TOWNSHIP_STAFF], FG_ROLE_GRID_WORKER, &error);
  g_assert_error (error, FG_PERMISSION_ERROR, FG_PERMISSION_ERROR_DENIED);
  g_assert_null (refused);
}

/* A grid is named with its village wherever it stands for someone's
 * area: each village has its 第一网格. */
static void
test_account_scope_labels (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  gboolean seen_grid = FALSE;

  g_assert_cmpstr (fg_actor_get_scope_name (f->actors[FG_ROLE_GRID_WORKER]), ==, "李庄村 › 第一网格");
  g_assert_cmpstr (fg_actor_get_scope_name (f->actors[FG_ROLE_VILLAGE_COMMITTEE]), ==, "李庄村");
  g_assert_cmpstr (fg_actor_get_scope_name (f->actors[FG_ROLE_TOWNSHIP_ADMIN]), ==, "冢头镇");

  accounts = fg_account_list (f->store, f->actors[FG_ROLE_TOWNSHIP_ADMIN], &error);
  g_assert_no_error (error);
  for (guint i = 0; i < accounts->len; i++)
    {
      FgAccount *account = g_ptr_array_index (accounts, i);

      if (g_strcmp0 (fg_account_get_login (account), "grid.a") == 0)
        {
          /* the name alone stays for scripts (firegrid-cli's tsv) */
          g_assert_cmpstr (fg_account_get_scope_name (account), ==, "第一网格");
          g_assert_cmpstr (fg_account_get_scope_label (account), ==, "李庄村 › 第一网格");
          seen_grid = TRUE;
        }
      else if (g_strcmp0 (fg_account_get_login (account), "village.a") == 0)
        g_assert_cmpstr (fg_account_get_scope_label (account), ==, "李庄村");
    }
  g_assert_true (seen_grid);
}

/* Who is offered the changes of the division tree: the township's
 * administrator and staff, in the township; asking writes no refusal. */
static void
test_account_who_changes_regions (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgRegion) township = fg_region_lookup (f->store, f->actors[FG_ROLE_TOWNSHIP_ADMIN],
                                                   fg_store_get_home_region_id (f->store), &error);
  g_autoptr(FgRegion) county = fg_region_lookup (f->store, f->actors[FG_ROLE_TOWNSHIP_ADMIN],
                                                 "410425", &error);
  FgRegion *regions[] = { township, f->village_a, f->grid_a, f->village_b };
  gint64 refusals = fg_test_count (f->dir.db_path, "SELECT count(*) FROM audit");

  g_assert_no_error (error);
  for (FgRole role = 0; role < N_TOWNSHIP_ROLES; role++)
    {
      gboolean expected = role == FG_ROLE_TOWNSHIP_ADMIN || role == FG_ROLE_TOWNSHIP_STAFF;

      for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
        {
          g_test_message ("%s on %s", logins[role], fg_region_get_name (regions[i]));
          g_assert_cmpint (fg_region_can_change (f->store, f->actors[role], regions[i]), ==, expected);
        }
      /* the county above is not the township's to change */
      g_assert_false (fg_region_can_change (f->store, f->actors[role], county));
    }
  g_assert_cmpint (fg_test_count (f->dir.db_path, "SELECT count(*) FROM audit"), ==, refusals);
}

/* A form marks every wrong field at once: the core reports each of
 * login, name and password, and checks the name only when asked. */
static void
test_account_check_fields (void)
{
  GError *errors[FG_ACCOUNT_N_FIELDS] = { NULL, };

  g_assert_cmpuint (fg_account_check_fields ("王芳", "  ", "short", errors), ==, 3);
  g_assert_error (errors[FG_ACCOUNT_FIELD_LOGIN], FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_INVALID_LOGIN);
  g_assert_error (errors[FG_ACCOUNT_FIELD_NAME], FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_INVALID_NAME);
  g_assert_error (errors[FG_ACCOUNT_FIELD_PASSWORD], FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_WEAK_PASSWORD);
  for (guint i = 0; i < FG_ACCOUNT_N_FIELDS; i++)
    g_clear_error (&errors[i]);

  /* the password may not be the login, whichever field is wrong beside it */
  g_assert_cmpuint (fg_account_check_fields ("wang.fang", NULL, "WANG.FANG", errors), ==, 1);
  g_assert_null (errors[FG_ACCOUNT_FIELD_LOGIN]);
  g_assert_null (errors[FG_ACCOUNT_FIELD_NAME]);
  g_assert_error (errors[FG_ACCOUNT_FIELD_PASSWORD], FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_WEAK_PASSWORD);
  g_clear_error (&errors[FG_ACCOUNT_FIELD_PASSWORD]);

  g_assert_cmpuint (fg_account_check_fields ("wang.fang", "王芳", "long-enough", errors), ==, 0);
  for (guint i = 0; i < FG_ACCOUNT_N_FIELDS; i++)
    g_assert_null (errors[i]);
}

static void
test_account_validation (void)
{
  g_auto(FgTestDir) dir = { 0 };
  g_autoptr(FgStore) store = NULL;
  g_autoptr(FgRegion) grid = NULL;
  g_autoptr(FgAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  FgActor *installer = fg_test_installer ();

  fg_test_dir_init (&dir);
  store = fg_test_township_new (&dir, NULL, &grid);

  /* the first account must be the township's administrator */
  account = fg_account_create (store, installer, "wang", "王芳", FG_ROLE_GRID_WORKER,
                               fg_region_get_id (grid), "long-enough", &error);
  g_assert_error (error, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_INVALID_SCOPE);
  g_clear_error (&error);

  account = fg_account_create (store, installer, "王芳", "王芳", FG_ROLE_TOWNSHIP_ADMIN,
                               fg_store_get_home_region_id (store), "long-enough", &error);
  g_assert_error (error, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_INVALID_LOGIN);
  g_clear_error (&error);

  account = fg_account_create (store, installer, "wang", "王芳", FG_ROLE_TOWNSHIP_ADMIN,
                               fg_store_get_home_region_id (store), "short", &error);
  g_assert_error (error, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_WEAK_PASSWORD);
  g_clear_error (&error);

  /* a grid worker's area is a grid */
  account = fg_account_create (store, installer, "wang", "王芳", FG_ROLE_TOWNSHIP_ADMIN,
                               fg_region_get_id (grid), "long-enough", &error);
  g_assert_error (error, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_INVALID_SCOPE);
  g_clear_error (&error);

  account = fg_account_create (store, installer, "wang", "王芳", FG_ROLE_TOWNSHIP_ADMIN,
                               fg_store_get_home_region_id (store), "long-enough", &error);
  g_assert_no_error (error);
  g_assert_true (fg_store_has_accounts (store));
  g_clear_object (&account);

  /* from now on the installer is nobody */
  account = fg_account_create (store, installer, "li", "李明", FG_ROLE_TOWNSHIP_STAFF,
                               fg_store_get_home_region_id (store), "long-enough", &error);
  g_assert_error (error, FG_PERMISSION_ERROR, FG_PERMISSION_ERROR_LOGIN_NEEDED);
}

static void
test_account_set_up_both_or_neither (void)
{
  g_auto(FgTestDir) dir = { 0 };
  g_autoptr(FgStore) store = NULL;
  g_autoptr(FgAccount) admin = NULL;
  g_autoptr(FgActor) actor = NULL;
  g_autoptr(GError) error = NULL;

  fg_test_dir_init (&dir);
  store = fg_office_open (dir.db_path, &error);
  g_assert_no_error (error);

  /* a login the core refuses: the township is not set up either */
  admin = fg_office_set_up_township_with_admin (store, "410425101", "冢头镇", "郏县",
                                                "张伟", NULL, "long-enough", &error);
  g_assert_error (error, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_INVALID_LOGIN);
  g_assert_false (fg_store_is_set_up (store));
  g_clear_error (&error);

  /* a wrong code, after the account's checks passed: still nothing */
  admin = fg_office_set_up_township_with_admin (store, "410425000", "冢头镇", "郏县",
                                                "zhang.wei", NULL, "long-enough", &error);
  g_assert_error (error, FG_REGION_ERROR, FG_REGION_ERROR_INVALID_CODE);
  g_assert_false (fg_store_is_set_up (store));
  g_assert_false (fg_store_has_accounts (store));
  g_clear_error (&error);

  admin = fg_office_set_up_township_with_admin (store, "410425101", "冢头镇", "郏县",
                                                "zhang.wei", "张伟", "long-enough", &error);
  g_assert_no_error (error);
  g_assert_true (fg_store_is_set_up (store));
  g_assert_cmpint (fg_account_get_role (admin), ==, FG_ROLE_TOWNSHIP_ADMIN);
  g_assert_cmpstr (fg_account_get_scope_region_id (admin), ==, fg_store_get_home_region_id (store));

  actor = fg_account_login (store, "zhang.wei", "long-enough", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fg_actor_get_display_name (actor), ==, "张伟");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/account/role-table", Fixture, NULL, fixture_set_up, test_account_role_table, fixture_tear_down);
  g_test_add ("/account/scope-narrows-lists", Fixture, NULL, fixture_set_up, test_account_scope_narrows_lists, fixture_tear_down);
  g_test_add ("/account/grid-worker-refused-and-audited", Fixture, NULL, fixture_set_up, test_account_grid_worker_refused_and_audited, fixture_tear_down);
  g_test_add ("/account/check-certificate", Fixture, NULL, fixture_set_up, test_account_check_certificate, fixture_tear_down);
  g_test_add ("/account/installer-needs-login", Fixture, NULL, fixture_set_up, test_account_installer_needs_login, fixture_tear_down);
  g_test_add ("/account/wrong-password", Fixture, NULL, fixture_set_up, test_account_wrong_password, fixture_tear_down);
  g_test_add ("/account/lockout", Fixture, NULL, fixture_set_up, test_account_lockout, fixture_tear_down);
  g_test_add ("/account/password-hashes", Fixture, NULL, fixture_set_up, test_account_password_hashes, fixture_tear_down);
  g_test_add ("/account/change-password", Fixture, NULL, fixture_set_up, test_account_change_password, fixture_tear_down);
  g_test_add ("/account/switch-off", Fixture, NULL, fixture_set_up, test_account_switch_off, fixture_tear_down);
  g_test_add ("/account/areas", Fixture, NULL, fixture_set_up, test_account_areas, fixture_tear_down);
  g_test_add ("/account/scope-labels", Fixture, NULL, fixture_set_up, test_account_scope_labels, fixture_tear_down);
  g_test_add ("/account/who-changes-regions", Fixture, NULL, fixture_set_up, test_account_who_changes_regions, fixture_tear_down);
  g_test_add_func ("/account/validation", test_account_validation);
  g_test_add_func ("/account/check-fields", test_account_check_fields);
  g_test_add_func ("/account/set-up-both-or-neither", test_account_set_up_both_or_neither);

  return g_test_run ();
}
