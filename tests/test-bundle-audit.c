/* test-bundle-audit.c — audit logs travel up: grid station → township →
 * county, checked as they arrive
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A county office, a township office (冢头镇) and, for some tests, a grid
 * station of the township's first grid, each its own database. What is
 * stored, or not, is read back with sqlite3 directly; a tampered log is
 * made by editing a database behind the program's back, or by changing a
 * bundle and signing it again with its sender's key.
 */
#include <string.h>

#include <sqlite3.h>

#include "fg-bundle-test-util.h"

#define GENESIS "0000000000000000000000000000000000000000000000000000000000000000"

/* test data: set up a grid station of the township's first grid too */
#define WITH_STATION GINT_TO_POINTER (1)

typedef struct
{
  Office county;
  Office township;
  Office station;
  char *files;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgAccount) township_admin = NULL;

  county_init (&f->county);

  office_init (&f->township);
  township_admin = fg_account_create (f->township.store, fg_test_installer (), "admin", "张伟",
                                      FG_ROLE_TOWNSHIP_ADMIN, fg_store_get_home_region_id (f->township.store),
                                      PASSWORD, &error);
  g_assert_no_error (error);
  f->township.actor = fg_account_login (f->township.store, "admin", PASSWORD, &error);
  g_assert_no_error (error);

  if (data == WITH_STATION)
    {
      g_autoptr(FgAccount) station_admin = NULL;

      fg_test_dir_init (&f->station.dir);
      f->station.store = fg_office_open (f->station.dir.db_path, &error);
      g_assert_no_error (error);
      station_admin = fg_office_set_up_grid_with_admin (f->station.store, fg_region_get_code (f->township.grid), NULL,
                                                        "wang", "王网格", PASSWORD, &error);
      g_assert_no_error (error);
      f->station.actor = fg_account_login (f->station.store, "wang", PASSWORD, &error);
      g_assert_no_error (error);
      introduce (&f->township, &f->station);
    }

  introduce (&f->county, &f->township);
  f->files = g_dir_make_tmp ("firegrid-audit-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  office_clear (&f->county);
  office_clear (&f->township);
  office_clear (&f->station);
  fg_test_remove_tree (f->files);
  g_free (f->files);
}

static char *
file_path (Fixture    *f,
           const char *name)
{
  return g_build_filename (f->files, name, NULL);
}

/* The databases, behind the store's back */

/* The hash of the record before this one, as text (this office keeps its
 * own hashes as 32 bytes from schema 48 on, as text before) */
#define PREVIOUS_HASH "CASE WHEN p.digest IS NULL THEN p.hash ELSE lower (hex (p.digest)) END FROM audit p WHERE p.seq < audit.seq" \
                      " ORDER BY p.seq DESC LIMIT 1"

/* The columns of an audit record, in the order the other office keeps
 * them, the images as text; this office's own records keep no copy of the
 * hash before them, which is the record before's. */
#define RECORD_FIELDS "seq, id, at, actor_login, actor_kind, action, record_id, outcome, detail, origin_node," \
                      " audit_before (before, images), audit_after (after, images)"
#define RECORD RECORD_FIELDS ", coalesce (prev_hash, (SELECT " PREVIOUS_HASH "), '" FG_AUDIT_GENESIS "')," \
                             " " FG_AUDIT_HASH_SQL
#define RECEIVED_RECORD RECORD_FIELDS ", prev_hash, hash"

/* The hash of an audit record as the audit log computes it: SHA-256 over
 * id, at, actor_login, actor_kind, action, record_id, outcome, detail,
 * before, after and the previous hash, each ended by a NUL, a NULL field
 * as the byte 1 and its NUL. */
static char *
record_hash (const char * const fields[10],
             const char        *prev_hash)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint i = 0; i < 10; i++)
    {
      if (fields[i] == NULL)
        g_checksum_update (checksum, (const guchar *) "\1", 2);
      else
        g_checksum_update (checksum, (const guchar *) fields[i], strlen (fields[i]) + 1);
    }
  g_checksum_update (checksum, (const guchar *) prev_hash, strlen (prev_hash) + 1);
  return g_strdup (g_checksum_get_string (checksum));
}

/* What a careful forger does after editing a record: every hash from
 * record @from_seq on computed again, and the log's head, so that the
 * office's own verification finds nothing. */
static void
rechain (Office *o,
         gint64  from_seq)
{
  sqlite3 *db = open_db (o);
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GPtrArray) updates = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *prev = NULL;
  gint64 n = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT seq, id, at, actor_login, actor_kind, action, record_id, outcome,"
                                       " detail, audit_before (before, images), audit_after (after, images),"
                                       " " FG_AUDIT_HASH_SQL " FROM audit ORDER BY seq",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 seq = sqlite3_column_int64 (stmt, 0);
      const char *fields[10];
      g_autofree char *hash = NULL;

      n++;
      /* the chain up to it as it stands */
      if (seq < from_seq)
        {
          g_free (prev);
          prev = g_strdup ((const char *) sqlite3_column_text (stmt, 11));
          continue;
        }
      if (prev == NULL)
        prev = g_strdup (FG_AUDIT_GENESIS);
      for (int i = 0; i < 10; i++)
        fields[i] = (const char *) sqlite3_column_text (stmt, i + 1);
      hash = record_hash (fields, prev);
      g_ptr_array_add (updates, g_strdup_printf ("UPDATE audit SET prev_hash = '%s', digest = x'%s' WHERE seq = %"
                                                 G_GINT64_FORMAT ";",
                                                 prev, hash, seq));
      g_free (prev);
      prev = g_steal_pointer (&hash);
    }
  sqlite3_finalize (stmt);
  g_ptr_array_add (updates, g_strdup_printf ("UPDATE setting SET value = '%" G_GINT64_FORMAT ":%s'"
                                             " WHERE key = 'audit-head';", n, prev));
  for (guint i = 0; i < updates->len; i++)
    g_assert_cmpint (sqlite3_exec (db, g_ptr_array_index (updates, i), NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* Files */

static guint
occurrences (const char *text,
             const char *what)
{
  guint n = 0;

  for (const char *p = strstr (text, what); p != NULL; p = strstr (p + 1, what))
    n++;
  return n;
}

/* @text with @element put right before the signature, among the audit
 * records, signed again by @o. */
static void
write_with_element (Office     *o,
                    const char *text,
                    const char *element,
                    const char *path)
{
  const char *signature = g_strrstr (text, "<signature>");
  g_autofree char *changed = NULL;

  g_assert_nonnull (signature);
  changed = g_strdup_printf ("%.*s%s%s", (int) (signature - text), text, element, signature);
  write_signed (o, changed, path);
}

/* An inspection of @venue_id whose first item fails: the hazard's id. */
static char *
inspect_failing (Office     *o,
                 const char *venue_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgInspection) inspection = NULL;
  g_autoptr(GPtrArray) hazards = NULL;
  GListModel *items;

  inspection = fg_inspection_start (o->store, o->actor, venue_id, FG_INSPECTION_KIND_ROUTINE, NULL, &error);
  g_assert_no_error (error);
  items = fg_inspection_get_items (inspection);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FgChecklistItem) item = g_list_model_get_item (items, i);

      fg_inspection_record (o->store, o->actor, inspection, fg_checklist_item_get_code (item),
                            i == 0 ? FG_OUTCOME_FAIL : FG_OUTCOME_PASS, NULL, &error);
      g_assert_no_error (error);
    }
  fg_inspection_finish (o->store, o->actor, inspection, &error);
  g_assert_no_error (error);
  hazards = fg_hazard_list_for_inspection (o->store, o->actor, fg_inspection_get_id (inspection), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hazards->len, ==, 1);
  return g_strdup (fg_hazard_get_id (g_ptr_array_index (hazards, 0)));
}

