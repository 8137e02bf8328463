/* fg-bundle-test-util.h — offices that send each other bundles, in the tests
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each office is an installation of its own: a folder, a database and who
 * works there. What a bundle wrote, or did not, is read back with sqlite3
 * directly, behind the store's back.
 */
#pragma once

#include <string.h>

#include <sqlite3.h>
#include <sodium.h>

#include "fg-test-files.h"
#include "fg-test-util.h"
#include "fg-audit-private.h"

/* the password of every account these suites set up */
#define PASSWORD "long-password"

/* One installation. */
typedef struct
{
  FgTestDir dir;
  FgStore *store;
  FgActor *actor;  /* who works here: an account, or NULL for the installer */

  /* a township's first village and grid, from office_init() */
  FgRegion *village;
  FgRegion *grid;

  /* a restaurant inspected there, and the hazards the inspection found */
  char *venue_id;
  char *inspection_id;
  GPtrArray *hazard_ids;
} Office;

static inline FgActor *
actor_of (Office *o)
{
  return o->actor != NULL ? o->actor : fg_test_installer ();
}

/* A township office (fg_test_township_new), worked by the installer. */
static inline void
office_init (Office *o)
{
  fg_test_dir_init (&o->dir);
  o->store = fg_test_township_new (&o->dir, &o->village, &o->grid);
}

/* Another installation of the same township, a workstation of it: one
 * installation of a township issues its documents, and two offices of it
 * do not pair (test-node-replace.c). */
static inline void
workstation_init (Office *o)
{
  g_autoptr(GError) error = NULL;

  office_init (o);
  g_assert_true (fg_node_set_role (o->store, actor_of (o), FG_NODE_ROLE_WORKSTATION, &error));
  g_assert_no_error (error);
}

/* A county office (郏县), worked by its administrator guo. */
static inline void
county_init (Office *o)
{
  g_autoptr(FgAccount) admin = NULL;
  g_autoptr(GError) error = NULL;

  fg_test_dir_init (&o->dir);
  o->store = fg_office_open (o->dir.db_path, &error);
  g_assert_no_error (error);
  admin = fg_office_set_up_county_with_admin (o->store, "410425", "郏县", "guo", "郭晓东", PASSWORD, &error);
  g_assert_no_error (error);
  o->actor = fg_account_login (o->store, "guo", PASSWORD, &error);
  g_assert_no_error (error);
}

/* The demo township 冢头镇 (fg_demo_populate) of @n_venues venues, with
 * the weeks of inspections, documents and escalations the demo records,
 * worked by its administrator. */
static inline void
demo_township_init (Office *o,
                    guint   n_venues)
{
  g_autoptr(GError) error = NULL;
  const FgDemoAccount *accounts;
  guint n_accounts = 0;

  fg_test_dir_init (&o->dir);
  o->store = fg_office_open (o->dir.db_path, &error);
  g_assert_no_error (error);
  g_assert_true (fg_demo_populate (o->store, fg_test_installer (), n_venues, NULL, NULL, &error));
  g_assert_no_error (error);
  accounts = fg_demo_get_accounts (&n_accounts);
  for (guint i = 0; i < n_accounts; i++)
    if (accounts[i].role == FG_ROLE_TOWNSHIP_ADMIN)
      o->actor = fg_account_login (o->store, accounts[i].login, accounts[i].password, &error);
  g_assert_no_error (error);
  g_assert_nonnull (o->actor);
}

static inline void
office_clear (Office *o)
{
  g_clear_object (&o->village);
  g_clear_object (&o->grid);
  g_clear_pointer (&o->venue_id, g_free);
  g_clear_pointer (&o->inspection_id, g_free);
  g_clear_pointer (&o->hazard_ids, g_ptr_array_unref);
  g_clear_pointer (&o->actor, fg_actor_unref);
  g_clear_object (&o->store);
  if (o->dir.dir != NULL)
    fg_test_dir_clear (&o->dir);
}

static inline const char *
node_id (Office *o)
{
  return fg_store_get_node_id (o->store);
}

/* @to trusts @from: it adds @from's peer file. */
static inline void
trust (Office *to,
       Office *from)
{
  fg_test_trust (to->store, actor_of (to), from->store, actor_of (from));
}

