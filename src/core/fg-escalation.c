/* fg-escalation.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules are data (data/escalation/rules.xml): the steps an overdue
 * order of the township climbs (its own enforcement, then the police
 * station or the county fire-rescue brigade, then the county government),
 * each after its working days at the step before; how recent a repeat of
 * the same failed item at the same venue counts; and within how many
 * working days the office re-inspects a hazard the venue reported fixed.
 *
 * A run looks at every hazard the actor may manage. An order still
 * uncorrected climbs one step when it has stayed its days at the step it
 * is on, so it keeps climbing as the days pass, and a second run on the
 * same day finds every hazard it moved at a step reached that day: it
 * adds nothing. A hazard reported fixed is never pressed: its clock
 * stopped, and a late re-inspection is the office's, counted for it. A
 * notice that found nobody to serve it on is served another way before
 * its deadline is pressed; a refusal to sign was served by leaving the
 * document (留置送达) and is pressed like any other order.
 *
 * A run is dated on the day it judges: its events and their audit records
 * carry that day, and so do their notes.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "fg-calendar.h"
#include "fg-escalation-private.h"
#include "fg-hazard-private.h"
#include "fg-permission-private.h"
#include "fg-region-private.h"
#include "fg-store-private.h"

/* no holiday lasts a month: a bound for walking the calendar */
#define MAX_WALK_DAYS 400

typedef FgEscalationRules Rules;
typedef FgEscalationStep Step;
typedef FgEscalationTarget Target;

/* The step @level belongs to; -1 for a hazard not escalated yet, or
 * escalated to a village committee or the township government by an older
 * version of these rules (the chain begins above them now); the number of
 * steps for a level outside the chain, which climbs no further. */
static int
step_of_level (const Rules *rules,
               const char  *level)
{
  if (level == NULL || g_str_equal (level, "village") || g_str_equal (level, "township"))
    return -1;

  for (guint i = 0; i < rules->steps->len; i++)
    {
      Step *step = g_ptr_array_index (rules->steps, i);

      for (guint j = 0; j < step->targets->len; j++)
        if (g_str_equal (((Target *) g_ptr_array_index (step->targets, j))->level, level))
          return (int) i;
    }

  return (int) rules->steps->len;
}

static gboolean
venue_is_key_unit (FgStore  *store,
                   FgHazard *hazard)
{
  g_autoptr(sqlite3_stmt) stmt = fg_store_prepare (store, "SELECT key_unit FROM venue WHERE id = ?1", NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, fg_hazard_get_venue_id (hazard), -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
}

/* Where @step sends @hazard: the first target whose condition it meets. */
static const char *
step_level (FgStore    *store,
            const Step *step,
            FgHazard   *hazard)
{
  for (guint i = 0; i < step->targets->len; i++)
    {
      const Target *target = g_ptr_array_index (step->targets, i);

      if (target->condition == NULL ||
          (g_str_equal (target->condition, "key-unit") && venue_is_key_unit (store, hazard)) ||
          (g_str_equal (target->condition, "possibly-major") &&
           (fg_hazard_get_grade (hazard) == FG_HAZARD_GRADE_MAJOR_PROPOSED || fg_hazard_get_major_confirmed (hazard))))
        return target->level;
    }

  return NULL;
}

static gboolean
escalate (FgStore     *store,
          FgActor     *actor,
          FgHazard    *hazard,
          const char  *level,
          const char  *note,
          GError     **error)
{
  const FgHazardEventDetails details = { .note = note, .level = level };

  return fg_hazard_append_event (store, actor, fg_hazard_get_id (hazard), FG_HAZARD_EVENT_ESCALATED,
                                 &details, error);
}

/* Whether the same item was found failing at the venue before this one,
 * within the rule's months. "Before" is the time found, then the id (ids
 * are time-ordered), never the local row number: every office that holds
 * both hazards must agree which one repeats the other. */
static gboolean
is_repeat (FgStore     *store,
           const Rules *rules,
           FgHazard    *hazard)
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

/* Moves an uncorrected order one step up when it has stayed its working
 * days where it is: past its deadline for the first step, at the step
 * before for the others (and past a deadline set since, if any). Sets
 * @climbed when it did. */
static gboolean
climb (FgStore      *store,
       FgActor      *actor,
       const Rules  *rules,
       FgHazard     *hazard,
       const GDate  *today,
       gboolean     *climbed,
       GError      **error)
{
  const char *deadline = fg_hazard_get_deadline (hazard);
  const char *escalated_on = fg_hazard_get_escalated_on (hazard);
  const char *level = fg_hazard_get_escalation_level (hazard);
  int current = step_of_level (rules, level);
  const Step *next;
  const char *next_level;
  const char *since;
  g_autoptr(GDate) start = NULL;
  g_autofree char *today_text = fg_calendar_format_date (today);
  g_autofree char *note = NULL;
  int days;

  *climbed = FALSE;
  if (deadline == NULL || current + 1 >= (int) rules->steps->len)
    return TRUE;  /* no order to press, or at the top already */

  next = g_ptr_array_index (rules->steps, current + 1);
  since = current >= 0 && escalated_on != NULL && g_strcmp0 (escalated_on, deadline) > 0 ? escalated_on : deadline;
  start = fg_calendar_parse_date (since, NULL);
  if (start == NULL)
    return TRUE;
  days = fg_calendar_count_workdays (store, start, today);
  if (days < (int) next->working_days)
    return TRUE;

  next_level = step_level (store, next, hazard);
  if (next_level == NULL)
    return TRUE;

  if (since == deadline)
    note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Automatic, %s: %d working day past the deadline %s, not corrected.",
                                         "Automatic, %s: %d working days past the deadline %s, not corrected.",
                                         days),
                            today_text, days, deadline);
  else
    note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Automatic, %s: %d working day with %s since %s, not corrected.",
                                         "Automatic, %s: %d working days with %s since %s, not corrected.",
                                         days),
                            today_text, days, fg_escalation_level_get_label (level), since);

  if (!escalate (store, actor, hazard, next_level, note, error))
    return FALSE;
  *climbed = TRUE;
  return TRUE;
}

