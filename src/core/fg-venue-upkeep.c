/* fg-venue-upkeep.c — new venues written in bulk keep their categories,
 * search terms and region counts up once, at the end
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a new venue keeps up besides its row (venue_after_insert, schema
 * 36): its categories, its search terms and the venue counts of its
 * regions. Venues written in bulk (a bundle's, the demo's) keep them up
 * all at once at the end instead: one pass of the search index instead of
 * a segment of it for every statement, one update of each region instead
 * of four updates a venue. venue_upkeep_trigger is the trigger as the
 * passes below do its work; a schema that changes it leaves the trigger
 * in place (the tests /bundle/bulk-venues and /demo/bulk say so) until
 * they do it again.
 */
#include "config.h"

#include "fg-store-private.h"
#include "fg-venue-upkeep-private.h"

static const char venue_upkeep_trigger[] =
  "CREATE TRIGGER venue_after_insert AFTER INSERT ON venue "
  "BEGIN "
  "INSERT INTO venue_category (category, venue_seq) "
  "SELECT DISTINCT value, NEW.seq FROM json_each (NEW.categories); "
  "INSERT INTO venue_fts (rowid, name, address, operator_name) "
  "SELECT NEW.seq, NEW.name, NEW.address, NEW.operator_name WHERE NEW.deleted = 0; "
  "UPDATE region SET venue_count = venue_count + 1 "
  "WHERE NEW.deleted = 0 "
  "AND id IN (NEW.county_id, NEW.township_id, NEW.village_id, NEW.grid_id); "
  "END";

static const char venue_upkeep_passes[] =
  "INSERT INTO venue_category (category, venue_seq)"
  "  SELECT DISTINCT j.value, v.seq FROM venue v, json_each (v.categories) j WHERE v.seq >= ?1;"
  "INSERT INTO venue_fts (rowid, name, address, operator_name)"
  "  SELECT seq, name, address, operator_name FROM venue WHERE seq >= ?1 AND deleted = 0 ORDER BY seq;"
  "WITH placed (id) AS ("
  "  SELECT county_id FROM venue WHERE seq >= ?1 AND deleted = 0"
  "  UNION ALL SELECT township_id FROM venue WHERE seq >= ?1 AND deleted = 0"
  "  UNION ALL SELECT village_id FROM venue WHERE seq >= ?1 AND deleted = 0"
  "  UNION ALL SELECT grid_id FROM venue WHERE seq >= ?1 AND deleted = 0 AND grid_id IS NOT NULL),"
  " counted (id, n) AS (SELECT id, count (*) FROM placed GROUP BY id)"
  " UPDATE region SET venue_count = venue_count + counted.n FROM counted WHERE region.id = counted.id;";

/* The text of a trigger with its white space made single spaces. */
static char *
squeeze_spaces (const char *sql)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (const char *p = sql; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          if (text->len > 0 && text->str[text->len - 1] != ' ')
            g_string_append_c (text, ' ');
          continue;
        }
      g_string_append_c (text, *p);
    }
  if (text->len > 0 && text->str[text->len - 1] == ' ')
    g_string_truncate (text, text->len - 1);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * fg_venue_upkeep_defer: (skip)
 * @store: the store, inside the transaction that writes the venues
 * @upkeep: what is set aside; zeroed the first time
 * @error: return location for an error
 *
 * Sets venue_after_insert aside for the rest of the transaction: the
 * venues written from now on wait for fg_venue_upkeep_catch_up(). The
 * transaction holds the trigger's absence with the rest: rolled back, the
 * trigger is there again. Does nothing when the trigger is already set
 * aside or is not the one the passes know.
 *
 * Returns: %TRUE on success
 */
