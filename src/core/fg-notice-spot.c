/* fg-notice-spot.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An order to correct at once (责令立即改正通知书) is for what can be put
 * right while the inspectors wait: a locked exit, a blocked hydrant, a
 * fire door propped open. They check it on the spot and note on the paper
 * whether it was corrected, and when. Here that check becomes what any
 * other re-inspection is: each hazard of the order is re-inspected as
 * fixed ("当场改正" with the time), then closed (销号), in one step. An
 * order not complied with stays due that day, and its hazards fall due
 * for escalation like those of any order past its deadline.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "fg-calendar.h"
#include "fg-hazard-private.h"
#include "fg-notice-private.h"
#include "fg-permission-private.h"
#include "fg-store-private.h"

/* "09:05" from @time, or the store's clock when @time is NULL; NULL with
 * @error set when @time is no time of day. */
static char *
time_of_check (FgStore     *store,
               const char  *time,
               GError     **error)
{
  g_autoptr(GDateTime) now = NULL;
  guint64 hours = 0, minutes = 0;
  g_auto(GStrv) parts = NULL;

  if (time == NULL)
    {
      now = fg_store_now (store);
      return g_date_time_format (now, "%H:%M");
    }

  parts = g_strsplit (time, ":", -1);
  if (g_strv_length (parts) != 2 || strlen (parts[0]) != 2 || strlen (parts[1]) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 0, 23, &hours, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 0, 59, &minutes, NULL))
    {
      g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID,
                   _("Give the time of the check as HH:MM, e.g. 09:05, not “%s”."), time);
      return NULL;
    }
  return g_strdup_printf ("%02u:%02u", (guint) hours, (guint) minutes);
}

/* The order's hazards, each of which must still be waiting for it. */
static GPtrArray *
load_waiting_hazards (FgStore     *store,
                      FgActor     *actor,
                      FgNotice    *order,
                      GError     **error)
{
  g_autoptr(GPtrArray) hazards = g_ptr_array_new_with_free_func (g_object_unref);
  const char * const *ids = fg_notice_get_hazard_ids (order);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      FgHazard *hazard = fg_hazard_load (store, actor, ids[i], error);

      if (hazard == NULL)
        return NULL;
      g_ptr_array_add (hazards, hazard);
      if (!fg_hazard_event_allowed (fg_hazard_get_state (hazard), FG_HAZARD_EVENT_REINSPECTED_PASS))
        {
          g_set_error (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_NOT_ALLOWED,
                       _("“%s” cannot be checked on the spot: the hazard is “%s”."),
                       fg_hazard_get_item_text (hazard), fg_hazard_state_get_label (fg_hazard_get_state (hazard)));
          return NULL;
        }
    }
  return g_steal_pointer (&hazards);
}

/* Whether @order may be checked on the spot now: an order to correct at
 * once, not voided, issued today, each of its hazards still waiting for
 * it; those hazards in @hazards. */
static gboolean
check_on_spot (FgStore     *store,
               FgActor     *actor,
               FgNotice    *order,
               GPtrArray  **hazards,
               GError     **error)
{
  g_autoptr(GDate) today = NULL;
  g_autofree char *today_text = NULL;

  if (fg_notice_get_kind (order) != FG_NOTICE_KIND_CORRECT_NOW)
    {
      g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID,
                   _("Only an order to correct at once is checked on the spot; %s is a “%s”."),
                   fg_notice_get_number (order), fg_notice_kind_get_label (fg_notice_get_kind (order)));
      return FALSE;
    }
  if (fg_notice_get_voided (order))
    {
      g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_VOID,
                   _("The notice %s was voided: there is nothing to check."), fg_notice_get_number (order));
      return FALSE;
    }
  today = fg_store_today (store);
  today_text = fg_calendar_format_date (today);
  if (g_strcmp0 (today_text, fg_notice_get_issued_on (order)) != 0)
    {
      g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID,
                   _("%s was issued on %s: it is checked on the spot that day. Record a later check as a "
                     "re-inspection."),
                   fg_notice_get_number (order), fg_notice_get_issued_on (order));
      return FALSE;
    }
  *hazards = load_waiting_hazards (store, actor, order, error);
  return *hazards != NULL;
}

/**
 * fg_notice_awaits_check_on_spot:
 * @store: the store
 * @actor: who would record the check
 * @order: a document
 *
 * Whether @order is an order to correct at once, issued today, not
 * voided, whose hazards all still wait for it: what
 * fg_notice_record_corrected_on_spot() would accept, but for who may
 * record it (fg_actor_can() with %FG_ACTION_HAZARD_MANAGE). Nothing is
 * written.
 *
 * Returns: whether the check on the spot can be recorded now
 */
gboolean
fg_notice_awaits_check_on_spot (FgStore  *store,
                                FgActor  *actor,
                                FgNotice *order)
{
  g_autoptr(GPtrArray) hazards = NULL;

  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (FG_IS_NOTICE (order), FALSE);

  return check_on_spot (store, actor, order, &hazards, NULL);
}

/**
 * fg_notice_record_corrected_on_spot:
 * @store: the store
 * @actor: one of the inspectors (who may manage hazards)
 * @order: an order to correct at once
 * @time: (nullable): when it was found corrected, "HH:MM"; %NULL for now
 * @error: return location for an error
 *
 * Records that the venue put right every hazard of @order while the
 * inspectors were there, the day the order was issued: each hazard is
 * re-inspected as fixed, with "当场改正" and the time in its note and the
 * order as its document, then closed. Refused for any other kind of
 * document, a voided one, on another day (a later check is an ordinary
 * re-inspection), or when a hazard of it is not waiting for it any more.
 *
 * Returns: %TRUE on success
 */
gboolean
fg_notice_record_corrected_on_spot (FgStore     *store,
                                    FgActor     *actor,
                                    FgNotice    *order,
                                    const char  *time,
                                    GError     **error)
{
  g_autoptr(GPtrArray) hazards = NULL;
  g_autofree char *at = NULL;
  g_autofree char *fixed_note = NULL;
  g_autofree char *closed_note = NULL;

  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (FG_IS_NOTICE (order), FALSE);

  if (!fg_permission_check (store, actor, FG_ACTION_HAZARD_MANAGE, fg_notice_private_get_region_code (order),
                            fg_notice_get_id (order), error))
    return FALSE;
  if (!check_on_spot (store, actor, order, &hazards, error))
    return FALSE;
  at = time_of_check (store, time, error);
  if (at == NULL)
    return FALSE;

  fixed_note = g_strdup_printf ("当场改正（%s %s，检查人员当场核查）", fg_notice_get_issued_on (order), at);
  closed_note = g_strdup_printf ("当场改正，依%s销号", fg_notice_get_number (order));
  if (!fg_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < hazards->len; i++)
    {
      const char *id = fg_hazard_get_id (g_ptr_array_index (hazards, i));
      const FgHazardEventDetails fixed = { .note = fixed_note, .notice_id = fg_notice_get_id (order) };
      const FgHazardEventDetails closed = { .note = closed_note, .notice_id = fg_notice_get_id (order) };

      if (!fg_hazard_append_event (store, actor, id, FG_HAZARD_EVENT_REINSPECTED_PASS, &fixed, error) ||
          !fg_hazard_append_event (store, actor, id, FG_HAZARD_EVENT_CLOSED, &closed, error))
        {
          fg_store_rollback (store);
          return FALSE;
        }
    }
  return fg_store_commit (store, error);
}
