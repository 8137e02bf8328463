/* fg-bundle-merge.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Merging the rows a bundle brings. Hazard events, inspections and
 * hazards never change once written, so they merge by their ids; regions,
 * campaigns and venues, which do change, merge last-writer-wins by their
 * update stamps, and the losing version of a concurrent edit goes to the
 * conflict table for a person. Every row must lie in the sender's
 * division; a bundle that carries one outside it is refused whole.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "fg-bundle-private.h"
#include "fg-calendar-private.h"
#include "fg-campaign-private.h"
#include "fg-collate-private.h"
#include "fg-hazard-private.h"
#include "fg-inspection-private.h"
#include "fg-photo.h"
#include "fg-photo-private.h"
#include "fg-region.h"
#include "fg-venue-private.h"

#define MAX_PHOTO_BASE64 (14 * 1024 * 1024)

/* The regions a venue in a region lies in, as the venue row keeps them:
 * county, township, village, grid (NULL when none). */
typedef struct
{
  char *ids[4];
  char *code;  /* the region's own code; NULL when it is not here */
} RegionPath;

static void
region_path_free (RegionPath *path)
{
  for (guint i = 0; i < G_N_ELEMENTS (path->ids); i++)
    g_free (path->ids[i]);
  g_free (path->code);
  g_free (path);
}

static void
row_batch_init (FgBundleRowBatch   *batch,
                const char         *table,
                const char * const *columns,
                const char * const *extra_columns,
                gboolean            with_ids)
{
  batch->table = table;
  batch->columns = columns;
  batch->extra_columns = extra_columns;
  batch->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  batch->ids = with_ids ? g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) : NULL;
}

static void
row_batch_clear (FgBundleRowBatch *batch)
{
  g_clear_pointer (&batch->rows, g_ptr_array_unref);
  g_clear_pointer (&batch->ids, g_hash_table_unref);
}

/* What the merge keeps while a bundle is read. */
void
fg_bundle_merge_init (FgBundleImport *import)
{
  import->region_map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  import->touched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import->decided = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  import->replied = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  import->photos = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import->insert_sql = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  import->paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) region_path_free);
  row_batch_init (&import->venues, fg_bundle_venues.table, fg_bundle_venues.columns, fg_bundle_venues.other_columns,
                  TRUE);
  row_batch_init (&import->results, fg_bundle_inspection_results.table, fg_bundle_inspection_results.columns,
                  fg_bundle_inspection_results.other_columns, FALSE);
  row_batch_init (&import->events, fg_bundle_events.table, fg_bundle_events.columns, NULL, TRUE);
  import->unfinished = g_ptr_array_new_with_free_func (g_free);
  import->bundle_events = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import->arrived_events = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  import->arrived_inspections = g_ptr_array_new_with_free_func (g_free);
  import->inspections_to_check = g_hash_table_new (g_str_hash, g_str_equal);
  import->venues_here = -1;
}

void
fg_bundle_merge_clear (FgBundleImport *import)
{
  g_clear_pointer (&import->region_map, g_hash_table_unref);
  g_clear_pointer (&import->touched, g_hash_table_unref);
  g_clear_pointer (&import->decided, g_hash_table_unref);
  g_clear_pointer (&import->replied, g_hash_table_unref);
  g_clear_pointer (&import->inspection_id, g_free);
  g_clear_pointer (&import->campaign_id, g_free);
  g_clear_pointer (&import->campaign_targets, g_ptr_array_unref);
  g_clear_pointer (&import->finished_at, g_free);
  g_clear_pointer (&import->event_id, g_free);
  g_clear_pointer (&import->photos, g_hash_table_unref);
  g_clear_pointer (&import->notice_id, g_free);
  g_clear_pointer (&import->notice_row, g_hash_table_unref);
  g_clear_pointer (&import->insert_sql, g_hash_table_unref);
  g_clear_pointer (&import->paths, g_hash_table_unref);
  row_batch_clear (&import->venues);
  row_batch_clear (&import->results);
  row_batch_clear (&import->events);
  g_clear_pointer (&import->unfinished, g_ptr_array_unref);
  g_clear_pointer (&import->bundle_events, g_hash_table_unref);
  g_clear_pointer (&import->arrived_events, g_hash_table_unref);
  g_clear_pointer (&import->inspections_to_check, g_hash_table_unref);
  g_clear_pointer (&import->arrived_inspections, g_ptr_array_unref);
  fg_venue_upkeep_clear (&import->venue_upkeep);
}

/* The node of a stamp ("WWWWWWWWWWWWWWW-CCCCC-NODE"), or "". */
const char *
fg_bundle_stamp_node (const char *stamp)
{
  return stamp != NULL && strlen (stamp) > 22 ? stamp + 22 : "";
}

void
fg_bundle_set_out_of_scope (FgBundleImport  *import,
                            const char      *what,
                            GError         **error)
{
  g_set_error (error, FG_BUNDLE_ERROR, FG_BUNDLE_ERROR_OUT_OF_SCOPE,
               _("The bundle from %s holds %s outside what it may write (%s). The whole bundle was refused; "
                 "nothing was imported."),
               import->sender->scope_name, what, import->sender->scope_code);
}

/* A row this installation would refuse if it were typed here: @what
 * (translated: "a hazard") with @id, and @reason, the words the check
 * here gives (a sentence). */
void
fg_bundle_set_refused_row (FgBundleImport  *import,
                           const char      *what,
                           const char      *id,
                           const char      *reason,
                           GError         **error)
{
  g_set_error (error, FG_BUNDLE_ERROR, FG_BUNDLE_ERROR_INVALID_ROW,
               /* Translators: the first %s is an office, the second a kind of row ("a hazard"), the third
                * its id, the last why it is refused here, a sentence */
               _("The bundle from %s holds %s (%s) that would be refused if it were entered here: %s "
                 "The whole bundle was refused; nothing was imported. Ask that office to correct the record "
                 "and send a bundle again."),
               import->sender->scope_name, what, id != NULL ? id : "?", reason);
}

/* The moment in @column of @row (@what, translated: "a hazard"), as the
 * store writes one, and come; left out only if not @required. */