gboolean
fg_venue_upkeep_defer (FgStore        *store,
                       FgVenueUpkeep  *upkeep,
                       GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *squeezed = NULL;

  if (upkeep->trigger != NULL)
    return TRUE;
  stmt = fg_store_prepare (store,
                           "SELECT sql, (SELECT coalesce (max (seq), 0) + 1 FROM venue) FROM sqlite_master"
                           " WHERE type = 'trigger' AND name = 'venue_after_insert'",
                           error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return TRUE;
  sql = g_strdup (fg_stmt_text (stmt, 0));
  upkeep->from = sqlite3_column_int64 (stmt, 1);
  g_clear_pointer (&stmt, fg_stmt_release);
  squeezed = squeeze_spaces (sql);
  if (!g_str_equal (squeezed, venue_upkeep_trigger))
    return TRUE;  /* not the trigger whose work the passes do */
  if (!fg_store_exec (store, "DROP TRIGGER venue_after_insert", error))
    return FALSE;
  upkeep->trigger = g_steal_pointer (&sql);
  return TRUE;
}

/**
 * fg_venue_upkeep_catch_up: (skip)
 *
 * The categories, search terms and counts of the venues written since the
 * trigger was set aside: before a venue is changed (venue_after_update
 * takes out what it had) and at the end.
 *
 * Returns: %TRUE on success
 */
gboolean
fg_venue_upkeep_catch_up (FgStore        *store,
                          FgVenueUpkeep  *upkeep,
                          GError        **error)
{
  sqlite3 *db = fg_store_get_db (store);
  const char *next = venue_upkeep_passes;
  g_autoptr(sqlite3_stmt) last = NULL;

  if (upkeep->trigger == NULL)
    return TRUE;
  while (*next != '\0')
    {
      sqlite3_stmt *stmt = NULL;
      const char *tail = NULL;
      int rc = sqlite3_prepare_v2 (db, next, -1, &stmt, &tail);

      if (rc != SQLITE_OK)
        {
          fg_store_set_error (store, rc, error);
          return FALSE;
        }
      next = tail;
      if (stmt == NULL)
        continue;
      sqlite3_bind_int64 (stmt, 1, upkeep->from);
      rc = sqlite3_step (stmt);
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        {
          fg_store_set_error (store, rc, error);
          return FALSE;
        }
    }
  last = fg_store_prepare (store, "SELECT coalesce (max (seq), 0) + 1 FROM venue", error);
  if (last == NULL || sqlite3_step (last) != SQLITE_ROW)
    return FALSE;
  upkeep->from = sqlite3_column_int64 (last, 0);
  return TRUE;
}

/**
 * fg_venue_upkeep_end: (skip)
 *
 * The venues' upkeep caught up, and its trigger back for what follows.
 *
 * Returns: %TRUE on success
 */
gboolean
fg_venue_upkeep_end (FgStore        *store,
                     FgVenueUpkeep  *upkeep,
                     GError        **error)
{
  if (upkeep->trigger == NULL)
    return TRUE;
  if (!fg_venue_upkeep_catch_up (store, upkeep, error) || !fg_store_exec (store, upkeep->trigger, error))
    return FALSE;
  fg_venue_upkeep_clear (upkeep);
  return TRUE;
}

/* Forgets what was set aside (a rolled-back transaction put it back). */
void
fg_venue_upkeep_clear (FgVenueUpkeep *upkeep)
{
  g_clear_pointer (&upkeep->trigger, g_free);
  upkeep->from = 0;
}

/**
 * fg_venue_drop_indexes: (skip)
 * @store: the store, inside the transaction that writes the venues
 * @keep_unique: whether the unique indexes stay (the checks of an import
 *   read them)
 * @error: return location for an error
 *
 * Sets the venue table's indexes aside while many venues are written: each
 * is then built once, sorted, instead of kept up a venue at a time. The
 * transaction's rollback brings them back; to build them at its end, run
 * the statements returned.
 *
 * Returns: (transfer full) (element-type utf8): the statements that make
 *   the indexes dropped, by name; %NULL with @error set
 */
GPtrArray *
fg_venue_drop_indexes (FgStore   *store,
                       gboolean   keep_unique,
                       GError   **error)
{
  g_autoptr(GPtrArray) indexes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = fg_store_prepare (store,
                           "SELECT name, sql FROM sqlite_master"
                           " WHERE type = 'index' AND tbl_name = 'venue' AND sql IS NOT NULL"
                           "   AND NOT (?1 AND sql LIKE 'CREATE UNIQUE%')"
                           " ORDER BY name",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, keep_unique);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (names, g_strdup (fg_stmt_text (stmt, 0)));
      g_ptr_array_add (indexes, g_strdup (fg_stmt_text (stmt, 1)));
    }
  if (rc != SQLITE_DONE)
    {
      fg_store_set_error (store, rc, error);
      return NULL;
    }
  g_clear_pointer (&stmt, fg_stmt_release);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("DROP INDEX \"%s\"", (const char *) g_ptr_array_index (names, i));

      if (!fg_store_exec (store, sql, error))
        return NULL;
    }
  return g_steal_pointer (&indexes);
}

const char * const fg_venue_county_indexes[] = {
  "venue_county_name", "venue_county_address", "venue_county_operator", NULL,
};

/**
 * fg_venue_office_level: (skip)
 * @store: the store
 *
 * The level (#FgRegionLevel) of this office's own region, the one its
 * node writes in: a county's, a township's or a grid station's. A
 * township's or a grid station's database holds the venues of that region
 * alone, as bundles bring nothing outside an office's region.
 *
 * Returns: the level, or 0 when the office is not set up
 */
int
fg_venue_office_level (FgStore *store)
{
  g_autoptr(sqlite3_stmt) stmt = fg_store_prepare (store,
                                                   "SELECT r.level FROM node n JOIN region r ON r.id = n.scope_region_id"
                                                   " LIMIT 1",
                                                   NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int (stmt, 0);
}

/**
 * fg_venue_fit_list_indexes: (skip)
 * @store: the store, set up as an office
 * @error: return location for an error
 *
 * Leaves out of a township's or a grid station's database the indexes of
 * a county's venue list: every venue there lies in one township, so the
 * township's indexes hold the same entries in the same order, and the
 * list of a region above the office's own is read through them
 * (fg-venue-query.c). A county's database keeps them, as do databases not
 * set up yet (the migrations make them). Costs one look at the schema
 * once they are gone.
 *
 * Returns: %TRUE on success
 */
gboolean
fg_venue_fit_list_indexes (FgStore  *store,
                           GError  **error)
{
  g_autoptr(GPtrArray) present = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int level = fg_venue_office_level (store);

  if (level <= FG_REGION_LEVEL_COUNTY)
    return TRUE;

  stmt = fg_store_prepare (store, "SELECT 1 FROM sqlite_schema WHERE type = 'index' AND name = ?1", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; fg_venue_county_indexes[i] != NULL; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, fg_venue_county_indexes[i], -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (present, g_strdup_printf ("DROP INDEX \"%s\";", fg_venue_county_indexes[i]));
    }
  g_clear_pointer (&stmt, fg_stmt_release);
  if (present->len == 0)
    return TRUE;

  if (!fg_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < present->len; i++)
    if (!fg_store_exec (store, g_ptr_array_index (present, i), error))
      {
        fg_store_rollback (store);
        return FALSE;
      }
  return fg_store_commit (store, error);
}