/* Judges one hazard and counts what it found. */
static gboolean
judge (FgStore            *store,
       FgActor            *actor,
       const Rules        *rules,
       FgHazard           *hazard,
       const GDate        *today,
       FgEscalationReport *counts,
       GError            **error)
{
  FgHazardState state = fg_hazard_get_state (hazard);
  gboolean climbed = FALSE;

  switch (state)
    {
    case FG_HAZARD_STATE_REPORTED_FIXED:
      /* the venue's clock stopped; the office's runs */
      if (fg_escalation_count_reinspection_late (store, hazard, today) > 0)
        counts->n_reinspection_late++;
      return TRUE;

    case FG_HAZARD_STATE_RECTIFYING:
      if (fg_hazard_awaits_other_service (hazard))
        {
          /* nobody took it: serve it another way before pressing it */
          counts->n_unserved++;
          return TRUE;
        }
      G_GNUC_FALLTHROUGH;
    case FG_HAZARD_STATE_ESCALATED:
      if (!climb (store, actor, rules, hazard, today, &climbed, error))
        return FALSE;
      if (climbed)
        counts->n_overdue++;
      return TRUE;

    case FG_HAZARD_STATE_OPEN:
      if (fg_hazard_get_escalation_level (hazard) == NULL && rules->steps->len > 0 &&
          is_repeat (store, rules, hazard))
        {
          g_autofree char *today_text = fg_calendar_format_date (today);
          g_autofree char *note =
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Automatic, %s: the same item failed at this venue within the last %u month.",
                                          "Automatic, %s: the same item failed at this venue within the last %u months.",
                                          rules->repeat_months),
                             today_text, rules->repeat_months);
          const char *level = step_level (store, g_ptr_array_index (rules->steps, 0), hazard);

          if (level == NULL)
            return TRUE;
          if (!escalate (store, actor, hazard, level, note, error))
            return FALSE;
          counts->n_repeated++;
        }
      return TRUE;

    case FG_HAZARD_STATE_VERIFIED:
    case FG_HAZARD_STATE_TRANSFERRED:
    case FG_HAZARD_STATE_CLOSED:
    case FG_HAZARD_N_STATES:
    default:
      return TRUE;
    }
}

static gboolean
run_rules (FgStore            *store,
           FgActor            *actor,
           const Rules        *rules,
           const GDate        *today,
           FgEscalationReport *counts,
           GError            **error)
{
  g_autoptr(GPtrArray) hazards = fg_hazard_list (store, actor, NULL, NULL, -1, error);

  if (hazards == NULL)
    return FALSE;

  if (!fg_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < hazards->len; i++)
    if (!judge (store, actor, rules, g_ptr_array_index (hazards, i), today, counts, error))
      {
        fg_store_rollback (store);
        return FALSE;
      }

  return fg_store_commit (store, error);
}