static inline void
introduce (Office *a,
           Office *b)
{
  trust (a, b);
  trust (b, a);
}

/* Reading the databases behind the store's back */

static inline sqlite3 *
open_db (Office *o)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (o->dir.db_path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  /* audit_before (), audit_after (), audit_images (): the images as text */
  g_assert_cmpint (fg_audit_register_functions (db), ==, SQLITE_OK);
  return db;
}

/* The number @sql finds, with @arg (or NULL) as its ?1. */
static inline gint64
count (Office     *o,
       const char *sql,
       const char *arg)
{
  sqlite3 *db = open_db (o);
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (arg != NULL)
    sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* The first column of the first row, or NULL. */
static inline char *
query_text (Office     *o,
            const char *sql,
            const char *arg)
{
  sqlite3 *db = open_db (o);
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (arg != NULL)
    sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

static inline void
execute (Office     *o,
         const char *sql)
{
  sqlite3 *db = open_db (o);
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

/* The rows of @sql on the connection @db, one line each, columns
 * separated by "|". */
static inline char *
rows_in (sqlite3    *db,
         const char *sql,
         const char *arg)
{
  sqlite3_stmt *stmt = NULL;
  GString *text = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (arg != NULL)
    sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (text, "%s|", sqlite3_column_type (stmt, i) == SQLITE_NULL
                                             ? "NULL" : (const char *) sqlite3_column_text (stmt, i));
      g_string_append_c (text, '\n');
    }
  sqlite3_finalize (stmt);
  return g_string_free (text, FALSE);
}

/* The same, on a connection of its own to @o's database. */
static inline char *
rows (Office     *o,
      const char *sql,
      const char *arg)
{
  sqlite3 *db = open_db (o);
  char *text = rows_in (db, sql, arg);

  sqlite3_close (db);
  return text;
}

/* Every row of every table, in order: two dumps are equal when nothing
 * was written in between, but for the trace a refused bundle leaves in
 * the audit log (its record, and the log's head that moves with it). */
static inline char *
dump_connection (sqlite3 *db)
{
  sqlite3_stmt *tables = NULL;
  GString *text = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT name FROM sqlite_master WHERE type = 'table'"
                                       " AND name NOT LIKE 'sqlite_%' ORDER BY name",
                                       -1, &tables, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (tables, 0);
      const char *where = g_str_equal (table, "audit") ? "NOT (action = 'bundle-import' AND outcome = 'refused')"
                          : g_str_equal (table, "setting") ? "key <> 'audit-head'" : "1";
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" WHERE %s ORDER BY 1", table, where);
      sqlite3_stmt *rows = NULL;

      g_string_append_printf (text, "[%s]\n", table);
      if (sqlite3_prepare_v2 (db, sql, -1, &rows, NULL) != SQLITE_OK)
        {
          /* a virtual table's shadow, say */
          g_string_append (text, "(unreadable)\n");
          continue;
        }
      while (sqlite3_step (rows) == SQLITE_ROW)
        {
          for (int i = 0; i < sqlite3_column_count (rows); i++)
            {
              if (sqlite3_column_type (rows, i) == SQLITE_BLOB)
                g_string_append_printf (text, "<%d bytes>", sqlite3_column_bytes (rows, i));
              else
                g_string_append (text, sqlite3_column_type (rows, i) == SQLITE_NULL
                                       ? "NULL" : (const char *) sqlite3_column_text (rows, i));
              g_string_append_c (text, '|');
            }
          g_string_append_c (text, '\n');
        }
      sqlite3_finalize (rows);
    }
  sqlite3_finalize (tables);
  return g_string_free (text, FALSE);
}

static inline char *
dump (Office *o)
{
  sqlite3 *db = open_db (o);
  char *text = dump_connection (db);

  sqlite3_close (db);
  return text;
}

/* The same installation as @from, as it stands now, worked by the
 * installer. */
