/* fg-campaign.c — campaigns (专项行动): a named period with focus items
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "fg-audit-private.h"
#include "fg-campaign-private.h"
#include "fg-inspection.h"
#include "fg-permission-private.h"
#include "fg-stats.h"
#include "fg-store-private.h"
#include "fg-text-private.h"

struct _FgCampaign
{
  GObject parent_instance;

  char *id;
  char *name;
  char *starts_on;
  char *ends_on;
  GStrv focus;
  guint n_venues;  /* the venues it is aimed at; 0: its whole township */
};

G_DEFINE_FINAL_TYPE (FgCampaign, fg_campaign, G_TYPE_OBJECT)

static void
fg_campaign_finalize (GObject *object)
{
  FgCampaign *self = (FgCampaign *)object;

  g_free (self->id);
  g_free (self->name);
  g_free (self->starts_on);
  g_free (self->ends_on);
  g_strfreev (self->focus);

  G_OBJECT_CLASS (fg_campaign_parent_class)->finalize (object);
}

static void
fg_campaign_class_init (FgCampaignClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fg_campaign_finalize;
}

static void
fg_campaign_init (FgCampaign *self)
{
}

const char *
fg_campaign_get_id (FgCampaign *self)
{
  g_return_val_if_fail (FG_IS_CAMPAIGN (self), NULL);
  return self->id;
}

const char *
fg_campaign_get_name (FgCampaign *self)
{
  g_return_val_if_fail (FG_IS_CAMPAIGN (self), NULL);
  return self->name;
}

const char *
fg_campaign_get_starts_on (FgCampaign *self)
{
  g_return_val_if_fail (FG_IS_CAMPAIGN (self), NULL);
  return self->starts_on;
}

const char *
fg_campaign_get_ends_on (FgCampaign *self)
{
  g_return_val_if_fail (FG_IS_CAMPAIGN (self), NULL);
  return self->ends_on;
}

/**
 * fg_campaign_get_focus:
 *
 * Returns: (transfer none) (array zero-terminated=1): the codes of the
 *   checklist items the campaign looks at in particular
 */
const char * const *
fg_campaign_get_focus (FgCampaign *self)
{
  g_return_val_if_fail (FG_IS_CAMPAIGN (self), NULL);
  return (const char * const *) self->focus;
}

/**
 * fg_campaign_get_n_venues:
 *
 * Returns: how many venues the campaign is aimed at, or 0 for one that
 *   covers its whole township (fg_campaign_dup_venue_ids())
 */
guint
fg_campaign_get_n_venues (FgCampaign *self)
{
  g_return_val_if_fail (FG_IS_CAMPAIGN (self), 0);
  return self->n_venues;
}

/* A calendar date as YYYY-MM-DD, or NULL. */
static GDate *
parse_date (const char *text)
{
  int year, month, day;
  char end;

  if (text == NULL || sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &end) != 3 ||
      strlen (text) != 10 || !g_date_valid_dmy (day, month, year))
    return NULL;

  return g_date_new_dmy (day, month, year);
}

/* Whether @starts_on and @ends_on are days, YYYY-MM-DD, the first no later
 * than the last: what a campaign typed here or read from a bundle holds. */
gboolean
fg_campaign_check_dates (const char  *starts_on,
                         const char  *ends_on,
                         GError     **error)
{
  g_autoptr(GDate) start = parse_date (starts_on);
  g_autoptr(GDate) end = parse_date (ends_on);

  if (start == NULL || end == NULL)
    {
      g_set_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_INVALID_DATE,
                   _("Write dates as year-month-day, for example 2026-12-31."));
      return FALSE;
    }
  if (g_date_compare (end, start) < 0)
    {
      g_set_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_INVALID_DATE,
                   _("The campaign ends before it starts. Check the dates."));
      return FALSE;
    }
  return TRUE;
}

/* Whether @focus_json, a campaign's focus as it is stored, is a list of
 * codes of checklist items. */