/**
 * fg_escalation_run:
 * @store: the store
 * @actor: who runs the rules (someone who may manage hazards); the
 *   escalations are recorded in their name
 * @today: the day to judge on (a user may replay a day the program was
 *   not run); the escalations are dated on it
 * @report: (out) (optional): what was escalated and what is waiting
 * @error: return location for an error
 *
 * Applies the escalation rules to every hazard in the actor's scope, in
 * one transaction: an order uncorrected for the working days of the next
 * step (past its deadline, or at the step it is on) climbs one step, and
 * a hazard whose item failed at the same venue within the rule's months
 * goes to the first step. Nothing is handed on for a refusal to sign,
 * which is service; a notice that found nobody to serve it on is counted,
 * to be served another way, and so is each hazard reported fixed that the
 * office has not re-inspected in time. Running it twice on a day adds
 * nothing.
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
  g_autoptr(FgEscalationRules) rules = NULL;
  g_autoptr(GDate) clock_day = NULL;
  FgEscalationReport counts = { 0 };
  GTimeSpan offset;
  gboolean ok;

  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  if (report != NULL)
    *report = counts;

  if (!fg_permission_check (store, actor, FG_ACTION_HAZARD_MANAGE, NULL, NULL, error))
    return FALSE;
  rules = fg_escalation_rules_get (store, error);
  if (rules == NULL)
    return FALSE;

  /* the store's clock dates the events and their audit records: on the
   * day judged, at the time of day it is */
  offset = fg_store_get_clock_offset (store);
  clock_day = fg_store_today (store);
  fg_store_set_clock_offset (store, offset + g_date_days_between (clock_day, today) * G_TIME_SPAN_DAY);
  ok = run_rules (store, actor, rules, today, &counts, error);
  fg_store_set_clock_offset (store, offset);

  if (ok && report != NULL)
    *report = counts;
  return ok;
}

/**
 * fg_escalation_get_reinspection_days:
 * @store: the store (the office's own rules, if it loaded some)
 *
 * Returns: within how many working days after a venue reports a hazard
 *   fixed the office re-inspects it (the rules' number); 0 if the rules
 *   cannot be read
 */
guint
fg_escalation_get_reinspection_days (FgStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgEscalationRules) rules = NULL;

  g_return_val_if_fail (FG_IS_STORE (store), 0);

  rules = fg_escalation_rules_get (store, &error);
  if (rules == NULL)
    {
      g_warning ("The escalation rules could not be read: %s", error->message);
      return 0;
    }
  return rules->reinspection_days;
}

/**
 * fg_escalation_dup_reinspection_due:
 * @store: the store (its holiday calendar)
 * @hazard: a hazard
 *
 * Returns: (transfer full) (nullable): the last day for the office to
 *   re-inspect a hazard the venue reported fixed, YYYY-MM-DD; %NULL for a
 *   hazard in another state
 */
char *
fg_escalation_dup_reinspection_due (FgStore  *store,
                                    FgHazard *hazard)
{
  g_autoptr(GDate) reported = NULL;
  g_autoptr(GDate) due = NULL;
  guint days;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (FG_IS_HAZARD (hazard), NULL);

  if (fg_hazard_get_state (hazard) != FG_HAZARD_STATE_REPORTED_FIXED ||
      fg_hazard_get_reported_fixed_on (hazard) == NULL)
    return NULL;
  reported = fg_calendar_parse_date (fg_hazard_get_reported_fixed_on (hazard), NULL);
  days = fg_escalation_get_reinspection_days (store);
  if (reported == NULL || days == 0)
    return NULL;

  due = fg_calendar_add_workdays (store, reported, days);
  if (due == NULL)
    return NULL;
  return fg_calendar_format_date (due);
}

/**
 * fg_escalation_count_reinspection_late:
 * @store: the store
 * @hazard: a hazard
 * @today: the day to count to
 *
 * Returns: how many working days the office's re-inspection of a hazard
 *   reported fixed is late on @today (positive: late), negative while
 *   there is time left; 0 for a hazard in another state
 */
