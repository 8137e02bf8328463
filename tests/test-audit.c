/* test-audit.c — every change audited, and the chain that shows tampering
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <sqlite3.h>

#include "fg-test-util.h"
#include "fg-audit-private.h"
#include "fg-store-private.h"

typedef struct
{
  FgTestDir dir;
  FgStore *store;
  FgRegion *grid;
  FgActor *admin;
  char *venue_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgVenue) venue = NULL;
  g_autoptr(FgAccount) account = NULL;

  fg_test_dir_init (&f->dir);
  f->store = fg_test_township_new (&f->dir, NULL, &f->grid);
  account = fg_account_create (f->store, fg_test_installer (), "admin", "张伟", FG_ROLE_TOWNSHIP_ADMIN,
                               fg_store_get_home_region_id (f->store), "admin-password", &error);
  g_assert_no_error (error);
  f->admin = fg_account_login (f->store, "admin", "admin-password", &error);
  g_assert_no_error (error);

  venue = fg_test_venue_new (fg_region_get_id (f->grid), "老王烧烤", "李庄村人民路18号", "restaurant", "王建国");
  fg_venue_save (f->store, f->admin, venue, &error);
  g_assert_no_error (error);
  f->venue_id = g_strdup (fg_venue_get_id (venue));

  fg_venue_set_name (venue, "老王烧烤城");
  fg_venue_save (f->store, f->admin, venue, &error);
  g_assert_no_error (error);
  fg_region_rename (f->store, f->admin, fg_region_get_id (f->grid), "一号网格", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->admin, fg_actor_unref);
  g_clear_object (&f->grid);
  g_free (f->venue_id);
  g_clear_object (&f->store);
  fg_test_dir_clear (&f->dir);
}

/* Changes the database file as another program would, behind Firegrid. */
static void
tamper (Fixture    *f,
        const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (f->dir.db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (fg_audit_register_functions (db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, &message), ==, SQLITE_OK);
  sqlite3_free (message);
  sqlite3_close (db);
}

static void
assert_tampered (Fixture    *f,
                 const char *expected)
{
  g_autoptr(GError) error = NULL;

  /* read afresh, as the next start of the program would */
  g_clear_object (&f->store);
  f->store = fg_office_open (f->dir.db_path, &error);
  g_assert_no_error (error);

  g_assert_false (fg_audit_verify (f->store, f->admin, NULL, &error));
  g_assert_error (error, FG_AUDIT_ERROR, FG_AUDIT_ERROR_TAMPERED);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, expected));
}

static void
test_audit_every_change (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  FgAuditEntry *edit;
  FgAuditEntry *add;
  guint n = 0;

  /* the venue's history: added, then renamed, with who and before/after */
  entries = fg_audit_list (f->store, f->admin, f->venue_id, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 2);
  edit = g_ptr_array_index (entries, 0);
  add = g_ptr_array_index (entries, 1);
  g_assert_cmpstr (add->action, ==, "venue-add");
  g_assert_null (add->before);
  g_assert_nonnull (strstr (add->after, "\"name\":\"老王烧烤\""));
  g_assert_cmpstr (edit->action, ==, "venue-edit");
  g_assert_cmpstr (edit->actor_login, ==, "admin");
  g_assert_false (edit->refused);
  g_assert_nonnull (strstr (edit->before, "\"name\":\"老王烧烤\""));
  g_assert_nonnull (strstr (edit->after, "\"name\":\"老王烧烤城\""));

  /* the set-up, the region changes and the account are there too, and no
   * password hash is */
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = fg_audit_list (f->store, f->admin, NULL, 100, &error);
  g_assert_no_error (error);
  {
    gboolean saw_rename = FALSE, saw_account = FALSE, saw_township = FALSE;

    for (guint i = 0; i < entries->len; i++)
      {
        FgAuditEntry *entry = g_ptr_array_index (entries, i);

        saw_rename |= g_str_equal (entry->action, "region-rename");
        saw_account |= g_str_equal (entry->action, "account-add");
        saw_township |= g_str_equal (entry->action, "region-add") &&
                        strstr (entry->after, "冢头镇") != NULL;
        if (entry->after != NULL)
          g_assert_null (strstr (entry->after, "argon2"));
      }
    g_assert_true (saw_rename && saw_account && saw_township);
  }

  fg_audit_verify (f->store, f->admin, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, entries->len);
}