gboolean
fg_campaign_check_focus (FgStore     *store,
                         const char  *focus_json,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) shape = NULL;
  g_autoptr(sqlite3_stmt) codes = NULL;
  int rc;

  shape = fg_store_prepare (store, "SELECT json_valid (?1) AND json_type (?1) = 'array'", error);
  if (shape == NULL)
    return FALSE;
  sqlite3_bind_text (shape, 1, focus_json, -1, SQLITE_STATIC);
  if (focus_json == NULL || sqlite3_step (shape) != SQLITE_ROW || sqlite3_column_int (shape, 0) != 1)
    {
      g_set_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_UNKNOWN_ITEM,
                   _("The campaign’s focus is not a list of checklist items."));
      return FALSE;
    }

  codes = fg_store_prepare (store,
                            "SELECT j.value FROM json_each (?1) j WHERE j.type <> 'text'"
                            " OR NOT EXISTS (SELECT 1 FROM checklist_item c WHERE c.code = j.value) LIMIT 1",
                            error);
  if (codes == NULL)
    return FALSE;
  sqlite3_bind_text (codes, 1, focus_json, -1, SQLITE_STATIC);
  rc = sqlite3_step (codes);
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_UNKNOWN_ITEM,
                   _("“%s” is not the code of a checklist item."), (const char *) sqlite3_column_text (codes, 0));
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      fg_store_set_error (store, rc, error);
      return FALSE;
    }
  return TRUE;
}

static char *
focus_to_json (const char * const *focus)
{
  g_autoptr(GString) json = g_string_new ("[");

  for (guint i = 0; focus != NULL && focus[i] != NULL; i++)
    g_string_append_printf (json, "%s\"%s\"", i > 0 ? "," : "", focus[i]);
  g_string_append_c (json, ']');

  return g_string_free (g_steal_pointer (&json), FALSE);
}

/* Writes the campaign's venues, each one that is registered here and not
 * removed: the caller's transaction. */
static gboolean
insert_venues (FgStore             *store,
               const char          *campaign_id,
               const char * const  *venue_ids,
               GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = fg_store_prepare (store,
                           "INSERT OR IGNORE INTO campaign_venue (campaign_id, venue_id)"
                           " SELECT ?1, id FROM venue WHERE id = ?2 AND deleted = 0",
                           error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; venue_ids[i] != NULL; i++)
    {
      sqlite3_bind_text (stmt, 1, campaign_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, venue_ids[i], -1, SQLITE_STATIC);
      if (!fg_store_step_done (store, stmt, error))
        return FALSE;
      if (sqlite3_changes (fg_store_get_db (store)) == 0)
        {
          g_set_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_INVALID_CAMPAIGN,
                       _("A venue the campaign is aimed at (%s) is not registered here, or was removed. "
                         "Choose the venues again."),
                       venue_ids[i]);
          return FALSE;
        }
      sqlite3_reset (stmt);
    }
  return TRUE;
}

/**
 * fg_campaign_create:
 * @store: the store
 * @actor: township staff or administrator
 * @name: e.g. "电动自行车消防安全专项整治"
 * @starts_on: the first day, YYYY-MM-DD
 * @ends_on: the last day, YYYY-MM-DD
 * @focus: (array zero-terminated=1): codes of checklist items to look at
 *   in particular
 * @error: return location for an error
 *
 * Sets up a campaign over the whole township.
 *
 * Returns: (transfer full): the campaign, or %NULL with @error set
 */
FgCampaign *
fg_campaign_create (FgStore            *store,
                    FgActor            *actor,
                    const char         *name,
                    const char         *starts_on,
                    const char         *ends_on,
                    const char * const *focus,
                    GError            **error)
{
  return fg_campaign_create_for_venues (store, actor, name, starts_on, ends_on, focus, NULL, error);
}