static gboolean
check_moment (FgBundleImport  *import,
              GHashTable      *row,
              const char      *column,
              gboolean         required,
              const char      *what,
              GError         **error)
{
  g_autoptr(GDateTime) moment = NULL;
  g_autoptr(GError) refused = NULL;

  if (attr (row, column) == NULL && !required)
    return TRUE;
  moment = fg_calendar_parse_moment (attr (row, column), &refused);
  if (moment == NULL || !fg_calendar_check_not_ahead (moment, attr (row, column), &refused))
    {
      fg_bundle_set_refused_row (import, what, attr (row, "id"), refused->message, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
fg_bundle_in_sender_scope (FgBundleImport *import,
                           const char     *code)
{
  return code != NULL && g_str_has_prefix (code, import->prefix);
}

/* Whether @code is a region above the sender's division. */
gboolean
fg_bundle_above_sender_scope (FgBundleImport *import,
                              const char     *code)
{
  g_autofree char *trimmed = g_strdup (code);
  gsize length;

  if (code == NULL || strlen (code) != 12)
    return FALSE;
  length = strlen (trimmed);
  while (length > 0 && trimmed[length - 1] == '0')
    trimmed[--length] = '\0';
  return length > 0 && g_str_has_prefix (import->prefix, trimmed) && strlen (trimmed) < strlen (import->prefix);
}

/* Our id of a region the sender knows under another id (see region_alias). */
const char *
fg_bundle_map_region (FgBundleImport *import,
                      const char     *id)
{
  const char *mapped;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (id == NULL)
    return NULL;
  mapped = g_hash_table_lookup (import->region_map, id);
  if (mapped != NULL)
    return mapped;

  stmt = fg_store_prepare (import->store, "SELECT region_id FROM region_alias WHERE id = ?1", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
      /* a region without an alias is ours under its own id;
       * fg_bundle_apply_region() replaces the entry if the bundle makes one */
      g_hash_table_insert (import->region_map, g_strdup (id),
                           g_strdup (sqlite3_step (stmt) == SQLITE_ROW ? fg_stmt_text (stmt, 0) : id));
      return g_hash_table_lookup (import->region_map, id);
    }
  return id;
}

/* The sort keys of @table's texts among @columns, whose parameters follow
 * @first: ", fg_collate_key (?N)" for each; @key_list gets the names of
 * their columns. The keys are this office's own, never in a bundle. */
static void
append_sort_keys (GString             *values,
                  const char          *table,
                  const char * const  *columns,
                  guint                first,
                  char               **key_list)
{
  const char * const *keys = fg_collate_key_columns (table);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint k = 0; keys != NULL && keys[k] != NULL; k += 2)
    for (guint i = 0; columns[i] != NULL; i++)
      if (g_str_equal (columns[i], keys[k]))
        {
          g_string_append_printf (values, ", fg_collate_key (?%u)", first + i + 1);
          g_string_append_printf (names, ", %s", keys[k + 1]);
        }
  if (*key_list == NULL)
    *key_list = g_string_free (g_steal_pointer (&names), FALSE);
}

/* @n_rows rows, bound by column name: NULL for an attribute the bundle
 * left out. The parameters of the first row are ?1 to ?N, N being the
 * number of columns and extra columns, those of the second follow, and so
 * on. The text is made once an import (making it for every row took longer
 * than most of the rows took to write). */
static sqlite3_stmt *
prepare_insert_rows (FgBundleImport      *import,
                     const char          *table,
                     const char * const  *columns,
                     const char * const  *extra_columns,
                     guint                n_rows,
                     GError             **error)
{
  char key[64];
  const char *sql;

  g_snprintf (key, sizeof key, "%s %u", table, n_rows);
  sql = g_hash_table_lookup (import->insert_sql, key);
  if (sql == NULL)
    {
      g_autofree char *list = fg_bundle_column_list ("", columns);
      g_autofree char *extra_list = extra_columns != NULL ? fg_bundle_column_list ("", extra_columns) : NULL;
      guint n_columns = g_strv_length ((char **) columns) +
                        (extra_columns != NULL ? g_strv_length ((char **) extra_columns) : 0);
      g_autoptr(GString) values = g_string_new (NULL);
      g_autofree char *key_list = NULL;

      /* anonymous parameters number themselves: ?1, ?2 …; the sort keys
       * (fg-collate.c) are made of the row's own parameters */
      for (guint r = 0; r < n_rows; r++)
        {
          g_string_append (values, r > 0 ? ", (?" : "(?");
          for (guint i = 1; i < n_columns; i++)
            g_string_append (values, ", ?");
          append_sort_keys (values, table, columns, r * n_columns, &key_list);
          g_string_append_c (values, ')');
        }
      sql = g_strdup_printf ("INSERT INTO %s (%s%s%s%s) VALUES %s", table, list, extra_list != NULL ? ", " : "",
                             extra_list != NULL ? extra_list : "", key_list != NULL ? key_list : "", values->str);
      g_hash_table_insert (import->insert_sql, g_strdup (key), (char *) sql);
    }
  return fg_store_prepare (import->store, sql, error);
}

sqlite3_stmt *
fg_bundle_prepare_insert (FgBundleImport      *import,
                          const char          *table,
                          const char * const  *columns,
                          const char * const  *extra_columns,
                          GError             **error)
{
  return prepare_insert_rows (import, table, columns, extra_columns, 1, error);
}

/* Binds @columns of @row from parameter @first on; returns the next one.
 * With SQLITE_STATIC, SQLite reads the values where they lie instead of
 * copying them: @row must then outlive the statement's step. */
static int
bind_columns (sqlite3_stmt            *stmt,
              int                      first,
              const char * const      *columns,
              GHashTable              *row,
              sqlite3_destructor_type  how)
{
  int i;

  for (i = 0; columns[i] != NULL; i++)
    sqlite3_bind_text (stmt, first + i, attr (row, columns[i]), -1, how);
  return first + i;
}

void
fg_bundle_bind_row (sqlite3_stmt       *stmt,
                    const char * const *columns,
                    GHashTable         *row)
{
  bind_columns (stmt, 1, columns, row, SQLITE_TRANSIENT);
}

/* A row as text: a GVariant a{ss}, column → value. */
static char *
row_to_text (GHashTable         *row,
             const char * const *columns)
{
  g_autoptr(GVariantBuilder) builder = g_variant_builder_new (G_VARIANT_TYPE ("a{ss}"));
  g_autoptr(GVariant) variant = NULL;

  for (int i = 0; columns[i] != NULL; i++)
    if (attr (row, columns[i]) != NULL)
      g_variant_builder_add (builder, "{ss}", columns[i], attr (row, columns[i]));
  variant = g_variant_ref_sink (g_variant_builder_end (builder));
  return g_variant_print (variant, TRUE);
}

/* A row as it stands here, in the form conflicts keep rows in (a{ss}). */
static char *
db_row_to_text (FgBundleImport     *import,
                const char         *table,
                const char * const *columns,
                const char         *id)
{
  g_autofree char *list = fg_bundle_column_list ("", columns);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?1", list, table);
  g_autoptr(sqlite3_stmt) stmt = fg_store_prepare (import->store, sql, NULL);
  g_autoptr(GHashTable) row = fg_bundle_row_new ();

  if (stmt == NULL)
    return g_strdup ("@a{ss} {}");
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    for (int i = 0; columns[i] != NULL; i++)
      if (sqlite3_column_type (stmt, i) != SQLITE_NULL)
        g_hash_table_insert (row, (gpointer) columns[i], g_strdup (fg_stmt_text (stmt, i)));
  return row_to_text (row, columns);
}

/* The columns that name another row (a region, by our id of it): the
 * same row may name it under another id (see region_alias) without a
 * change of its own. The rest, but for the id and stamps, are the row's
 * content. */
static gboolean
is_content_column (const char *column)
{
  static const char * const others[] = {
    "id", "stamp", "base_stamp", "origin_node", "parent_id", "region_id", "township_id", NULL
  };

  return !g_strv_contains (others, column);
}

/* Whether @row holds what the row here of the same id holds, column by
 * column of its content; a column left out is an empty one. */
static gboolean
same_content (FgBundleImport      *import,
              const char          *table,
              const char * const  *columns,
              GHashTable          *row,
              GError             **error)
{
  g_autofree char *list = fg_bundle_column_list ("", columns);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?1", list, table);
  g_autoptr(sqlite3_stmt) stmt = fg_store_prepare (import->store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, attr (row, "id"), -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return TRUE;
  for (int i = 0; columns[i] != NULL; i++)
    {
      const char *here = (const char *) sqlite3_column_text (stmt, i);
      const char *there = attr (row, columns[i]);

      if (is_content_column (columns[i]) && g_strcmp0 (here != NULL ? here : "", there != NULL ? there : "") != 0)
        {
          g_debug ("%s %s: the stamp %s holds two values of %s", table, attr (row, "id"), attr (row, "stamp"),
                   columns[i]);
          return FALSE;
        }
    }
  return TRUE;
}

/* A version of a row that lost to another, kept for a person to see
 * (Sync → Conflicts): the incoming @row, or the row here (stamped
 * @local) if @incoming_wins; once, however often it comes. */
static gboolean
keep_conflict (FgBundleImport      *import,
               const char          *table,
               const char * const  *columns,
               GHashTable          *row,
               gboolean             incoming_wins,
               const char          *local,
               GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = fg_store_now_iso8601 (import->store);
  g_autofree char *local_json = db_row_to_text (import, table, columns, attr (row, "id"));
  g_autofree char *incoming_json = row_to_text (row, columns);
  const char *lost_stamp = incoming_wins ? local : attr (row, "stamp");
  const char *lost = incoming_wins ? local_json : incoming_json;

  /* the same version lost before (a later bundle, or everything sent
   * again, brought it once more): it is kept once */
  stmt = fg_store_prepare (import->store,
                           "SELECT 1 FROM conflict WHERE row_id = ?1 AND lost_stamp = ?2 AND table_name = ?3 AND lost = ?4",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, attr (row, "id"), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, lost_stamp, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, lost, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return TRUE;
  g_clear_pointer (&stmt, fg_stmt_release);

  stmt = fg_store_prepare (import->store,
                           "INSERT INTO conflict (table_name, row_id, kept, lost, lost_node, lost_stamp, found_at)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, attr (row, "id"), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, incoming_wins ? incoming_json : local_json, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, lost, -1, SQLITE_STATIC);
  /* whose version lost: the node of its stamp, not the row's creator */
  sqlite3_bind_text (stmt, 5, lost_stamp != NULL && strlen (lost_stamp) > 22 ? lost_stamp + 22
                              : attr (row, "origin_node"), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, lost_stamp, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_STATIC);
  if (!fg_store_step_done (import->store, stmt, error))
    return FALSE;
  import->report->conflicts++;
  return TRUE;
}

/* Last writer wins, by stamp; an edit made on another version than the
 * one it replaces is a conflict, whose loser is kept for a person. Returns
 * whether the incoming row is to be written. */
static gboolean
merge_stamps (FgBundleImport      *import,
              const char          *table,
              const char * const  *columns,
              GHashTable          *row,
              gboolean            *write,
              GError             **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT stamp, base_stamp FROM %s WHERE id = ?1", table);
  g_autoptr(sqlite3_stmt) stmt = fg_store_prepare (import->store, sql, error);
  const char *incoming = attr (row, "stamp");
  const char *incoming_base = attr (row, "base_stamp");
  g_autofree char *local = NULL;
  g_autofree char *local_base = NULL;
  gboolean incoming_wins;

  *write = FALSE;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, attr (row, "id"), -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return TRUE;
  local = g_strdup (fg_stmt_text (stmt, 0));
  local_base = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  g_clear_pointer (&stmt, fg_stmt_release);

  if (g_strcmp0 (incoming, local) == 0 && !same_content (import, table, columns, row, error))
    {
      /* one version, two contents: neither is the later, so the one here
       * stays and the other is kept for a person */
      if (error != NULL && *error != NULL)
        return FALSE;
      if (!keep_conflict (import, table, columns, row, FALSE, local, error))
        return FALSE;
      import->report->unchanged++;
      return TRUE;
    }
  if (g_strcmp0 (incoming, local) == 0 || g_strcmp0 (local_base, incoming) == 0)
    {
      /* the same version, or one this row was edited from */
      import->report->unchanged++;
      return TRUE;
    }

  /* an edit made on top of the version here replaces it, whatever the
   * clocks say; otherwise the later stamp wins */
  incoming_wins = g_strcmp0 (incoming_base, local) == 0 || g_strcmp0 (incoming, local) > 0;
  if (g_strcmp0 (incoming_base, local) != 0)
    {
      /* two offices edited at once: the loser is kept */
      if (!keep_conflict (import, table, columns, row, incoming_wins, local, error))
        return FALSE;
    }

  if (incoming_wins)
    *write = TRUE;
  else
    import->report->unchanged++;
  return TRUE;
}

/* @columns (the first one "id") and @extra_columns of @row, which the
 * import sets (or NULL). The values are bound, never written into the
 * text, so that the text is one a table: the store keeps every text it
 * prepared, with the triggers compiled into it. */
static gboolean
update_row (FgBundleImport      *import,
            const char          *table,
            const char * const  *columns,
            const char * const  *extra_columns,
            GHashTable          *row,
            GError             **error)
{
  g_autoptr(GString) sets = g_string_new (NULL);
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char * const *keys;
  int n = 0;

  g_assert (g_str_equal (columns[0], "id"));
  for (int i = 1; columns[i] != NULL; i++)
    g_string_append_printf (sets, "%s%s = ?%d", i > 1 ? ", " : "", columns[i], ++n + 1);
  for (int i = 0; extra_columns != NULL && extra_columns[i] != NULL; i++)
    g_string_append_printf (sets, ", %s = ?%d", extra_columns[i], ++n + 1);
  keys = fg_collate_key_columns (table);
  for (int k = 0; keys != NULL && keys[k] != NULL; k += 2)
    for (int i = 1; columns[i] != NULL; i++)
      if (g_str_equal (columns[i], keys[k]))
        g_string_append_printf (sets, ", %s = fg_collate_key (?%d)", keys[k + 1], i + 1);
  sql = g_strdup_printf ("UPDATE %s SET %s WHERE id = ?1", table, sets->str);
  stmt = fg_store_prepare (import->store, sql, error);
  if (stmt == NULL)
    return FALSE;
  n = bind_columns (stmt, 1, columns, row, SQLITE_TRANSIENT);
  if (extra_columns != NULL)
    bind_columns (stmt, n, extra_columns, row, SQLITE_TRANSIENT);
  if (!fg_store_step_done (import->store, stmt, error))
    return FALSE;
  import->report->changed++;
  return TRUE;
}

char *
fg_bundle_region_code (FgBundleImport *import,
                       const char     *region_id)
{
  g_autoptr(sqlite3_stmt) stmt = fg_store_prepare (import->store, "SELECT code FROM region WHERE id = ?1", NULL);

  if (stmt == NULL || region_id == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, region_id, -1, SQLITE_TRANSIENT);
  return sqlite3_step (stmt) == SQLITE_ROW ? g_strdup (fg_stmt_text (stmt, 0)) : NULL;
}

/* Who wrote a region as it stands: the node of its update stamp, as for
 * the rest of the registry (see sender_may_write). */
static const char *
region_writer (GHashTable *row)
{
  return fg_bundle_stamp_node (attr (row, "stamp"));
}

/* Whether @code is the sender's own division (its county, its township),
 * not one below it. */
static gboolean
is_sender_division (FgBundleImport *import,
                    const char     *code)
{
  g_autofree char *prefix = fg_node_scope_prefix (code);

  return g_str_equal (prefix, import->prefix);
}

/* Whether a region's name is only its code, as set-up names the
 * divisions it does not know yet. */
static gboolean
is_code_name (const char *name)
{
  if (name == NULL || *name == '\0')
    return TRUE;
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

/* The same division under two ids: each office made its own row for it
 * (the county above a township, or everything above a grid station's
 * grid). The row here stays, but its name follows the office whose
 * division it is, by stamp, and a name that is only the code gives way
 * to a real one from anybody. */
static gboolean
adopt_region_name (FgBundleImport  *import,
                   const char      *local_id,
                   GHashTable      *row,
                   GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *local_name = NULL;
  g_autofree char *local_stamp = NULL;
  const char *name = attr (row, "name");
  const char *stamp = attr (row, "stamp");
  gboolean owner;

  stmt = fg_store_prepare (import->store, "SELECT name, stamp FROM region WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, local_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      fg_store_set_error (import->store, sqlite3_errcode (fg_store_get_db (import->store)), error);
      return FALSE;
    }
  local_name = g_strdup (fg_stmt_text (stmt, 0));
  local_stamp = g_strdup (fg_stmt_text (stmt, 1));
  g_clear_pointer (&stmt, fg_stmt_release);

  owner = import->sender->kind != FG_NODE_KIND_GRID && fg_bundle_in_sender_scope (import, attr (row, "code"));
  if (g_strcmp0 (name, local_name) == 0 || is_code_name (name) ||
      (!is_code_name (local_name) && !(owner && g_strcmp0 (stamp, local_stamp) > 0)))
    {
      import->report->unchanged++;
      return TRUE;
    }

  stmt = fg_store_prepare (import->store, "UPDATE region SET name = ?1, name_key = fg_collate_key (?1),"
                                         " stamp = max (stamp, ?2) WHERE id = ?3", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, stamp, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, local_id, -1, SQLITE_TRANSIENT);
  if (!fg_store_step_done (import->store, stmt, error))
    return FALSE;
  import->report->changed++;
  return TRUE;
}

/* A region's place in the tree, as adding a village or grid and moving a
 * grid keep it: a county at the top, and below it a township, a village
 * or community and a grid, each under a region one level up whose code
 * its own continues (a village's first nine digits are its township's; a
 * grid is its village's code, a dash and three digits). @row's parent_id
 * is already our id of the parent. */
static gboolean
check_region_place (FgBundleImport  *import,
                    GHashTable      *row,
                    GError         **error)
{
  const char *code = attr (row, "code");
  const char *parent_id = attr (row, "parent_id");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) refused = NULL;
  g_autofree char *parent_code = NULL;
  g_autofree char *normal = NULL;
  guint64 level = 0;
  gint64 parent_level = 0;

  if (!g_ascii_string_to_unsigned (attr (row, "level") != NULL ? attr (row, "level") : "", 10,
                                   FG_REGION_LEVEL_COUNTY, FG_REGION_LEVEL_GRID, &level, NULL))
    {
      fg_bundle_set_refused_row (import, _("a region"), attr (row, "id"),
                                 _("It is not a county, township, village or grid."), error);
      return FALSE;
    }

  if (parent_id != NULL)
    {
      stmt = fg_store_prepare (import->store, "SELECT level, code FROM region WHERE id = ?1 AND deleted = 0", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, parent_id, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          parent_level = sqlite3_column_int64 (stmt, 0);
          parent_code = g_strdup (fg_stmt_text (stmt, 1));
        }
    }

  if (level == FG_REGION_LEVEL_COUNTY ? parent_id != NULL : parent_code == NULL || parent_level != (gint64) level - 1)
    {
      fg_bundle_set_refused_row (import, _("a region"), attr (row, "id"),
                                 level == FG_REGION_LEVEL_COUNTY
                                   ? _("A county has no region above it here.")
                                   : _("The region it is placed under is not one level above it here."),
                                 error);
      return FALSE;
    }

  if (level == FG_REGION_LEVEL_GRID)
    {
      /* written in full as the grid's rule writes it, under its own village */
      normal = fg_grid_code_normalize (code, NULL);
      if (normal != NULL && g_strcmp0 (normal, code) == 0 &&
          g_str_has_prefix (code, parent_code) && code[strlen (parent_code)] == '-')
        return TRUE;
      g_set_error (&refused, FG_REGION_ERROR, FG_REGION_ERROR_INVALID_CODE,
                   /* Translators: a grid's code, then its village's */
                   _("The grid's code %s is not its village's code %s followed by a dash and three digits."),
                   code != NULL ? code : "", parent_code);
    }
  else
    {
      normal = fg_division_code_normalize (code, (FgRegionLevel) level, parent_code, &refused);
      if (normal != NULL && g_strcmp0 (normal, code) == 0)
        return TRUE;
      if (normal != NULL)
        g_set_error (&refused, FG_REGION_ERROR, FG_REGION_ERROR_INVALID_CODE,
                     _("The division code “%s” is not written in full (12 digits: %s)."), code, normal);
    }
  fg_bundle_set_refused_row (import, _("a region"), attr (row, "id"), refused->message, error);
  return FALSE;
}

gboolean
fg_bundle_apply_region (FgBundleImport  *import,
                        GHashTable      *row,
                        GError         **error)
{
  const char *code = attr (row, "code");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *local_id = NULL;
  gboolean write;

  if (code == NULL || attr (row, "id") == NULL)
    {
      fg_bundle_set_malformed (error, _("a region without its code"));
      return FALSE;
    }
  g_hash_table_remove_all (import->paths);  /* the tree may change */

  /* a county writes supervision only: of the division tree, the row of
   * the county itself (set-up names it), never a township's or a village */
  if (import->sender->kind == FG_NODE_KIND_COUNTY && g_strcmp0 (region_writer (row), import->sender->id) == 0 &&
      !is_sender_division (import, code))
    {
      g_autofree char *what = g_strdup_printf (_("a change to the division %s (%s)"),
                                               attr (row, "name") != NULL ? attr (row, "name") : "", code);

      fg_bundle_set_out_of_scope (import, what, error);
      return FALSE;
    }

  if (attr (row, "parent_id") != NULL)
    g_hash_table_insert (row, (gpointer) "parent_id",
                         g_strdup (fg_bundle_map_region (import, attr (row, "parent_id"))));

  /* the same division under another id: the one here stays */
  stmt = fg_store_prepare (import->store, "SELECT id FROM region WHERE code = ?1 AND deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    local_id = g_strdup (fg_stmt_text (stmt, 0));
  g_clear_pointer (&stmt, fg_stmt_release);
  if (local_id != NULL && g_strcmp0 (local_id, attr (row, "id")) != 0)
    {
      /* remembered, for the rows of later bundles that name it */
      stmt = fg_store_prepare (import->store,
                               "INSERT INTO region_alias (id, region_id) VALUES (?1, ?2)"
                               " ON CONFLICT (id) DO UPDATE SET region_id = excluded.region_id",
                               error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, attr (row, "id"), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, local_id, -1, SQLITE_TRANSIENT);
      if (!fg_store_step_done (import->store, stmt, error))
        return FALSE;
      g_hash_table_insert (import->region_map, g_strdup (attr (row, "id")), g_strdup (local_id));
      return adopt_region_name (import, local_id, row, error);
    }

  if (!fg_bundle_in_sender_scope (import, code))
    {
      /* the regions above its division come along for the tree: never changed from outside */
      if (fg_bundle_above_sender_scope (import, code))
        {
          if (local_id != NULL)
            {
              import->report->unchanged++;
              return TRUE;
            }
        }
      else
        {
          fg_bundle_set_out_of_scope (import, code, error);
          return FALSE;
        }
    }

  if (local_id != NULL)
    {
      /* a grid station may not change the division tree */
      if (!merge_stamps (import, "region", fg_bundle_regions.columns, row, &write, error))
        return FALSE;
      if (write && !check_region_place (import, row, error))
        return FALSE;
      if (write && import->sender->kind == FG_NODE_KIND_GRID && g_strcmp0 (region_writer (row), import->sender->id) == 0)
        {
          fg_bundle_set_out_of_scope (import, code, error);
          return FALSE;
        }
      return !write || update_row (import, "region", fg_bundle_regions.columns, NULL, row, error);
    }

  if (import->sender->kind == FG_NODE_KIND_GRID && g_strcmp0 (region_writer (row), import->sender->id) == 0)
    {
      fg_bundle_set_out_of_scope (import, code, error);
      return FALSE;
    }
  if (!check_region_place (import, row, error))
    return FALSE;
  stmt = fg_bundle_prepare_insert (import, "region", fg_bundle_regions.columns, NULL, error);
  if (stmt == NULL)
    return FALSE;
  fg_bundle_bind_row (stmt, fg_bundle_regions.columns, row);
  if (!fg_store_step_done (import->store, stmt, error))
    return FALSE;
  import->report->added++;
  return TRUE;
}

gboolean
fg_bundle_row_exists (FgBundleImport *import,
                      const char     *table,
                      const char     *id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?1", table);
  g_autoptr(sqlite3_stmt) stmt = fg_store_prepare (import->store, sql, NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

/* A county office writes supervision (hazard events) only; the registry
 * and inspections are the township's and its grids'. */
static gboolean
sender_may_write (FgBundleImport *import,
                  GHashTable     *row,
                  const char     *table)
{
  gboolean mutable = g_str_equal (table, "venue") || g_str_equal (table, "campaign") || g_str_equal (table, "region");
  const char *writer = mutable ? fg_bundle_stamp_node (attr (row, "stamp")) : attr (row, "origin_node");

  if (g_strcmp0 (writer, import->sender->id) != 0)
    return TRUE;  /* passed on from an office in its division */
  if (import->sender->kind == FG_NODE_KIND_COUNTY)
    return g_str_equal (table, "hazard_event");
  if (import->sender->kind == FG_NODE_KIND_GRID)
    return !g_str_equal (table, "campaign");
  return TRUE;
}

/* A campaign's days and focus, as fg_campaign_create() takes them. */
static gboolean
check_campaign (FgBundleImport  *import,
                GHashTable      *row,
                GError         **error)
{
  g_autoptr(GError) refused = NULL;

  if (fg_campaign_check_dates (attr (row, "starts_on"), attr (row, "ends_on"), &refused) &&
      fg_campaign_check_focus (import->store, attr (row, "focus"), &refused))
    return TRUE;
  fg_bundle_set_refused_row (import, _("a campaign"), attr (row, "id"), refused->message, error);
  return FALSE;
}

gboolean
fg_bundle_apply_campaign (FgBundleImport  *import,
                          GHashTable      *row,
                          GError         **error)
{
  const char *township = fg_bundle_map_region (import, attr (row, "township_id"));
  g_autofree char *code = fg_bundle_region_code (import, township);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean write;

  g_hash_table_insert (row, (gpointer) "township_id", g_strdup (township));
  township = attr (row, "township_id");  /* the insert freed the value it replaced */
  if (code == NULL || (!fg_bundle_in_sender_scope (import, code) && !fg_bundle_above_sender_scope (import, code)) ||
      !sender_may_write (import, row, "campaign"))
    {
      fg_bundle_set_out_of_scope (import, _("a campaign"), error);
      return FALSE;
    }
  if (!check_moment (import, row, "created_at", FALSE, _("a campaign"), error) ||
      !check_campaign (import, row, error))
    return FALSE;

  /* the venues it is aimed at come inside its element */
  g_free (import->campaign_id);
  import->campaign_id = g_strdup (attr (row, "id"));

  if (fg_bundle_row_exists (import, "campaign", attr (row, "id")))
    {
      if (!merge_stamps (import, "campaign", fg_bundle_campaigns.columns, row, &write, error))
        return FALSE;
      return !write || update_row (import, "campaign", fg_bundle_campaigns.columns, NULL, row, error);
    }

  stmt = fg_bundle_prepare_insert (import, "campaign", fg_bundle_campaigns.columns, NULL, error);
  if (stmt == NULL)
    return FALSE;
  fg_bundle_bind_row (stmt, fg_bundle_campaigns.columns, row);
  if (!fg_store_step_done (import->store, stmt, error))
    return FALSE;
  import->report->added++;
  return TRUE;
}

/* A venue the campaign just read is aimed at. The list never changes
 * once the campaign is set up, so a row already here is the same one.
 * Whether the venue is registered here is known only once the bundle's
 * venues, which follow the campaigns, are in:
 * fg_bundle_check_campaign_venues(). */
gboolean
fg_bundle_apply_campaign_venue (FgBundleImport  *import,
                                GHashTable      *row,
                                GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = fg_store_prepare (import->store,
                           "INSERT OR IGNORE INTO campaign_venue (campaign_id, venue_id) VALUES (?1, ?2)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, import->campaign_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, attr (row, "venue_id"), -1, SQLITE_STATIC);
  if (!fg_store_step_done (import->store, stmt, error))
    return FALSE;
  if (import->campaign_targets == NULL)
    import->campaign_targets = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (import->campaign_targets, g_strdup (import->campaign_id));
  g_ptr_array_add (import->campaign_targets, g_strdup (attr (row, "venue_id")));
  return TRUE;
}

/* Every venue a campaign of this bundle is aimed at is registered here,
 * once the bundle's rows are in: as the keyboard's campaign takes only
 * registered venues, a bundle's may not name one nobody knows. */
gboolean
fg_bundle_check_campaign_venues (FgBundleImport  *import,
                                 GError         **error)
{
  for (guint i = 0; import->campaign_targets != NULL && i + 1 < import->campaign_targets->len; i += 2)
    if (!fg_bundle_row_exists (import, "venue", g_ptr_array_index (import->campaign_targets, i + 1)))
      {
        fg_bundle_set_refused_row (import, _("a campaign"), g_ptr_array_index (import->campaign_targets, i),
                                   _("It is aimed at a venue that is not registered here."), error);
        return FALSE;
      }
  return TRUE;
}

/* The regions a venue in @region_id lies in, read once an import for each
 * region (a county has hundreds of villages and grids, and a hundred
 * thousand venues in them); forgotten whenever a region is written. */
static const RegionPath *
region_path (FgBundleImport  *import,
             const char      *region_id,
             GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  RegionPath *path;
  int rc;

  if (region_id == NULL)
    return NULL;
  path = g_hash_table_lookup (import->paths, region_id);
  if (path != NULL)
    return path;

  stmt = fg_store_prepare (import->store,
                           "WITH RECURSIVE up (id, parent_id, level, code) AS ("
                           "  SELECT id, parent_id, level, code FROM region WHERE id = ?1"
                           "  UNION ALL SELECT r.id, r.parent_id, r.level, r.code FROM region r"
                           "  JOIN up ON r.id = up.parent_id)"
                           " SELECT id, level, code FROM up",
                           error);
  if (stmt == NULL)
    return NULL;
  path = g_new0 (RegionPath, 1);
  sqlite3_bind_text (stmt, 1, region_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int level = sqlite3_column_int (stmt, 1);

      if (path->code == NULL && g_strcmp0 (fg_stmt_text (stmt, 0), region_id) == 0)
        path->code = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      if (level >= 1 && level <= 4)
        {
          g_free (path->ids[level - 1]);
          path->ids[level - 1] = g_strdup (fg_stmt_text (stmt, 0));
        }
    }
  if (rc != SQLITE_DONE)
    {
      fg_store_set_error (import->store, rc, error);
      region_path_free (path);
      return NULL;
    }
  g_hash_table_insert (import->paths, g_strdup (region_id), path);
  return path;
}

/* Sets venue_after_insert aside for the rest of the import's transaction
 * (fg-venue-upkeep.c): the venues written from now on wait for
 * catch_up_venue_upkeep(). The transaction holds the trigger's absence
 * with the rest: a refused bundle rolls it back with its rows, and the
 * trigger is there again. */
static gboolean
defer_venue_upkeep (FgBundleImport  *import,
                    GError         **error)
{
  if (import->dry_run)
    return TRUE;
  return fg_venue_upkeep_defer (import->store, &import->venue_upkeep, error);
}

/* The categories, search terms and counts of the venues written since the
 * trigger was set aside: before a venue is changed (venue_after_update
 * takes out what it had) and at the end. */
static gboolean
catch_up_venue_upkeep (FgBundleImport  *import,
                       GError         **error)
{
  return fg_venue_upkeep_catch_up (import->store, &import->venue_upkeep, error);
}

/* The venues' upkeep caught up, and its trigger back for what follows. */
static gboolean
end_venue_upkeep (FgBundleImport  *import,
                  GError         **error)
{
  return fg_venue_upkeep_end (import->store, &import->venue_upkeep, error);
}

/* A dry run keeps none of the rows it writes, and no check reads the
 * venue list's indexes (by region and name, address, operator, category
 * or status: ten of the venue's twelve): the checks read venues by id.
 * Keeping them up costs about 7 µs a new venue; setting them aside in the
 * dry run's transaction (the rollback puts them back) costs about 4.5 µs
 * a venue here, for SQLite frees each of their pages. So a dry run sets
 * them aside once the venues it wrote would have paid for it: when they
 * come to three fifths of the venues here (at once, for a bundle into an
 * empty registry). A unique index, which refuses rows, stays. */
static gboolean
set_venue_lists_aside (FgBundleImport  *import,
                       guint            n_new,
                       GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) dropped = NULL;

  if (!import->dry_run || import->venue_lists_dropped)
    return TRUE;
  if (import->venues_here < 0)
    {
      stmt = fg_store_prepare (import->store, "SELECT coalesce (max (seq), 0) FROM venue", error);
      if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
        return FALSE;
      import->venues_here = sqlite3_column_int64 (stmt, 0);
      g_clear_pointer (&stmt, fg_stmt_release);
    }
  if ((import->venues_written + n_new) * 5 < (guint64) import->venues_here * 3)
    return TRUE;

  dropped = fg_venue_drop_indexes (import->store, TRUE, error);
  if (dropped == NULL)
    return FALSE;
  import->venue_lists_dropped = TRUE;
  return TRUE;
}

/* New venues, results and events are written BATCH_ROWS to a statement.
 * At the end of every statement that writes, SQLite closes the statement
 * journal it opened, the search index (FTS5) writes out the terms it holds
 * as a segment of its own and merges segments, and the next statement
 * builds anew the lists the table's checks compare with (status IN …).
 * Row by row, that cost more than the rows themselves: 73 µs a venue
 * against 30 µs in batches, at 100,000 venues. A batch is written before
 * any row of another kind, which may lean on its rows (an inspection on its
 * venue, a photo on its event); the results of inspections wait with the
 * finishing of their inspections (see write_results). */
#define BATCH_ROWS 256

static gboolean
write_rows (FgBundleImport    *import,
            FgBundleRowBatch  *batch,
            GError           **error)
{
  guint n_columns = g_strv_length ((char **) batch->columns) +
                    (batch->extra_columns != NULL ? g_strv_length ((char **) batch->extra_columns) : 0);
  guint done = 0;

  while (done < batch->rows->len)
    {
      /* a whole batch, or one row (the rest of a section) */
      guint n = batch->rows->len - done >= BATCH_ROWS ? BATCH_ROWS : 1;
      g_autoptr(sqlite3_stmt) stmt = NULL;

      /* venues in bulk keep their categories, search terms and counts up
       * at the end */
      if (n == BATCH_ROWS && batch == &import->venues && !defer_venue_upkeep (import, error))
        return FALSE;
      if (batch == &import->venues && !set_venue_lists_aside (import, n, error))
        return FALSE;
      stmt = prepare_insert_rows (import, batch->table, batch->columns, batch->extra_columns, n, error);
      if (stmt == NULL)
        return FALSE;
      for (guint i = 0; i < n; i++)
        {
          GHashTable *row = g_ptr_array_index (batch->rows, done + i);
          /* the batch holds its rows until they are written */
          int next = bind_columns (stmt, (int) (i * n_columns) + 1, batch->columns, row, SQLITE_STATIC);

          if (batch->extra_columns != NULL)
            bind_columns (stmt, next, batch->extra_columns, row, SQLITE_STATIC);
        }
      if (!fg_store_step_done (import->store, stmt, error))
        return FALSE;
      done += n;
      if (batch == &import->venues)
        import->venues_written += n;
    }

  g_ptr_array_set_size (batch->rows, 0);
  if (batch->ids != NULL)
    g_hash_table_remove_all (batch->ids);
  return TRUE;
}

/* Adds @row to @batch; returns whether the batch is full, to be written. */
static gboolean
row_batch_add (FgBundleRowBatch *batch,
               GHashTable       *row)
{
  g_ptr_array_add (batch->rows, g_hash_table_ref (row));
  if (batch->ids != NULL)
    g_hash_table_add (batch->ids, g_strdup (attr (row, "id")));
  return batch->rows->len >= BATCH_ROWS;
}

static gboolean
row_batch_contains (FgBundleRowBatch *batch,
                    const char       *id)
{
  return id != NULL && g_hash_table_contains (batch->ids, id);
}

/* A venue's fields, held to the checks of one typed here
 * (fg_venue_check_values(), which is fg_venue_validate()'s). */
static gboolean
check_venue (FgBundleImport  *import,
             GHashTable      *row,
             GError         **error)
{
  g_autoptr(GError) refused = NULL;
  g_autofree char *reason = NULL;

  if (fg_venue_check_values (row, &refused))
    return TRUE;
  /* Translators: why a venue in a bundle is refused: the field ("phone
   * number") and what is wrong with it, a sentence */
  reason = g_strdup_printf (_("Its field “%s”: %s"), fg_venue_field_label (refused->code), refused->message);
  fg_bundle_set_refused_row (import, _("a venue"), attr (row, "id"), reason, error);
  return FALSE;
}

gboolean
fg_bundle_apply_venue (FgBundleImport  *import,
                       GHashTable      *row,
                       GError         **error)
{
  const char *region_id = fg_bundle_map_region (import, attr (row, "region_id"));
  const RegionPath *place;
  gboolean write;

  g_hash_table_insert (row, (gpointer) "region_id", g_strdup (region_id));
  region_id = attr (row, "region_id");  /* the insert freed the value it replaced */
  /* where it lies, and the code of its region, read once a region */
  place = region_path (import, region_id, error);
  if (place == NULL && error != NULL && *error != NULL)
    return FALSE;
  if (!fg_bundle_in_sender_scope (import, place != NULL ? place->code : NULL) ||
      !sender_may_write (import, row, "venue"))
    {
      fg_bundle_set_out_of_scope (import, _("a venue"), error);
      return FALSE;
    }
  if (place == NULL || place->ids[0] == NULL || place->ids[1] == NULL || place->ids[2] == NULL)
    {
      if (error != NULL && *error == NULL)
        fg_bundle_set_malformed (error, _("a venue lies in no village"));
      return FALSE;
    }
  if (attr (row, "id") == NULL)
    {
      fg_bundle_set_malformed (error, _("a venue without its details"));  /* the schema requires them */
      return FALSE;
    }
  if (!check_moment (import, row, "created_at", FALSE, _("a venue"), error) || !check_venue (import, row, error))
    return FALSE;
  for (guint i = 0; fg_bundle_venues.other_columns[i] != NULL; i++)
    {
      if (place->ids[i] != NULL)
        g_hash_table_insert (row, (gpointer) fg_bundle_venues.other_columns[i], g_strdup (place->ids[i]));
      else
        g_hash_table_remove (row, fg_bundle_venues.other_columns[i]);
    }

  /* a venue here already, or one this bundle brought before: it merges
   * with that row, after the new venues before it are written, so that
   * rows are still written in the bundle's order */
  if (row_batch_contains (&import->venues, attr (row, "id")) ||
      fg_bundle_row_exists (import, "venue", attr (row, "id")))
    {
      if (!write_rows (import, &import->venues, error) || !catch_up_venue_upkeep (import, error) ||
          !merge_stamps (import, "venue", fg_bundle_venues.columns, row, &write, error))
        return FALSE;
      return !write ||
             update_row (import, "venue", fg_bundle_venues.columns, fg_bundle_venues.other_columns, row, error);
    }

  import->report->added++;
  return !row_batch_add (&import->venues, row) || write_rows (import, &import->venues, error);
}

char *
fg_bundle_venue_code (FgBundleImport *import,
                      const char     *venue_id)
{
  g_autoptr(sqlite3_stmt) stmt = fg_store_prepare (import->store,
                                                   "SELECT r.code FROM venue v JOIN region r ON r.id = v.region_id"
                                                   " WHERE v.id = ?1",
                                                   NULL);

  if (stmt == NULL || venue_id == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, venue_id, -1, SQLITE_TRANSIENT);
  return sqlite3_step (stmt) == SQLITE_ROW ? g_strdup (fg_stmt_text (stmt, 0)) : NULL;
}

/* The region code of the venue of the hazard @hazard_id, into @code:
 * NULL when the hazard is not here. */
gboolean
fg_bundle_hazard_code (FgBundleImport  *import,
                       const char      *hazard_id,
                       char           **code,
                       GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = fg_store_prepare (import->store, "SELECT venue_id FROM hazard WHERE id = ?1", error);

  *code = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, hazard_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    *code = fg_bundle_venue_code (import, fg_stmt_text (stmt, 0));
  return TRUE;
}

/* An inspection is written without its finishing time, its results after
 * it (a finished inspection takes none), then it is finished. Its results
 * may wait in a batch, and its finishing with them: see write_results. */
static void
finish_inspection (FgBundleImport *import)
{
  if (import->inspection_id == NULL)
    return;
  if (import->inspection_new && import->finished_at != NULL)
    {
      g_ptr_array_add (import->unfinished, g_steal_pointer (&import->inspection_id));
      g_ptr_array_add (import->unfinished, g_steal_pointer (&import->finished_at));
    }
  g_clear_pointer (&import->inspection_id, g_free);
  g_clear_pointer (&import->finished_at, g_free);
  import->inspection_new = FALSE;
}

/* The results waiting, then the inspections before the one being read,
 * which they complete, in order. A full batch of results comes here too,
 * so that no more inspections wait than a batch has results. */
static gboolean
write_results (FgBundleImport  *import,
               GError         **error)
{
  if (!write_rows (import, &import->results, error))
    return FALSE;

  for (guint i = 0; i + 1 < import->unfinished->len; i += 2)
    {
      g_autoptr(sqlite3_stmt) stmt = fg_store_prepare (import->store,
                                                       "UPDATE inspection SET finished_at = ?1 WHERE id = ?2", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, g_ptr_array_index (import->unfinished, i + 1), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, g_ptr_array_index (import->unfinished, i), -1, SQLITE_STATIC);
      if (!fg_store_step_done (import->store, stmt, error))
        return FALSE;
    }
  g_ptr_array_set_size (import->unfinished, 0);
  return TRUE;
}

/* Where an inspection or hazard was: our ids of its regions. */
static void
map_place (FgBundleImport *import,
           GHashTable     *row)
{
  static const char * const columns[] = { "township_id", "village_id", "grid_id", NULL };

  for (guint i = 0; columns[i] != NULL; i++)
    if (attr (row, columns[i]) != NULL)
      g_hash_table_insert (row, (gpointer) columns[i],
                           g_strdup (fg_bundle_map_region (import, attr (row, columns[i]))));
}

/* A region of ours as a person reads it: its name and code. */
static char *
region_label (FgBundleImport *import,
              const char     *region_id)
{
  g_autoptr(sqlite3_stmt) stmt = fg_store_prepare (import->store,
                                                   "SELECT name || ' (' || code || ')' FROM region WHERE id = ?1",
                                                   NULL);

  if (stmt != NULL && region_id != NULL)
    {
      sqlite3_bind_text (stmt, 1, region_id, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        return g_strdup (fg_stmt_text (stmt, 0));
    }
  return g_strdup (region_id != NULL ? region_id : "");
}

/* Where an inspection or a hazard (@what) was, its regions already ours:
 * the township its venue lies in, a village of that township and a grid
 * of that village, as an inspection started here takes them from its
 * venue. A row filed under another township would count in that
 * township's figures and rankings. */
static gboolean
check_place (FgBundleImport  *import,
             GHashTable      *row,
             const char      *what,
             GError         **error)
{
  const char *township = attr (row, "township_id");
  const char *village = attr (row, "village_id");
  const char *grid = attr (row, "grid_id");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *venue_township = NULL;
  g_autofree char *reason = NULL;
  const RegionPath *path = NULL;

  stmt = fg_store_prepare (import->store, "SELECT township_id FROM venue WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, attr (row, "venue_id"), -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    venue_township = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  g_clear_pointer (&stmt, fg_stmt_release);

  if (township == NULL || *township == '\0')
    reason = g_strdup (_("It names no township."));
  else if (g_strcmp0 (township, venue_township) != 0)
    {
      g_autofree char *named = region_label (import, township);
      g_autofree char *actual = region_label (import, venue_township);

      reason = g_strdup_printf (_("It is filed under the township %s, but its venue lies in %s."), named, actual);
    }
  else
    {
      if (village != NULL)
        {
          path = region_path (import, village, error);
          if (path == NULL && error != NULL && *error != NULL)
            return FALSE;
        }
      if (path == NULL || g_strcmp0 (path->ids[2], village) != 0 || g_strcmp0 (path->ids[1], township) != 0)
        reason = g_strdup (_("Its village is not one of its township’s."));
      else if (grid != NULL)
        {
          path = region_path (import, grid, error);
          if (path == NULL && error != NULL && *error != NULL)
            return FALSE;
          if (path == NULL || g_strcmp0 (path->ids[3], grid) != 0 || g_strcmp0 (path->ids[2], village) != 0)
            reason = g_strdup (_("Its grid is not one of its village’s."));
        }
    }

  if (reason != NULL)
    {
      fg_bundle_set_refused_row (import, what, attr (row, "id"), reason, error);
      return FALSE;
    }
  return TRUE;
}

/* @id's results and hazards are checked once the bundle is in (check_arrived()). */
static void
check_inspection_later (FgBundleImport *import,
                        const char     *id)
{
  char *copy;

  if (g_hash_table_contains (import->inspections_to_check, id))
    return;
  copy = g_strdup (id);
  g_ptr_array_add (import->arrived_inspections, copy);
  g_hash_table_add (import->inspections_to_check, copy);
}

gboolean
fg_bundle_apply_inspection (FgBundleImport  *import,
                            GHashTable      *row,
                            GError         **error)
{
  g_autofree char *code = fg_bundle_venue_code (import, attr (row, "venue_id"));
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!fg_bundle_in_sender_scope (import, code) || !sender_may_write (import, row, "inspection"))
    {
      fg_bundle_set_out_of_scope (import, _("an inspection"), error);
      return FALSE;
    }
  map_place (import, row);

  import->inspection_id = g_strdup (attr (row, "id"));
  import->finished_at = g_strdup (attr (row, "finished_at"));
  if (import->finished_at == NULL)
    {
      fg_bundle_set_malformed (error, _("an unfinished inspection"));
      return FALSE;
    }
  if (fg_bundle_row_exists (import, "inspection", attr (row, "id")))
    {
      import->inspection_new = FALSE;
      import->report->unchanged++;
      return TRUE;
    }
  if (!check_place (import, row, _("an inspection"), error) ||
      !check_moment (import, row, "started_at", FALSE, _("an inspection"), error) ||
      !check_moment (import, row, "finished_at", TRUE, _("an inspection"), error))
    return FALSE;
  check_inspection_later (import, attr (row, "id"));

  g_hash_table_remove (row, "finished_at");
  stmt = fg_bundle_prepare_insert (import, "inspection", fg_bundle_inspections.columns, NULL, error);
  if (stmt == NULL)
    return FALSE;
  fg_bundle_bind_row (stmt, fg_bundle_inspections.columns, row);
  if (!fg_store_step_done (import->store, stmt, error))
    return FALSE;
  import->inspection_new = TRUE;
  import->report->added++;
  return TRUE;
}

/* A photo a row names must have come with the bundle: the writer always
 * sends the photos of the rows it sends. */
static gboolean
check_photo (FgBundleImport  *import,
             GHashTable      *row,
             GError         **error)
{
  if (attr (row, "sha256") == NULL || !g_hash_table_contains (import->photos, attr (row, "sha256")))
    {
      fg_bundle_set_malformed (error, _("a photo that is not in it"));
      return FALSE;
    }
  return TRUE;
}

gboolean
fg_bundle_apply_inspection_child (FgBundleImport  *import,
                                  const char      *element,
                                  GHashTable      *row,
                                  GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const FgBundleTableSpec *spec;

  if (import->inspection_id == NULL)
    {
      g_debug ("A bundle holds <%s> outside an inspection", element);
      fg_bundle_set_malformed (error, _("part of an inspection, outside any inspection"));
      return FALSE;
    }
  if (g_str_equal (element, "photo") && !check_photo (import, row, error))
    return FALSE;
  if (!import->inspection_new)
    return TRUE;

  if (g_str_equal (element, "template"))
    spec = &fg_bundle_inspection_templates;
  else if (g_str_equal (element, "result"))
    spec = &fg_bundle_inspection_results;
  else
    spec = &fg_bundle_inspection_photos;

  if (spec == &fg_bundle_inspection_results)
    {
      g_hash_table_insert (row, (gpointer) "inspection_id", g_strdup (import->inspection_id));
      return !row_batch_add (&import->results, row) || write_results (import, error);
    }

  stmt = fg_bundle_prepare_insert (import, spec->table, spec->columns, spec->other_columns, error);
  if (stmt == NULL)
    return FALSE;
  fg_bundle_bind_row (stmt, spec->columns, row);
  sqlite3_bind_text (stmt, (int) g_strv_length ((char **) spec->columns) + 1, import->inspection_id, -1, SQLITE_STATIC);
  return fg_store_step_done (import->store, stmt, error);
}

gboolean
fg_bundle_apply_hazard (FgBundleImport  *import,
                        GHashTable      *row,
                        GError         **error)
{
  g_autofree char *code = fg_bundle_venue_code (import, attr (row, "venue_id"));
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!fg_bundle_in_sender_scope (import, code) || !sender_may_write (import, row, "hazard"))
    {
      fg_bundle_set_out_of_scope (import, _("a hazard"), error);
      return FALSE;
    }
  if (fg_bundle_row_exists (import, "hazard", attr (row, "id")))
    {
      import->report->unchanged++;
      return TRUE;
    }
  map_place (import, row);
  if (!check_place (import, row, _("a hazard"), error) ||
      !check_moment (import, row, "found_at", TRUE, _("a hazard"), error))
    return FALSE;

  stmt = fg_bundle_prepare_insert (import, "hazard", fg_bundle_hazards.columns, NULL, error);
  if (stmt == NULL)
    return FALSE;
  fg_bundle_bind_row (stmt, fg_bundle_hazards.columns, row);
  if (!fg_store_step_done (import->store, stmt, error))
    return FALSE;
  /* a new hazard of an inspection held here already: the inspection is
   * checked again with it, as if it had come now */
  if (attr (row, "inspection_id") != NULL)
    check_inspection_later (import, attr (row, "inspection_id"));
  g_hash_table_add (import->touched, g_strdup (attr (row, "id")));
  import->report->added++;
  return TRUE;
}

/* A new event that came by bundle is held to what the keyboard is held to:
 * who may write it, what it must carry; what depends on the hazard's
 * history is checked once all of it is in (fg-bundle-read.c). */
static gboolean
check_event (FgBundleImport  *import,
             GHashTable      *row,
             GError         **error)
{
  const FgHazardEventDetails details = {
    .note = attr (row, "note"),
    .deadline = attr (row, "deadline"),
    .decision_number = attr (row, "decision_number"),
    .decision_date = attr (row, "decision_date"),
    .decision_authority = attr (row, "decision_authority"),
  };
  gboolean own = g_strcmp0 (attr (row, "origin_node"), import->sender->id) == 0;
  const char *at = attr (row, "at");
  g_autofree char *given_on = at != NULL ? g_strndup (at, 10) : NULL;
  g_autoptr(GError) refused = NULL;
  g_autofree char *detail = NULL;
  FgHazardEventKind kind;

  if (!fg_hazard_event_kind_from_string (attr (row, "kind"), &kind))
    {
      fg_bundle_set_malformed (error, _("an unknown kind of hazard event"));
      return FALSE;
    }
  /* only a county supervises; a county writes nothing else of a township's
   * but the brigade's decision where its letter arrived */
  if (own && !fg_hazard_event_office_writes (kind, import->sender->kind == FG_NODE_KIND_COUNTY,
                                             attr (row, "level")))
    {
      fg_bundle_set_out_of_scope (import, _("a hazard event"), error);
      return FALSE;
    }

  if (kind == FG_HAZARD_EVENT_CONFIRMED_MAJOR || kind == FG_HAZARD_EVENT_MAJOR_NOT_CONFIRMED)
    {
      if (!fg_hazard_check_decision (import->store, NULL, &details, &refused))
        detail = g_strdup_printf (_("a fire-rescue brigade’s decision: %s"), refused->message);
      else  /* on a hazard sent to the brigade: checked once its history is in */
        g_hash_table_insert (import->decided, g_strdup (attr (row, "id")), g_strdup (attr (row, "hazard_id")));
    }
  else if (kind == FG_HAZARD_EVENT_SUPERVISED)
    {
      if (!fg_hazard_check_supervision (given_on, &details, &refused))
        detail = g_strdup_printf (_("a supervision instruction of the county: %s"), refused->message);
    }
  else if (kind == FG_HAZARD_EVENT_SUPERVISION_REPLIED)
    {
      if (!fg_hazard_check_supervision_reply (&details, &refused))
        detail = g_strdup_printf (_("a reply to the county’s supervision: %s"), refused->message);
      else  /* to an open instruction: checked once the history is in */
        g_hash_table_insert (import->replied, g_strdup (attr (row, "id")), g_strdup (attr (row, "hazard_id")));
    }

  if (detail != NULL)
    {
      fg_bundle_set_malformed (error, detail);
      return FALSE;
    }
  return TRUE;
}

gboolean
fg_bundle_apply_event (FgBundleImport  *import,
                       GHashTable      *row,
                       GError         **error)
{
  g_autofree char *code = NULL;

  if (!fg_bundle_hazard_code (import, attr (row, "hazard_id"), &code, error))
    return FALSE;

  if (!fg_bundle_in_sender_scope (import, code) || !sender_may_write (import, row, "hazard_event"))
    {
      fg_bundle_set_out_of_scope (import, _("a hazard event"), error);
      return FALSE;
    }

  g_clear_pointer (&import->event_id, g_free);
  import->event_id = g_strdup (attr (row, "id"));
  g_hash_table_add (import->bundle_events, g_strdup (attr (row, "id")));
  /* the same event twice in the bundle: the first one is written first */
  if (row_batch_contains (&import->events, attr (row, "id")) && !write_rows (import, &import->events, error))
    return FALSE;
  if (fg_bundle_row_exists (import, "hazard_event", attr (row, "id")))
    {
      import->event_new = FALSE;
      import->report->unchanged++;
      return TRUE;
    }
  if (!check_event (import, row, error))
    return FALSE;
  g_hash_table_insert (import->arrived_events, g_strdup (attr (row, "id")), g_strdup (attr (row, "hazard_id")));

  g_hash_table_add (import->touched, g_strdup (attr (row, "hazard_id")));
  import->event_new = TRUE;
  import->report->added++;
  return !row_batch_add (&import->events, row) || write_rows (import, &import->events, error);
}

gboolean
fg_bundle_apply_event_photo (FgBundleImport  *import,
                             GHashTable      *row,
                             GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (import->event_id == NULL)
    {
      fg_bundle_set_malformed (error, _("a photo of no event"));
      return FALSE;
    }
  if (!check_photo (import, row, error))
    return FALSE;
  if (!import->event_new)
    return TRUE;
  /* the photo leans on its event */
  if (!write_rows (import, &import->events, error))
    return FALSE;
  stmt = fg_bundle_prepare_insert (import, "hazard_event_photo", fg_bundle_event_photos.columns,
                                   fg_bundle_event_photos.other_columns, error);
  if (stmt == NULL)
    return FALSE;
  fg_bundle_bind_row (stmt, fg_bundle_event_photos.columns, row);
  sqlite3_bind_text (stmt, 3, import->event_id, -1, SQLITE_STATIC);
  return fg_store_step_done (import->store, stmt, error);
}

gboolean
fg_bundle_apply_photo (FgBundleImport  *import,
                       GHashTable      *row,
                       const char      *base64,
                       GError         **error)
{
  g_autofree guint8 *data = NULL;
  g_autofree char *sha256 = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) photo_error = NULL;
  const char *mime_type;
  gsize length = 0;

  if (base64 == NULL || strlen (base64) > MAX_PHOTO_BASE64)
    {
      fg_bundle_set_malformed (error, _("a photo that is too large"));
      return FALSE;
    }
  data = g_base64_decode (base64, &length);
  bytes = g_bytes_new (data, length);
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  if (g_strcmp0 (sha256, attr (row, "sha256")) != 0)
    {
      fg_bundle_set_malformed (error, _("a photo whose bytes do not match its name"));
      return FALSE;
    }
  /* the checks of a photo attached here */
  mime_type = fg_photo_check (bytes, &photo_error);
  if (mime_type == NULL)
    {
      /* Translators: why a bundle is refused, with what is wrong with the
       * photo */
      g_autofree char *reason = g_strdup_printf (_("a photo that would be refused here: %s"), photo_error->message);

      fg_bundle_set_malformed (error, reason);
      return FALSE;
    }
  stmt = fg_store_prepare (import->store,
                           "INSERT INTO photo (sha256, mime_type, size, data, created_at) VALUES (?1, ?2, ?3, ?4, ?5)"
                           " ON CONFLICT (sha256) DO NOTHING",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, mime_type, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, (sqlite3_int64) length);
  sqlite3_bind_blob64 (stmt, 4, data, length, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, attr (row, "created_at"), -1, SQLITE_TRANSIENT);
  if (!fg_store_step_done (import->store, stmt, error))
    return FALSE;
  if (sqlite3_changes (fg_store_get_db (import->store)) > 0)
    import->report->photos++;
  g_hash_table_add (import->photos, g_strdup (sha256));
  return TRUE;
}

/* Before the next row of the bundle (@element): the rows waiting in a
 * batch that a row of another kind may lean on are written, and the
 * inspection read last is done with. */
gboolean
fg_bundle_merge_before_row (FgBundleImport  *import,
                            const char      *element,
                            GError         **error)
{
  if (g_strcmp0 (element, "venue") != 0 && !write_rows (import, &import->venues, error))
    return FALSE;
  finish_inspection (import);
  if (g_strcmp0 (element, "inspection") != 0 && !write_results (import, error))
    return FALSE;
  return g_strcmp0 (element, "event") == 0 || write_rows (import, &import->events, error);
}

/* The new inspections and events, now that everything the bundle brought
 * is written: each is held to what the same record typed here is held to,
 * in its place among the rows here (fg_inspection_check_results(),
 * fg_hazard_check_arrived_events()). */
/* Whether every bundle the sender wrote to us before this one is here: a
 * first bundle, one that carries everything, or one whose previous
 * bundle was imported. Bundles may come out of order; until the gap is
 * closed, what an event follows may be on its way. */
static gboolean
history_complete (FgBundleImport *import)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (import->info == NULL || import->info->since == NULL || import->info->sequence <= 1)
    return TRUE;
  if (import->info->previous == NULL)
    return FALSE;
  stmt = fg_store_prepare (import->store, "SELECT 1 FROM bundle_in WHERE digest = ?1 AND peer_id = ?2", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, import->info->previous, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, import->sender->id, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

static gboolean
check_arrived (FgBundleImport  *import,
               GError         **error)
{
  GHashTableIter iter;
  gpointer event_id, hazard_id, ids;
  gboolean complete = g_hash_table_size (import->arrived_events) > 0 && history_complete (import);
  g_autoptr(GHashTable) by_hazard = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                           (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) checklists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  for (guint i = 0; i < import->arrived_inspections->len; i++)
    {
      const char *id = g_ptr_array_index (import->arrived_inspections, i);
      g_autoptr(GError) refused = NULL;

      if (!fg_inspection_check_results (import->store, id, checklists, &refused))
        {
          fg_bundle_set_refused_row (import, _("an inspection"), id, refused->message, error);
          return FALSE;
        }
    }

  /* each hazard's history is read once for the events it gained */
  g_hash_table_iter_init (&iter, import->arrived_events);
  while (g_hash_table_iter_next (&iter, &event_id, &hazard_id))
    {
      GPtrArray *list = g_hash_table_lookup (by_hazard, hazard_id);

      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (by_hazard, hazard_id, list);
        }
      g_ptr_array_add (list, event_id);
    }
  g_hash_table_iter_init (&iter, by_hazard);
  while (g_hash_table_iter_next (&iter, &hazard_id, &ids))
    {
      g_autoptr(GError) refused = NULL;
      const char *refused_id = NULL;

      /* a reply follows whatever happened, if an instruction waits for
       * it: checked against the instruction after this (see
       * fg_hazard_check_supervision_reply_basis()) */
      if (!fg_hazard_check_arrived_events (import->store, hazard_id, ids, import->sender->id, import->bundle_events,
                                           complete, import->replied, &refused_id, &refused))
        {
          fg_bundle_set_refused_row (import, _("a hazard event"), refused_id, refused->message, error);
          return FALSE;
        }
    }
  return TRUE;
}

/* At the end of the bundle: every row still waiting is written, and the
 * new rows are checked where they stand. */
gboolean
fg_bundle_merge_finish (FgBundleImport  *import,
                        GError         **error)
{
  finish_inspection (import);
  return write_rows (import, &import->venues, error) && end_venue_upkeep (import, error) &&
         write_results (import, error) &&
         write_rows (import, &import->events, error) && check_arrived (import, error);
}