int
fg_escalation_count_reinspection_late (FgStore     *store,
                                       FgHazard    *hazard,
                                       const GDate *today)
{
  g_autofree char *due_text = NULL;
  g_autoptr(GDate) due = NULL;

  g_return_val_if_fail (FG_IS_STORE (store), 0);
  g_return_val_if_fail (FG_IS_HAZARD (hazard), 0);
  g_return_val_if_fail (today != NULL, 0);

  due_text = fg_escalation_dup_reinspection_due (store, hazard);
  if (due_text == NULL)
    return 0;
  due = fg_calendar_parse_date (due_text, NULL);
  return fg_calendar_count_workdays (store, due, today);
}

/**
 * fg_escalation_dup_reinspection_late_before:
 * @store: the store (its holiday calendar)
 * @today: the day the ledger counts for
 *
 * The ledger's test for a late re-inspection, as a day: a hazard reported
 * fixed before it (YYYY-MM-DD, compared as text) has waited longer than
 * the rules' working days on @today. It is the rules' number of working
 * days back from the day before the last working day up to @today.
 *
 * Returns: (transfer full) (nullable): the day; %NULL if the rules
 *   cannot be read
 */
char *
fg_escalation_dup_reinspection_late_before (FgStore     *store,
                                            const GDate *today)
{
  g_autoptr(GDate) day = NULL;
  guint days = fg_escalation_get_reinspection_days (store);
  guint walked = 0;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  if (days == 0)
    return NULL;

  /* the last working day up to today */
  day = g_date_copy (today);
  while (walked++ < MAX_WALK_DAYS && !fg_calendar_is_workday (store, day))
    g_date_subtract_days (day, 1);

  /* then back, to the rules' number of working days before it */
  while (days > 0 && walked++ < MAX_WALK_DAYS)
    {
      g_date_subtract_days (day, 1);
      if (fg_calendar_is_workday (store, day))
        days--;
    }

  return fg_calendar_format_date (day);
}

/**
 * fg_escalation_level_get_label:
 * @level: a level of the chain, as events record it
 *
 * Returns: the body the level stands for, in the user's language; @level
 *   itself when it is none the program knows
 */
const char *
fg_escalation_level_get_label (const char *level)
{
  static const struct
  {
    const char *id;
    const char *label;
  } labels[] = {
    /* the levels of older histories */
    { "village", N_("Village committee") },
    { "township", N_("Township government") },
    { "township-enforcement", N_("Township enforcement") },
    { "police-station", N_("Police station") },
    { "county-brigade", N_("County fire brigade") },
    { "county-government", N_("County government") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].id, level) == 0)
      return _(labels[i].label);
  return level;
}

/* The name of the county a region lies in (郏县), read up the tree; NULL
 * when it is not known by name (a county set up by its code alone). */
static char *
dup_county_name (FgStore    *store,
                 const char *region_id)
{
  g_autoptr(FgRegion) region = NULL;
  const char *id = region_id;

  while (id != NULL)
    {
      g_autoptr(FgRegion) up = fg_region_find (store, id, NULL);
      const char *name;

      if (up == NULL)
        return NULL;
      name = fg_region_get_name (up);
      if (fg_region_get_level (up) == FG_REGION_LEVEL_COUNTY)
        return *name != '\0' && !fg_region_name_has_digits (name) ? g_strdup (name) : NULL;
      g_set_object (&region, up);
      id = fg_region_get_parent_id (region);
    }
  return NULL;
}

/**
 * fg_escalation_dup_office_name:
 * @store: the store
 * @hazard: a hazard that was escalated
 *
 * Where @hazard went: a county's office by its name, as the documents
 * name it (郏县人民政府, 郏县消防救援大队), or the body its level stands for.
 *
 * Returns: (transfer full) (nullable): the name; %NULL when the hazard was
 *   never escalated
 */
char *
fg_escalation_dup_office_name (FgStore  *store,
                               FgHazard *hazard)
{
  const char *level;
  g_autofree char *county = NULL;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (FG_IS_HAZARD (hazard), NULL);

  level = fg_hazard_get_escalation_level (hazard);
  if (level == NULL)
    return NULL;
  if (g_str_equal (level, "county-government") || g_str_equal (level, "county-brigade"))
    county = dup_county_name (store, fg_hazard_get_village_id (hazard));
  if (county == NULL)
    return g_strdup (fg_escalation_level_get_label (level));
  /* the names are the offices' own, in Chinese in every language */
  return g_strconcat (county, g_str_equal (level, "county-government") ? "人民政府" : "消防救援大队", NULL);
}