static inline void
clone_office (Office *from,
              Office *clone)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  fg_test_dir_init (&clone->dir);
  sql = g_strdup_printf ("VACUUM INTO '%s'", clone->dir.db_path);
  execute (from, sql);
  clone->store = fg_office_open (clone->dir.db_path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fg_store_get_node_id (clone->store), ==, node_id (from));
}

/* Sending */

static inline FgBundleReport
export_ok (Office     *from,
           Office     *to,
           const char *path)
{
  g_autoptr(GError) error = NULL;
  FgBundleReport report = { 0 };

  gboolean ok = fg_bundle_export (from->store, actor_of (from), node_id (to), path, &report, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return report;
}

static inline FgBundleReport
import_ok (Office     *to,
           const char *path)
{
  g_autoptr(GError) error = NULL;
  FgBundleReport report = { 0 };

  gboolean ok = fg_bundle_import (to->store, actor_of (to), path, FALSE, &report, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
  return report;
}

/* The newest record of @o's audit log is the refusal of the bundle at
 * @path: the file's SHA-256 and @message in its detail. */
static inline void
assert_refusal_audited (Office     *o,
                        const char *path,
                        const char *message)
{
  g_autofree char *contents = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *action = query_text (o, "SELECT action || ' ' || outcome FROM audit ORDER BY seq DESC LIMIT 1",
                                        NULL);
  g_autofree char *detail = query_text (o, "SELECT detail FROM audit ORDER BY seq DESC LIMIT 1", NULL);
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
  g_assert_cmpstr (action, ==, "bundle-import refused");
  g_assert_nonnull (strstr (detail, digest));
  g_assert_nonnull (strstr (detail, message));
}

/* Refused with @code, and nothing written: every row of every table as
 * before. */
static inline void
import_refused (Office     *to,
                const char *path,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (to);
  g_autofree char *after = NULL;
  FgBundleReport report = { 1, 1, 1, 1, 1, 1 };

  g_assert_false (fg_bundle_import (to->store, actor_of (to), path, FALSE, &report, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("refused as expected: %s", error->message);
  g_assert_error (error, FG_BUNDLE_ERROR, code);
  after = dump (to);
  g_assert_cmpstr (after, ==, before);
  /* a second copy of a bundle imported before is no refusal of it */
  if (code != FG_BUNDLE_ERROR_ALREADY_IMPORTED)
    assert_refusal_audited (to, path, error->message);
}

/* Changing a bundle */

/* @text with the first @old replaced by @new. */
static inline char *
replace_once (const char *text,
              const char *old,
              const char *new)
{
  const char *at = strstr (text, old);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, new, at + strlen (old));
}

/* The bytes of a bundle before its signature, signed again with @o's
 * secret key, as the exporter signs them: whatever was changed in them is
 * then genuinely the sender's, and only the reader's own defences stand
 * between it and the database. */
static inline char *
resign (Office      *o,
        const char  *text,
        gsize        length,
        gsize       *signed_length)
{
  g_autofree char *secret_text = query_text (o, "SELECT secret_key FROM node WHERE id = ?1", node_id (o));
  g_autofree guint8 *secret = NULL;
  g_autofree char *signature_text = NULL;
  const char *open_tag = g_strrstr_len (text, (gssize) length, "<signature>");
  crypto_sign_state state;
  guint8 signature[crypto_sign_BYTES];
  gsize secret_length = 0;
  GString *out;

  g_assert_nonnull (secret_text);
  secret = g_base64_decode (secret_text, &secret_length);
  g_assert_cmpuint (secret_length, ==, crypto_sign_SECRETKEYBYTES);
  g_assert_nonnull (open_tag);

  g_assert_cmpint (sodium_init (), >=, 0);
  crypto_sign_init (&state);
  crypto_sign_update (&state, (const guint8 *) text, (unsigned long long) (open_tag - text));
  crypto_sign_final_create (&state, signature, NULL, secret);
  signature_text = g_base64_encode (signature, sizeof signature);

  out = g_string_new_len (text, open_tag - text);
  g_string_append_printf (out, "<signature>%s</signature>\n</bundle>\n", signature_text);
  *signed_length = out->len;
  return g_string_free (out, FALSE);
}

/* Files */

/* The bytes of the file at @path, NUL-terminated; @length (or NULL) their
 * number. Not inlined: GCC 12 would take the text for the local variable
 * it is read through, and warn of a dangling pointer wherever it is used. */
G_NO_INLINE G_GNUC_UNUSED static char *
read_text (const char *path,
           gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, length, &error);
  g_assert_no_error (error);
  return text;
}

static inline void
write_bytes (const char *path,
             const char *data,
             gsize       length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, (gssize) length, &error);
  g_assert_no_error (error);
}

/* @text, a bundle changed by the caller, signed again by @o (resign())
 * and written to @path. */
static inline void
write_signed (Office     *o,
              const char *text,
              const char *path)
{
  g_autofree char *signed_text = NULL;
  gsize signed_length = 0;

  signed_text = resign (o, text, strlen (text), &signed_length);
  write_bytes (path, signed_text, signed_length);
}

/* Changing one element of a bundle's text */

/* Where the element of @text that holds @inside begins and ends (after
 * its last byte). */
static inline void
element_span (const char  *text,
              const char  *inside,
              const char **start,
              const char **end)
{
  const char *at = strstr (text, inside);
  const char *tag_end;
  g_autofree char *name = NULL;
  g_autofree char *close = NULL;

  g_assert_nonnull (at);
  *start = at;
  while (*start > text && **start != '<')
    (*start)--;
  g_assert_true (**start == '<');
  tag_end = strchr (at, '>');
  g_assert_nonnull (tag_end);
  if (tag_end[-1] == '/')
    {
      *end = tag_end + 1;
      return;
    }
  name = g_strndup (*start + 1, strcspn (*start + 1, " >"));
  close = g_strdup_printf ("</%s>", name);
  *end = strstr (tag_end, close);
  g_assert_nonnull (*end);
  *end += strlen (close);
}

/* @text with the attribute @name of the element holding @inside set to
 * @value (added if it had none). */
static inline char *
set_attribute (const char *text,
               const char *inside,
               const char *name,
               const char *value)
{
  const char *start, *end, *tag_end, *at;
  g_autofree char *needle = g_strdup_printf (" %s=\"", name);
  GString *out = g_string_new (NULL);

  element_span (text, inside, &start, &end);
  tag_end = strchr (start, '>');
  if (tag_end[-1] == '/')
    tag_end--;
  at = g_strstr_len (start, tag_end - start, needle);
  if (at != NULL)
    {
      const char *value_start = at + strlen (needle);
      const char *value_end = strchr (value_start, '"');

      g_string_append_len (out, text, value_start - text);
      g_string_append (out, value);
      g_string_append (out, value_end);
    }
  else
    {
      g_string_append_len (out, text, tag_end - text);
      g_string_append_printf (out, " %s=\"%s\"", name, value);
      g_string_append (out, tag_end);
    }
  return g_string_free (out, FALSE);
}

/* The value of the attribute @name of the element holding @inside. */
static inline char *
get_attribute (const char *text,
               const char *inside,
               const char *name)
{
  const char *start, *end, *at;
  g_autofree char *needle = g_strdup_printf (" %s=\"", name);

  element_span (text, inside, &start, &end);
  at = g_strstr_len (start, end - start, needle);
  g_assert_nonnull (at);
  at += strlen (needle);
  return g_strndup (at, strchr (at, '"') - at);
}

/* Registering */

/* A restaurant in the region @region_id: its id. */
G_GNUC_WARN_UNUSED_RESULT static inline char *
add_venue (Office     *o,
           const char *region_id,
           const char *name)
{
  g_autoptr(FgVenue) venue = fg_test_venue_new (region_id, name, "李庄村人民路18号", "restaurant", "王建国");
  g_autoptr(GError) error = NULL;

  fg_venue_save (o->store, actor_of (o), venue, &error);
  g_assert_no_error (error);
  return g_strdup (fg_venue_get_id (venue));
}

static inline void
rename_venue (Office     *o,
              const char *id,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgVenue) venue = fg_venue_load (o->store, actor_of (o), id, &error);

  g_assert_no_error (error);
  fg_venue_set_name (venue, name);
  fg_venue_save (o->store, actor_of (o), venue, &error);
  g_assert_no_error (error);
}