/**
 * fg_campaign_create_for_venues:
 * @store: the store
 * @actor: township staff or administrator
 * @name: the campaign's name
 * @starts_on: the first day, YYYY-MM-DD
 * @ends_on: the last day, YYYY-MM-DD
 * @focus: (array zero-terminated=1) (nullable): codes of checklist items
 *   to look at in particular
 * @venue_ids: (array zero-terminated=1) (nullable): the venues it is
 *   aimed at, each registered here; %NULL or none for the whole township
 * @error: return location for an error
 *
 * Sets up a campaign as fg_campaign_create() does, aimed at @venue_ids:
 * the campaign, its venues and the audit record in one transaction. A
 * venue not registered here, or removed, refuses the whole.
 *
 * Returns: (transfer full): the campaign, or %NULL with @error set
 */
FgCampaign *
fg_campaign_create_for_venues (FgStore            *store,
                               FgActor            *actor,
                               const char         *name,
                               const char         *starts_on,
                               const char         *ends_on,
                               const char * const *focus,
                               const char * const *venue_ids,
                               GError            **error)
{
  g_autoptr(FgCampaign) self = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *clean_name = NULL;
  g_autofree char *json = NULL;
  g_autofree char *now = fg_store_now_iso8601 (store);
  g_autofree char *stamp = NULL;
  const char *township_id;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  township_id = fg_store_get_home_region_id (store);
  if (!fg_permission_check (store, actor, FG_ACTION_CAMPAIGN_MANAGE, NULL, NULL, error))
    return NULL;

  clean_name = g_strstrip (g_strdup (name != NULL ? name : ""));
  if (*clean_name == '\0' || g_utf8_strlen (clean_name, -1) > 100)
    {
      g_set_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_INVALID_CAMPAIGN,
                   _("Give the campaign a name of up to 100 characters."));
      return NULL;
    }
  if (fg_text_check_visible (clean_name) != NULL)
    {
      g_set_error_literal (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_INVALID_CAMPAIGN,
                           fg_text_check_visible (clean_name));
      return NULL;
    }

  if (!fg_campaign_check_dates (starts_on, ends_on, error))
    return NULL;

  for (guint i = 0; focus != NULL && focus[i] != NULL; i++)
    {
      g_autoptr(sqlite3_stmt) item = fg_store_prepare (store,
                                                       "SELECT 1 FROM checklist_item WHERE code = ?1 LIMIT 1",
                                                       error);
      if (item == NULL)
        return NULL;
      sqlite3_bind_text (item, 1, focus[i], -1, SQLITE_STATIC);
      if (sqlite3_step (item) != SQLITE_ROW)
        {
          g_set_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_UNKNOWN_ITEM,
                       _("“%s” is not the code of a checklist item."), focus[i]);
          return NULL;
        }
    }

  self = g_object_new (FG_TYPE_CAMPAIGN, NULL);
  self->id = fg_uuid_new ();
  self->name = g_steal_pointer (&clean_name);
  self->starts_on = g_strdup (starts_on);
  self->ends_on = g_strdup (ends_on);
  self->focus = g_strdupv ((char **) focus);
  if (self->focus == NULL)
    self->focus = g_new0 (char *, 1);
  json = focus_to_json (focus);

  if (!fg_store_begin (store, error))
    return NULL;

  stamp = fg_store_next_stamp (store);
  stmt = fg_store_prepare (store,
                           "INSERT INTO campaign (id, township_id, name, starts_on, ends_on, focus,"
                           "  created_at, origin_node, stamp)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                           error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, self->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, township_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, self->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, self->starts_on, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, self->ends_on, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, json, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, fg_store_get_node_id (store), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, stamp, -1, SQLITE_STATIC);
  if (!fg_store_step_done (store, stmt, error))
    goto failed;
  if (venue_ids != NULL && !insert_venues (store, self->id, venue_ids, error))
    goto failed;
  self->n_venues = venue_ids != NULL ? g_strv_length ((char **) venue_ids) : 0;

  {
    g_autofree char *after = fg_audit_dup_row (store, "campaign", self->id);
    g_autofree char *detail = NULL;

    if (self->n_venues > 0)
      {
        /* the venues go into the record of the campaign's creation */
        g_autoptr(GString) with = g_string_new (NULL);

        g_string_append_len (with, after, (gssize) strlen (after) - 1);
        g_string_append (with, ",\"venues\":[");
        for (guint i = 0; venue_ids[i] != NULL; i++)
          g_string_append_printf (with, "%s\"%s\"", i > 0 ? "," : "", venue_ids[i]);
        g_string_append (with, "]}");
        detail = g_string_free (g_steal_pointer (&with), FALSE);
      }
    if (!fg_audit_record_change (store, actor, "campaign-add", self->id, NULL,
                                 detail != NULL ? detail : after, error))
      goto failed;
  }

  if (!fg_store_commit (store, error))
    return NULL;

  return g_steal_pointer (&self);

failed:
  fg_store_rollback (store);
  return NULL;
}