static void
test_audit_detects_edit (Fixture       *f,
                         gconstpointer  data)
{
  /* the images compressed again, whole and readable, but not what was hashed */
  tamper (f, "UPDATE audit SET images = audit_images (audit_before (before, images),"
             "  replace (audit_after (after, images), '老王烧烤城', '别的名字'))"
             " WHERE action = 'venue-edit'");
  /* the record is named in words, as a clerk would say what happened */
  assert_tampered (f, "Venue changed by admin");
}

/* Records written before schema 40 keep their images as text: such a
 * record, edited, is found as before. */
static void
test_audit_detects_edit_of_text (Fixture       *f,
                                 gconstpointer  data)
{
  tamper (f, "UPDATE audit SET before = audit_before (before, images), after = audit_after (after, images),"
             "  images = NULL");
  tamper (f, "UPDATE audit SET after = replace (after, '老王烧烤城', '别的名字') WHERE action = 'venue-edit'");
  assert_tampered (f, "Venue changed by admin");
}

/* A byte of the compressed images changed: they no longer inflate, or
 * not to what was hashed. */
static void
test_audit_detects_damaged_images (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  tamper (f, "UPDATE audit SET images = CAST (substr (images, 1, 20) || x'00ff00ff' || substr (images, 25) AS BLOB)"
             " WHERE action = 'venue-edit'");
  assert_tampered (f, "Venue changed by admin");

  /* the history still lists the record, without images it cannot read */
  entries = fg_audit_list (f->store, f->admin, f->venue_id, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 2);
}

/* Text put beside compressed images, or the images cut short. */
static void
test_audit_detects_images_beside_text (Fixture       *f,
                                       gconstpointer  data)
{
  tamper (f, "UPDATE audit SET after = '{}' WHERE action = 'venue-edit'");
  assert_tampered (f, "Venue changed by admin");
}

static void
test_audit_detects_truncated_images (Fixture       *f,
                                     gconstpointer  data)
{
  tamper (f, "UPDATE audit SET images = substr (images, 1, length (images) - 1) WHERE action = 'venue-edit'");
  assert_tampered (f, "Venue changed by admin");
}

/* A blob that inflates to far more than any row (here 65 MiB of one
 * letter, a few kilobytes compressed) is refused as damaged once it passes
 * the bound, not inflated whole: a changed file cannot make reading the
 * log take all the memory there is. */
static void
test_audit_images_bounded (void)
{
  gsize size = 65 * 1024 * 1024;
  g_autofree char *text = g_malloc (size + 1);
  g_autoptr(GBytes) images = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize packed;

  memset (text, 'a', size);
  text[size] = '\0';
  images = fg_audit_images_pack (NULL, text);
  packed = g_bytes_get_size (images);
  g_test_message ("65 MiB packed in %" G_GSIZE_FORMAT " bytes", packed);
  g_assert_cmpuint (packed, <, 1024 * 1024);

  g_assert_false (fg_audit_images_unpack (g_bytes_get_data (images, NULL), packed, &before, &after, &error));
  g_assert_error (error, FG_AUDIT_ERROR, FG_AUDIT_ERROR_TAMPERED);
  g_assert_null (before);
  g_assert_null (after);
}

/* What a record keeps: its images compressed, read back as the JSON they
 * were, and much smaller. */