static gint64
audit_count (Office *o)
{
  return count (o, "SELECT count(*) FROM audit", NULL);
}

/* The office's own records, as the office above should hold them. */
static char *
own_records (Office *o)
{
  return rows (o, "SELECT " RECORD " FROM audit ORDER BY seq", NULL);
}

static char *
received_records (Office     *o,
                  const char *node)
{
  return rows (o, "SELECT " RECEIVED_RECORD " FROM audit_in WHERE node_id = ?1 ORDER BY seq", node);
}

static void
assert_intact (Office     *o,
               const char *node,
               guint       n_records,
               guint       n_missing)
{
  g_autoptr(GError) error = NULL;
  guint checked = 0;
  guint missing = 0;

  g_assert_true (fg_audit_verify_received (o->store, o->actor, node, &checked, &missing, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (checked, ==, n_records);
  g_assert_cmpuint (missing, ==, n_missing);
}

static gboolean
lists_entry (GPtrArray  *entries,
             const char *action,
             const char *login,
             const char *office)
{
  for (guint i = 0; i < entries->len; i++)
    {
      FgAuditEntry *entry = g_ptr_array_index (entries, i);

      if (g_str_equal (entry->action, action) && g_str_equal (entry->actor_login, login) &&
          g_strcmp0 (entry->office, office) == 0)
        return TRUE;
    }
  return FALSE;
}

/* A township's log upgraded from schema 47: its older records keep their
 * hashes as text, the newer ones as bytes. A bundle carries the same
 * hashes as text for both, and the county finds the chain intact across
 * them. */
static void
test_audit_hashes_old_and_new (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *up = file_path (f, "up.xml");
  g_autofree char *venue = add_venue (&f->township, fg_region_get_id (f->township.grid), "老王烧烤");
  g_autofree char *sent = NULL;
  g_autofree char *kept = NULL;
  FgBundleReport report;
  gint64 n;

  execute (&f->township, "UPDATE audit SET hash = lower (hex (digest)), digest = NULL");
  g_assert_cmpint (count (&f->township, "SELECT count(*) FROM audit WHERE digest IS NOT NULL", NULL), ==, 0);
  rename_venue (&f->township, venue, "老王烧烤（新址）");
  g_assert_cmpint (count (&f->township, "SELECT count(*) FROM audit WHERE length (digest) = 32", NULL), >, 0);
  g_assert_cmpint (count (&f->township, "SELECT count(*) FROM audit WHERE length (hash) = 64", NULL), >, 0);
  n = audit_count (&f->township);
  sent = own_records (&f->township);

  report = export_ok (&f->township, &f->county, up);
  g_assert_cmpuint (report.audit, ==, n);
  report = import_ok (&f->county, up);
  g_assert_cmpuint (report.audit, ==, n);
  kept = received_records (&f->county, node_id (&f->township));
  g_assert_cmpstr (kept, ==, sent);
  assert_intact (&f->county, node_id (&f->township), n, 0);
}

/* 1. Township → county: the township's log, whole and intact; county →
 * township: none. */
static void
test_audit_township_to_county (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *up = file_path (f, "up.xml");
  g_autofree char *down = file_path (f, "down.xml");
  g_autofree char *venue = add_venue (&f->township, fg_region_get_id (f->township.grid), "老王烧烤");
  g_autofree char *hazard_id = NULL;
  g_autofree char *text = NULL;
  g_autofree char *sent = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) offices = NULL;
  g_autoptr(FgHazard) at_county = NULL;
  g_autoptr(GError) error = NULL;
  FgHazardEventDetails supervision = { .note = "请于期限前完成整改并报县安委办", .deadline = fg_test_deadline () };
  FgBundleReport report;
  gint64 n;

  rename_venue (&f->township, venue, "老王烧烤（新址）");
  hazard_id = inspect_failing (&f->township, venue);
  n = audit_count (&f->township);
  g_assert_cmpint (n, >, 5);
  sent = own_records (&f->township);

  /* up: every record so far, in order, after the rows */
  report = export_ok (&f->township, &f->county, up);
  g_assert_cmpuint (report.audit, ==, n);
  text = read_text (up, NULL);
  g_assert_cmpuint (occurrences (text, "<audit "), ==, n);
  g_assert_true (strstr (text, "<audit ") > strstr (text, "<venue "));
  g_assert_true (strstr (text, "<audit ") < strstr (text, "<signature>"));
  g_assert_cmpint (count (&f->township, "SELECT audit_sent FROM peer WHERE id = ?1", node_id (&f->county)), ==, n);

  report = import_ok (&f->county, up);
  g_assert_cmpuint (report.audit, ==, n);
  kept = received_records (&f->county, node_id (&f->township));
  g_assert_cmpstr (kept, ==, sent);
  assert_intact (&f->county, node_id (&f->township), n, 0);

  /* a record changed in the copy here shows, by its number in the township's log */
  execute (&f->county, "UPDATE audit_in SET detail = 'x' WHERE seq = 5");
  g_assert_false (fg_audit_verify_received (f->county.store, f->county.actor, node_id (&f->township), NULL, NULL,
                                            &error));
  g_assert_error (error, FG_AUDIT_ERROR, FG_AUDIT_ERROR_TAMPERED);
  g_assert_nonnull (strstr (error->message, "record 5 "));
  g_clear_error (&error);
  execute (&f->county, "UPDATE audit_in SET detail = '' WHERE seq = 5");
  assert_intact (&f->county, node_id (&f->township), n, 0);

  /* the county reads who did what at the township */
  offices = fg_audit_list_offices (f->county.store, f->county.actor, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (offices->len, ==, 1);
  g_assert_cmpstr (((FgNodeInfo *) g_ptr_array_index (offices, 0))->scope_code, ==, "410425101000");
  g_assert_cmpint (((FgNodeInfo *) g_ptr_array_index (offices, 0))->kind, ==, FG_NODE_KIND_TOWNSHIP);
  entries = fg_audit_list_received (f->county.store, f->county.actor, node_id (&f->township), venue, 100, &error);
  g_assert_no_error (error);
  /* added, edited, and its smoke alarms set by the inspection's answer */
  g_assert_cmpuint (entries->len, ==, 3);
  g_assert_true (lists_entry (entries, "venue-edit", "admin", "冢头镇"));
  g_assert_true (lists_entry (entries, "venue-add", "admin", "冢头镇"));
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = fg_audit_list (f->county.store, f->county.actor, venue, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 0);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* down: the county's supervision, and none of its audit records */
  at_county = fg_hazard_load (f->county.store, f->county.actor, hazard_id, &error);
  g_assert_no_error (error);
  g_assert_true (fg_hazard_add_event (f->county.store, f->county.actor, at_county, FG_HAZARD_EVENT_SUPERVISED,
                                      &supervision, &error));
  g_assert_no_error (error);
  report = export_ok (&f->county, &f->township, down);
  g_assert_cmpuint (report.added, >, 0);
  g_assert_cmpuint (report.audit, ==, 0);
  g_clear_pointer (&text, g_free);
  text = read_text (down, NULL);
  g_assert_null (strstr (text, "<audit"));
  report = import_ok (&f->township, down);
  g_assert_cmpuint (report.audit, ==, 0);
  g_assert_cmpint (count (&f->township, "SELECT count(*) FROM audit_in", NULL), ==, 0);
  g_assert_cmpint (count (&f->township, "SELECT count(*) FROM audit_node", NULL), ==, 0);
  g_assert_cmpint (count (&f->county, "SELECT audit_sent FROM peer WHERE id = ?1", node_id (&f->township)), ==, 0);
}

/* 2. Audit records alone are never sent: they wait for a change. */
static void
test_audit_nothing_to_send (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *first = file_path (f, "first.xml");
  g_autofree char *nothing = file_path (f, "nothing.xml");
  g_autofree char *second = file_path (f, "second.xml");
  g_autofree char *sent_before = NULL;
  g_autofree char *seq_before = NULL;
  g_autofree char *venue = add_venue (&f->township, fg_region_get_id (f->township.grid), "老王烧烤");
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FgActor) nobody = NULL;
  FgBundleReport report;
  gint64 n;

  export_ok (&f->township, &f->county, first);
  import_ok (&f->county, first);
  sent_before = query_text (&f->township, "SELECT audit_sent FROM peer WHERE id = ?1", node_id (&f->county));
  seq_before = query_text (&f->township, "SELECT last_sent_seq FROM peer WHERE id = ?1", node_id (&f->county));

  /* only the log grows: the export's own record, a wrong password, a refusal */
  nobody = fg_account_login (f->township.store, "admin", "wrong-password", &error);
  g_assert_null (nobody);
  g_clear_error (&error);
  n = audit_count (&f->township);
  g_assert_cmpint (g_ascii_strtoll (sent_before, NULL, 10), <, n);

  g_assert_false (fg_bundle_export (f->township.store, f->township.actor, node_id (&f->county), nothing, &report,
                                    NULL, &error));
  g_assert_error (error, FG_BUNDLE_ERROR, FG_BUNDLE_ERROR_NOTHING_TO_SEND);
  g_clear_error (&error);
  g_assert_false (g_file_test (nothing, G_FILE_TEST_EXISTS));
  {
    g_autofree char *sent_after = query_text (&f->township, "SELECT audit_sent FROM peer WHERE id = ?1",
                                              node_id (&f->county));
    g_autofree char *seq_after = query_text (&f->township, "SELECT last_sent_seq FROM peer WHERE id = ?1",
                                             node_id (&f->county));

    g_assert_cmpstr (sent_after, ==, sent_before);
    g_assert_cmpstr (seq_after, ==, seq_before);
  }

  /* a change: they go along with it */
  rename_venue (&f->township, venue, "老王烧烤（新址）");
  n = audit_count (&f->township);
  report = export_ok (&f->township, &f->county, second);
  g_assert_cmpuint (report.audit, ==, n - g_ascii_strtoll (sent_before, NULL, 10));
  report = import_ok (&f->county, second);
  g_assert_cmpuint (report.audit, ==, n - g_ascii_strtoll (sent_before, NULL, 10));
  assert_intact (&f->county, node_id (&f->township), n, 0);
  entries = fg_audit_list_received (f->county.store, f->county.actor, node_id (&f->township), NULL, 100, &error);
  g_assert_no_error (error);
  g_assert_true (lists_entry (entries, "bundle-export", "admin", "冢头镇"));
  g_assert_true (lists_entry (entries, "login", "admin", "冢头镇"));
  g_assert_true (lists_entry (entries, "venue-edit", "admin", "冢头镇"));
}

/* 3. What a person typed goes exactly as it was, whatever it holds: XML
 * cannot carry some characters, and the hash is over the very bytes. */
static void
test_audit_any_text (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *up = file_path (f, "up.xml");
  g_autofree char *text = NULL;
  g_autofree char *venue = NULL;
  g_autofree char *sent = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  const char *logins[] = { "line\r\nend & <x> \"q\"", "bell\x07ring", "tab\tand\x7f" };
  gint64 n;

  for (guint i = 0; i < G_N_ELEMENTS (logins); i++)
    {
      g_autoptr(FgActor) nobody = fg_account_login (f->township.store, logins[i], "wrong-password", &error);

      g_assert_null (nobody);
      g_clear_error (&error);
      g_assert_cmpint (count (&f->township, "SELECT count(*) FROM audit WHERE actor_login = ?1", logins[i]), ==, 1);
    }
  venue = add_venue (&f->township, fg_region_get_id (f->township.grid), "老王烧烤");
  n = audit_count (&f->township);
  sent = own_records (&f->township);

  export_ok (&f->township, &f->county, up);
  text = read_text (up, NULL);
  g_assert_cmpuint (occurrences (text, "encoding=\"base64\""), >=, 1);
  g_assert_nonnull (strstr (text, "line&#13;\nend &amp; &lt;x&gt; \"q\""));
  import_ok (&f->county, up);
  assert_intact (&f->county, node_id (&f->township), n, 0);
  kept = received_records (&f->county, node_id (&f->township));
  g_assert_cmpstr (kept, ==, sent);
  entries = fg_audit_list_received (f->county.store, f->county.actor, node_id (&f->township), NULL, 100, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (logins); i++)
    g_assert_true (lists_entry (entries, "login", logins[i], "冢头镇"));
}

/* 4. A record edited at the township before it went up: its hash says so. */
static void
test_audit_edited_record (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *up = file_path (f, "up.xml");
  g_autofree char *venue = add_venue (&f->township, fg_region_get_id (f->township.grid), "老王烧烤");

  rename_venue (&f->township, venue, "老王烧烤（新址）");
  execute (&f->township, "UPDATE audit SET images = audit_images (audit_before (before, images),"
                         "  replace (audit_after (after, images), '老王烧烤（新址）', '老李烧烤'))"
                         " WHERE action = 'venue-edit'");
  export_ok (&f->township, &f->county, up);
  import_refused (&f->county, up, FG_BUNDLE_ERROR_AUDIT_TAMPERED);
}

/* 5. A record edited and hashed again, the records after it not: the
 * chain breaks at the next record. */
static void
test_audit_rehashed_record (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *up = file_path (f, "up.xml");
  g_autofree char *venue = add_venue (&f->township, fg_region_get_id (f->township.grid), "老王烧烤");
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;

  rename_venue (&f->township, venue, "老王烧烤（新址）");
  g_free (add_venue (&f->township, fg_region_get_id (f->township.grid), "张记面馆"));
  execute (&f->township, "UPDATE audit SET actor_login = 'nobody' WHERE action = 'venue-edit'");

  /* that record's hash, and no other */
  db = open_db (&f->township);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT id, at, actor_login, actor_kind, action, record_id, outcome, detail,"
                                       " audit_before (before, images), audit_after (after, images),"
                                       " (SELECT " PREVIOUS_HASH ")"
                                       " FROM audit WHERE action = 'venue-edit'",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  {
    const char *fields[10];
    g_autofree char *hash = NULL;
    g_autofree char *sql = NULL;

    for (int i = 0; i < 10; i++)
      fields[i] = (const char *) sqlite3_column_text (stmt, i);
    hash = record_hash (fields, (const char *) sqlite3_column_text (stmt, 10));
    sql = g_strdup_printf ("UPDATE audit SET digest = x'%s' WHERE action = 'venue-edit'", hash);
    sqlite3_finalize (stmt);
    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  }
  sqlite3_close (db);

  export_ok (&f->township, &f->county, up);
  import_refused (&f->county, up, FG_BUNDLE_ERROR_AUDIT_TAMPERED);
  g_assert_cmpint (count (&f->county, "SELECT count(*) FROM audit_in", NULL), ==, 0);
}

/* 6. The careful forger: a record that went up already, edited and the
 * whole chain after it hashed again. The township's own check finds
 * nothing; the county's copy does, when the record comes again. */
static void
test_audit_rewritten_log (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *first = file_path (f, "first.xml");
  g_autofree char *second = file_path (f, "second.xml");
  g_autofree char *venue = add_venue (&f->township, fg_region_get_id (f->township.grid), "老王烧烤");
  g_autofree char *seq = NULL;
  g_autoptr(GError) error = NULL;
  guint n_records = 0;

  rename_venue (&f->township, venue, "老王烧烤（新址）");
  export_ok (&f->township, &f->county, first);
  import_ok (&f->county, first);

  execute (&f->township, "UPDATE audit SET actor_login = 'nobody' WHERE action = 'venue-edit'");
  seq = query_text (&f->township, "SELECT seq FROM audit WHERE action = 'venue-edit'", NULL);
  rechain (&f->township, g_ascii_strtoll (seq, NULL, 10));
  g_assert_true (fg_audit_verify (f->township.store, f->township.actor, &n_records, &error));
  g_assert_no_error (error);

  /* the records go again (the township forgot it had sent them), with a change */
  execute (&f->township, "UPDATE peer SET audit_sent = 0");
  g_free (add_venue (&f->township, fg_region_get_id (f->township.grid), "张记面馆"));
  export_ok (&f->township, &f->county, second);
  import_refused (&f->county, second, FG_BUNDLE_ERROR_AUDIT_TAMPERED);
}

/* 7. A bundle changed and signed again by its sender: an audit record in
 * it is not what its hash says. */
static void
test_audit_forged_bundle (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *up = file_path (f, "up.xml");
  g_autofree char *forged = file_path (f, "forged.xml");
  g_autofree char *venue = add_venue (&f->township, fg_region_get_id (f->township.grid), "老王烧烤");
  g_autofree char *text = NULL;
  g_autofree char *changed = NULL;

  export_ok (&f->township, &f->county, up);
  text = read_text (up, NULL);
  changed = replace_once (text, "<actor-login>admin</actor-login>", "<actor-login>nobody</actor-login>");
  write_signed (&f->township, changed, forged);
  import_refused (&f->county, forged, FG_BUNDLE_ERROR_AUDIT_TAMPERED);

  /* the genuine one goes in */
  import_ok (&f->county, up);
  assert_intact (&f->county, node_id (&f->township), audit_count (&f->township) - 1, 0);
}

/* 8. The same records again, and bundles out of order: the same copy. */
static void
test_audit_idempotent (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *first = file_path (f, "first.xml");
  g_autofree char *second = file_path (f, "second.xml");
  g_autofree char *third = file_path (f, "third.xml");
  g_autofree char *venue = add_venue (&f->township, fg_region_get_id (f->township.grid), "老王烧烤");
  g_autofree char *kept = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GError) error = NULL;
  FgBundleReport report;
  gint64 n_first;
  gint64 n_second;
  gint64 n_third;

  export_ok (&f->township, &f->county, first);
  n_first = audit_count (&f->township) - 1;   /* the export's own record goes next time */
  rename_venue (&f->township, venue, "老王烧烤（新址）");
  export_ok (&f->township, &f->county, second);
  n_second = audit_count (&f->township) - 1;

  /* the second first: a gap, which is no tampering */
  report = import_ok (&f->county, second);
  g_assert_cmpuint (report.audit, ==, n_second - n_first);
  assert_intact (&f->county, node_id (&f->township), n_second - n_first, n_first);
  report = import_ok (&f->county, first);
  g_assert_cmpuint (report.audit, ==, n_first);
  assert_intact (&f->county, node_id (&f->township), n_second, 0);
  kept = received_records (&f->county, node_id (&f->township));

  /* the same file again is refused as ever; the same records in another
   * bundle change nothing */
  g_assert_false (fg_bundle_import (f->county.store, f->county.actor, first, FALSE, &report, NULL, &error));
  g_assert_error (error, FG_BUNDLE_ERROR, FG_BUNDLE_ERROR_ALREADY_IMPORTED);
  g_clear_error (&error);
  execute (&f->township, "UPDATE peer SET audit_sent = 0");
  g_free (add_venue (&f->township, fg_region_get_id (f->township.grid), "张记面馆"));
  report = export_ok (&f->township, &f->county, third);
  n_third = audit_count (&f->township) - 1;
  g_assert_cmpuint (report.audit, ==, n_third);
  report = import_ok (&f->county, third);
  g_assert_cmpuint (report.audit, ==, n_third - n_second);
  again = received_records (&f->county, node_id (&f->township));
  g_assert_true (g_str_has_prefix (again, kept));
  assert_intact (&f->county, node_id (&f->township), n_third, 0);

  /* a record removed from the copy here shows */
  execute (&f->county, "DELETE FROM audit_in WHERE seq = 3");
  g_assert_false (fg_audit_verify_received (f->county.store, f->county.actor, node_id (&f->township), NULL, NULL,
                                            &error));
  g_assert_error (error, FG_AUDIT_ERROR, FG_AUDIT_ERROR_TAMPERED);
}

