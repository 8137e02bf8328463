/* fg-escalation.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules are data (data/escalation/rules.xml): how many working days
 * past its deadline a hazard may be, how recent a repeat of the same
 * failed item at the same venue counts, the chain a hazard climbs, and
 * who takes a hazard whose notice could not be served.
 * A run looks at every hazard the actor may manage and escalates each
 * that a rule catches by one level. Escalating changes the hazard's state,
 * so a second run on the same day escalates nothing again.
 */
#include "config.h"

#include <stdlib.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "fg-calendar.h"
#include "fg-escalation.h"
#include "fg-hazard-private.h"
#include "fg-permission-private.h"
#include "fg-store-private.h"
#include "fg-xml-private.h"

#define RULES_RESOURCE "/io/github/firegrid/core/escalation/rules.xml"
#define SCHEMA_RESOURCE "/io/github/firegrid/core/schema/escalation-1.xsd"
#define ESCALATION_NS "urn:firegrid:escalation:1"

typedef struct
{
  GPtrArray *chain;  /* level ids, lowest first */
  guint overdue_days;
  guint repeat_months;
  char *service_failed_target;  /* nullable: the rule is off */
} Rules;

static void
rules_clear (Rules *rules)
{
  g_clear_pointer (&rules->chain, g_ptr_array_unref);
  g_clear_pointer (&rules->service_failed_target, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Rules, rules_clear)

static gboolean
load_rules (Rules   *rules,
            GError **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RULES_RESOURCE, 0, error);
  xmlDoc *doc;

  if (bytes == NULL)
    return FALSE;

  doc = fg_xml_read_valid (bytes, "rules.xml", SCHEMA_RESOURCE, _("a valid set of escalation rules"),
                           G_IO_ERROR, G_IO_ERROR_INVALID_DATA, error);
  if (doc == NULL)
    return FALSE;

  rules->chain = g_ptr_array_new_with_free_func (g_free);
  for (xmlNode *node = xmlDocGetRootElement (doc)->children; node != NULL; node = node->next)
    {
      if (fg_xml_is_element (node, "chain", ESCALATION_NS))
        {
          for (xmlNode *level = node->children; level != NULL; level = level->next)
            if (fg_xml_is_element (level, "level", ESCALATION_NS))
              g_ptr_array_add (rules->chain, fg_xml_dup_prop (level, "id"));
        }
      else if (fg_xml_is_element (node, "overdue", ESCALATION_NS))
        {
          g_autofree char *days = fg_xml_dup_prop (node, "working-days");
          rules->overdue_days = (guint) atoi (days);
        }
      else if (fg_xml_is_element (node, "repeat", ESCALATION_NS))
        {
          g_autofree char *months = fg_xml_dup_prop (node, "months");
          rules->repeat_months = (guint) atoi (months);
        }
      else if (fg_xml_is_element (node, "service-failed", ESCALATION_NS))
        {
          rules->service_failed_target = fg_xml_dup_prop (node, "transfer-to");
        }
    }

  xmlFreeDoc (doc);
  return TRUE;
}

/* The level after @current in the chain; the first level for a hazard
 * never escalated; NULL at the top. */
static const char *
next_level (Rules      *rules,
            const char *current)
{
  if (current == NULL)
    return g_ptr_array_index (rules->chain, 0);

  for (guint i = 0; i + 1 < rules->chain->len; i++)
    if (g_str_equal (g_ptr_array_index (rules->chain, i), current))
      return g_ptr_array_index (rules->chain, i + 1);

  /* a level outside the chain (police station): the one above it */
  if (g_str_equal (current, "police-station"))
    return "county-brigade";

  return NULL;
}

static gboolean
escalate (FgStore     *store,
          FgActor     *actor,
          Rules       *rules,
          FgHazard    *hazard,
          const char  *note,
          GError     **error)
{
  const FgHazardEventDetails details = {
    .note = note,
    .level = next_level (rules, fg_hazard_get_escalation_level (hazard)),
  };

  if (details.level == NULL)
    return TRUE;  /* at the top of the chain already */

  return fg_hazard_append_event (store, actor, fg_hazard_get_id (hazard),
                                 FG_HAZARD_EVENT_ESCALATED, &details, error);
}

/* Whether the same item was found failing at the venue before this one,
 * within the rule's months. "Before" is the time found, then the id (ids
 * are time-ordered), never the local row number: every office that holds
 * both hazards must agree which one repeats the other. */
