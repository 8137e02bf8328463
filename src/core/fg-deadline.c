/* fg-deadline.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What an officer is asked to confirm before a deadline is set (an order
 * to correct by a deadline, an extension, a failed re-inspection's new
 * period): a deadline far beyond what the checklist gives its items, which
 * is more often a slip of the date picker than a decision, and one that
 * falls in a year whose holiday arrangement is not installed, so that its
 * working days are counted with weekends as the only days off.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "fg-calendar.h"
#include "fg-deadline.h"

/* What the proposal gives a hazard whose item names no period (see
 * fg_hazard_propose_deadline()). */
#define DEFAULT_WORKDAYS 5

/* The longest default period, in working days, of the hazards of @ids
 * that @actor may read; 0 when there is none. */
static guint
longest_default (FgStore            *store,
                 FgActor            *actor,
                 const char * const *ids,
                 FgHazardEventKind   kind,
                 GDate             **from)
{
  guint longest = 0;

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      g_autoptr(FgHazard) hazard = fg_hazard_load (store, actor, ids[i], NULL);
      guint days;

      if (hazard == NULL)
        continue;
      days = fg_hazard_get_deadline_days (hazard) > 0 ? fg_hazard_get_deadline_days (hazard) : DEFAULT_WORKDAYS;
      longest = MAX (longest, days);

      /* an extension runs on from the deadline it extends, if that is ahead */
      if (kind == FG_HAZARD_EVENT_DEADLINE_EXTENDED && fg_hazard_get_deadline (hazard) != NULL)
        {
          g_autoptr(GDate) running = fg_calendar_parse_date (fg_hazard_get_deadline (hazard), NULL);

          if (running != NULL && g_date_compare (running, *from) > 0)
            {
              g_date_free (*from);
              *from = g_steal_pointer (&running);
            }
        }
    }

  return longest;
}

/**
 * fg_deadline_dup_warnings:
 * @store: the store (its holiday calendar)
 * @actor: who sets the deadline
 * @hazard_ids: the hazards the deadline is for
 * @kind: the event that sets it: %FG_HAZARD_EVENT_NOTICE_ISSUED (an order
 *   to correct by a deadline), %FG_HAZARD_EVENT_DEADLINE_EXTENDED or
 *   %FG_HAZARD_EVENT_REINSPECTED_FAIL (a new period)
 * @today: the day it is set
 * @deadline: the deadline, YYYY-MM-DD
 *
 * What to ask the officer to confirm before the deadline is set:
 *
 * - a deadline far beyond the default: more than
 *   %FG_DEADLINE_FAR_MIN_WORKDAYS working days (about four weeks) from
 *   today, or from the running deadline an extension runs on from, and
 *   more than twice the longest default period (the checklist item's
 *   deadline-days; 5 working days when it names none) of its hazards;
 * - a deadline in a year (or after one) whose holiday arrangement is not
 *   installed.
 *
 * A deadline that is not a date gives no warning: setting it is refused.
 *
 * Returns: (transfer full): the warnings, translated, one sentence each;
 *   an empty list when there are none
 */
char **
fg_deadline_dup_warnings (FgStore            *store,
                          FgActor            *actor,
                          const char * const *hazard_ids,
                          FgHazardEventKind   kind,
                          const GDate        *today,
                          const char         *deadline)
{
  g_autoptr(GStrvBuilder) warnings = g_strv_builder_new ();
  g_autoptr(GDate) date = NULL;
  g_autoptr(GDate) from = NULL;
  guint longest;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  date = deadline != NULL ? fg_calendar_parse_date (deadline, NULL) : NULL;
  if (date == NULL || g_date_compare (date, today) <= 0)
    return g_strv_builder_end (warnings);

  from = g_date_copy (today);
  longest = longest_default (store, actor, hazard_ids, kind, &from);
  if (longest > 0 && g_date_compare (date, from) > 0)
    {
      int workdays = fg_calendar_count_workdays (store, from, date);

      if (workdays > FG_DEADLINE_FAR_MIN_WORKDAYS && workdays > 2 * (int) longest)
        {
          g_autofree char *warning = g_strdup_printf (_("The deadline %s gives %d working days, more than twice "
                                                        "the longest the checklist gives these hazards (%u "
                                                        "working days). Check the date."),
                                                      deadline, workdays, longest);

          g_strv_builder_add (warnings, warning);
        }
    }

  /* the first year the count runs through without its holidays */
  for (int year = g_date_get_year (today); year <= g_date_get_year (date); year++)
    if (!fg_calendar_knows_year (store, year))
      {
        g_autofree char *warning = g_strdup_printf (_("The holidays of %d are not installed, so the working "
                                                      "days up to %s are counted with weekends as the only "
                                                      "days off. Check the date against the official holiday "
                                                      "arrangement, or install the calendar of %d."),
                                                    year, deadline, year);

        g_strv_builder_add (warnings, warning);
        break;
      }

  return g_strv_builder_end (warnings);
}