/* 9. Records an office does not keep, and records a sender may not pass on. */
static void
test_audit_not_theirs (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *up = file_path (f, "up.xml");
  g_autofree char *down = file_path (f, "down.xml");
  g_autofree char *forged = file_path (f, "forged.xml");
  g_autofree char *venue = add_venue (&f->township, fg_region_get_id (f->township.grid), "老王烧烤");
  g_autofree char *hazard_id = inspect_failing (&f->township, venue);
  g_autofree char *up_text = NULL;
  g_autofree char *down_text = NULL;
  g_autofree char *record = NULL;
  g_autofree char *element = NULL;
  g_autofree char *own_node = NULL;
  g_autofree char *other_node = NULL;
  g_autoptr(FgHazard) at_county = NULL;
  g_autoptr(GError) error = NULL;
  FgHazardEventDetails supervision = { .note = "请于期限前完成整改并报县安委办", .deadline = fg_test_deadline () };
  const char *start;
  const char *end;

  export_ok (&f->township, &f->county, up);
  up_text = read_text (up, NULL);

  /* the county passes one of the township's records down as its own: the
   * township keeps no county's log, and takes the rest */
  import_ok (&f->county, up);
  at_county = fg_hazard_load (f->county.store, f->county.actor, hazard_id, &error);
  g_assert_no_error (error);
  g_assert_true (fg_hazard_add_event (f->county.store, f->county.actor, at_county, FG_HAZARD_EVENT_SUPERVISED,
                                      &supervision, &error));
  g_assert_no_error (error);
  export_ok (&f->county, &f->township, down);
  down_text = read_text (down, NULL);
  start = strstr (up_text, "<audit ");
  end = strstr (start, "</audit>") + strlen ("</audit>");
  record = g_strndup (start, end - start);
  own_node = g_strdup_printf ("node=\"%s\"", node_id (&f->township));
  other_node = g_strdup_printf ("node=\"%s\"", node_id (&f->county));
  element = replace_once (record, own_node, other_node);
  write_with_element (&f->county, down_text, element, forged);
  import_ok (&f->township, forged);
  g_assert_cmpint (count (&f->township, "SELECT count(*) FROM audit_in", NULL), ==, 0);
  g_assert_cmpint (count (&f->township, "SELECT count(*) FROM audit_node", NULL), ==, 0);
  g_assert_cmpint (count (&f->township, "SELECT count(*) FROM hazard_event WHERE kind = 'supervised'", NULL), ==, 1);
  g_clear_pointer (&element, g_free);

  /* the township: records of an office it did not name, or named outside
   * its division, above it, or the county itself */
  {
    const char *offices[] = {
      "<audit-node id=\"01a22790-0000-7000-8000-000000000001\" kind=\"grid\" code=\"410425102201-001\" name=\"x\"/>",
      "<audit-node id=\"01a22790-0000-7000-8000-000000000001\" kind=\"township\" code=\"410425101000\" name=\"x\"/>",
      NULL,
    };
    g_autofree char *county_node = g_strdup_printf ("<audit-node id=\"%s\" kind=\"grid\" code=\"410425101201-001\""
                                                    " name=\"x\"/>",
                                                    node_id (&f->county));
    g_autofree char *stranger = replace_once (record, own_node, "node=\"01a22790-0000-7000-8000-000000000001\"");

    for (guint i = 0; offices[i] != NULL; i++)
      {
        write_with_element (&f->township, up_text, offices[i], forged);
        import_refused (&f->county, forged, FG_BUNDLE_ERROR_OUT_OF_SCOPE);
      }
    write_with_element (&f->township, up_text, county_node, forged);
    import_refused (&f->county, forged, FG_BUNDLE_ERROR_OUT_OF_SCOPE);
    write_with_element (&f->township, up_text, stranger, forged);
    import_refused (&f->county, forged, FG_BUNDLE_ERROR_OUT_OF_SCOPE);
  }
}

