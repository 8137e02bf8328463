/* fg-integrity.c — whether what the database derives still agrees with
 * what it was derived from
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Some tables hold nothing of their own: a hazard's state, deadline and
 * escalation on its row are the fold of its append-only events (the
 * ledger, the reports and the county's ranking read the row); a village's
 * count of venues, the category index and the search index are kept by
 * triggers. Other triggers are guards: a finished inspection, a hazard
 * event or an issued document never changes. Edited by hand (a tool on
 * the file, a careless statement), these disagree with what they come from
 * while the audit log, which records what the program did, reads intact.
 *
 * The check derives each of them again and compares; the schema is
 * compared with the one this version makes in an empty database in
 * memory. What derives from other records can be put right from them
 * (fg_integrity_repair(), audited); a changed table cannot.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "fg-audit-private.h"
#include "fg-hazard-private.h"
#include "fg-integrity.h"
#include "fg-permission-private.h"
#include "fg-store-private.h"
#include "fg-venue-upkeep-private.h"

void
fg_integrity_problem_free (FgIntegrityProblem *self)
{
  if (self == NULL)
    return;
  g_free (self->record_id);
  g_free (self->message);
  g_free (self);
}

static void
add_problem (GPtrArray       *problems,
             FgIntegrityKind  kind,
             const char      *record_id,
             gboolean         repairable,
             char            *message)
{
  FgIntegrityProblem *problem = g_new0 (FgIntegrityProblem, 1);

  problem->kind = kind;
  problem->record_id = g_strdup (record_id);
  problem->repairable = repairable;
  problem->message = message;
  g_ptr_array_add (problems, problem);
}

static gboolean
check_file (FgStore    *store,
            GPtrArray  *problems,
            GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) found = g_string_new (NULL);
  int rc;

  stmt = fg_store_prepare (store, "PRAGMA quick_check", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = fg_stmt_text (stmt, 0);

      if (g_str_equal (line, "ok"))
        continue;
      if (found->len > 0)
        g_string_append_c (found, '\n');
      g_string_append (found, line);
    }
  if (rc != SQLITE_DONE)
    {
      fg_store_set_error (store, rc, error);
      return FALSE;
    }
  if (found->len > 0)
    add_problem (problems, FG_INTEGRITY_DATABASE, NULL, FALSE,
                 /* Translators: %s is SQLite's own report, in English */
                 g_strdup_printf (_("The database file is damaged. Restore it from a backup, "
                                    "and keep the damaged file for whoever looks into it. SQLite says: %s"),
                                  found->str));
  return TRUE;
}

/* name → (type, sql) of the database's tables, indexes, triggers and views */
static GHashTable *
read_schema (FgStore  *store,
             GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) schema = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) g_strfreev);
  int rc;

  stmt = fg_store_prepare (store,
                           "SELECT name, type, sql FROM sqlite_schema"
                           " WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
                           error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char **entry = g_new0 (char *, 3);

      entry[0] = g_strdup (fg_stmt_text (stmt, 1));
      entry[1] = g_strdup (fg_stmt_text (stmt, 2));
      g_hash_table_insert (schema, g_strdup (fg_stmt_text (stmt, 0)), entry);
    }
  if (rc != SQLITE_DONE)
    {
      fg_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&schema);
}

static const char *
object_kind_label (const char *type)
{
  if (g_str_equal (type, "trigger"))
    return _("guard");
  if (g_str_equal (type, "index"))
    return _("index");
  if (g_str_equal (type, "view"))
    return _("view");
  return _("table");
}

/* Triggers and indexes hold nothing of their own: made again, they are
 * what they were. A table is the records themselves. */
static gboolean
object_remakeable (const char *type)
{
  return g_str_equal (type, "trigger") || g_str_equal (type, "index");
}