static void
test_audit_images_round_trip (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *row = fg_audit_dup_row (f->store, "venue", f->venue_id);
  sqlite3_stmt *stmt = NULL;
  FgAuditEntry *edit;
  guint n = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (fg_store_get_db (f->store),
                                       "SELECT before IS NULL AND after IS NULL AND prev_hash IS NULL AND length (digest) = 32,"
                                       "  typeof (images), length (images),"
                                       "  length (CAST (audit_after (after, images) AS BLOB))"
                                       " FROM audit WHERE action = 'venue-edit'",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  /* the images compressed; the hash before it is the record before's, not kept twice */
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "blob");
  /* two images of some 800 bytes each, the second much like the first: both in less than half of one */
  g_test_message ("a venue's edit: %d bytes for images of %d bytes each", sqlite3_column_int (stmt, 2),
                  sqlite3_column_int (stmt, 3));
  g_assert_cmpint (sqlite3_column_int (stmt, 2) * 2, <, sqlite3_column_int (stmt, 3));
  sqlite3_finalize (stmt);

  entries = fg_audit_list (f->store, f->admin, f->venue_id, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 2);
  edit = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (edit->action, ==, "venue-edit");
  g_assert_cmpstr (edit->after, ==, row);
  g_assert_nonnull (strstr (edit->before, "\"老王烧烤\""));
  g_assert_null (((FgAuditEntry *) g_ptr_array_index (entries, 1))->before);

  /* the forms a record may hold: neither, one, both; long and empty */
  {
    g_autoptr(GString) longer = g_string_new ("{\"content\":\"");
    const char *cases[][2] = {
      { NULL, "{}" }, { "{\"a\":1}", NULL }, { "", "" }, { row, row }, { NULL, NULL },
    };

    for (guint i = 0; i < 40000; i++)
      g_string_append_printf (longer, "%u,", g_random_int ());
    g_string_append (longer, "\"}");

    for (guint i = 0; i <= G_N_ELEMENTS (cases); i++)
      {
        const char *b = i < G_N_ELEMENTS (cases) ? cases[i][0] : longer->str;
        const char *a = i < G_N_ELEMENTS (cases) ? cases[i][1] : row;
        g_autoptr(GBytes) images = fg_audit_images_pack (b, a);
        gsize size = 0;
        const void *bytes = images != NULL ? g_bytes_get_data (images, &size) : NULL;

        g_clear_pointer (&before, g_free);
        g_clear_pointer (&after, g_free);
        g_assert_true (fg_audit_images_unpack (bytes, size, &before, &after, &error));
        g_assert_no_error (error);
        g_assert_cmpstr (before, ==, b);
        g_assert_cmpstr (after, ==, a);
        g_assert_true ((images == NULL) == (a == NULL && b == NULL));
      }
  }

  fg_audit_verify (f->store, f->admin, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, >, 3);
}

/* A log whose older records keep their images as text (written before
 * schema 40, never rewritten) and whose newer ones keep them compressed:
 * both are listed and the chain verifies across them. */
static void
test_audit_images_old_and_new (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FgVenue) venue = NULL;
  guint n = 0;

  /* every record so far as schema 39 wrote it */
  g_clear_object (&f->store);
  tamper (f, "UPDATE audit SET before = audit_before (before, images), after = audit_after (after, images),"
             "  images = NULL");
  g_assert_cmpint (fg_test_count (f->dir.db_path, "SELECT count(*) FROM audit WHERE images IS NOT NULL"), ==, 0);
  f->store = fg_office_open (f->dir.db_path, &error);
  g_assert_no_error (error);

  venue = fg_venue_load (f->store, f->admin, f->venue_id, &error);
  g_assert_no_error (error);
  fg_venue_set_name (venue, "老王烧烤大酒店");
  fg_venue_save (f->store, f->admin, venue, &error);
  g_assert_no_error (error);

  g_assert_cmpint (fg_test_count (f->dir.db_path, "SELECT count(*) FROM audit WHERE images IS NOT NULL"), >, 0);
  g_assert_cmpint (fg_test_count (f->dir.db_path, "SELECT count(*) FROM audit WHERE after IS NOT NULL"), >, 0);

  entries = fg_audit_list (f->store, f->admin, f->venue_id, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 3);
  g_assert_nonnull (strstr (((FgAuditEntry *) g_ptr_array_index (entries, 0))->after, "老王烧烤大酒店"));
  g_assert_nonnull (strstr (((FgAuditEntry *) g_ptr_array_index (entries, 0))->before, "老王烧烤城"));
  g_assert_nonnull (strstr (((FgAuditEntry *) g_ptr_array_index (entries, 1))->after, "老王烧烤城"));

  g_assert_true (fg_audit_verify (f->store, f->admin, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, >, 4);
}

/* A record's own hash is kept as its 32 bytes, not as 64 hexadecimal
 * characters (schema 48), and the log's head names the newest of them. */