/* 10. A grid station's log: up to its township, and on to the county
 * through the township; never down. */
static void
test_audit_grid_station (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *down = file_path (f, "down.xml");
  g_autofree char *up = file_path (f, "up.xml");
  g_autofree char *to_county = file_path (f, "to-county.xml");
  g_autofree char *to_county_2 = file_path (f, "to-county-2.xml");
  g_autofree char *text = NULL;
  g_autofree char *venue = NULL;
  g_autofree char *station_log = NULL;
  g_autofree char *at_township = NULL;
  g_autofree char *at_county = NULL;
  g_autoptr(GPtrArray) offices = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  FgBundleReport report;
  gint64 n_station;
  gint64 n_township;

  /* down: the township's registry of the grid, and none of its records */
  g_free (add_venue (&f->township, fg_region_get_id (f->township.grid), "老王烧烤"));
  report = export_ok (&f->township, &f->station, down);
  g_assert_cmpuint (report.audit, ==, 0);
  text = read_text (down, NULL);
  g_assert_null (strstr (text, "<audit"));
  import_ok (&f->station, down);

  /* up: the station's venue, and its log */
  venue = add_venue (&f->station, fg_store_get_home_region_id (f->station.store), "小李理发店");
  n_station = audit_count (&f->station);
  station_log = own_records (&f->station);
  report = export_ok (&f->station, &f->township, up);
  g_assert_cmpuint (report.audit, ==, n_station);

  /* at an office that does not know the station: refused, and in its log
   * without a sender */
  import_refused (&f->county, up, FG_BUNDLE_ERROR_UNKNOWN_SIGNER);
  {
    g_autofree char *sender = query_text (&f->county,
                                          "SELECT coalesce (record_id, 'none') FROM audit ORDER BY seq DESC LIMIT 1",
                                          NULL);

    g_assert_cmpstr (sender, ==, "none");
  }
  report = import_ok (&f->township, up);
  g_assert_cmpuint (report.audit, ==, n_station);
  at_township = received_records (&f->township, node_id (&f->station));
  g_assert_cmpstr (at_township, ==, station_log);
  assert_intact (&f->township, node_id (&f->station), n_station, 0);

  /* on to the county: the township's log, then the station's */
  n_township = audit_count (&f->township);
  report = export_ok (&f->township, &f->county, to_county);
  g_assert_cmpuint (report.audit, ==, n_township + n_station);
  g_clear_pointer (&text, g_free);
  text = read_text (to_county, NULL);
  g_assert_cmpuint (occurrences (text, "<audit-node "), ==, 1);
  report = import_ok (&f->county, to_county);
  g_assert_cmpuint (report.audit, ==, n_township + n_station);
  at_county = received_records (&f->county, node_id (&f->station));
  g_assert_cmpstr (at_county, ==, station_log);
  assert_intact (&f->county, node_id (&f->township), n_township, 0);
  assert_intact (&f->county, node_id (&f->station), n_station, 0);

  offices = fg_audit_list_offices (f->county.store, f->county.actor, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (offices->len, ==, 2);
  g_assert_cmpstr (((FgNodeInfo *) g_ptr_array_index (offices, 0))->scope_code, ==, "410425101000");
  g_assert_cmpstr (((FgNodeInfo *) g_ptr_array_index (offices, 1))->scope_code, ==, fg_region_get_code (f->township.grid));
  g_assert_cmpint (((FgNodeInfo *) g_ptr_array_index (offices, 1))->kind, ==, FG_NODE_KIND_GRID);
  g_assert_cmpstr (((FgNodeInfo *) g_ptr_array_index (offices, 1))->scope_name, ==, "第一网格");
  entries = fg_audit_list_received (f->county.store, f->county.actor, NULL, venue, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_true (lists_entry (entries, "venue-add", "wang", "第一网格"));

  /* passed on once: the next bundle carries the township's new records only */
  rename_venue (&f->township, venue, "小李理发店（新址）");
  report = export_ok (&f->township, &f->county, to_county_2);
  g_assert_cmpuint (report.audit, ==, audit_count (&f->township) - 1 - n_township);
  g_clear_pointer (&text, g_free);
  text = read_text (to_county_2, NULL);
  g_assert_null (strstr (text, "<audit-node"));
  import_ok (&f->county, to_county_2);
  assert_intact (&f->county, node_id (&f->station), n_station, 0);
}


/* @text without the audit records of @node numbered @first to @last. */
static char *
without_records (const char *text,
                 const char *node,
                 gint64      first,
                 gint64      last)
{
  char *result = g_strdup (text);

  for (gint64 seq = first; seq <= last; seq++)
    {
      g_autofree char *tag = g_strdup_printf ("<audit node=\"%s\" seq=\"%" G_GINT64_FORMAT "\"", node, seq);
      const char *start = strstr (result, tag);
      const char *end;
      char *shorter;

      g_assert_nonnull (start);
      end = strstr (start, "</audit>");
      g_assert_nonnull (end);
      end += strlen ("</audit>");
      shorter = g_strdup_printf ("%.*s%s", (int) (start - result), result, end);
      g_free (result);
      result = shorter;
    }
  return result;
}

/* Refused as tampering with audit records, the message naming the
 * township and @numbers. */
static void
refused_naming (Fixture    *f,
                const char *path,
                const char *numbers)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (&f->county);
  g_autofree char *after = NULL;

  g_assert_false (fg_bundle_import (f->county.store, f->county.actor, path, FALSE, NULL, NULL, &error));
  g_assert_error (error, FG_BUNDLE_ERROR, FG_BUNDLE_ERROR_AUDIT_TAMPERED);
  g_test_message ("refused as expected: %s", error->message);
  g_assert_nonnull (strstr (error->message, "冢头镇"));
  if (numbers != NULL)
    g_assert_nonnull (strstr (error->message, numbers));
  after = dump (&f->county);
  g_assert_cmpstr (after, ==, before);
  assert_refusal_audited (&f->county, path, error->message);
}

static gint64
seq_of (Office     *o,
        const char *action)
{
  g_autofree char *seq = query_text (o, "SELECT max (seq) FROM audit WHERE action = ?1", action);

  return g_ascii_strtoll (seq, NULL, 10);
}

/* 11. A record taken out of a bundle, between others it carries. */
static void
test_audit_record_skipped (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *up = file_path (f, "up.xml");
  g_autofree char *forged = file_path (f, "forged.xml");
  g_autofree char *venue = add_venue (&f->township, fg_region_get_id (f->township.grid), "老王烧烤");
  g_autofree char *text = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *number = NULL;
  gint64 edit;

  rename_venue (&f->township, venue, "老王烧烤（新址）");
  g_free (add_venue (&f->township, fg_region_get_id (f->township.grid), "张记面馆"));
  edit = seq_of (&f->township, "venue-edit");
  export_ok (&f->township, &f->county, up);
  text = read_text (up, NULL);
  changed = without_records (text, node_id (&f->township), edit, edit);
  write_signed (&f->township, changed, forged);
  number = g_strdup_printf ("%" G_GINT64_FORMAT, edit);
  refused_naming (f, forged, number);

  import_ok (&f->county, up);
  assert_intact (&f->county, node_id (&f->township), audit_count (&f->township) - 1, 0);
}

/* 12. Records taken out of the start of a bundle, or all of them, when
 * every bundle before it has arrived: refused; a bundle before it still
 * on its way excuses the start; sent again from the start, the records
 * the county has change nothing. */
static void
test_audit_records_held_back (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *first = file_path (f, "first.xml");
  g_autofree char *second = file_path (f, "second.xml");
  g_autofree char *third = file_path (f, "third.xml");
  g_autofree char *forged = file_path (f, "forged.xml");
  g_autofree char *bare = file_path (f, "bare.xml");
  g_autofree char *venue = add_venue (&f->township, fg_region_get_id (f->township.grid), "老王烧烤");
  g_autofree char *text = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *numbers = NULL;
  g_autoptr(GError) error = NULL;
  const char *township = node_id (&f->township);
  gint64 n_first;
  gint64 n_second;

  export_ok (&f->township, &f->county, first);
  n_first = audit_count (&f->township) - 1;
  import_ok (&f->county, first);
  rename_venue (&f->township, venue, "老王烧烤（新址）");
  g_free (add_venue (&f->township, fg_region_get_id (f->township.grid), "张记面馆"));
  export_ok (&f->township, &f->county, second);
  n_second = audit_count (&f->township) - 1;
  g_assert_cmpint (n_second - n_first, >=, 3);

  /* the first two it carries taken out */
  text = read_text (second, NULL);
  changed = without_records (text, township, n_first + 1, n_first + 2);
  write_signed (&f->township, changed, forged);
  numbers = g_strdup_printf ("%" G_GINT64_FORMAT "–%" G_GINT64_FORMAT, n_first + 1, n_first + 2);
  refused_naming (f, forged, numbers);

  /* the same file again, as a sync folder tries it at every pass: one trace */
  {
    gint64 refusals = count (&f->county, "SELECT count(*) FROM audit WHERE outcome = 'refused'", NULL);

    g_assert_false (fg_bundle_import (f->county.store, f->county.actor, forged, FALSE, NULL, NULL, &error));
    g_assert_error (error, FG_BUNDLE_ERROR, FG_BUNDLE_ERROR_AUDIT_TAMPERED);
    g_clear_error (&error);
    g_assert_cmpint (count (&f->county, "SELECT count(*) FROM audit WHERE outcome = 'refused'", NULL), ==, refusals);
  }

  /* every one taken out: the export of the first bundle is not there */
  g_free (changed);
  changed = without_records (text, township, n_first + 1, n_second);
  g_assert_null (strstr (changed, "<audit "));
  write_signed (&f->township, changed, bare);
  refused_naming (f, bare, NULL);

  /* sent again from the start: what the county has is the same */
  g_assert_true (fg_sync_resend (f->township.store, f->township.actor, node_id (&f->county), &error));
  g_assert_no_error (error);
  rename_venue (&f->township, venue, "老王烧烤（旧址）");
  export_ok (&f->township, &f->county, third);
  import_ok (&f->county, third);
  assert_intact (&f->county, township, audit_count (&f->township) - 1, 0);
  import_ok (&f->county, second);
  assert_intact (&f->county, township, audit_count (&f->township) - 1, 0);
}

/* 13. A gap the later records prove: on its way while a bundle before
 * them is missing, then reported. */
static void
test_audit_gap_proven (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *first = file_path (f, "first.xml");
  g_autofree char *second = file_path (f, "second.xml");
  g_autofree char *third = file_path (f, "third.xml");
  g_autofree char *forged = file_path (f, "forged.xml");
  g_autofree char *venue = add_venue (&f->township, fg_region_get_id (f->township.grid), "老王烧烤");
  g_autofree char *text = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *number = NULL;
  g_autoptr(GError) error = NULL;
  const char *township = node_id (&f->township);
  gint64 n_first;
  gint64 n_second;
  gint64 n_third;

  export_ok (&f->township, &f->county, first);
  n_first = audit_count (&f->township) - 1;
  rename_venue (&f->township, venue, "老王烧烤（新址）");
  export_ok (&f->township, &f->county, second);
  n_second = audit_count (&f->township) - 1;
  g_free (add_venue (&f->township, fg_region_get_id (f->township.grid), "张记面馆"));
  export_ok (&f->township, &f->county, third);
  n_third = audit_count (&f->township) - 1;

  import_ok (&f->county, first);
  import_ok (&f->county, third);
  assert_intact (&f->county, township, n_first + n_third - n_second, n_second - n_first);

  /* the second comes without its last record: every bundle is here now,
   * and the third's records prove the gap */
  text = read_text (second, NULL);
  changed = without_records (text, township, n_second, n_second);
  write_signed (&f->township, changed, forged);
  import_ok (&f->county, forged);
  g_assert_false (fg_audit_verify_received (f->county.store, f->county.actor, township, NULL, NULL, &error));
  g_assert_error (error, FG_AUDIT_ERROR, FG_AUDIT_ERROR_MISSING);
  g_test_message ("reported as expected: %s", error->message);
  number = g_strdup_printf ("record %" G_GINT64_FORMAT ",", n_second);
  g_assert_nonnull (strstr (error->message, number));
  g_assert_nonnull (strstr (error->message, "冢头镇"));
}

/* 14. The bundles that have not arrived, in numbers and in words, until
 * they do; a bundle with nothing in it that skips numbers too. */
static void
test_audit_missing_bundles (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *empty = file_path (f, "empty.xml");
  g_autofree char *venue = add_venue (&f->township, fg_region_get_id (f->township.grid), "老王烧烤");
  g_autofree char *text = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *words = NULL;
  g_autoptr(GArray) gaps = NULL;
  g_autoptr(GError) error = NULL;
  const char *township = node_id (&f->township);
  const char *body;
  const char *signature;

  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("b%u.xml", i + 1);

      g_ptr_array_add (paths, file_path (f, name));
      rename_venue (&f->township, venue, name);
      export_ok (&f->township, &f->county, g_ptr_array_index (paths, i));
    }

  gaps = fg_node_list_missing_bundles (f->county.store, f->county.actor, township, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gaps->len, ==, 0);
  g_assert_null (fg_node_describe_missing_bundles (gaps));
  g_clear_pointer (&gaps, g_array_unref);

  import_ok (&f->county, g_ptr_array_index (paths, 0));
  import_ok (&f->county, g_ptr_array_index (paths, 3));
  gaps = fg_node_list_missing_bundles (f->county.store, f->county.actor, township, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gaps->len, ==, 1);
  g_assert_cmpuint (g_array_index (gaps, FgBundleGap, 0).first, ==, 2);
  g_assert_cmpuint (g_array_index (gaps, FgBundleGap, 0).last, ==, 3);
  words = fg_node_describe_missing_bundles (gaps);
  g_assert_cmpstr (words, ==, "bundles 2–3 have not arrived");
  g_clear_pointer (&gaps, g_array_unref);
  g_clear_pointer (&words, g_free);

  /* a bundle numbered 7 with nothing in it, signed by the township */
  text = read_text (g_ptr_array_index (paths, 3), NULL);
  body = strstr (text, ">") + 1;
  body = strstr (body, ">") + 1;  /* past the declaration and the bundle's start tag */
  signature = g_strrstr (text, "<signature>");
  changed = g_strdup_printf ("%.*s\n%s", (int) (body - text), text, signature);
  {
    g_autofree char *renumbered = replace_once (changed, "sequence=\"4\"", "sequence=\"7\"");

    write_signed (&f->township, renumbered, empty);
  }
  import_ok (&f->county, empty);
  import_ok (&f->county, g_ptr_array_index (paths, 2));
  gaps = fg_node_list_missing_bundles (f->county.store, f->county.actor, township, &error);
  g_assert_no_error (error);
  words = fg_node_describe_missing_bundles (gaps);
  g_assert_cmpstr (words, ==, "bundles 2, 5–6 have not arrived");
  g_clear_pointer (&gaps, g_array_unref);
  g_clear_pointer (&words, g_free);

  import_ok (&f->county, g_ptr_array_index (paths, 1));
  gaps = fg_node_list_missing_bundles (f->county.store, f->county.actor, township, &error);
  words = fg_node_describe_missing_bundles (gaps);
  g_assert_cmpstr (words, ==, "bundles 5–6 have not arrived");
}