static gboolean
check_schema (FgStore    *store,
              GPtrArray  *problems,
              GError    **error)
{
  g_autoptr(FgStore) reference = NULL;
  g_autoptr(GHashTable) expected = NULL;
  g_autoptr(GHashTable) actual = NULL;
  g_autoptr(GList) names = NULL;

  reference = fg_store_open_reference (error);
  if (reference == NULL)
    return FALSE;
  expected = read_schema (reference, error);
  if (expected == NULL)
    return FALSE;
  actual = read_schema (store, error);
  if (actual == NULL)
    return FALSE;

  /* a township's or a grid station's database leaves out the indexes of a
   * county's venue list, which the reference (no office) has: it holds
   * one township's venues, read through the township's indexes
   * (fg_venue_fit_list_indexes()); the next opening drops them if here */
  if (fg_venue_office_level (store) > FG_REGION_LEVEL_COUNTY)
    for (guint i = 0; fg_venue_county_indexes[i] != NULL; i++)
      {
        g_hash_table_remove (expected, fg_venue_county_indexes[i]);
        g_hash_table_remove (actual, fg_venue_county_indexes[i]);
      }

  /* in name order, so a report reads the same every time */
  names = g_list_sort (g_hash_table_get_keys (expected), (GCompareFunc) g_strcmp0);
  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *name = l->data;
      char **want = g_hash_table_lookup (expected, name);
      char **have = g_hash_table_lookup (actual, name);

      if (have == NULL)
        add_problem (problems, FG_INTEGRITY_SCHEMA, name, object_remakeable (want[0]),
                     /* Translators: a kind of database object ("guard", "index", "table") and its name */
                     g_strdup_printf (_("The database lacks the %s “%s” that this version of Firegrid makes."),
                                      object_kind_label (want[0]), name));
      else if (!g_str_equal (want[0], have[0]) || !g_str_equal (want[1], have[1]))
        add_problem (problems, FG_INTEGRITY_SCHEMA, name,
                     object_remakeable (want[0]) && g_str_equal (want[0], have[0]),
                     g_strdup_printf (_("The %s “%s” is not as this version of Firegrid makes it: "
                                        "it was changed outside Firegrid."),
                                      object_kind_label (want[0]), name));
    }
  g_clear_pointer (&names, g_list_free);

  names = g_list_sort (g_hash_table_get_keys (actual), (GCompareFunc) g_strcmp0);
  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *name = l->data;
      char **have = g_hash_table_lookup (actual, name);

      if (!g_hash_table_contains (expected, name))
        add_problem (problems, FG_INTEGRITY_SCHEMA, name, object_remakeable (have[0]),
                     g_strdup_printf (_("The %s “%s” was not made by Firegrid: it was added outside Firegrid."),
                                      object_kind_label (have[0]), name));
    }
  return TRUE;
}