static void
test_audit_digest_stored (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *head = fg_store_dup_setting (f->store, "audit-head");
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (fg_test_count (f->dir.db_path, "SELECT count(*) FROM audit"), >, 3);
  g_assert_cmpint (fg_test_count (f->dir.db_path,
                                  "SELECT count(*) FROM audit"
                                  " WHERE typeof (digest) <> 'blob' OR length (digest) <> 32 OR hash IS NOT NULL"),
                   ==, 0);

  g_assert_cmpint (sqlite3_prepare_v2 (fg_store_get_db (f->store),
                                       "SELECT (SELECT count(*) FROM audit) || ':' || lower (hex (digest))"
                                       " FROM audit ORDER BY seq DESC LIMIT 1",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, head);
  sqlite3_finalize (stmt);
}

/* The bytes of a record's hash changed: the record is named. */
static void
test_audit_detects_changed_digest (Fixture       *f,
                                   gconstpointer  data)
{
  tamper (f, "UPDATE audit SET digest = randomblob (32) WHERE seq = 3");
  assert_tampered (f, "record 3 ");
}

/* A log written before schema 48 keeps its hashes as text, and the
 * upgrade leaves them so: the records after it keep theirs as bytes, the
 * chain verifies across both forms, the open does not take the older
 * records for ones still to be chained, and an older hash changed is
 * found all the same. */
static void
test_audit_hashes_old_and_new (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgVenue) venue = NULL;
  gint64 n_old;
  guint n = 0;

  /* every record so far as schema 47 wrote it */
  g_clear_object (&f->store);
  tamper (f, "UPDATE audit SET hash = lower (hex (digest)), digest = NULL");
  n_old = fg_test_count (f->dir.db_path, "SELECT count(*) FROM audit WHERE length (hash) = 64");
  g_assert_cmpint (n_old, ==, fg_test_count (f->dir.db_path, "SELECT count(*) FROM audit"));
  f->store = fg_office_open (f->dir.db_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fg_test_count (f->dir.db_path, "SELECT count(*) FROM audit WHERE digest IS NOT NULL"), ==, 0);

  venue = fg_venue_load (f->store, f->admin, f->venue_id, &error);
  g_assert_no_error (error);
  fg_venue_set_name (venue, "老王烧烤大酒店");
  fg_venue_save (f->store, f->admin, venue, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fg_test_count (f->dir.db_path, "SELECT count(*) FROM audit WHERE length (digest) = 32"), >, 0);
  g_assert_cmpint (fg_test_count (f->dir.db_path, "SELECT count(*) FROM audit WHERE hash IS NOT NULL"), ==, n_old);

  g_assert_true (fg_audit_verify (f->store, f->admin, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, >, n_old);

  tamper (f, "UPDATE audit SET hash = CASE substr (hash, 1, 1) WHEN 'a' THEN 'b' ELSE 'a' END || substr (hash, 2)"
             " WHERE seq = 2");
  assert_tampered (f, "record 2 ");
}

static void
test_audit_detects_removal (Fixture       *f,
                            gconstpointer  data)
{
  /* removing record 3: the chain breaks at the record that followed it */
  tamper (f, "DELETE FROM audit WHERE seq = 3");
  assert_tampered (f, "record 3 ");
}

static void
test_audit_detects_reorder (Fixture       *f,
                            gconstpointer  data)
{
  tamper (f, "UPDATE audit SET seq = 1000 WHERE seq = 2");
  assert_tampered (f, "record 2 ");
}

static void
test_audit_detects_truncation (Fixture       *f,
                               gconstpointer  data)
{
  tamper (f, "DELETE FROM audit WHERE seq = (SELECT max (seq) FROM audit)");
  assert_tampered (f, "removed");
}

static void
test_audit_detects_rehashed_edit (Fixture       *f,
                                  gconstpointer  data)
{
  /* an edit that also recomputes nothing but clears the hash: the record
   * would be chained again at the next start, so the one after breaks */
  tamper (f, "UPDATE audit SET actor_login = 'someone', hash = NULL, digest = NULL WHERE seq = 2");
  assert_tampered (f, "record");
}

static void
test_audit_action_labels (void)
{
  /* every action the core records or a refusal names has a name */
  const char * const actions[] = {
    "login", "region-read", "region-edit", "region-add", "region-rename", "region-move",
    "region-retire", "venue-read", "venue-edit", "venue-add", "inspection-record",
    "inspection-start", "inspection-photo", "inspection-finish", "inspection-discard",
    "inspection-second-inspector", "inspection-times", "hazard-report", "hazard-manage",
    "hazard-found", "notice-issue", "notice-print", "notice-serve", "notice-void",
    "notice-settings", "supervise", "campaign-manage", "campaign-add", "sync", "bundle-export",
    "bundle-import", "peer-add", "peer-remove", "peer-folder", "peer-resend",
    "conflict-take-lost", "account-manage", "account-add", "account-switch-on",
    "account-switch-off", "account-change-password", "account-reset-password",
    "account-certificate", "audit-read", "settings", "calendar-install", "escalation-rules",
    "escalation-rules-load", "escalation-rules-reset",
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      const char *label = fg_audit_action_get_label (actions[i]);

      g_assert_cmpstr (label, !=, actions[i]);
      g_assert_null (strchr (label, '-'));
    }
  for (guint i = 0; i < FG_N_ACTIONS; i++)
    g_assert_cmpstr (fg_audit_action_get_label (fg_action_to_string ((FgAction) i)), !=,
                     fg_action_to_string ((FgAction) i));

  /* hazard events are logged under their own ids */
  g_assert_cmpstr (fg_audit_action_get_label ("notice-served"), ==,
                   fg_hazard_event_kind_get_label (FG_HAZARD_EVENT_NOTICE_SERVED));
  /* a newer version's action is shown as it is, not hidden */
  g_assert_cmpstr (fg_audit_action_get_label ("something-new"), ==, "something-new");
}

static void
test_audit_describe_change (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *expected = NULL;
  FgAuditEntry *edit;

  /* the rename of the fixture's venue: its name, not the stamps and ids */
  entries = fg_audit_list (f->store, f->admin, f->venue_id, 10, &error);
  g_assert_no_error (error);
  edit = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (edit->action, ==, "venue-edit");
  lines = fg_audit_describe_change (f->store, edit->before, edit->after);
  g_assert_nonnull (lines);
  g_assert_cmpuint (lines->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (lines, 0), ==, "Name: 老王烧烤 → 老王烧烤城");
  g_clear_pointer (&lines, g_ptr_array_unref);

  /* ids, categories, statuses, roles and switches in words */
  before = g_strdup_printf ("{\"id\":\"v1\",\"region_id\":null,\"grid_id\":\"g0\",\"categories\":\"[\\\"restaurant\\\"]\","
                            "\"smoke_alarm\":0,\"status\":\"active\",\"role\":\"grid-worker\",\"floors\":2,"
                            "\"stamp\":\"a\",\"phone\":\"123\",\"new_field\":\"x\"}");
  after = g_strdup_printf ("{\"id\":\"v1\",\"region_id\":\"%s\",\"grid_id\":\"%s\","
                           "\"categories\":\"[\\\"restaurant\\\",\\\"street-shop\\\"]\",\"smoke_alarm\":1,"
                           "\"status\":\"closed\",\"role\":\"township-staff\",\"floors\":3,\"stamp\":\"b\","
                           "\"note\":\"a\\\"b\\u4e2d\",\"new_field\":\"y\"}",
                           fg_region_get_id (f->grid), fg_region_get_id (f->grid));
  lines = fg_audit_describe_change (f->store, before, after);
  g_assert_nonnull (lines);
  for (guint i = 0; i < lines->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (lines, i));
  g_assert_cmpuint (lines->len, ==, 9);
  g_assert_cmpstr (g_ptr_array_index (lines, 0), ==, "Village or grid: (none) → 李庄村 › 一号网格");
  expected = g_strdup_printf ("Categories: %s → %s, %s",
                              fg_category_get_name (fg_category_lookup ("restaurant")),
                              fg_category_get_name (fg_category_lookup ("restaurant")),
                              fg_category_get_name (fg_category_lookup ("street-shop")));
  g_assert_cmpstr (g_ptr_array_index (lines, 1), ==, expected);
  g_assert_cmpstr (g_ptr_array_index (lines, 2), ==, "Standalone smoke alarms: No → Yes");
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("Status: %s → %s", fg_venue_status_get_label (FG_VENUE_STATUS_ACTIVE),
                              fg_venue_status_get_label (FG_VENUE_STATUS_CLOSED));
  g_assert_cmpstr (g_ptr_array_index (lines, 3), ==, expected);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("Role: %s → %s", fg_role_get_label (FG_ROLE_GRID_WORKER),
                              fg_role_get_label (FG_ROLE_TOWNSHIP_STAFF));
  g_assert_cmpstr (g_ptr_array_index (lines, 4), ==, expected);
  g_assert_cmpstr (g_ptr_array_index (lines, 5), ==, "Floors: 2 → 3");
  /* a field this version does not know is shown as it is */
  g_assert_cmpstr (g_ptr_array_index (lines, 6), ==, "note: (none) → a\"b中");
  g_assert_cmpstr (g_ptr_array_index (lines, 7), ==, "new_field: x → y");
  /* and one the change removed */
  g_assert_cmpstr (g_ptr_array_index (lines, 8), ==, "Phone: 123 → (none)");
  g_clear_pointer (&lines, g_ptr_array_unref);

  /* a village or grid not held here is not shown by its id */
  lines = fg_audit_describe_change (f->store, "{\"parent_id\":\"elsewhere\"}", "{\"parent_id\":null}");
  g_assert_cmpuint (lines->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (lines, 0), ==, "Belongs to: (a village or grid not held here) → (none)");
  g_clear_pointer (&lines, g_ptr_array_unref);

  /* nested values are compared as written */
  lines = fg_audit_describe_change (f->store, "{\"a\":[1,{\"b\":\"]\"}]}", "{\"a\":[1,{\"b\":\"]\"}]}");
  g_assert_nonnull (lines);
  g_assert_cmpuint (lines->len, ==, 0);
  g_clear_pointer (&lines, g_ptr_array_unref);

  /* what is not a flat object is not guessed at */
  g_assert_null (fg_audit_describe_change (f->store, "{\"a\":", "{}"));
  g_assert_null (fg_audit_describe_change (f->store, "[1]", "{}"));
  g_assert_null (fg_audit_describe_change (f->store, "{\"a\":\"\\x\"}", "{}"));
  g_assert_null (fg_audit_describe_change (f->store, NULL, "{}"));
}

/* Who acted, named as people know them: an account by its person's name,
 * the installer as such, a peer by its office's name; a login no account
 * here has, or one of another office's log, stays as it is. */
static void
test_audit_actor_names (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean seen_admin = FALSE;
  gboolean seen_installer = FALSE;
  FgAuditEntry other = { 0 };

  entries = fg_audit_list (f->store, f->admin, NULL, 100, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      FgAuditEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *name = fg_audit_dup_actor_name (f->store, entry);

      if (g_strcmp0 (entry->actor_login, "admin") == 0)
        {
          g_assert_cmpstr (entry->actor_kind, ==, "user");
          g_assert_cmpstr (name, ==, "张伟");
          seen_admin = TRUE;
        }
      else if (g_strcmp0 (entry->actor_kind, "installer") == 0)
        {
          g_assert_cmpstr (name, ==, "Installer");
          seen_installer = TRUE;
        }
    }
  g_assert_true (seen_admin);
  g_assert_true (seen_installer);

  /* a login no account has */
  other.actor_login = (char *) "gone";
  other.actor_kind = (char *) "user";
  {
    g_autofree char *name = fg_audit_dup_actor_name (f->store, &other);

    g_assert_cmpstr (name, ==, "gone");
  }
  /* "admin" of another office's log is not this office's 张伟 */
  other.actor_login = (char *) "admin";
  other.office = (char *) "郏县";
  {
    g_autofree char *name = fg_audit_dup_actor_name (f->store, &other);

    g_assert_cmpstr (name, ==, "admin");
  }

  /* a peer, by the name of its office */
  other.office = NULL;
  other.actor_kind = (char *) "peer";
  other.actor_login = (char *) "node-of-another-township";
  {
    g_autofree char *name = fg_audit_dup_actor_name (f->store, &other);

    g_assert_cmpstr (name, ==, "node-of-another-township");
  }
  stmt = fg_store_prepare (f->store,
                           "INSERT INTO peer (id, kind, scope_code, scope_name, public_key, added_at, added_by)"
                           " VALUES ('node-of-another-township', 'township', '410425199', '某某镇', 'key',"
                           " '2026-01-01T00:00:00Z', 'admin')",
                           &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  {
    g_autofree char *name = fg_audit_dup_actor_name (f->store, &other);

    g_assert_cmpstr (name, ==, "某某镇");
  }
}

static void
test_audit_verify_permission (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(FgAccount) account = NULL;
  g_autoptr(FgActor) staff = NULL;
  g_autoptr(GError) error = NULL;

  account = fg_account_create (f->store, f->admin, "staff", "李明", FG_ROLE_TOWNSHIP_STAFF,
                               fg_store_get_home_region_id (f->store), "staff-password", &error);
  g_assert_no_error (error);
  staff = fg_account_login (f->store, "staff", "staff-password", &error);
  g_assert_no_error (error);

  g_assert_false (fg_audit_verify (f->store, staff, NULL, &error));
  g_assert_error (error, FG_PERMISSION_ERROR, FG_PERMISSION_ERROR_DENIED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/audit/every-change", Fixture, NULL, fixture_set_up, test_audit_every_change, fixture_tear_down);
  g_test_add ("/audit/detects-edit", Fixture, NULL, fixture_set_up, test_audit_detects_edit, fixture_tear_down);
  g_test_add ("/audit/detects-edit-of-text", Fixture, NULL, fixture_set_up, test_audit_detects_edit_of_text,
              fixture_tear_down);
  g_test_add ("/audit/detects-damaged-images", Fixture, NULL, fixture_set_up, test_audit_detects_damaged_images,
              fixture_tear_down);
  g_test_add ("/audit/detects-images-beside-text", Fixture, NULL, fixture_set_up,
              test_audit_detects_images_beside_text, fixture_tear_down);
  g_test_add ("/audit/detects-truncated-images", Fixture, NULL, fixture_set_up,
              test_audit_detects_truncated_images, fixture_tear_down);
  g_test_add_func ("/audit/images-bounded", test_audit_images_bounded);
  g_test_add ("/audit/images-round-trip", Fixture, NULL, fixture_set_up, test_audit_images_round_trip,
              fixture_tear_down);
  g_test_add ("/audit/images-old-and-new", Fixture, NULL, fixture_set_up, test_audit_images_old_and_new,
              fixture_tear_down);
  g_test_add ("/audit/digest-stored", Fixture, NULL, fixture_set_up, test_audit_digest_stored, fixture_tear_down);
  g_test_add ("/audit/detects-changed-digest", Fixture, NULL, fixture_set_up, test_audit_detects_changed_digest,
              fixture_tear_down);
  g_test_add ("/audit/hashes-old-and-new", Fixture, NULL, fixture_set_up, test_audit_hashes_old_and_new,
              fixture_tear_down);
  g_test_add ("/audit/detects-removal", Fixture, NULL, fixture_set_up, test_audit_detects_removal, fixture_tear_down);
  g_test_add ("/audit/detects-reorder", Fixture, NULL, fixture_set_up, test_audit_detects_reorder, fixture_tear_down);
  g_test_add ("/audit/detects-truncation", Fixture, NULL, fixture_set_up, test_audit_detects_truncation, fixture_tear_down);
  g_test_add ("/audit/detects-rehashed-edit", Fixture, NULL, fixture_set_up, test_audit_detects_rehashed_edit, fixture_tear_down);
  g_test_add_func ("/audit/action-labels", test_audit_action_labels);
  g_test_add ("/audit/actor-names", Fixture, NULL, fixture_set_up, test_audit_actor_names, fixture_tear_down);
  g_test_add ("/audit/describe-change", Fixture, NULL, fixture_set_up, test_audit_describe_change, fixture_tear_down);
  g_test_add ("/audit/verify-permission", Fixture, NULL, fixture_set_up, test_audit_verify_permission, fixture_tear_down);

  return g_test_run ();
}