/* 15. A bundle that never comes, or is refused for good, is no longer
 * missing once everything is sent again: the bundle that carries it all
 * fills the gap below it, and its records leave none. */
static void
test_audit_gap_filled_by_resend (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *first = file_path (f, "first.xml");
  g_autofree char *lost = file_path (f, "lost.xml");
  g_autofree char *third = file_path (f, "third.xml");
  g_autofree char *again = file_path (f, "again.xml");
  g_autofree char *later = file_path (f, "later.xml");
  g_autofree char *venue = add_venue (&f->township, fg_region_get_id (f->township.grid), "老王烧烤");
  g_autofree char *words = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GArray) gaps = NULL;
  g_autoptr(GError) error = NULL;
  const char *township = node_id (&f->township);

  export_ok (&f->township, &f->county, first);
  rename_venue (&f->township, venue, "老王烧烤（新址）");
  export_ok (&f->township, &f->county, lost);
  g_free (add_venue (&f->township, fg_region_get_id (f->township.grid), "张记面馆"));
  export_ok (&f->township, &f->county, third);
  import_ok (&f->county, first);
  import_ok (&f->county, third);
  gaps = fg_node_list_missing_bundles (f->county.store, f->county.actor, township, &error);
  g_assert_no_error (error);
  words = fg_node_describe_missing_bundles (gaps);
  g_assert_cmpstr (words, ==, "bundle 2 has not arrived");
  g_clear_pointer (&gaps, g_array_unref);

  /* the second is lost for good: the township sends everything again */
  g_assert_true (fg_sync_resend (f->township.store, f->township.actor, node_id (&f->county), &error));
  g_assert_no_error (error);
  export_ok (&f->township, &f->county, again);
  text = read_text (again, NULL);
  g_assert_null (strstr (text, " since=\""));
  import_ok (&f->county, again);
  gaps = fg_node_list_missing_bundles (f->county.store, f->county.actor, township, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gaps->len, ==, 0);
  g_clear_pointer (&gaps, g_array_unref);
  name = query_text (&f->county, "SELECT name FROM venue WHERE id = ?1", venue);
  g_assert_cmpstr (name, ==, "老王烧烤（新址）");
  assert_intact (&f->county, township, audit_count (&f->township) - 1, 0);

  /* and the bundles after it are numbered on, with no gap */
  rename_venue (&f->township, venue, "老王烧烤");
  export_ok (&f->township, &f->county, later);
  import_ok (&f->county, later);
  gaps = fg_node_list_missing_bundles (f->county.store, f->county.actor, township, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gaps->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/bundle-audit/township-to-county", Fixture, NULL, fixture_set_up, test_audit_township_to_county,
              fixture_tear_down);
  g_test_add ("/bundle-audit/hashes-old-and-new", Fixture, NULL, fixture_set_up, test_audit_hashes_old_and_new,
              fixture_tear_down);
  g_test_add ("/bundle-audit/nothing-to-send", Fixture, NULL, fixture_set_up, test_audit_nothing_to_send,
              fixture_tear_down);
  g_test_add ("/bundle-audit/any-text", Fixture, NULL, fixture_set_up, test_audit_any_text, fixture_tear_down);
  g_test_add ("/bundle-audit/edited-record", Fixture, NULL, fixture_set_up, test_audit_edited_record,
              fixture_tear_down);
  g_test_add ("/bundle-audit/rehashed-record", Fixture, NULL, fixture_set_up, test_audit_rehashed_record,
              fixture_tear_down);
  g_test_add ("/bundle-audit/rewritten-log", Fixture, NULL, fixture_set_up, test_audit_rewritten_log,
              fixture_tear_down);
  g_test_add ("/bundle-audit/forged-bundle", Fixture, NULL, fixture_set_up, test_audit_forged_bundle,
              fixture_tear_down);
  g_test_add ("/bundle-audit/idempotent", Fixture, NULL, fixture_set_up, test_audit_idempotent, fixture_tear_down);
  g_test_add ("/bundle-audit/not-theirs", Fixture, NULL, fixture_set_up, test_audit_not_theirs, fixture_tear_down);
  g_test_add ("/bundle-audit/grid-station", Fixture, WITH_STATION, fixture_set_up, test_audit_grid_station,
              fixture_tear_down);

  g_test_add ("/bundle-audit/record-skipped", Fixture, NULL, fixture_set_up, test_audit_record_skipped,
              fixture_tear_down);
  g_test_add ("/bundle-audit/records-held-back", Fixture, NULL, fixture_set_up, test_audit_records_held_back,
              fixture_tear_down);
  g_test_add ("/bundle-audit/gap-proven", Fixture, NULL, fixture_set_up, test_audit_gap_proven, fixture_tear_down);
  g_test_add ("/bundle-audit/missing-bundles", Fixture, NULL, fixture_set_up, test_audit_missing_bundles,
              fixture_tear_down);
  g_test_add ("/bundle-audit/gap-filled-by-resend", Fixture, NULL, fixture_set_up, test_audit_gap_filled_by_resend,
              fixture_tear_down);

  return g_test_run ();
}