static gboolean
check_hazards (FgStore    *store,
               GPtrArray  *problems,
               GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = fg_store_prepare (store,
                           "SELECT h.id, coalesce (v.name, ''), substr (h.found_at, 1, 10)"
                           " FROM hazard h LEFT JOIN venue v ON v.id = h.venue_id ORDER BY h.seq",
                           error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *differences = NULL;
      const char *id = fg_stmt_text (stmt, 0);

      if (!fg_hazard_cache_agrees (store, id, &differences, error))
        return FALSE;
      if (differences != NULL)
        add_problem (problems, FG_INTEGRITY_HAZARD_STATE, id, TRUE,
                     /* Translators: the venue, the day the hazard was
                      * found, and what differs */
                     g_strdup_printf (_("The hazard at “%s” found on %s: its record keeps %s."),
                                      fg_stmt_text (stmt, 1), fg_stmt_text (stmt, 2), differences));
    }
  if (rc != SQLITE_DONE)
    {
      fg_store_set_error (store, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* Each region's venues not removed, counted once each (a venue's county,
 * township, village and grid are four regions, or fewer when it sits
 * higher up). */
#define COUNTED_VENUES \
  "WITH member (region_id) AS (" \
  "  SELECT county_id FROM venue WHERE deleted = 0" \
  "  UNION ALL SELECT township_id FROM venue WHERE deleted = 0 AND township_id != county_id" \
  "  UNION ALL SELECT village_id FROM venue" \
  "    WHERE deleted = 0 AND village_id NOT IN (county_id, township_id)" \
  "  UNION ALL SELECT grid_id FROM venue" \
  "    WHERE deleted = 0 AND grid_id IS NOT NULL AND grid_id NOT IN (county_id, township_id, village_id))," \
  " counted (id, n) AS (SELECT region_id, count(*) FROM member GROUP BY region_id) "

static gboolean
check_venue_counts (FgStore    *store,
                    GPtrArray  *problems,
                    GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = fg_store_prepare (store,
                           COUNTED_VENUES
                           "SELECT r.id, r.name, r.venue_count, coalesce (c.n, 0)"
                           " FROM region r LEFT JOIN counted c ON c.id = r.id"
                           " WHERE r.venue_count != coalesce (c.n, 0) ORDER BY r.seq",
                           error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_problem (problems, FG_INTEGRITY_VENUE_COUNT, fg_stmt_text (stmt, 0), TRUE,
                 /* Translators: a village's (or grid's) name, the count it
                  * keeps and the venues it has */
                 g_strdup_printf (_("“%s” counts %d venues but has %d."),
                                  fg_stmt_text (stmt, 1), sqlite3_column_int (stmt, 2),
                                  sqlite3_column_int (stmt, 3)));
  if (rc != SQLITE_DONE)
    {
      fg_store_set_error (store, rc, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_categories (FgStore    *store,
                  GPtrArray  *problems,
                  GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) orphans = NULL;
  int rc;

  stmt = fg_store_prepare (store,
                           "SELECT v.id, v.name FROM venue v"
                           " WHERE coalesce ((SELECT group_concat (category, ',') FROM"
                           "     (SELECT category FROM venue_category WHERE venue_seq = v.seq ORDER BY category)), '')"
                           "   != coalesce ((SELECT group_concat (value, ',') FROM"
                           "     (SELECT DISTINCT value FROM json_each (v.categories) ORDER BY value)), '')"
                           " ORDER BY v.seq",
                           error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_problem (problems, FG_INTEGRITY_VENUE_CATEGORY, fg_stmt_text (stmt, 0), TRUE,
                 g_strdup_printf (_("The venue “%s” is listed under other categories than its own."),
                                  fg_stmt_text (stmt, 1)));
  if (rc != SQLITE_DONE)
    {
      fg_store_set_error (store, rc, error);
      return FALSE;
    }

  orphans = fg_store_prepare (store,
                              "SELECT count(*) FROM venue_category c"
                              " WHERE NOT EXISTS (SELECT 1 FROM venue v WHERE v.seq = c.venue_seq)",
                              error);
  if (orphans == NULL)
    return FALSE;
  rc = sqlite3_step (orphans);
  if (rc != SQLITE_ROW)
    {
      fg_store_set_error (store, rc, error);
      return FALSE;
    }
  if (sqlite3_column_int (orphans, 0) > 0)
    add_problem (problems, FG_INTEGRITY_VENUE_CATEGORY, NULL, TRUE,
                 g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "The category index lists %d venue that does not exist.",
                                               "The category index lists %d venues that do not exist.",
                                               sqlite3_column_int (orphans, 0)),
                                  sqlite3_column_int (orphans, 0)));
  return TRUE;
}

static gboolean
check_search_index (FgStore    *store,
                    GPtrArray  *problems,
                    GError    **error)
{
  int rc;

  /* with a rank of 1, FTS5 compares its index with the venue table itself */
  rc = sqlite3_exec (fg_store_get_db (store),
                     "INSERT INTO venue_fts (venue_fts, rank) VALUES ('integrity-check', 1)",
                     NULL, NULL, NULL);
  if (rc == SQLITE_CORRUPT_VTAB || rc == SQLITE_CORRUPT)
    {
      add_problem (problems, FG_INTEGRITY_SEARCH_INDEX, NULL, TRUE,
                   g_strdup (_("The search index of venue names and addresses does not match the venues: "
                               "searches miss venues or find removed ones.")));
      return TRUE;
    }
  if (rc != SQLITE_OK)
    {
      fg_store_set_error (store, rc, error);
      return FALSE;
    }
  return TRUE;
}

static GPtrArray *
check_all (FgStore  *store,
           GError  **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) fg_integrity_problem_free);

  if (!check_file (store, problems, error) ||
      !check_schema (store, problems, error) ||
      !check_hazards (store, problems, error) ||
      !check_venue_counts (store, problems, error) ||
      !check_categories (store, problems, error) ||
      !check_search_index (store, problems, error))
    return NULL;
  return g_steal_pointer (&problems);
}

/**
 * fg_integrity_check:
 * @store: the store
 * @actor: who asks
 * @error: return location for an error
 *
 * Derives again what the database keeps derived (each hazard's state from
 * its events, the counts and indexes kept by triggers), compares the
 * schema's tables, indexes and guards with those this version makes, and
 * runs SQLite's own check of the file. For those who may read the audit
 * log.
 *
 * Returns: (transfer container) (element-type FgIntegrityProblem): what
 *   disagrees, empty when all agrees; %NULL with @error set if it could
 *   not be checked
 */
GPtrArray *
fg_integrity_check (FgStore  *store,
                    FgActor  *actor,
                    GError  **error)
{
  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  if (!fg_permission_check (store, actor, FG_ACTION_AUDIT_READ, NULL, NULL, error))
    return NULL;
  return check_all (store, error);
}

static gboolean
remake_object (FgStore     *store,
               FgStore     *reference,
               const char  *name,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) want = NULL;
  g_autoptr(sqlite3_stmt) have = NULL;
  int rc;

  have = fg_store_prepare (store, "SELECT type FROM sqlite_schema WHERE name = ?1", error);
  if (have == NULL)
    return FALSE;
  sqlite3_bind_text (have, 1, name, -1, SQLITE_STATIC);
  rc = sqlite3_step (have);
  if (rc == SQLITE_ROW)
    {
      /* only a trigger or an index: object_remakeable() */
      char *drop = sqlite3_mprintf (g_str_equal (fg_stmt_text (have, 0), "trigger") ? "DROP TRIGGER \"%w\""
                                                                                     : "DROP INDEX \"%w\"",
                                    name);
      gboolean dropped = fg_store_exec (store, drop, error);

      sqlite3_free (drop);
      if (!dropped)
        return FALSE;
    }
  else if (rc != SQLITE_DONE)
    {
      fg_store_set_error (store, rc, error);
      return FALSE;
    }

  want = fg_store_prepare (reference, "SELECT sql FROM sqlite_schema WHERE name = ?1", error);
  if (want == NULL)
    return FALSE;
  sqlite3_bind_text (want, 1, name, -1, SQLITE_STATIC);
  rc = sqlite3_step (want);
  if (rc == SQLITE_DONE)
    return TRUE;  /* not ours: dropped is right */
  if (rc != SQLITE_ROW)
    {
      fg_store_set_error (reference, rc, error);
      return FALSE;
    }
  return fg_store_exec (store, fg_stmt_text (want, 0), error);
}

static gboolean
repair_problems (FgStore    *store,
                 GPtrArray  *problems,
                 guint      *n_repaired,
                 GError    **error)
{
  g_autoptr(FgStore) reference = NULL;
  gboolean counts = FALSE;
  gboolean categories = FALSE;
  gboolean search = FALSE;

  for (guint i = 0; i < problems->len; i++)
    {
      FgIntegrityProblem *problem = g_ptr_array_index (problems, i);

      if (!problem->repairable)
        continue;
      switch (problem->kind)
        {
        case FG_INTEGRITY_SCHEMA:
          if (reference == NULL && (reference = fg_store_open_reference (error)) == NULL)
            return FALSE;
          if (!remake_object (store, reference, problem->record_id, error))
            return FALSE;
          break;
        case FG_INTEGRITY_HAZARD_STATE:
          if (!fg_hazard_refresh_cache (store, problem->record_id, error))
            return FALSE;
          break;
        case FG_INTEGRITY_VENUE_COUNT:
          counts = TRUE;
          break;
        case FG_INTEGRITY_VENUE_CATEGORY:
          categories = TRUE;
          break;
        case FG_INTEGRITY_SEARCH_INDEX:
          search = TRUE;
          break;
        case FG_INTEGRITY_DATABASE:
        default:
          continue;
        }
      (*n_repaired)++;
    }

  if (counts &&
      !fg_store_exec (store,
                      COUNTED_VENUES
                      "UPDATE region SET venue_count = coalesce ((SELECT n FROM counted WHERE counted.id = region.id), 0)",
                      error))
    return FALSE;
  if (categories &&
      !fg_store_exec (store,
                      "DELETE FROM venue_category;"
                      "INSERT INTO venue_category (category, venue_seq)"
                      "  SELECT DISTINCT j.value, v.seq FROM venue v, json_each (v.categories) j",
                      error))
    return FALSE;
  if (search && !fg_store_exec (store, "INSERT INTO venue_fts (venue_fts) VALUES ('rebuild')", error))
    return FALSE;
  return TRUE;
}

/**
 * fg_integrity_repair:
 * @store: the store
 * @actor: who acts: an account that may change the office's settings
 * @n_repaired: (out) (optional): how many problems were put right
 * @error: return location for an error
 *
 * Checks as fg_integrity_check() does and puts right, in one transaction,
 * what derives from other records: each hazard's row folded again from its
 * events, the counts and indexes rebuilt from the venues, missing or
 * changed guards and indexes made again (and ones Firegrid did not make
 * removed). A changed table or a damaged file cannot be put right from the
 * records: those are left, and returned. One audit record says what was
 * put right.
 *
 * Returns: (transfer container) (element-type FgIntegrityProblem): what
 *   disagrees still; %NULL with @error set, and nothing changed, on failure
 */
GPtrArray *
fg_integrity_repair (FgStore  *store,
                     FgActor  *actor,
                     guint    *n_repaired,
                     GError  **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *after = NULL;
  guint repaired = 0;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  if (n_repaired != NULL)
    *n_repaired = 0;

  if (!fg_permission_check (store, actor, FG_ACTION_SETTINGS, NULL, NULL, error))
    return NULL;

  problems = check_all (store, error);
  if (problems == NULL)
    return NULL;

  if (!fg_store_begin (store, error))
    return NULL;
  if (!repair_problems (store, problems, &repaired, error))
    goto failed;
  if (repaired > 0)
    {
      guint by_kind[FG_INTEGRITY_SEARCH_INDEX + 1] = { 0, };

      for (guint i = 0; i < problems->len; i++)
        {
          FgIntegrityProblem *problem = g_ptr_array_index (problems, i);

          if (problem->repairable)
            by_kind[problem->kind]++;
        }
      after = g_strdup_printf ("{\"schema\":%u,\"hazard_states\":%u,\"venue_counts\":%u,"
                               "\"venue_categories\":%u,\"search_index\":%u}",
                               by_kind[FG_INTEGRITY_SCHEMA], by_kind[FG_INTEGRITY_HAZARD_STATE],
                               by_kind[FG_INTEGRITY_VENUE_COUNT], by_kind[FG_INTEGRITY_VENUE_CATEGORY],
                               by_kind[FG_INTEGRITY_SEARCH_INDEX]);
      if (!fg_audit_record_change (store, actor, "integrity-repair", NULL, NULL, after, error))
        goto failed;
    }
  if (!fg_store_commit (store, error))
    return NULL;

  if (n_repaired != NULL)
    *n_repaired = repaired;
  return check_all (store, error);

failed:
  fg_store_rollback (store);
  return NULL;
}