/**
 * fg_campaign_list:
 * @store: the store
 * @actor: who reads
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type FgCampaign): the campaigns, the
 *   latest first
 */
GPtrArray *
fg_campaign_list (FgStore  *store,
                  FgActor  *actor,
                  GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  if (!fg_permission_check (store, actor, FG_ACTION_VENUE_READ, NULL, NULL, error))
    return NULL;

  stmt = fg_store_prepare (store,
                           "SELECT c.id, c.name, c.starts_on, c.ends_on, value,"
                           "  (SELECT count (*) FROM campaign_venue cv WHERE cv.campaign_id = c.id)"
                           " FROM campaign c LEFT JOIN json_each (c.focus)"
                           " WHERE c.deleted = 0 ORDER BY c.starts_on DESC, c.seq DESC, key",
                           error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FgCampaign *last = list->len > 0 ? g_ptr_array_index (list, list->len - 1) : NULL;
      const char *code = (const char *) sqlite3_column_text (stmt, 4);

      if (last == NULL || !g_str_equal (last->id, fg_stmt_text (stmt, 0)))
        {
          last = g_object_new (FG_TYPE_CAMPAIGN, NULL);
          last->id = g_strdup (fg_stmt_text (stmt, 0));
          last->name = g_strdup (fg_stmt_text (stmt, 1));
          last->starts_on = g_strdup (fg_stmt_text (stmt, 2));
          last->ends_on = g_strdup (fg_stmt_text (stmt, 3));
          last->focus = g_new0 (char *, 1);
          last->n_venues = (guint) sqlite3_column_int (stmt, 5);
          g_ptr_array_add (list, last);
        }

      if (code != NULL)
        {
          guint n = g_strv_length (last->focus);

          last->focus = g_renew (char *, last->focus, n + 2);
          last->focus[n] = g_strdup (code);
          last->focus[n + 1] = NULL;
        }
    }

  if (rc != SQLITE_DONE)
    {
      fg_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&list);
}

/**
 * fg_campaign_create_for_lacking:
 * @store: the store
 * @actor: township staff or administrator
 * @name: the campaign's name, e.g. "独立式烟感和简易灭火设施专项行动"
 * @starts_on: the first day, YYYY-MM-DD
 * @ends_on: the last day, YYYY-MM-DD
 * @region: (nullable): a village's, grid's or the township's code or id;
 *   the actor's area by default
 * @lack: which of the 2026 target's two things the venues lack
 * @error: return location for an error
 *
 * Starts a campaign to close the 2026 target's gap: aimed at exactly the
 * venues fg_stats_list_lacking() lists for @region and @lack now (the
 * active family workshops, street shops and old residential compounds
 * without a standalone smoke alarm, without simple extinguishing
 * equipment, or without either), its focus the item that asks about each
 * thing lacked (%FG_ITEM_SMOKE_ALARM, %FG_ITEM_SIMPLE_EXTINGUISHING). For
 * the Statistics page's target section and `firegrid-cli campaign add
 * --lacking`. Nothing is written when no venue lacks it.
 *
 * Returns: (transfer full): the campaign (fg_campaign_get_n_venues() says
 *   how many it is aimed at), or %NULL with @error set
 */
