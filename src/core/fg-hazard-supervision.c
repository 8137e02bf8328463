/* fg-hazard-supervision.c — the county's supervision of a hazard (挂牌督办)
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A county office supervises a hazard still to be corrected in one of its
 * townships: an instruction, in words, and the day by which the township
 * is to answer it. The township answers with a reply. Both are events of
 * the hazard (supervised, supervision-replied), recorded by
 * fg_hazard_add_event() and carried by bundles; what each must carry is
 * checked here, the same for one typed at this office and one that came
 * in a bundle.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "fg-hazard-private.h"
#include "fg-calendar.h"
#include "fg-text-private.h"

#define MAX_TEXT 500

/* @text: whether it says something, in at most MAX_TEXT characters */
static gboolean
is_text (const char *text)
{
  return text != NULL && g_utf8_validate (text, -1, NULL) && !fg_text_is_blank (text) &&
         g_utf8_strlen (text, -1) <= MAX_TEXT;
}

/* The instruction's words: something, in at most MAX_TEXT characters. */
gboolean
fg_hazard_check_supervision_note (const char  *note,
                                  GError     **error)
{
  if (!is_text (note))
    {
      g_set_error (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_INVALID_EVENT,
                   _("Write the county’s instruction to the township (at most %d characters)."), MAX_TEXT);
      return FALSE;
    }
  return TRUE;
}

/* The day the township is to act by: a date, not before @given_on, and
 * at most a year after it. */
gboolean
fg_hazard_check_supervision_deadline (const char  *given_on,
                                      const char  *deadline,
                                      GError     **error)
{
  g_autoptr(GDate) date = NULL;
  g_autoptr(GError) date_error = NULL;

  if (deadline == NULL || *deadline == '\0')
    {
      g_set_error (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_INVALID_EVENT,
                   _("Give the day by which the township is to act on the instruction."));
      return FALSE;
    }
  date = fg_calendar_parse_date (deadline, &date_error);
  if (date == NULL)
    {
      g_set_error_literal (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_INVALID_EVENT, date_error->message);
      return FALSE;
    }
  if (given_on != NULL && strncmp (deadline, given_on, 10) < 0)
    {
      g_set_error (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_INVALID_EVENT,
                   _("The instruction’s deadline %s is already past (it was given on %.10s)."),
                   deadline, given_on);
      return FALSE;
    }
  return fg_hazard_check_deadline_reach (given_on, deadline, error);
}

/* An instruction given on @given_on (YYYY-MM-DD): its text, and a deadline
 * that is a date, not before that day. */
gboolean
fg_hazard_check_supervision (const char                  *given_on,
                             const FgHazardEventDetails  *details,
                             GError                     **error)
{
  return fg_hazard_check_supervision_note (details != NULL ? details->note : NULL, error) &&
         fg_hazard_check_supervision_deadline (given_on, details != NULL ? details->deadline : NULL, error);
}

/* A reply says something. */
gboolean
fg_hazard_check_supervision_reply (const FgHazardEventDetails  *details,
                                   GError                     **error)
{
  if (details == NULL || !is_text (details->note))
    {
      g_set_error (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_INVALID_EVENT,
                   _("Write the reply to the county’s instruction: what the township did or will do "
                     "(at most %d characters)."), MAX_TEXT);
      return FALSE;
    }
  return TRUE;
}

/* A reply answers an instruction of the county that had no reply yet when
 * it was given: the events of the hazard before the reply @event_id
 * (NULL: one about to be recorded), folded, leave an instruction open.
 * Read from the database, so that a reply typed here and one that came by
 * bundle (the whole history written first) are held to the same. */
gboolean
fg_hazard_check_supervision_reply_basis (FgStore     *store,
                                         const char  *hazard_id,
                                         const char  *event_id,
                                         GError     **error)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) before = g_ptr_array_new ();
  const FgHazardEvent *reply = NULL;
  FgHazardFold fold;
  gboolean open;

  events = fg_hazard_read_events (store, hazard_id, FALSE, error);
  if (events == NULL)
    return FALSE;
  for (guint i = 0; event_id != NULL && i < events->len; i++)
    {
      const FgHazardEvent *event = g_ptr_array_index (events, i);

      if (g_strcmp0 (event->id, event_id) == 0)
        reply = event;
    }
  for (guint i = 0; i < events->len; i++)
    {
      FgHazardEvent *event = g_ptr_array_index (events, i);

      if (reply == NULL || g_strcmp0 (event->stamp, reply->stamp) < 0 ||
          (g_strcmp0 (event->stamp, reply->stamp) == 0 && g_strcmp0 (event->id, reply->id) < 0))
        g_ptr_array_add (before, event);
    }

  fg_hazard_fold (before, &fold);
  open = fold.supervision_id != NULL && fold.supervision_reply_id == NULL;
  fg_hazard_fold_clear (&fold);
  if (!open)
    {
      g_set_error (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_NOT_ALLOWED,
                   _("There is no instruction of the county on this hazard waiting for a reply."));
      return FALSE;
    }
  return TRUE;
}