static gboolean
is_repeat (FgStore    *store,
           Rules      *rules,
           FgHazard   *hazard)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *since = NULL;
  g_autofree char *found_day = g_strndup (fg_hazard_get_found_at (hazard), 10);
  g_autoptr(GDate) found = fg_calendar_parse_date (found_day, NULL);

  if (found == NULL)
    return FALSE;
  g_date_subtract_months (found, rules->repeat_months);
  since = fg_calendar_format_date (found);

  stmt = fg_store_prepare (store,
                           "SELECT 1 FROM hazard WHERE venue_id = ?1 AND item_code = ?2"
                           " AND (found_at, id) < (SELECT found_at, id FROM hazard WHERE id = ?3)"
                           " AND found_at >= ?4 AND deleted = 0 LIMIT 1",
                           NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, fg_hazard_get_venue_id (hazard), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, fg_hazard_get_item_code (hazard), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, fg_hazard_get_id (hazard), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, since, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

/**
 * fg_escalation_run:
 * @store: the store
 * @actor: who runs the rules (someone who may manage hazards); the
 *   escalations are recorded in their name
 * @today: the day to judge deadlines on (a test or a user may replay a day)
 * @report: (out) (optional): what was escalated
 * @error: return location for an error
 *
 * Applies the escalation rules to every hazard in the actor's scope, in
 * one transaction: a hazard whose deadline passed by the rule's working
 * days, and a hazard whose item failed at the same venue within the rule's
 * months, go one level up the chain; a hazard whose notice was refused or
 * found nobody to serve it on is transferred (to the police station).
 *
 * Returns: %TRUE on success
 */
gboolean
fg_escalation_run (FgStore             *store,
                   FgActor             *actor,
                   const GDate         *today,
                   FgEscalationReport  *report,
                   GError             **error)
{
  g_auto(Rules) rules = { 0 };
  g_autoptr(GPtrArray) hazards = NULL;
  FgEscalationReport counts = { 0 };

  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  if (report != NULL)
    *report = counts;

  if (!fg_permission_check (store, actor, FG_ACTION_HAZARD_MANAGE, NULL, NULL, error))
    return FALSE;
  if (!load_rules (&rules, error))
    return FALSE;

  hazards = fg_hazard_list (store, actor, NULL, NULL, -1, error);
  if (hazards == NULL)
    return FALSE;

  if (!fg_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < hazards->len; i++)
    {
      FgHazard *hazard = g_ptr_array_index (hazards, i);
      FgHazardState state = fg_hazard_get_state (hazard);

      if (state == FG_HAZARD_STATE_RECTIFYING && fg_hazard_get_service_failed (hazard) &&
          rules.service_failed_target != NULL)
        {
          const FgHazardEventDetails details = {
            .note = _("Automatic: the notice could not be served (refused, or nobody to serve it on)."),
            .target = rules.service_failed_target,
          };

          if (!fg_hazard_append_event (store, actor, fg_hazard_get_id (hazard),
                                       FG_HAZARD_EVENT_TRANSFERRED, &details, error))
            goto failed;
          counts.n_transferred++;
        }
      else if (state == FG_HAZARD_STATE_RECTIFYING || state == FG_HAZARD_STATE_REPORTED_FIXED)
        {
          int overdue = fg_hazard_count_overdue (store, hazard, today);

          if (overdue >= (int) MAX (rules.overdue_days, 1))
            {
              g_autofree char *note =
                g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Automatic: the deadline %s passed %d working day ago.",
                                              "Automatic: the deadline %s passed %d working days ago.",
                                              overdue),
                                 fg_hazard_get_deadline (hazard), overdue);

              if (!escalate (store, actor, &rules, hazard, note, error))
                goto failed;
              counts.n_overdue++;
            }
        }
      else if (state == FG_HAZARD_STATE_OPEN && fg_hazard_get_escalation_level (hazard) == NULL &&
               is_repeat (store, &rules, hazard))
        {
          g_autofree char *note =
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Automatic: the same item failed at this venue within the last %u month.",
                                          "Automatic: the same item failed at this venue within the last %u months.",
                                          rules.repeat_months),
                             rules.repeat_months);

          if (!escalate (store, actor, &rules, hazard, note, error))
            goto failed;
          counts.n_repeated++;
        }
    }

  if (!fg_store_commit (store, error))
    return FALSE;

  if (report != NULL)
    *report = counts;
  return TRUE;

failed:
  fg_store_rollback (store);
  return FALSE;
}
