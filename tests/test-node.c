/* test-node.c — this installation's identity and its peers
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <sqlite3.h>

#include "fg-test-util.h"

typedef struct
{
  FgTestDir here_dir;
  FgTestDir there_dir;
  FgStore *here;
  FgStore *there;
  FgRegion *village;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  fg_test_dir_init (&f->here_dir);
  fg_test_dir_init (&f->there_dir);
  f->here = fg_test_township_new (&f->here_dir, &f->village, NULL);
  f->there = fg_test_township_new (&f->there_dir, NULL, NULL);
  /* the other installation of the township is a workstation of it: two
   * offices of one township do not pair (test-node-replace.c) */
  g_assert_true (fg_node_set_role (f->there, fg_test_installer (), FG_NODE_ROLE_WORKSTATION, NULL));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->village);
  g_clear_object (&f->here);
  g_clear_object (&f->there);
  fg_test_dir_clear (&f->here_dir);
  fg_test_dir_clear (&f->there_dir);
}

static gboolean
is_fingerprint (const char *text)
{
  /* six groups of five digits */
  if (text == NULL || strlen (text) != 6 * 5 + 5)
    return FALSE;
  for (guint i = 0; text[i] != '\0'; i++)
    if (i % 6 == 5 ? text[i] != ' ' : !g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

/* A key pair is made at set-up; the secret half stays in the database. */
static void
test_node_self (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(FgNodeInfo) self = NULL;
  g_autoptr(FgNodeInfo) again = NULL;
  g_autoptr(FgNodeInfo) other = NULL;
  g_autoptr(GBytes) file = NULL;
  g_autoptr(GError) error = NULL;
  const char *text;

  self = fg_node_get_self (f->here, fg_test_installer (), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (self->id, ==, fg_store_get_node_id (f->here));
  g_assert_cmpint (self->kind, ==, FG_NODE_KIND_TOWNSHIP);
  g_assert_cmpstr (self->scope_code, ==, "410425101000");
  g_assert_cmpstr (self->scope_name, ==, "冢头镇");
  g_assert_true (is_fingerprint (self->fingerprint));

  /* the same key every time; another installation has another */
  again = fg_node_get_self (f->here, fg_test_installer (), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->public_key, ==, self->public_key);
  g_assert_cmpstr (again->fingerprint, ==, self->fingerprint);
  other = fg_node_get_self (f->there, fg_test_installer (), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (other->public_key, !=, self->public_key);
  g_assert_cmpstr (other->fingerprint, !=, self->fingerprint);

  /* the peer file holds the public key, never the secret one */
  file = fg_node_write_peer_file (f->here, fg_test_installer (), &error);
  g_assert_no_error (error);
  text = g_bytes_get_data (file, NULL);
  g_assert_nonnull (strstr (text, self->public_key));
  g_assert_nonnull (strstr (text, self->id));
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open (f->here_dir.db_path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT secret_key FROM node", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_null (strstr (text, (const char *) sqlite3_column_text (stmt, 0)));
    g_assert_cmpuint (strlen ((const char *) sqlite3_column_text (stmt, 0)), ==, 88);  /* 64 bytes, base64 */
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }

  g_assert_null (fg_node_fingerprint ("not a key"));
  g_assert_null (fg_node_fingerprint ("AAAA"));
}

static FgNodeInfo *
peer_file_of (FgStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) file = fg_node_write_peer_file (store, fg_test_installer (), &error);
  FgNodeInfo *peer;

  g_assert_no_error (error);
  peer = fg_node_read_peer_file (file, &error);
  g_assert_no_error (error);
  return peer;
}

static guint
count_peers_as (FgStore *store,
                FgActor *actor)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) peers = fg_node_list_peers (store, actor, &error);

  g_assert_no_error (error);
  return peers->len;
}

static guint
count_peers (FgStore *store)
{
  return count_peers_as (store, fg_test_installer ());
}

/* A peer file read, its fingerprint shown, the peer added; adding it again
 * changes nothing; its own file and a changed key are refused. */
static void
test_node_peers (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(FgNodeInfo) there = peer_file_of (f->there);
  g_autoptr(FgNodeInfo) there_self = fg_node_get_self (f->there, fg_test_installer (), NULL);
  g_autoptr(FgNodeInfo) here = peer_file_of (f->here);
  g_autoptr(FgNodeInfo) found = NULL;
  g_autoptr(FgNodeInfo) forged = NULL;
  g_autoptr(GError) error = NULL;

  /* what the file says is what the other installation is */
  g_assert_cmpstr (there->id, ==, there_self->id);
  g_assert_cmpstr (there->fingerprint, ==, there_self->fingerprint);
  g_assert_cmpstr (there->scope_name, ==, "冢头镇");

  g_assert_true (fg_node_add_peer (f->here, fg_test_installer (), there, &error));
  g_assert_no_error (error);
  g_assert_true (fg_node_add_peer (f->here, fg_test_installer (), there, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_peers (f->here), ==, 1);

  /* by node id or by division code */
  found = fg_node_find_peer (f->here, fg_test_installer (), there->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found->public_key, ==, there->public_key);
  g_clear_pointer (&found, fg_node_info_free);
  found = fg_node_find_peer (f->here, fg_test_installer (), "410425101000", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found->id, ==, there->id);
  g_clear_pointer (&found, fg_node_info_free);
  g_assert_null (fg_node_find_peer (f->here, fg_test_installer (), "410425102000", &error));
  g_assert_error (error, FG_NODE_ERROR, FG_NODE_ERROR_UNKNOWN_PEER);
  g_clear_error (&error);

  /* its own file */
  g_assert_false (fg_node_add_peer (f->here, fg_test_installer (), here, &error));
  g_assert_error (error, FG_NODE_ERROR, FG_NODE_ERROR_OWN_FILE);
  g_clear_error (&error);

  /* the same node with another key: someone's forgery */
  forged = fg_node_info_copy (there);
  g_free (forged->public_key);
  forged->public_key = g_strdup (here->public_key);
  g_free (forged->id);
  forged->id = g_strdup (there->id);
  g_assert_false (fg_node_add_peer (f->there, fg_test_installer (), forged, &error));
  g_assert_error (error, FG_NODE_ERROR, FG_NODE_ERROR_OWN_FILE);
  g_clear_error (&error);
  g_free (forged->public_key);
  forged->public_key = g_strdup ("m+naFFR358rpvtHjHWTZ5Wz+lXs3e7vt0O3h+5eMpl4=");
  g_assert_false (fg_node_add_peer (f->here, fg_test_installer (), forged, &error));
  g_assert_error (error, FG_NODE_ERROR, FG_NODE_ERROR_KEY_CHANGED);
  g_clear_error (&error);
  g_assert_cmpuint (count_peers (f->here), ==, 1);
}

/* Damaged or hostile peer files are refused with a sentence, not trusted. */
static void
test_node_bad_peer_files (void)
{
  static const char * const bad[] = {
    "",
    "not xml at all",
    "<peer xmlns=\"urn:firegrid:peer:1\" version=\"1\"/>",
    /* a key of the wrong length */
    "<peer xmlns=\"urn:firegrid:peer:1\" version=\"1\"><node id=\"01a22743-3413-769a-9485-c7a64c231f42\" "
    "kind=\"township\" code=\"410425101000\" name=\"冢头镇\"/><public-key>AAAA</public-key></peer>",
    /* a wrong kind */
    "<peer xmlns=\"urn:firegrid:peer:1\" version=\"1\"><node id=\"01a22743-3413-769a-9485-c7a64c231f42\" "
    "kind=\"province\" code=\"410425101000\" name=\"冢头镇\"/>"
    "<public-key>m+naFFR358rpvtHjHWTZ5Wz+lXs3e7vt0O3h+5eMpl4=</public-key></peer>",
    /* an entity: never expanded */
    "<!DOCTYPE peer [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
    "<peer xmlns=\"urn:firegrid:peer:1\" version=\"1\"><node id=\"01a22743-3413-769a-9485-c7a64c231f42\" "
    "kind=\"township\" code=\"410425101000\" name=\"&x;\"/>"
    "<public-key>m+naFFR358rpvtHjHWTZ5Wz+lXs3e7vt0O3h+5eMpl4=</public-key></peer>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (bad[i], strlen (bad[i]));
      g_autoptr(GError) error = NULL;
      g_autoptr(FgNodeInfo) peer = fg_node_read_peer_file (bytes, &error);

      g_assert_null (peer);
      g_assert_error (error, FG_NODE_ERROR, FG_NODE_ERROR_NOT_PEER_FILE);
    }
}

/* Only those who sync may see this node or add peers. */
static void
test_node_permissions (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(FgNodeInfo) there = peer_file_of (f->there);
  g_autoptr(FgAccount) admin = NULL;
  g_autoptr(FgAccount) grid_account = NULL;
  g_autoptr(FgActor) actor = NULL;
  g_autoptr(FgActor) grid = NULL;
  g_autoptr(GError) error = NULL;

  admin = fg_account_create (f->here, fg_test_installer (), "admin", "管理员", FG_ROLE_TOWNSHIP_ADMIN,
                             fg_store_get_home_region_id (f->here), "long-password", &error);
  g_assert_no_error (error);
  actor = fg_account_login (f->here, "admin", "long-password", &error);
  g_assert_no_error (error);
  grid_account = fg_account_create (f->here, actor, "village", "村委会", FG_ROLE_VILLAGE_COMMITTEE,
                                    fg_region_get_id (f->village), "long-password", &error);
  g_assert_no_error (error);
  grid = fg_account_login (f->here, "village", "long-password", &error);
  g_assert_no_error (error);

  g_assert_null (fg_node_get_self (f->here, grid, &error));
  g_assert_error (error, FG_PERMISSION_ERROR, FG_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (fg_node_add_peer (f->here, grid, there, &error));
  g_assert_error (error, FG_PERMISSION_ERROR, FG_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);

  /* township staff sync, but trusting a key is an administrator's */
  {
    g_autoptr(FgAccount) staff_account = NULL;
    g_autoptr(FgActor) staff = NULL;

    staff_account = fg_account_create (f->here, actor, "staff", "李明", FG_ROLE_TOWNSHIP_STAFF,
                                       fg_store_get_home_region_id (f->here), "long-password", &error);
    g_assert_no_error (error);
    staff = fg_account_login (f->here, "staff", "long-password", &error);
    g_assert_no_error (error);
    g_assert_false (fg_node_add_peer (f->here, staff, there, &error));
    g_assert_error (error, FG_PERMISSION_ERROR, FG_PERMISSION_ERROR_DENIED);
    g_clear_error (&error);
    g_assert_cmpuint (count_peers_as (f->here, actor), ==, 0);

    g_assert_true (fg_node_add_peer (f->here, actor, there, &error));
    g_assert_no_error (error);

    g_assert_false (fg_node_remove_peer (f->here, staff, there->id, &error));
    g_assert_error (error, FG_PERMISSION_ERROR, FG_PERMISSION_ERROR_DENIED);
    g_clear_error (&error);
    g_assert_cmpuint (count_peers_as (f->here, actor), ==, 1);
    g_assert_true (fg_node_remove_peer (f->here, actor, there->id, &error));
    g_assert_no_error (error);
  }
}

/* A peer of another kind and code, with a key of its own. */
static FgNodeInfo *
peer_as (const FgNodeInfo *file,
         FgNodeKind        kind,
         const char       *code,
         const char       *key)
{
  FgNodeInfo *peer = fg_node_info_copy (file);

  peer->kind = kind;
  g_free (peer->scope_code);
  peer->scope_code = g_strdup (code);
  g_free (peer->public_key);
  peer->public_key = g_strdup (key);
  g_free (peer->id);
  peer->id = g_uuid_string_random ();
  return peer;
}

/* Only an office this one syncs with is trusted: the township's county and
 * grid stations, a workstation of the township; not a neighbour, another
 * county, a division far away, or a second office of the township. */
static void
test_node_neighbours (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(FgNodeInfo) there = peer_file_of (f->there);
  g_autofree char *grid_code = g_strconcat (fg_region_get_code (f->village), "-001", NULL);
  static const struct
  {
    FgNodeKind kind;
    const char *code;
  } refused[] = {
    { FG_NODE_KIND_TOWNSHIP, "110101001000" },  /* a Beijing street */
    { FG_NODE_KIND_TOWNSHIP, "410425102000" },  /* the next township */
    { FG_NODE_KIND_COUNTY, "410426000000" },    /* another county */
    { FG_NODE_KIND_COUNTY, "110101000000" },
    { FG_NODE_KIND_GRID, "410425102201-001" },  /* a grid of the next township */
  };
  static const char * const keys[] = {
    "m+naFFR358rpvtHjHWTZ5Wz+lXs3e7vt0O3h+5eMpl4=",
    "Nq5WcfqpPbKeUa7vWq1D2rRgHvLXH+ML4xo9xVeTr0E=",
    "cLq0c6tYzDyyJ0+Ks5J5qIzvPm7vFj2kqH3kR7c1Xxg=",
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(FgNodeInfo) peer = peer_as (there, refused[i].kind, refused[i].code, keys[0]);

      g_assert_false (fg_node_add_peer (f->here, fg_test_installer (), peer, &error));
      g_assert_error (error, FG_NODE_ERROR, FG_NODE_ERROR_UNRELATED);
      g_test_message ("%s", error->message);
      g_clear_error (&error);
    }
  g_assert_cmpuint (count_peers (f->here), ==, 0);

  /* another installation of the township that issues documents too */
  {
    g_autoptr(FgNodeInfo) office = peer_as (there, FG_NODE_KIND_TOWNSHIP, there->scope_code, keys[2]);

    office->role = FG_NODE_ROLE_OFFICE;
    g_assert_false (fg_node_add_peer (f->here, fg_test_installer (), office, &error));
    g_assert_error (error, FG_NODE_ERROR, FG_NODE_ERROR_SECOND_OFFICE);
    g_clear_error (&error);
  }

  /* its county, a grid station of its own, a workstation of it */
  {
    g_autoptr(FgNodeInfo) county = peer_as (there, FG_NODE_KIND_COUNTY, "410425000000", keys[0]);
    g_autoptr(FgNodeInfo) grid = peer_as (there, FG_NODE_KIND_GRID, grid_code, keys[1]);

    g_assert_true (fg_node_add_peer (f->here, fg_test_installer (), county, &error));
    g_assert_no_error (error);
    g_assert_true (fg_node_add_peer (f->here, fg_test_installer (), grid, &error));
    g_assert_no_error (error);
    g_assert_true (fg_node_add_peer (f->here, fg_test_installer (), there, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (count_peers (f->here), ==, 3);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/node/self", Fixture, NULL, fixture_set_up, test_node_self, fixture_tear_down);
  g_test_add ("/node/peers", Fixture, NULL, fixture_set_up, test_node_peers, fixture_tear_down);
  g_test_add_func ("/node/bad-peer-files", test_node_bad_peer_files);
  g_test_add ("/node/permissions", Fixture, NULL, fixture_set_up, test_node_permissions, fixture_tear_down);
  g_test_add ("/node/neighbours", Fixture, NULL, fixture_set_up, test_node_neighbours, fixture_tear_down);

  return g_test_run ();
}