FgCampaign *
fg_campaign_create_for_lacking (FgStore      *store,
                                FgActor      *actor,
                                const char   *name,
                                const char   *starts_on,
                                const char   *ends_on,
                                const char   *region,
                                FgStatsLack   lack,
                                GError      **error)
{
  g_autoptr(GPtrArray) venues = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  const char *focus[3] = { NULL, };
  guint n_focus = 0;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);
  g_return_val_if_fail (lack <= FG_STATS_LACK_EITHER, NULL);

  /* a role that may not set up campaigns hears so before anything is read */
  if (!fg_permission_check (store, actor, FG_ACTION_CAMPAIGN_MANAGE, NULL, NULL, error))
    return NULL;

  venues = fg_stats_list_lacking (store, actor, region, lack, 0, G_MAXINT, NULL, error);
  if (venues == NULL)
    return NULL;
  if (venues->len == 0)
    {
      g_set_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_INVALID_CAMPAIGN,
                   lack == FG_STATS_LACK_SMOKE_ALARM
                   ? _("Every family workshop, street shop and old residential compound here has a standalone "
                       "smoke alarm: there is no venue for the campaign to aim at.")
                   : lack == FG_STATS_LACK_SIMPLE_EXTINGUISHING
                   ? _("Every family workshop, street shop and old residential compound here has simple "
                       "extinguishing equipment: there is no venue for the campaign to aim at.")
                   : _("Every family workshop, street shop and old residential compound here has both a "
                       "standalone smoke alarm and simple extinguishing equipment: there is no venue for the "
                       "campaign to aim at."));
      return NULL;
    }
  for (guint i = 0; i < venues->len; i++)
    g_ptr_array_add (ids, ((FgStatsVenue *) g_ptr_array_index (venues, i))->venue_id);
  g_ptr_array_add (ids, NULL);

  if (lack != FG_STATS_LACK_SIMPLE_EXTINGUISHING)
    focus[n_focus++] = FG_ITEM_SMOKE_ALARM;
  if (lack != FG_STATS_LACK_SMOKE_ALARM)
    focus[n_focus++] = FG_ITEM_SIMPLE_EXTINGUISHING;

  return fg_campaign_create_for_venues (store, actor, name, starts_on, ends_on, focus,
                                        (const char * const *) ids->pdata, error);
}

/**
 * fg_campaign_dup_venue_ids:
 * @store: the store
 * @actor: who reads
 * @campaign_id: the campaign's id
 * @error: return location for an error
 *
 * Returns: (transfer full): the ids of the venues the campaign is aimed
 *   at, by village code and name (empty for a campaign over its whole
 *   township), or %NULL with @error set
 */
GStrv
fg_campaign_dup_venue_ids (FgStore     *store,
                           FgActor     *actor,
                           const char  *campaign_id,
                           GError     **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);
  g_return_val_if_fail (campaign_id != NULL, NULL);

  if (!fg_permission_check (store, actor, FG_ACTION_VENUE_READ, NULL, NULL, error))
    return NULL;

  stmt = fg_store_prepare (store,
                           "SELECT v.id FROM campaign_venue cv JOIN venue v ON v.id = cv.venue_id"
                           " JOIN region r ON r.id = v.village_id"
                           " WHERE cv.campaign_id = ?1 ORDER BY r.code, v.name_key, v.seq",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, campaign_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup (fg_stmt_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    {
      fg_store_set_error (store, rc, error);
      return NULL;
    }
  g_ptr_array_add (ids, NULL);
  return (GStrv) g_ptr_array_steal (ids, NULL);
}
