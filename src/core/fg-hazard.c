/* fg-hazard.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A hazard is what an inspection's failed item left. Where it stands
 * (open, rectifying, escalated, closed …) is never a column two offices
 * could overwrite: it is the fold of its append-only events, by the one
 * table of which event may follow which state. Recording an event checks
 * it against the fold and keeps the new fold on the hazard's row for the
 * ledger, whose filters and pages live in fg-hazard-query.c (listed by
 * fg-paged-list.c).
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "fg-hazard-private.h"
#include "fg-audit-private.h"
#include "fg-calendar-private.h"
#include "fg-category.h"
#include "fg-inspection.h"
#include "fg-permission-private.h"
#include "fg-photo.h"
#include "fg-photo-private.h"
#include "fg-region-private.h"
#include "fg-store-private.h"
#include "fg-text-private.h"

struct _FgHazard
{
  GObject parent_instance;

  char *id;
  char *venue_id;
  char *inspection_id;
  char *item_code;
  FgHazardGrade grade;
  guint deadline_days;
  char *note;
  char *found_at;
  char *region_code;
  char *venue_name;
  char *village_name;
  char *grid_name;
  char *township_name;
  char *item_text_zh;
  char *item_text_en;
  char *finding_zh;
  char *finding_en;
  char *village_id;
  char *grid_id;
  char *campaign_id;    /* of the inspection that found it, or NULL */
  FgHazardFold fold;
  GPtrArray *events;  /* FgHazardEvent, in fold order */
};

G_DEFINE_FINAL_TYPE (FgHazard, fg_hazard, G_TYPE_OBJECT)

static const char * const grade_ids[] = { "on-spot", "deadline", "major-proposed" };

G_DEFINE_QUARK (fg-hazard-error-quark, fg_hazard_error)

G_DEFINE_BOXED_TYPE (FgHazardEvent, fg_hazard_event, fg_hazard_event_copy, fg_hazard_event_free)

static const char * const state_ids[FG_HAZARD_N_STATES] = {
  "open", "rectifying", "reported-fixed", "verified", "escalated", "transferred", "closed",
};

static const char * const event_ids[FG_HAZARD_N_EVENTS] = {
  "found", "rectified-on-spot", "notice-issued", "deadline-extended", "reported-fixed",
  "reinspected-pass", "reinspected-fail", "escalated", "transferred", "confirmed-major",
  "closed", "reopened", "notice-served", "notice-refused", "operator-unreachable",
  "notice-voided", "major-not-confirmed", "supervised", "supervision-replied",
};

#define S(state) (1u << FG_HAZARD_STATE_ ## state)
#define STAY ((int) -1)
#define HM FG_ACTION_HAZARD_MANAGE
#define HR FG_ACTION_HAZARD_REPORT
#define NI FG_ACTION_NOTICE_ISSUE
#define NS FG_ACTION_NOTICE_SERVE
#define SU FG_ACTION_SUPERVISE

/* Whether a county office writes an event besides the township's. */
typedef enum
{
  COUNTY_NEVER,
  COUNTY_WRITES,     /* under its one hazard right, FG_ACTION_SUPERVISE */
  COUNTY_FOLLOWS,    /* only as what follows another of its events, at the
                      * level county_level: never typed on its own */
} CountyWrites;

/* The lifecycle, as one table: from which states an event may follow,
 * where it leads (STAY: the state does not change), and who writes it:
 * the right a person of a township's office (or of its grid stations)
 * needs, and whether a county office writes it too. An illegal event is
 * refused with the current state named; in a merged history it is
 * skipped by the fold, the same way on every node. An event typed here
 * (fg_hazard_add_event()) and one that came in a bundle
 * (fg_hazard_event_office_writes()) are held to the same rows. */
static const struct
{
  guint from;
  int to;
  FgAction action;
  CountyWrites county;
  const char *county_level;
} transitions[FG_HAZARD_N_EVENTS] = {
  [FG_HAZARD_EVENT_FOUND]             = { S (OPEN), STAY, HM, COUNTY_NEVER, NULL },
  [FG_HAZARD_EVENT_RECTIFIED_ON_SPOT] = { S (OPEN), FG_HAZARD_STATE_CLOSED, HR, COUNTY_NEVER, NULL },
  [FG_HAZARD_EVENT_NOTICE_ISSUED]     = { S (OPEN) | S (ESCALATED), FG_HAZARD_STATE_RECTIFYING, NI, COUNTY_NEVER, NULL },
  [FG_HAZARD_EVENT_DEADLINE_EXTENDED] = { S (RECTIFYING), STAY, HM, COUNTY_NEVER, NULL },
  /* an order pressed up the chain may still be obeyed */
  [FG_HAZARD_EVENT_REPORTED_FIXED]    = { S (RECTIFYING) | S (ESCALATED), FG_HAZARD_STATE_REPORTED_FIXED,
                                          HR, COUNTY_NEVER, NULL },
  [FG_HAZARD_EVENT_REINSPECTED_PASS]  = { S (RECTIFYING) | S (REPORTED_FIXED), FG_HAZARD_STATE_VERIFIED,
                                          HM, COUNTY_NEVER, NULL },
  [FG_HAZARD_EVENT_REINSPECTED_FAIL]  = { S (RECTIFYING) | S (REPORTED_FIXED), FG_HAZARD_STATE_RECTIFYING,
                                          HM, COUNTY_NEVER, NULL },
  /* the county has no office above it to escalate to: its escalation is
   * the one to the brigade that follows its record of the brigade's
   * confirmation (fg_hazard_add_event()) */
  [FG_HAZARD_EVENT_ESCALATED]         = { S (OPEN) | S (RECTIFYING) | S (REPORTED_FIXED) | S (ESCALATED),
                                          FG_HAZARD_STATE_ESCALATED, HM, COUNTY_FOLLOWS, "county-brigade" },
  [FG_HAZARD_EVENT_TRANSFERRED]       = { S (OPEN) | S (RECTIFYING) | S (ESCALATED), FG_HAZARD_STATE_TRANSFERRED,
                                          HM, COUNTY_NEVER, NULL },
  /* the brigade's decision is recorded where its letter arrives: at the
   * county office, or at the township that has the written decision in
   * hand; never by a grid worker or a village committee */
  [FG_HAZARD_EVENT_CONFIRMED_MAJOR]   = { S (OPEN) | S (RECTIFYING) | S (REPORTED_FIXED) | S (ESCALATED), STAY,
                                          HM, COUNTY_WRITES, NULL },
  [FG_HAZARD_EVENT_CLOSED]            = { S (VERIFIED) | S (TRANSFERRED), FG_HAZARD_STATE_CLOSED, HM, COUNTY_NEVER, NULL },
  [FG_HAZARD_EVENT_REOPENED]          = { S (CLOSED) | S (VERIFIED), FG_HAZARD_STATE_OPEN, HM, COUNTY_NEVER, NULL },
  [FG_HAZARD_EVENT_NOTICE_SERVED]     = { S (RECTIFYING), STAY, NS, COUNTY_NEVER, NULL },
  [FG_HAZARD_EVENT_NOTICE_REFUSED]    = { S (RECTIFYING), STAY, NS, COUNTY_NEVER, NULL },
  [FG_HAZARD_EVENT_OPERATOR_UNREACHABLE] = { S (RECTIFYING), STAY, NS, COUNTY_NEVER, NULL },
  [FG_HAZARD_EVENT_NOTICE_VOIDED]     = { S (RECTIFYING), FG_HAZARD_STATE_OPEN, NI, COUNTY_NEVER, NULL },
  /* back where it was before it went to the brigade: see fg_hazard_fold() */
  [FG_HAZARD_EVENT_MAJOR_NOT_CONFIRMED] = { S (OPEN) | S (RECTIFYING) | S (REPORTED_FIXED) | S (ESCALATED), STAY,
                                            HM, COUNTY_WRITES, NULL },
  /* the county supervises a hazard still to be corrected (挂牌督办), and
   * only the county; the township answers an open instruction whatever
   * has happened since (see fg_hazard_fold()) */
  [FG_HAZARD_EVENT_SUPERVISED]        = { S (OPEN) | S (RECTIFYING) | S (REPORTED_FIXED) | S (ESCALATED), STAY,
                                          SU, COUNTY_WRITES, NULL },
  [FG_HAZARD_EVENT_SUPERVISION_REPLIED] = { S (OPEN) | S (RECTIFYING) | S (REPORTED_FIXED) | S (VERIFIED) |
                                            S (ESCALATED) | S (TRANSFERRED) | S (CLOSED), STAY,
                                            HM, COUNTY_NEVER, NULL },
};

#undef HM
#undef HR
#undef NI
#undef NS
#undef SU

/* Where an escalation may go now. An order of the township is pressed
 * upwards from the township, never down to a village committee: the
 * levels "village" and "township" of older histories still fold and
 * show, but no new escalation goes there. */
static const char * const levels[] = {
  "township-enforcement", "police-station", "county-brigade", "county-government", NULL,
};
static const char * const targets[] = { "police-station", "regulator", NULL };

FgHazardEvent *
fg_hazard_event_copy (const FgHazardEvent *self)
{
  FgHazardEvent *copy = g_new0 (FgHazardEvent, 1);

  copy->id = g_strdup (self->id);
  copy->kind = self->kind;
  copy->at = g_strdup (self->at);
  copy->actor = g_strdup (self->actor);
  copy->actor_name = g_strdup (self->actor_name);
  copy->note = g_strdup (self->note);
  copy->deadline = g_strdup (self->deadline);
  copy->level = g_strdup (self->level);
  copy->target = g_strdup (self->target);
  copy->stamp = g_strdup (self->stamp);
  copy->notice_id = g_strdup (self->notice_id);
  copy->photos = g_strdupv (self->photos);
  copy->decision_number = g_strdup (self->decision_number);
  copy->decision_date = g_strdup (self->decision_date);
  copy->decision_authority = g_strdup (self->decision_authority);
  return copy;
}

void
fg_hazard_event_free (FgHazardEvent *self)
{
  if (self == NULL)
    return;

  g_free (self->id);
  g_free (self->at);
  g_free (self->actor);
  g_free (self->actor_name);
  g_free (self->note);
  g_free (self->deadline);
  g_free (self->level);
  g_free (self->target);
  g_free (self->stamp);
  g_free (self->notice_id);
  g_strfreev (self->photos);
  g_free (self->decision_number);
  g_free (self->decision_date);
  g_free (self->decision_authority);
  g_free (self);
}

const char *
fg_hazard_state_to_string (FgHazardState state)
{
  g_return_val_if_fail (state < FG_HAZARD_N_STATES, NULL);
  return state_ids[state];
}

static gboolean
state_from_string (const char    *text,
                   FgHazardState *state)
{
  for (guint i = 0; i < FG_HAZARD_N_STATES; i++)
    if (g_strcmp0 (text, state_ids[i]) == 0)
      {
        *state = i;
        return TRUE;
      }
  return FALSE;
}

const char *
fg_hazard_state_get_label (FgHazardState state)
{
  switch (state)
    {
    case FG_HAZARD_STATE_OPEN:
      return C_("hazard state", "Found");
    case FG_HAZARD_STATE_RECTIFYING:
      return C_("hazard state", "Being corrected");
    case FG_HAZARD_STATE_REPORTED_FIXED:
      return C_("hazard state", "Reported fixed");
    case FG_HAZARD_STATE_VERIFIED:
      return C_("hazard state", "Fixed, to close");
    case FG_HAZARD_STATE_ESCALATED:
      return C_("hazard state", "Escalated");
    case FG_HAZARD_STATE_TRANSFERRED:
      return C_("hazard state", "Transferred");
    case FG_HAZARD_STATE_CLOSED:
      return C_("hazard state", "Closed");
    case FG_HAZARD_N_STATES:
    default:
      return "";
    }
}

const char *
fg_hazard_event_kind_to_string (FgHazardEventKind kind)
{
  g_return_val_if_fail (kind < FG_HAZARD_N_EVENTS, NULL);
  return event_ids[kind];
}

gboolean
fg_hazard_event_kind_from_string (const char        *text,
                                  FgHazardEventKind *kind)
{
  for (guint i = 0; i < FG_HAZARD_N_EVENTS; i++)
    {
      if (g_strcmp0 (text, event_ids[i]) == 0)
        {
          *kind = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
fg_hazard_event_kind_get_label (FgHazardEventKind kind)
{
  switch (kind)
    {
    case FG_HAZARD_EVENT_FOUND:
      return C_("hazard event", "Found");
    case FG_HAZARD_EVENT_RECTIFIED_ON_SPOT:
      return C_("hazard event", "Corrected on the spot");
    case FG_HAZARD_EVENT_NOTICE_ISSUED:
      return C_("hazard event", "Notice issued");
    case FG_HAZARD_EVENT_DEADLINE_EXTENDED:
      return C_("hazard event", "Deadline extended");
    case FG_HAZARD_EVENT_REPORTED_FIXED:
      return C_("hazard event", "Reported fixed by the venue");
    case FG_HAZARD_EVENT_REINSPECTED_PASS:
      return C_("hazard event", "Re-inspected: fixed");
    case FG_HAZARD_EVENT_REINSPECTED_FAIL:
      return C_("hazard event", "Re-inspected: not fixed");
    case FG_HAZARD_EVENT_ESCALATED:
      return C_("hazard event", "Escalated");
    case FG_HAZARD_EVENT_TRANSFERRED:
      return C_("hazard event", "Transferred");
    case FG_HAZARD_EVENT_CONFIRMED_MAJOR:
      return C_("hazard event", "Confirmed as a major hazard");
    case FG_HAZARD_EVENT_CLOSED:
      return C_("hazard event", "Closed");
    case FG_HAZARD_EVENT_REOPENED:
      return C_("hazard event", "Reopened");
    case FG_HAZARD_EVENT_NOTICE_SERVED:
      return C_("hazard event", "Notice served");
    case FG_HAZARD_EVENT_NOTICE_REFUSED:
      return C_("hazard event", "Refused to sign, served by leaving it");
    case FG_HAZARD_EVENT_OPERATOR_UNREACHABLE:
      return C_("hazard event", "Nobody to serve it on");
    case FG_HAZARD_EVENT_NOTICE_VOIDED:
      return C_("hazard event", "Notice voided");
    case FG_HAZARD_EVENT_MAJOR_NOT_CONFIRMED:
      return C_("hazard event", "Not confirmed as a major hazard");
    case FG_HAZARD_EVENT_SUPERVISED:
      return C_("hazard event", "Supervised by the county");
    case FG_HAZARD_EVENT_SUPERVISION_REPLIED:
      return C_("hazard event", "Reply to the county’s supervision");
    case FG_HAZARD_N_EVENTS:
    default:
      return "";
    }
}

/**
 * fg_hazard_event_allowed:
 *
 * Returns: whether an event of @kind may follow a hazard in @state
 */
gboolean
fg_hazard_event_allowed (FgHazardState     state,
                         FgHazardEventKind kind)
{
  g_return_val_if_fail (state < FG_HAZARD_N_STATES, FALSE);
  g_return_val_if_fail (kind < FG_HAZARD_N_EVENTS, FALSE);

  return (transitions[kind].from & (1u << state)) != 0;
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const FgHazardEvent *x = *(const FgHazardEvent * const *) a;
  const FgHazardEvent *y = *(const FgHazardEvent * const *) b;
  int order = g_strcmp0 (x->stamp, y->stamp);

  return order != 0 ? order : g_strcmp0 (x->id, y->id);
}

/* A copy of where a hazard stands, without the memory of a document
 * that sent it on. */
static FgHazardFold *
fold_copy (const FgHazardFold *fold)
{
  FgHazardFold *copy = g_new0 (FgHazardFold, 1);

  *copy = *fold;
  copy->deadline = g_strdup (fold->deadline);
  copy->escalation_level = g_strdup (fold->escalation_level);
  copy->escalated_on = g_strdup (fold->escalated_on);
  copy->reported_fixed_on = g_strdup (fold->reported_fixed_on);
  copy->supervision_id = g_strdup (fold->supervision_id);
  copy->supervision_reply_id = g_strdup (fold->supervision_reply_id);
  copy->sent_by = NULL;
  copy->before_sent = NULL;
  return copy;
}

static void
forget_sent (FgHazardFold *fold)
{
  g_clear_pointer (&fold->sent_by, g_free);
  if (fold->before_sent != NULL)
    {
      fg_hazard_fold_clear (fold->before_sent);
      g_clear_pointer (&fold->before_sent, g_free);
    }
}

/* Whether the event at @i voids a document that sent the hazard on (a
 * letter to the brigade, a transfer) rather than an order. */
static gboolean
voids_sending (GPtrArray *events,
               guint      i)
{
  const FgHazardEvent *voided = g_ptr_array_index (events, i);

  if (voided->kind != FG_HAZARD_EVENT_NOTICE_VOIDED || voided->notice_id == NULL)
    return FALSE;
  while (i-- > 0)
    {
      const FgHazardEvent *event = g_ptr_array_index (events, i);

      if ((event->kind == FG_HAZARD_EVENT_ESCALATED || event->kind == FG_HAZARD_EVENT_TRANSFERRED) &&
          g_strcmp0 (event->notice_id, voided->notice_id) == 0)
        return TRUE;
    }
  return FALSE;
}

/* A letter to the brigade or a transfer voided while its event is still
 * the hazard's last: the hazard stands again where it stood before it.
 * Voided after something followed it (two offices acted at once), the
 * voiding changes nothing. */
static gboolean
undo_sent (FgHazardFold        *fold,
           const FgHazardEvent *event)
{
  FgHazardFold *before;
  guint applied, skipped;

  if (fold->sent_by == NULL || g_strcmp0 (event->notice_id, fold->sent_by) != 0)
    return FALSE;

  before = g_steal_pointer (&fold->before_sent);
  applied = fold->n_applied + 1;
  skipped = fold->n_skipped;
  fg_hazard_fold_clear (fold);
  *fold = *before;
  g_free (before);
  fold->n_applied = applied;
  fold->n_skipped = skipped;
  return TRUE;
}

/**
 * fg_hazard_fold:
 * @events: (element-type FgHazardEvent): a hazard's events, in any order;
 *   sorted in place by their stamps
 * @fold: (out caller-allocates): where the hazard stands
 *
 * The state is the fold of the events in stamp order, which every node
 * computes the same: two offices' lists merged by union give the same
 * state on both. An event the state does not allow at its place (two
 * offices acted at once) is skipped and counted. A letter to the brigade
 * or a transfer voided before anything followed it leaves the hazard
 * where it stood before that document.
 *
 * Clear @fold with fg_hazard_fold_clear() when done.
 */
void
fg_hazard_fold (GPtrArray    *events,
                FgHazardFold *fold)
{
  g_return_if_fail (events != NULL);
  g_return_if_fail (fold != NULL);

  memset (fold, 0, sizeof *fold);
  fold->state = FG_HAZARD_STATE_OPEN;

  g_ptr_array_sort (events, compare_events);

  for (guint i = 0; i < events->len; i++)
    {
      const FgHazardEvent *event = g_ptr_array_index (events, i);
      FgHazardFold *before_sent = NULL;

      if (voids_sending (events, i))
        {
          if (!undo_sent (fold, event))
            fold->n_skipped++;
          continue;
        }
      /* a reply answers an open instruction of the county, or nothing */
      if (!fg_hazard_event_allowed (fold->state, event->kind) ||
          (event->kind == FG_HAZARD_EVENT_SUPERVISION_REPLIED &&
           (fold->supervision_id == NULL || fold->supervision_reply_id != NULL)))
        {
          fold->n_skipped++;
          continue;
        }

      fold->n_applied++;
      /* only the last event can be undone by voiding its document */
      if ((event->kind == FG_HAZARD_EVENT_ESCALATED || event->kind == FG_HAZARD_EVENT_TRANSFERRED) &&
          event->notice_id != NULL)
        before_sent = fold_copy (fold);
      forget_sent (fold);
      if (transitions[event->kind].to != STAY)
        fold->state = transitions[event->kind].to;

      switch (event->kind)
        {
        case FG_HAZARD_EVENT_NOTICE_ISSUED:
          fold->service_failed = FALSE;
          G_GNUC_FALLTHROUGH;
        case FG_HAZARD_EVENT_DEADLINE_EXTENDED:
        case FG_HAZARD_EVENT_REINSPECTED_FAIL:
          g_free (fold->deadline);
          fold->deadline = g_strdup (event->deadline);
          break;
        case FG_HAZARD_EVENT_NOTICE_SERVED:
        case FG_HAZARD_EVENT_NOTICE_REFUSED:
          /* a refusal to sign is served by leaving the document (留置送达) */
          fold->service_failed = FALSE;
          break;
        case FG_HAZARD_EVENT_OPERATOR_UNREACHABLE:
          fold->service_failed = TRUE;
          break;
        case FG_HAZARD_EVENT_REPORTED_FIXED:
          g_free (fold->reported_fixed_on);
          fold->reported_fixed_on = event->at != NULL ? g_strndup (event->at, 10) : NULL;
          break;
        case FG_HAZARD_EVENT_CONFIRMED_MAJOR:
          fold->major_confirmed = TRUE;
          fold->major_not_confirmed = FALSE;
          break;
        case FG_HAZARD_EVENT_MAJOR_NOT_CONFIRMED:
          fold->major_confirmed = FALSE;
          fold->major_not_confirmed = TRUE;
          /* a hazard the township sent to the brigade comes back to the
           * township's own orders: to its running order, or to be ordered */
          if (fold->state == FG_HAZARD_STATE_ESCALATED &&
              g_strcmp0 (fold->escalation_level, "county-brigade") == 0)
            {
              fold->state = fold->deadline != NULL ? FG_HAZARD_STATE_RECTIFYING : FG_HAZARD_STATE_OPEN;
              g_clear_pointer (&fold->escalation_level, g_free);
            }
          break;
        case FG_HAZARD_EVENT_ESCALATED:
          fold->sent_to_brigade |= g_strcmp0 (event->level, "county-brigade") == 0;
          g_free (fold->escalation_level);
          fold->escalation_level = g_strdup (event->level);
          g_free (fold->escalated_on);
          fold->escalated_on = event->at != NULL ? g_strndup (event->at, 10) : NULL;
          break;
        case FG_HAZARD_EVENT_REOPENED:
        case FG_HAZARD_EVENT_NOTICE_VOIDED:
          g_clear_pointer (&fold->deadline, g_free);
          fold->service_failed = FALSE;
          break;
        case FG_HAZARD_EVENT_SUPERVISED:
          /* a new instruction stands in for the one before */
          g_free (fold->supervision_id);
          fold->supervision_id = g_strdup (event->id);
          g_clear_pointer (&fold->supervision_reply_id, g_free);
          break;
        case FG_HAZARD_EVENT_SUPERVISION_REPLIED:
          fold->supervision_reply_id = g_strdup (event->id);
          break;
        case FG_HAZARD_EVENT_FOUND:
        case FG_HAZARD_EVENT_RECTIFIED_ON_SPOT:
        case FG_HAZARD_EVENT_REINSPECTED_PASS:
        case FG_HAZARD_EVENT_TRANSFERRED:
        case FG_HAZARD_EVENT_CLOSED:
        case FG_HAZARD_N_EVENTS:
        default:
          break;
        }

      if (before_sent != NULL)
        {
          fold->before_sent = before_sent;
          fold->sent_by = g_strdup (event->notice_id);
        }
    }
}

void
fg_hazard_fold_clear (FgHazardFold *fold)
{
  g_clear_pointer (&fold->deadline, g_free);
  g_clear_pointer (&fold->escalation_level, g_free);
  g_clear_pointer (&fold->escalated_on, g_free);
  g_clear_pointer (&fold->reported_fixed_on, g_free);
  g_clear_pointer (&fold->supervision_id, g_free);
  g_clear_pointer (&fold->supervision_reply_id, g_free);
  forget_sent (fold);
}

static void
fg_hazard_finalize (GObject *object)
{
  FgHazard *self = (FgHazard *)object;

  g_free (self->id);
  g_free (self->venue_id);
  g_free (self->inspection_id);
  g_free (self->item_code);
  g_free (self->note);
  g_free (self->found_at);
  g_free (self->region_code);
  g_free (self->venue_name);
  g_free (self->village_name);
  g_free (self->grid_name);
  g_free (self->township_name);
  g_free (self->item_text_zh);
  g_free (self->item_text_en);
  g_free (self->finding_zh);
  g_free (self->finding_en);
  g_free (self->village_id);
  g_free (self->grid_id);
  g_free (self->campaign_id);
  fg_hazard_fold_clear (&self->fold);
  g_clear_pointer (&self->events, g_ptr_array_unref);

  G_OBJECT_CLASS (fg_hazard_parent_class)->finalize (object);
}

static void
fg_hazard_class_init (FgHazardClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fg_hazard_finalize;
}

static void
fg_hazard_init (FgHazard *self)
{
}

/**
 * fg_hazard_grade_propose:
 * @item: the failed checklist item
 *
 * The grade the item proposes: possibly major where the item says a
 * failure may indicate a major hazard (a person confirms it later), fixable
 * on the spot where it usually is, otherwise corrected by a deadline.
 */
FgHazardGrade
fg_hazard_grade_propose (FgChecklistItem *item)
{
  g_return_val_if_fail (FG_IS_CHECKLIST_ITEM (item), FG_HAZARD_GRADE_DEADLINE);

  if (fg_checklist_item_get_major (item))
    return FG_HAZARD_GRADE_MAJOR_PROPOSED;
  if (fg_checklist_item_get_on_spot (item))
    return FG_HAZARD_GRADE_ON_SPOT;
  return FG_HAZARD_GRADE_DEADLINE;
}

const char *
fg_hazard_grade_to_string (FgHazardGrade grade)
{
  g_return_val_if_fail (grade <= FG_HAZARD_GRADE_MAJOR_PROPOSED, NULL);
  return grade_ids[grade];
}

const char *
fg_hazard_grade_get_label (FgHazardGrade grade)
{
  switch (grade)
    {
    case FG_HAZARD_GRADE_ON_SPOT:
      return _("Fixable on the spot");
    case FG_HAZARD_GRADE_DEADLINE:
      return _("Correct by a deadline");
    case FG_HAZARD_GRADE_MAJOR_PROPOSED:
      return _("Possibly a major hazard");
    default:
      return "";
    }
}

const char *
fg_hazard_get_id (FgHazard *self)
{
  g_return_val_if_fail (FG_IS_HAZARD (self), NULL);
  return self->id;
}

const char *
fg_hazard_get_venue_id (FgHazard *self)
{
  g_return_val_if_fail (FG_IS_HAZARD (self), NULL);
  return self->venue_id;
}

const char *
fg_hazard_get_inspection_id (FgHazard *self)
{
  g_return_val_if_fail (FG_IS_HAZARD (self), NULL);
  return self->inspection_id;
}

/**
 * fg_hazard_get_item_code:
 *
 * Returns: the code of the checklist item that failed
 */
const char *
fg_hazard_get_item_code (FgHazard *self)
{
  g_return_val_if_fail (FG_IS_HAZARD (self), NULL);
  return self->item_code;
}

FgHazardGrade
fg_hazard_get_grade (FgHazard *self)
{
  g_return_val_if_fail (FG_IS_HAZARD (self), FG_HAZARD_GRADE_DEADLINE);
  return self->grade;
}

guint
fg_hazard_get_deadline_days (FgHazard *self)
{
  g_return_val_if_fail (FG_IS_HAZARD (self), 0);
  return self->deadline_days;
}

const char *
fg_hazard_get_note (FgHazard *self)
{
  g_return_val_if_fail (FG_IS_HAZARD (self), NULL);
  return self->note;
}

const char *
fg_hazard_get_found_at (FgHazard *self)
{
  g_return_val_if_fail (FG_IS_HAZARD (self), NULL);
  return self->found_at;
}

const char *
fg_hazard_get_venue_name (FgHazard *self)
{
  g_return_val_if_fail (FG_IS_HAZARD (self), NULL);
  return self->venue_name;
}

const char *
fg_hazard_get_village_name (FgHazard *self)
{
  g_return_val_if_fail (FG_IS_HAZARD (self), NULL);
  return self->village_name;
}

/**
 * fg_hazard_get_township_name:
 *
 * Returns: the name of the township the hazard was found in, which tells
 *   one township's rows from another's in a county's ledger
 */
const char *
fg_hazard_get_township_name (FgHazard *self)
{
  g_return_val_if_fail (FG_IS_HAZARD (self), NULL);
  return self->township_name;
}

/**
 * fg_hazard_get_grid_name:
 *
 * Returns: the grid's name, or "" when the venue is in no grid
 */
const char *
fg_hazard_get_grid_name (FgHazard *self)
{
  g_return_val_if_fail (FG_IS_HAZARD (self), NULL);
  return self->grid_name;
}

const char *
fg_hazard_get_village_id (FgHazard *self)
{
  g_return_val_if_fail (FG_IS_HAZARD (self), NULL);
  return self->village_id;
}

/**
 * fg_hazard_get_grid_id:
 *
 * Returns: (nullable): the grid's id
 */
const char *
fg_hazard_get_grid_id (FgHazard *self)
{
  g_return_val_if_fail (FG_IS_HAZARD (self), NULL);
  return self->grid_id;
}

/**
 * fg_hazard_get_campaign_id:
 *
 * Returns: (nullable): the campaign (专项行动) of the inspection that found
 *   the hazard, or %NULL when a routine or other inspection found it
 */
const char *
fg_hazard_get_campaign_id (FgHazard *self)
{
  g_return_val_if_fail (FG_IS_HAZARD (self), NULL);
  return self->campaign_id;
}

/**
 * fg_hazard_get_item_text:
 *
 * Returns: what the failed item checks, in the user's language, in the
 *   wording of the checklist version the inspection used
 */
const char *
fg_hazard_get_item_text (FgHazard *self)
{
  g_return_val_if_fail (FG_IS_HAZARD (self), NULL);
  return fg_locale_prefers_chinese () ? self->item_text_zh : self->item_text_en;
}

/**
 * fg_hazard_get_item_text_zh:
 *
 * Returns: what the failed item checks, in Chinese, whatever the user's
 *   language: for what the office hands up
 */
const char *
fg_hazard_get_item_text_zh (FgHazard *self)
{
  g_return_val_if_fail (FG_IS_HAZARD (self), NULL);
  return self->item_text_zh;
}

/**
 * fg_hazard_get_finding:
 *
 * Returns: what was found, as the ledger and the documents name the
 *   hazard ("营业期间安全出口上锁"), in the user's language: the finding of
 *   the failed item (fg_checklist_item_get_finding())
 */
const char *
fg_hazard_get_finding (FgHazard *self)
{
  g_return_val_if_fail (FG_IS_HAZARD (self), NULL);
  return fg_locale_prefers_chinese () ? self->finding_zh : self->finding_en;
}

/**
 * fg_hazard_get_finding_zh:
 *
 * Returns: what was found, in Chinese whatever the user's language: for
 *   what the office hands up, as fg_hazard_get_item_text_zh()
 */
const char *
fg_hazard_get_finding_zh (FgHazard *self)
{
  g_return_val_if_fail (FG_IS_HAZARD (self), NULL);
  return self->finding_zh;
}

/**
 * fg_hazard_count_overdue:
 * @store: the store
 * @self: a hazard
 * @today: the day to count to
 *
 * Returns: how many working days the deadline is past on @today (0 on the
 *   deadline itself), negative while it is still ahead (-3: three working
 *   days left); 0 for a hazard without a running deadline
 */
int
fg_hazard_count_overdue (FgStore     *store,
                         FgHazard    *self,
                         const GDate *today)
{
  g_autoptr(GDate) deadline = NULL;

  g_return_val_if_fail (FG_IS_STORE (store), 0);
  g_return_val_if_fail (FG_IS_HAZARD (self), 0);
  g_return_val_if_fail (today != NULL, 0);

  /* a hazard reported fixed stopped the venue's clock */
  if (self->fold.deadline == NULL || self->fold.state != FG_HAZARD_STATE_RECTIFYING)
    return 0;

  deadline = fg_calendar_parse_date (self->fold.deadline, NULL);
  if (deadline == NULL)
    return 0;

  return fg_calendar_count_workdays (store, deadline, today);
}

/* When a hazard's checklist item names no deadline: the working days a
 * notice gives by default. */
#define DEFAULT_DEADLINE_DAYS 5

/**
 * fg_hazard_propose_deadline:
 * @store: the store (its holiday calendar)
 * @self: a hazard
 * @kind: the event the deadline is for: a notice, an extension or a failed
 *   re-inspection
 * @today: the day the event is recorded
 *
 * The deadline to offer: the item's working days (5 when it names none)
 * from today, or, for an extension, from the running deadline when that is
 * still ahead. In a year the calendar has no holiday arrangements for, the
 * days are counted as plain days and the person checks the date.
 *
 * Returns: (transfer full): a date, YYYY-MM-DD
 */
char *
fg_hazard_propose_deadline (FgStore           *store,
                            FgHazard          *self,
                            FgHazardEventKind  kind,
                            const GDate       *today)
{
  guint days;
  g_autoptr(GDate) from = NULL;
  g_autoptr(GDate) deadline = NULL;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (FG_IS_HAZARD (self), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  days = self->deadline_days > 0 ? self->deadline_days : DEFAULT_DEADLINE_DAYS;

  if (kind == FG_HAZARD_EVENT_DEADLINE_EXTENDED && self->fold.deadline != NULL)
    from = fg_calendar_parse_date (self->fold.deadline, NULL);
  if (from == NULL || g_date_compare (from, today) < 0)
    {
      g_clear_pointer (&from, g_date_free);
      from = g_date_copy (today);
    }

  deadline = fg_calendar_add_workdays (store, from, days);
  if (deadline == NULL)
    {
      deadline = g_date_copy (from);
      g_date_add_days (deadline, days);
    }

  return fg_calendar_format_date (deadline);
}

FgHazardState
fg_hazard_get_state (FgHazard *self)
{
  g_return_val_if_fail (FG_IS_HAZARD (self), FG_HAZARD_STATE_OPEN);
  return self->fold.state;
}

/**
 * fg_hazard_get_deadline:
 *
 * Returns: (nullable): the current deadline, YYYY-MM-DD
 */
const char *
fg_hazard_get_deadline (FgHazard *self)
{
  g_return_val_if_fail (FG_IS_HAZARD (self), NULL);
  return self->fold.deadline;
}

gboolean
fg_hazard_get_major_confirmed (FgHazard *self)
{
  g_return_val_if_fail (FG_IS_HAZARD (self), FALSE);
  return self->fold.major_confirmed;
}

/**
 * fg_hazard_get_escalation_level:
 *
 * Returns: (nullable): the level it was last escalated to
 */
const char *
fg_hazard_get_escalation_level (FgHazard *self)
{
  g_return_val_if_fail (FG_IS_HAZARD (self), NULL);
  return self->fold.escalation_level;
}

/**
 * fg_hazard_get_service_failed:
 *
 * A refusal to sign is no failure: the document left at the venue is
 * served (留置送达).
 *
 * Returns: whether the last attempt to serve the hazard's notice found
 *   nobody to serve it on, so that it is to be served another way
 */
gboolean
fg_hazard_get_service_failed (FgHazard *self)
{
  g_return_val_if_fail (FG_IS_HAZARD (self), FALSE);
  return self->fold.service_failed;
}

/**
 * fg_hazard_awaits_other_service:
 *
 * Whether the hazard's running order found nobody to serve it on: its
 * deadline is not pressed, nor escalated, until the office serves it
 * another way (by post, 邮寄送达, or public announcement, 公告送达).
 *
 * Returns: %TRUE when the order is being corrected and not served
 */
gboolean
fg_hazard_awaits_other_service (FgHazard *self)
{
  g_return_val_if_fail (FG_IS_HAZARD (self), FALSE);
  return self->fold.state == FG_HAZARD_STATE_RECTIFYING && self->fold.service_failed;
}

/**
 * fg_hazard_get_escalated_on:
 *
 * Returns: (nullable): the day of its last escalation, YYYY-MM-DD
 */
const char *
fg_hazard_get_escalated_on (FgHazard *self)
{
  g_return_val_if_fail (FG_IS_HAZARD (self), NULL);
  return self->fold.escalated_on;
}

/**
 * fg_hazard_get_reported_fixed_on:
 *
 * Returns: (nullable): the day the venue last reported it fixed,
 *   YYYY-MM-DD; the office's duty to re-inspect counts from it
 */
const char *
fg_hazard_get_reported_fixed_on (FgHazard *self)
{
  g_return_val_if_fail (FG_IS_HAZARD (self), NULL);
  return self->fold.reported_fixed_on;
}

/**
 * fg_hazard_get_events:
 *
 * Returns: (transfer none) (element-type FgHazardEvent) (nullable): the
 *   timeline, in order, for a hazard read with fg_hazard_load()
 */
GPtrArray *
fg_hazard_get_events (FgHazard *self)
{
  g_return_val_if_fail (FG_IS_HAZARD (self), NULL);
  return self->events;
}

/**
 * fg_hazard_get_major_decision:
 *
 * The brigade's decision on whether the hazard is a major fire hazard,
 * as recorded last: a confirmed-major or major-not-confirmed event with
 * the decision's number, date and authority.
 *
 * Returns: (transfer none) (nullable): the event, or %NULL when no
 *   decision was recorded (or the hazard was read without its timeline)
 */
const FgHazardEvent *
fg_hazard_get_major_decision (FgHazard *self)
{
  const FgHazardEvent *decision = NULL;

  g_return_val_if_fail (FG_IS_HAZARD (self), NULL);

  for (guint i = 0; self->events != NULL && i < self->events->len; i++)
    {
      const FgHazardEvent *event = g_ptr_array_index (self->events, i);

      if (event->kind == FG_HAZARD_EVENT_CONFIRMED_MAJOR || event->kind == FG_HAZARD_EVENT_MAJOR_NOT_CONFIRMED)
        decision = event;
    }
  return decision;
}

static const FgHazardEvent *
find_event (FgHazard   *self,
            const char *id)
{
  for (guint i = 0; id != NULL && self->events != NULL && i < self->events->len; i++)
    {
      const FgHazardEvent *event = g_ptr_array_index (self->events, i);

      if (g_strcmp0 (event->id, id) == 0)
        return event;
    }
  return NULL;
}

/**
 * fg_hazard_get_supervision:
 *
 * The county's last instruction on the hazard (挂牌督办): its text in the
 * note, the day it is due in the deadline, who gave it.
 *
 * Returns: (transfer none) (nullable): the event, or %NULL when the county
 *   gave none (or the hazard was read without its timeline)
 */
const FgHazardEvent *
fg_hazard_get_supervision (FgHazard *self)
{
  g_return_val_if_fail (FG_IS_HAZARD (self), NULL);
  return find_event (self, self->fold.supervision_id);
}

/**
 * fg_hazard_get_supervision_reply:
 *
 * Returns: (transfer none) (nullable): the township's reply to the
 *   county's last instruction, or %NULL when it has not replied
 */
const FgHazardEvent *
fg_hazard_get_supervision_reply (FgHazard *self)
{
  g_return_val_if_fail (FG_IS_HAZARD (self), NULL);
  return find_event (self, self->fold.supervision_reply_id);
}

/**
 * fg_hazard_awaits_supervision_reply:
 *
 * Returns: whether the county's last instruction has no reply yet
 */
gboolean
fg_hazard_awaits_supervision_reply (FgHazard *self)
{
  g_return_val_if_fail (FG_IS_HAZARD (self), FALSE);
  return self->fold.supervision_id != NULL && self->fold.supervision_reply_id == NULL;
}

/* The document (a letter to the brigade, a transfer) whose event is the
 * hazard's last, which voiding it would undo; NULL when there is none or
 * something followed it. Needs the hazard read with its events. */
const char *
fg_hazard_get_sent_by (FgHazard *self)
{
  g_return_val_if_fail (FG_IS_HAZARD (self), NULL);
  return self->fold.sent_by;
}

/* The hazard's last event, or NULL when read without its events. */
const FgHazardEvent *
fg_hazard_get_last_event (FgHazard *self)
{
  g_return_val_if_fail (FG_IS_HAZARD (self), NULL);
  if (self->events == NULL || self->events->len == 0)
    return NULL;
  return g_ptr_array_index (self->events, self->events->len - 1);
}

/**
 * fg_hazard_is_possibly_major:
 *
 * Returns: whether the hazard may be a major fire hazard: its checklist
 *   item says a failure may be one (the grade it was found with), and
 *   the brigade has not decided otherwise since
 */
gboolean
fg_hazard_is_possibly_major (FgHazard *self)
{
  g_return_val_if_fail (FG_IS_HAZARD (self), FALSE);
  return self->grade == FG_HAZARD_GRADE_MAJOR_PROPOSED && !self->fold.major_not_confirmed;
}

/**
 * fg_hazard_awaits_decision:
 *
 * Whether the fire-rescue brigade's decision on the hazard may be recorded:
 * it was found as possibly major, or it went to the county brigade (by a
 * letter, or pressed up to it). The brigade decides on what it was sent;
 * the core refuses a decision on any other hazard
 * (fg_hazard_check_decision_basis()).
 *
 * Returns: %TRUE if a decision may be recorded, as far as its timeline
 *   shows (a hazard read with fg_hazard_load())
 */
gboolean
fg_hazard_awaits_decision (FgHazard *self)
{
  g_return_val_if_fail (FG_IS_HAZARD (self), FALSE);
  return self->grade == FG_HAZARD_GRADE_MAJOR_PROPOSED || self->fold.sent_to_brigade;
}

/* A hazard from a row of HAZARD_COLUMNS, with the ledger's cache of its
 * fold and without its timeline. */
FgHazard *
fg_hazard_new_from_row (sqlite3_stmt *stmt)
{
  FgHazard *hazard = g_object_new (FG_TYPE_HAZARD, NULL);

  hazard->id = g_strdup (fg_stmt_text (stmt, 0));
  hazard->venue_id = g_strdup (fg_stmt_text (stmt, 1));
  hazard->inspection_id = g_strdup (fg_stmt_text (stmt, 2));
  hazard->item_code = g_strdup (fg_stmt_text (stmt, 3));
  for (guint i = 0; i < G_N_ELEMENTS (grade_ids); i++)
    if (g_str_equal (fg_stmt_text (stmt, 4), grade_ids[i]))
      hazard->grade = i;
  hazard->deadline_days = (guint) sqlite3_column_int (stmt, 5);
  hazard->note = g_strdup (fg_stmt_text (stmt, 6));
  hazard->found_at = g_strdup (fg_stmt_text (stmt, 7));
  hazard->region_code = g_strdup (fg_stmt_text (stmt, 8));

  /* the ledger's cache of the fold; fg_hazard_load() folds the events */
  if (!state_from_string (fg_stmt_text (stmt, 9), &hazard->fold.state))
    hazard->fold.state = FG_HAZARD_STATE_OPEN;
  if (sqlite3_column_type (stmt, 10) != SQLITE_NULL)
    hazard->fold.deadline = g_strdup (fg_stmt_text (stmt, 10));
  hazard->fold.major_confirmed = sqlite3_column_int (stmt, 11) != 0;
  if (sqlite3_column_type (stmt, 12) != SQLITE_NULL)
    hazard->fold.escalation_level = g_strdup (fg_stmt_text (stmt, 12));

  hazard->venue_name = g_strdup (fg_stmt_text (stmt, 13));
  hazard->village_name = g_strdup (fg_stmt_text (stmt, 14));
  hazard->grid_name = g_strdup (fg_stmt_text (stmt, 15));
  hazard->item_text_zh = g_strdup (fg_stmt_text (stmt, 16));
  hazard->item_text_en = g_strdup (fg_stmt_text (stmt, 17));
  hazard->village_id = g_strdup (fg_stmt_text (stmt, 18));
  hazard->grid_id = g_strdup ((const char *) sqlite3_column_text (stmt, 19));
  hazard->campaign_id = g_strdup ((const char *) sqlite3_column_text (stmt, 20));
  hazard->fold.service_failed = sqlite3_column_int (stmt, 21) != 0;
  hazard->fold.escalated_on = g_strdup ((const char *) sqlite3_column_text (stmt, 22));
  hazard->fold.reported_fixed_on = g_strdup ((const char *) sqlite3_column_text (stmt, 23));
  hazard->finding_zh = g_strdup (fg_stmt_text (stmt, 24));
  hazard->finding_en = g_strdup (fg_stmt_text (stmt, 25));
  hazard->township_name = g_strdup (fg_stmt_text (stmt, 26));

  return hazard;
}

/* A hazard's events are read through hazard_event_hazard, named in the
 * queries below: the planner's statistics (PRAGMA optimize, when the store
 * closes) may date from when the table held a handful of rows, and with
 * those it reads the whole table for each hazard. An import adds thousands
 * of events and then folds every hazard they touch, inside one transaction
 * whose statements are planned on those figures: that fold took 1 ms a
 * hazard at 10,000 events, growing with the table. */

/* Adds the rows of @stmt, (event id, photo digest), to @photos. */
static gboolean
collect_photos (FgStore       *store,
                sqlite3_stmt  *stmt,
                GHashTable    *photos,
                GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GPtrArray *list = g_hash_table_lookup (photos, fg_stmt_text (stmt, 0));

      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (photos, g_strdup (fg_stmt_text (stmt, 0)), list);
        }
      g_ptr_array_add (list, g_strdup (fg_stmt_text (stmt, 1)));
    }
  if (rc != SQLITE_DONE)
    {
      fg_store_set_error (store, rc, error);
      return FALSE;
    }

  return TRUE;
}

/* Each event's photos, in the order they were attached. The photos the
 * inspector took of the failed item show what was found: they go with
 * the event that says so. */
static gboolean
read_event_photos (FgStore     *store,
                   const char  *hazard_id,
                   GPtrArray   *events,
                   GError     **error)
{
  g_autoptr(GHashTable) photos = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(sqlite3_stmt) attached = NULL;
  g_autoptr(sqlite3_stmt) found = NULL;

  attached = fg_store_prepare (store,
                               "SELECT p.event_id, p.sha256 FROM hazard_event_photo p"
                               " JOIN hazard_event e INDEXED BY hazard_event_hazard ON e.id = p.event_id"
                               " WHERE e.hazard_id = ?1 ORDER BY p.event_id, p.position",
                               error);
  if (attached == NULL)
    return FALSE;
  sqlite3_bind_text (attached, 1, hazard_id, -1, SQLITE_TRANSIENT);
  if (!collect_photos (store, attached, photos, error))
    return FALSE;

  found = fg_store_prepare (store,
                            "SELECT e.id, p.sha256 FROM hazard h"
                            " JOIN hazard_event e INDEXED BY hazard_event_hazard"
                            "   ON e.hazard_id = h.id AND e.kind = 'found'"
                            " JOIN inspection_photo p ON p.inspection_id = h.inspection_id AND p.item_code = h.item_code"
                            " WHERE h.id = ?1 ORDER BY p.added_at, p.sha256",
                            error);
  if (found == NULL)
    return FALSE;
  sqlite3_bind_text (found, 1, hazard_id, -1, SQLITE_TRANSIENT);
  if (!collect_photos (store, found, photos, error))
    return FALSE;

  for (guint i = 0; i < events->len; i++)
    {
      FgHazardEvent *event = g_ptr_array_index (events, i);
      GPtrArray *list = g_hash_table_lookup (photos, event->id);

      if (list != NULL)
        {
          g_ptr_array_add (list, NULL);
          event->photos = g_strdupv ((char **) list->pdata);
        }
    }

  return TRUE;
}

/* A hazard's events; with @photos, the photos of each too (the fold needs
 * none of them). */
GPtrArray *
fg_hazard_read_events (FgStore     *store,
                       const char  *hazard_id,
                       gboolean     photos,
                       GError     **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) fg_hazard_event_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = fg_store_prepare (store,
                           "SELECT id, kind, at, actor, actor_name, note, deadline, level, target, stamp,"
                           "  notice_id, decision_number, decision_date, decision_authority"
                           " FROM hazard_event INDEXED BY hazard_event_hazard WHERE hazard_id = ?1",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, hazard_id, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FgHazardEvent *event = g_new0 (FgHazardEvent, 1);

      event->id = g_strdup (fg_stmt_text (stmt, 0));
      fg_hazard_event_kind_from_string (fg_stmt_text (stmt, 1), &event->kind);
      event->at = g_strdup (fg_stmt_text (stmt, 2));
      event->actor = g_strdup (fg_stmt_text (stmt, 3));
      event->actor_name = g_strdup (fg_stmt_text (stmt, 4));
      event->note = g_strdup (fg_stmt_text (stmt, 5));
      event->deadline = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      event->level = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      event->target = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
      event->stamp = g_strdup (fg_stmt_text (stmt, 9));
      event->notice_id = g_strdup ((const char *) sqlite3_column_text (stmt, 10));
      event->decision_number = g_strdup ((const char *) sqlite3_column_text (stmt, 11));
      event->decision_date = g_strdup ((const char *) sqlite3_column_text (stmt, 12));
      event->decision_authority = g_strdup ((const char *) sqlite3_column_text (stmt, 13));
      g_ptr_array_add (events, event);
    }

  if (rc != SQLITE_DONE)
    {
      fg_store_set_error (store, rc, error);
      return NULL;
    }
  g_clear_pointer (&stmt, fg_stmt_release);

  if (photos && !read_event_photos (store, hazard_id, events, error))
    return NULL;

  return g_steal_pointer (&events);
}

/**
 * fg_hazard_load:
 * @store: the store
 * @actor: who reads
 * @id: the hazard
 * @error: return location for an error
 *
 * Returns: (transfer full): the hazard with its timeline and the state its
 *   events fold to, or %NULL with @error set
 */
FgHazard *
fg_hazard_load (FgStore     *store,
                FgActor     *actor,
                const char  *id,
                GError     **error)
{
  g_autoptr(FgHazard) self = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  stmt = fg_store_prepare (store,
                           "SELECT " HAZARD_COLUMNS " FROM " HAZARD_FROM " WHERE h.id = ?1 AND h.deleted = 0",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_NOT_FOUND,
                   _("The hazard was not found."));
      return NULL;
    }
  self = fg_hazard_new_from_row (stmt);
  g_clear_pointer (&stmt, fg_stmt_release);

  if (!fg_permission_check (store, actor, FG_ACTION_VENUE_READ, self->region_code, self->id, error))
    return NULL;

  self->events = fg_hazard_read_events (store, self->id, TRUE, error);
  if (self->events == NULL)
    return NULL;
  fg_hazard_fold_clear (&self->fold);
  fg_hazard_fold (self->events, &self->fold);

  return g_steal_pointer (&self);
}

/**
 * fg_hazard_event_office_writes:
 * @kind: an event
 * @county: whether the office is a county's (else a township's, or one of
 *   its grid stations)
 * @level: (nullable): the event's level, for an escalation
 *
 * Whether an office of that kind writes events of @kind: what a bundle's
 * events of the sender's own are held to, by the table a person's right
 * to record them is read from.
 *
 * Returns: %TRUE if such an office writes them
 */
gboolean
fg_hazard_event_office_writes (FgHazardEventKind  kind,
                               gboolean           county,
                               const char        *level)
{
  g_return_val_if_fail (kind < FG_HAZARD_N_EVENTS, FALSE);

  if (!county)
    /* a township's administrator may do all that its office does */
    return fg_role_allows (FG_ROLE_TOWNSHIP_ADMIN, transitions[kind].action);

  switch (transitions[kind].county)
    {
    case COUNTY_WRITES:
      return TRUE;
    case COUNTY_FOLLOWS:
      return g_strcmp0 (level, transitions[kind].county_level) == 0;
    case COUNTY_NEVER:
    default:
      return FALSE;
    }
}

/* The right @actor needs to record @kind by hand: a county office records
 * what it writes under its one hazard right; a follow-up (COUNTY_FOLLOWS)
 * is never typed, so it and what a county never writes ask for the
 * township's right, which a county's roles lack. */
static FgAction
event_action (const FgActor     *actor,
              FgHazardEventKind  kind)
{
  if (fg_actor_can (actor, FG_ACTION_SUPERVISE) && transitions[kind].county == COUNTY_WRITES)
    return FG_ACTION_SUPERVISE;
  return transitions[kind].action;
}

/**
 * fg_hazard_event_can_record:
 * @actor: someone
 * @kind: an event
 *
 * Whether the actor's role may record events of @kind at all: what a
 * window uses to offer the event. The core still checks the scope.
 *
 * Returns: %TRUE if the role allows it
 */
gboolean
fg_hazard_event_can_record (const FgActor     *actor,
                            FgHazardEventKind  kind)
{
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (kind < FG_HAZARD_N_EVENTS, FALSE);

  return kind != FG_HAZARD_EVENT_FOUND && fg_actor_can (actor, event_action (actor, kind));
}

/**
 * fg_hazard_may_record:
 * @self: a hazard read with its events (fg_hazard_load())
 * @actor: who would record it
 * @kind: an event
 *
 * Whether @actor may record an event of @kind on the hazard as it stands:
 * its state allows it, the actor's office and role write it, the
 * brigade's decision is awaited for a decision, and an instruction of the
 * county for a reply. The county supervises (挂牌督办) a hazard still to
 * be corrected, whether the township escalated it or not; a new
 * instruction stands in for one given before. What a window offers;
 * fg_hazard_add_event() still checks the scope and what the event
 * carries.
 *
 * Returns: %TRUE if the event may be recorded now
 */
gboolean
fg_hazard_may_record (FgHazard          *self,
                      const FgActor     *actor,
                      FgHazardEventKind  kind)
{
  g_return_val_if_fail (FG_IS_HAZARD (self), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (kind < FG_HAZARD_N_EVENTS, FALSE);

  if (!fg_hazard_event_allowed (self->fold.state, kind) || !fg_hazard_event_can_record (actor, kind))
    return FALSE;

  if (kind == FG_HAZARD_EVENT_CONFIRMED_MAJOR || kind == FG_HAZARD_EVENT_MAJOR_NOT_CONFIRMED)
    return fg_hazard_awaits_decision (self);
  if (kind == FG_HAZARD_EVENT_SUPERVISION_REPLIED)
    return fg_hazard_awaits_supervision_reply (self);
  return TRUE;
}

/* What a decision of the brigade on a possibly major hazard must carry:
 * its document number, its date (not still to come, nor before the
 * hazard was found, when that is known) and who made it, by name. The
 * import of a bundle holds a decision to the same. */
static gboolean
check_decision_number (const char  *number,
                       GError     **error)
{
  if (number == NULL || !g_utf8_validate (number, -1, NULL) || fg_text_is_blank (number) ||
      g_utf8_strlen (number, -1) > 60)
    {
      g_set_error (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_INVALID_EVENT,
                   _("Give the number of the fire-rescue brigade’s written decision (at most 60 characters)."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_decision_date (FgStore     *store,
                     const char  *found_at,
                     const char  *decision_date,
                     GError     **error)
{
  g_autoptr(GDate) date = NULL;
  g_autoptr(GDate) today = NULL;
  g_autoptr(GError) date_error = NULL;

  if (decision_date == NULL)
    {
      g_set_error (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_INVALID_EVENT,
                   _("Give the date of the fire-rescue brigade’s decision."));
      return FALSE;
    }
  date = fg_calendar_parse_date (decision_date, &date_error);
  if (date == NULL)
    {
      g_set_error_literal (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_INVALID_EVENT, date_error->message);
      return FALSE;
    }
  today = fg_store_today (store);
  if (g_date_compare (date, today) > 0)
    {
      g_set_error (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_INVALID_EVENT,
                   _("The decision’s date %s is still to come."), decision_date);
      return FALSE;
    }
  if (found_at != NULL && strncmp (decision_date, found_at, 10) < 0)
    {
      g_set_error (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_INVALID_EVENT,
                   _("The decision’s date %s is before the hazard was found (%.10s)."),
                   decision_date, found_at);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_decision_authority (const char  *authority,
                          GError     **error)
{
  if (authority == NULL || !g_utf8_validate (authority, -1, NULL) || fg_text_is_blank (authority) ||
      g_utf8_strlen (authority, -1) < 2 || g_utf8_strlen (authority, -1) > 40 ||
      fg_region_name_has_digits (authority))
    {
      g_set_error (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_INVALID_EVENT,
                   _("Name the fire-rescue brigade that decided, as its decision names it "
                     "(2 to 40 characters, no digits), e.g. 郏县消防救援大队."));
      return FALSE;
    }
  return TRUE;
}

gboolean
fg_hazard_check_decision (FgStore                     *store,
                          const char                  *found_at,
                          const FgHazardEventDetails  *details,
                          GError                     **error)
{
  return check_decision_number (details != NULL ? details->decision_number : NULL, error) &&
         check_decision_date (store, found_at, details != NULL ? details->decision_date : NULL, error) &&
         check_decision_authority (details != NULL ? details->decision_authority : NULL, error);
}

/**
 * fg_hazard_check_decision_fields:
 * @self: the hazard decided on
 * @details: (nullable): the decision as typed
 * @number_error: (out) (optional) (nullable): what is wrong with its number
 * @date_error: (out) (optional) (nullable): what is wrong with its date
 * @authority_error: (out) (optional) (nullable): what is wrong with who decided
 *
 * Checks each field of the brigade's written decision as
 * fg_hazard_add_event() does, every one of them, so a form can mark all
 * the wrong ones at once.
 *
 * Returns: the number of wrong fields
 */
guint
fg_hazard_check_decision_fields (FgStore                     *store,
                                 FgHazard                    *self,
                                 const FgHazardEventDetails  *details,
                                 GError                     **number_error,
                                 GError                     **date_error,
                                 GError                     **authority_error)
{
  guint n_wrong = 0;

  g_return_val_if_fail (FG_IS_STORE (store), 0);
  g_return_val_if_fail (FG_IS_HAZARD (self), 0);

  n_wrong += !check_decision_number (details != NULL ? details->decision_number : NULL, number_error);
  n_wrong += !check_decision_date (store, self->found_at, details != NULL ? details->decision_date : NULL,
                                   date_error);
  n_wrong += !check_decision_authority (details != NULL ? details->decision_authority : NULL, authority_error);
  return n_wrong;
}

/* A decision of the brigade is on a hazard it was sent: one found as
 * possibly major, or one that went up to the county brigade (a letter, or
 * an escalation to it) before the decision @event_id (NULL: one about to
 * be recorded). Read from the database, so that an event entered here and
 * one that came by bundle (its whole history written first) are held to
 * the same; the escalation that follows a confirmation is no ground for
 * it. */
gboolean
fg_hazard_check_decision_basis (FgStore     *store,
                                const char  *hazard_id,
                                const char  *event_id,
                                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean sent;

  stmt = fg_store_prepare (store,
                           "SELECT h.grade = 'major-proposed' OR EXISTS (SELECT 1 FROM hazard_event e"
                           "  WHERE e.hazard_id = h.id AND e.kind = 'escalated' AND e.level = 'county-brigade'"
                           "    AND (?2 IS NULL OR e.stamp < (SELECT d.stamp FROM hazard_event d WHERE d.id = ?2)))"
                           " FROM hazard h WHERE h.id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, hazard_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, event_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_NOT_FOUND, _("The hazard was not found."));
      return FALSE;
    }
  sent = sqlite3_column_int (stmt, 0) != 0;
  if (!sent)
    {
      g_set_error (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_NOT_ALLOWED,
                   _("The fire-rescue brigade decides on the hazards sent to it: this one was neither "
                     "found as possibly major nor sent to the county brigade, so no decision of the "
                     "brigade can be recorded on it."));
      return FALSE;
    }
  return TRUE;
}

/* The note of an event: what every note may be, and what the events that
 * need words must say. */
static gboolean
check_note_field (FgHazardEventKind   kind,
                  const char         *note,
                  GError            **error)
{
  if (note == NULL)
    note = "";
  if (g_utf8_strlen (note, -1) > 500 || !g_utf8_validate (note, -1, NULL))
    {
      g_set_error (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_INVALID_EVENT,
                   _("A note can have at most 500 characters."));
      return FALSE;
    }
  if (kind == FG_HAZARD_EVENT_DEADLINE_EXTENDED && *note == '\0')
    {
      g_set_error (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_INVALID_EVENT,
                   _("Give the reason for extending the deadline."));
      return FALSE;
    }
  if (kind == FG_HAZARD_EVENT_NOTICE_SERVED && *note == '\0')
    {
      g_set_error (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_INVALID_EVENT,
                   _("Say to whom the notice was served."));
      return FALSE;
    }
  if (kind == FG_HAZARD_EVENT_SUPERVISED)
    return fg_hazard_check_supervision_note (note, error);
  if (kind == FG_HAZARD_EVENT_SUPERVISION_REPLIED)
    {
      FgHazardEventDetails reply = { .note = note };

      return fg_hazard_check_supervision_reply (&reply, error);
    }
  return TRUE;
}

/* A deadline (YYYY-MM-DD, a date) not more than
 * FG_HAZARD_DEADLINE_MAX_YEARS after @from (YYYY-MM-DD…, the day it is
 * set, or the deadline an extension runs on from). */
gboolean
fg_hazard_check_deadline_reach (const char  *from,
                                const char  *deadline,
                                GError     **error)
{
  g_autofree char *day = from != NULL ? g_strndup (from, 10) : NULL;
  g_autoptr(GDate) start = day != NULL ? fg_calendar_parse_date (day, NULL) : NULL;
  g_autoptr(GDate) end = deadline != NULL ? fg_calendar_parse_date (deadline, NULL) : NULL;

  if (start == NULL || end == NULL)
    return TRUE;  /* a date that is none is refused by the caller's own check */
  g_date_add_years (start, FG_HAZARD_DEADLINE_MAX_YEARS);
  if (g_date_compare (end, start) <= 0)
    return TRUE;
  g_set_error (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_INVALID_EVENT,
               /* Translators: a deadline (YYYY-MM-DD) and the day it is set, or the deadline it extends */
               _("The deadline %s is more than a year after %s. A period of correction is set for at most a year: "
                 "check the date, or set a nearer deadline and extend it if the work needs more time."),
               deadline, day);
  return FALSE;
}

/* The deadline of an event that sets one: a date, not before the hazard
 * was found (@found_at), an extension after the current deadline
 * (@current_deadline, or NULL); the county's instruction not before the
 * day it is given (@given_on). None more than a year after the day it is
 * set (@given_on), or an extension after the deadline it extends. An
 * event typed here and one that came by bundle
 * (fg_hazard_check_arrived_events()) are held to the same. */
gboolean
fg_hazard_check_deadline (FgStore            *store,
                          FgHazardEventKind   kind,
                          const char         *found_at,
                          const char         *current_deadline,
                          const char         *given_on,
                          const char         *deadline,
                          GError            **error)
{
  g_autoptr(GDate) date = NULL;
  g_autoptr(GError) date_error = NULL;

  if (kind == FG_HAZARD_EVENT_SUPERVISED)
    return fg_hazard_check_supervision_deadline (given_on, deadline, error);
  if (kind != FG_HAZARD_EVENT_NOTICE_ISSUED && kind != FG_HAZARD_EVENT_DEADLINE_EXTENDED &&
      kind != FG_HAZARD_EVENT_REINSPECTED_FAIL)
    return TRUE;

  if (deadline == NULL)
    {
      g_set_error (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_INVALID_EVENT,
                   _("Give the deadline for the correction."));
      return FALSE;
    }
  date = fg_calendar_parse_date (deadline, &date_error);
  if (date == NULL)
    {
      g_set_error_literal (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_INVALID_EVENT, date_error->message);
      return FALSE;
    }
  if (found_at != NULL && strncmp (deadline, found_at, 10) < 0)
    {
      g_set_error (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_INVALID_EVENT,
                   _("The deadline %s is before the hazard was found (%.10s)."), deadline, found_at);
      return FALSE;
    }
  if (kind == FG_HAZARD_EVENT_DEADLINE_EXTENDED && current_deadline != NULL &&
      g_strcmp0 (deadline, current_deadline) <= 0)
    {
      g_set_error (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_INVALID_EVENT,
                   _("An extended deadline comes after the current one (%s)."), current_deadline);
      return FALSE;
    }
  if (kind == FG_HAZARD_EVENT_DEADLINE_EXTENDED && current_deadline != NULL && given_on != NULL &&
      strncmp (current_deadline, given_on, 10) > 0)
    return fg_hazard_check_deadline_reach (current_deadline, deadline, error);
  return fg_hazard_check_deadline_reach (given_on, deadline, error);
}

static gboolean
check_deadline_field (FgStore            *store,
                      FgHazard           *self,
                      FgHazardEventKind   kind,
                      const char         *deadline,
                      GError            **error)
{
  g_autoptr(GDate) today = fg_store_today (store);
  g_autofree char *given_on = fg_calendar_format_date (today);

  return fg_hazard_check_deadline (store, kind, self->found_at, self->fold.deadline, given_on, deadline, error);
}

/* Whether the office of @stamp is @node. */
static gboolean
stamped_by (const char *stamp,
            const char *node)
{
  return node != NULL && stamp != NULL && strlen (stamp) > 22 && g_str_equal (stamp + 22, node);
}

/* One event that came by bundle (the @index'th of @events, the hazard's
 * history as known here in the order of its stamps) at its place: see
 * fg_hazard_check_arrived_events(). */
static gboolean
check_arrived_at (FgStore     *store,
                  GPtrArray   *events,
                  guint        index,
                  const char  *found_at,
                  const char  *sender_id,
                  GHashTable  *in_bundle,
                  gboolean     complete,
                  GError     **error)
{
  const FgHazardEvent *event = g_ptr_array_index (events, index);
  g_autoptr(GPtrArray) before = g_ptr_array_new ();
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GDateTime) found = NULL;
  g_autoptr(GError) moment_error = NULL;
  g_autofree char *given_on = NULL;
  gboolean known = complete;
  gboolean ok = TRUE;
  gboolean skipped;
  FgHazardFold fold;
  FgHazardFold with;

  for (guint i = 0; i < index; i++)
    {
      const FgHazardEvent *e = g_ptr_array_index (events, i);

      g_ptr_array_add (before, (gpointer) e);
      if (!stamped_by (e->stamp, sender_id) && !g_hash_table_contains (in_bundle, e->id) &&
          !(strlen (event->stamp) > 22 && stamped_by (e->stamp, event->stamp + 22)))
        known = FALSE;
    }

  /* when: a moment, not before the hazard was found */
  at = fg_calendar_parse_moment (event->at, &moment_error);
  if (at == NULL)
    {
      g_set_error_literal (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_INVALID_EVENT, moment_error->message);
      return FALSE;
    }
  found = found_at != NULL ? fg_calendar_parse_moment (found_at, NULL) : NULL;
  if (found != NULL && g_date_time_compare (at, found) < 0)
    {
      g_set_error (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_INVALID_EVENT,
                   _("“%s” is dated %s, before the hazard was found (%s)."),
                   fg_hazard_event_kind_get_label (event->kind), event->at, found_at);
      return FALSE;
    }

  /* the fold decides, as it does for the ledger: by the table, and for a
   * voiding that undoes a letter or a transfer, or a reply, by its rules */
  fg_hazard_fold (before, &fold);
  g_ptr_array_add (before, (gpointer) event);
  fg_hazard_fold (before, &with);
  skipped = with.n_skipped > fold.n_skipped;
  fg_hazard_fold_clear (&with);
  if (known && skipped)
    {
      g_set_error (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_NOT_ALLOWED,
                   _("“%s” cannot follow now: the hazard is “%s”."),
                   fg_hazard_event_kind_get_label (event->kind), fg_hazard_state_get_label (fold.state));
      ok = FALSE;
    }
  given_on = g_strndup (event->at, 10);
  if (ok)
    ok = fg_hazard_check_deadline (store, event->kind, found_at, known ? fold.deadline : NULL, given_on,
                                   event->deadline, error);
  fg_hazard_fold_clear (&fold);
  return ok;
}

/**
 * fg_hazard_check_arrived_events:
 * @store: the store, the events and the hazard's history as known here written
 * @hazard_id: the hazard
 * @arrived_ids: (element-type utf8): events of it that came by bundle
 * @sender_id: the office that sent them
 * @in_bundle: the ids of the events the bundle brought
 * @complete: whether every bundle of the sender before this one is here
 * @unsure: (nullable): events among @arrived_ids checked as if @complete
 *   were %FALSE (a reply, which the instruction it answers decides)
 * @refused_id: (out): the event refused, when one is
 * @error: return location for an error
 *
 * Holds each event that came by bundle to what one typed here is held to,
 * at its place in the hazard's history (the events before it by stamp):
 * the lifecycle's table must allow it after them (the fold takes it, as
 * it takes an event typed here), it is not dated before
 * the hazard was found, and its deadline is a date not before that day,
 * an extension one after the deadline then running. The history is read
 * once for all of them.
 *
 * Two offices that act on a hazard at once can each write an event the
 * other's makes illegal; the fold skips it, the same on every node. So
 * the table is applied only where every event before it was known to
 * its writer: its own office's, the sender's, or in the same bundle. One
 * that came after an event of a third office it may not have seen is
 * left to the fold; and so is every event of a bundle that came before
 * an earlier one of its sender (@complete false): what it follows may
 * still be on its way.
 *
 * Returns: %TRUE if every event may stand
 */
gboolean
fg_hazard_check_arrived_events (FgStore      *store,
                                const char   *hazard_id,
                                GPtrArray    *arrived_ids,
                                const char   *sender_id,
                                GHashTable   *in_bundle,
                                gboolean      complete,
                                GHashTable   *unsure,
                                const char  **refused_id,
                                GError      **error)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GHashTable) places = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *found_at = NULL;

  *refused_id = arrived_ids->len > 0 ? g_ptr_array_index (arrived_ids, 0) : NULL;
  stmt = fg_store_prepare (store, "SELECT found_at FROM hazard WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, hazard_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_NOT_FOUND, _("The hazard was not found."));
      return FALSE;
    }
  found_at = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  g_clear_pointer (&stmt, fg_stmt_release);

  events = fg_hazard_read_events (store, hazard_id, FALSE, error);
  if (events == NULL)
    return FALSE;
  g_ptr_array_sort (events, compare_events);
  /* the first of two events with one id, as the history is read */
  for (guint i = events->len; i > 0; i--)
    g_hash_table_insert (places, ((FgHazardEvent *) g_ptr_array_index (events, i - 1))->id, GUINT_TO_POINTER (i));

  for (guint n = 0; n < arrived_ids->len; n++)
    {
      const char *id = g_ptr_array_index (arrived_ids, n);
      guint place = GPOINTER_TO_UINT (g_hash_table_lookup (places, id));

      *refused_id = id;
      if (place == 0)
        {
          g_set_error (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_NOT_FOUND, _("The hazard was not found."));
          return FALSE;
        }
      if (!check_arrived_at (store, events, place - 1, found_at, sender_id, in_bundle,
                             complete && (unsure == NULL || !g_hash_table_contains (unsure, id)), error))
        return FALSE;
    }
  *refused_id = NULL;
  return TRUE;
}

/**
 * fg_hazard_check_event_fields:
 * @self: the hazard the event is for
 * @kind: the event
 * @details: (nullable): what was typed
 * @deadline_error: (out) (optional) (nullable): what is wrong with the deadline
 * @note_error: (out) (optional) (nullable): what is wrong with the note
 *
 * Checks each field a person types for an event, every one of them, as
 * fg_hazard_add_event() does, so a form can mark all the wrong ones at
 * once. fg_hazard_add_event() checks more (the choices, the photos, the
 * hazard's state).
 *
 * Returns: the number of wrong fields
 */
guint
fg_hazard_check_event_fields (FgStore                     *store,
                              FgHazard                    *self,
                              FgHazardEventKind            kind,
                              const FgHazardEventDetails  *details,
                              GError                     **deadline_error,
                              GError                     **note_error)
{
  guint n_wrong = 0;

  g_return_val_if_fail (FG_IS_STORE (store), 0);
  g_return_val_if_fail (FG_IS_HAZARD (self), 0);

  n_wrong += !check_deadline_field (store, self, kind, details != NULL ? details->deadline : NULL, deadline_error);
  n_wrong += !check_note_field (kind, details != NULL ? details->note : NULL, note_error);
  return n_wrong;
}

/* What the event must carry, checked before anything is written. */
static gboolean
check_details (FgStore                     *store,
               FgHazard                    *self,
               FgHazardEventKind            kind,
               const FgHazardEventDetails  *details,
               GError                     **error)
{
  const char *note = details != NULL && details->note != NULL ? details->note : "";

  /* a reply answers an instruction before anything else is asked of it */
  if (kind == FG_HAZARD_EVENT_SUPERVISION_REPLIED &&
      !fg_hazard_check_supervision_reply_basis (store, self->id, NULL, error))
    return FALSE;

  if (!check_note_field (kind, note, error) ||
      !check_deadline_field (store, self, kind, details != NULL ? details->deadline : NULL, error))
    return FALSE;

  if (kind == FG_HAZARD_EVENT_ESCALATED &&
      (details == NULL || !g_strv_contains (levels, details->level != NULL ? details->level : "")))
    {
      g_set_error (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_NO_LEVEL,
                   _("Choose where the hazard goes: the township’s enforcement team, the police station, "
                     "the county fire-rescue brigade or the county government."));
      return FALSE;
    }

  if (kind == FG_HAZARD_EVENT_TRANSFERRED &&
      (details == NULL || !g_strv_contains (targets, details->target != NULL ? details->target : "")))
    {
      g_set_error (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_NO_TARGET,
                   _("Choose to whom the hazard goes: the police station or the regulator of the venue’s "
                     "trade."));
      return FALSE;
    }

  if (details != NULL && details->photos != NULL)
    {
      if (details->photos->len > FG_HAZARD_EVENT_MAX_PHOTOS)
        {
          g_set_error (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_INVALID_EVENT,
                       _("An event can have at most %d photos."), FG_HAZARD_EVENT_MAX_PHOTOS);
          return FALSE;
        }
      for (guint i = 0; i < details->photos->len; i++)
        {
          GBytes *image = g_ptr_array_index (details->photos, i);
          g_autoptr(GError) photo_error = NULL;

          if (fg_photo_check (image, &photo_error) == NULL)
            {
              g_set_error_literal (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_INVALID_EVENT, photo_error->message);
              return FALSE;
            }
        }
    }

  if (kind == FG_HAZARD_EVENT_NOTICE_VOIDED)
    {
      g_set_error (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_NOT_ALLOWED,
                   _("A notice is voided on the notice itself, with the reason."));
      return FALSE;
    }

  if (kind == FG_HAZARD_EVENT_FOUND)
    {
      g_set_error (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_NOT_ALLOWED,
                   _("A hazard is found by finishing an inspection."));
      return FALSE;
    }


  if (kind == FG_HAZARD_EVENT_CONFIRMED_MAJOR || kind == FG_HAZARD_EVENT_MAJOR_NOT_CONFIRMED)
    return fg_hazard_check_decision_basis (store, self->id, NULL, error) &&
           fg_hazard_check_decision (store, self->found_at, details, error);

  return TRUE;
}

/* Appends one event and brings the ledger's cache up to date; inside a
 * transaction. */
gboolean
fg_hazard_append_event (FgStore                     *store,
                        FgActor                     *actor,
                        const char                  *hazard_id,
                        FgHazardEventKind            kind,
                        const FgHazardEventDetails  *details,
                        GError                     **error)
{
  g_autofree char *id = fg_uuid_new ();
  g_autofree char *now = fg_store_now_iso8601 (store);
  g_autofree char *stamp = fg_store_next_stamp (store);
  g_autofree char *after = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;

  insert = fg_store_prepare (store,
                             "INSERT INTO hazard_event (id, hazard_id, kind, at, actor, actor_name, note,"
                             "  deadline, level, target, origin_node, stamp, notice_id, decision_number,"
                             "  decision_date, decision_authority)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
                             error);
  if (insert == NULL)
    return FALSE;
  sqlite3_bind_text (insert, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 2, hazard_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 3, event_ids[kind], -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 4, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 5, fg_actor_get_login (actor), -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 6, fg_actor_get_display_name (actor), -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 7, details != NULL && details->note != NULL ? details->note : "", -1, SQLITE_STATIC);
  if (details != NULL)
    {
      sqlite3_bind_text (insert, 8, details->deadline, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 9, details->level, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 10, details->target, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 13, details->notice_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 14, details->decision_number, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 15, details->decision_date, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 16, details->decision_authority, -1, SQLITE_STATIC);
    }
  sqlite3_bind_text (insert, 11, fg_store_get_node_id (store), -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 12, stamp, -1, SQLITE_STATIC);
  if (!fg_store_step_done (store, insert, error))
    return FALSE;

  for (guint i = 0; details != NULL && details->photos != NULL && i < details->photos->len; i++)
    {
      GBytes *image = g_ptr_array_index (details->photos, i);
      g_autofree char *sha256 = fg_photo_store (store, image, fg_photo_get_mime_type (image), error);
      g_autoptr(sqlite3_stmt) link = NULL;

      if (sha256 == NULL)
        return FALSE;
      link = fg_store_prepare (store,
                               "INSERT INTO hazard_event_photo (event_id, sha256, position) VALUES (?1, ?2, ?3)"
                               " ON CONFLICT DO NOTHING",
                               error);
      if (link == NULL)
        return FALSE;
      sqlite3_bind_text (link, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_text (link, 2, sha256, -1, SQLITE_STATIC);
      sqlite3_bind_int (link, 3, (int) i);
      if (!fg_store_step_done (store, link, error))
        return FALSE;
    }

  if (!fg_hazard_refresh_cache (store, hazard_id, error))
    return FALSE;

  after = fg_audit_dup_row (store, "hazard_event", id);
  return fg_audit_record_change (store, actor, event_ids[kind], hazard_id, NULL, after, error);
}

/* Folds a hazard's events again and keeps the result on its row, for the
 * ledger; inside a transaction. */
gboolean
fg_hazard_refresh_cache (FgStore     *store,
                         const char  *hazard_id,
                         GError     **error)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(sqlite3_stmt) cache = NULL;
  FgHazardFold fold;
  gboolean ok;

  events = fg_hazard_read_events (store, hazard_id, FALSE, error);
  if (events == NULL)
    return FALSE;
  fg_hazard_fold (events, &fold);

  cache = fg_store_prepare (store,
                            "UPDATE hazard SET state = ?1, current_deadline = ?2, major_confirmed = ?3,"
                            "  escalation_level = ?4, service_failed = ?6, escalated_on = ?7,"
                            "  reported_fixed_on = ?8 WHERE id = ?5",
                            error);
  ok = cache != NULL;
  if (ok)
    {
      sqlite3_bind_text (cache, 1, state_ids[fold.state], -1, SQLITE_STATIC);
      sqlite3_bind_text (cache, 2, fold.deadline, -1, SQLITE_STATIC);
      sqlite3_bind_int (cache, 3, fold.major_confirmed);
      sqlite3_bind_text (cache, 4, fold.escalation_level, -1, SQLITE_STATIC);
      sqlite3_bind_text (cache, 5, hazard_id, -1, SQLITE_STATIC);
      sqlite3_bind_int (cache, 6, fold.service_failed);
      sqlite3_bind_text (cache, 7, fold.escalated_on, -1, SQLITE_STATIC);
      sqlite3_bind_text (cache, 8, fold.reported_fixed_on, -1, SQLITE_STATIC);
      ok = fg_store_step_done (store, cache, error);
    }
  fg_hazard_fold_clear (&fold);
  return ok;
}

static void
append_difference (GString    *differences,
                   const char *what,
                   const char *kept,
                   const char *folded)
{
  if (g_strcmp0 (kept, folded) == 0)
    return;
  if (differences->len > 0)
    g_string_append (differences, _("; "));
  /* Translators: a hazard's row and its events disagree: what differs
   * (e.g. "deadline"), what the row keeps, what the events say */
  g_string_append_printf (differences, _("%s “%s” where its events say “%s”"), what,
                          kept != NULL ? kept : _("none"), folded != NULL ? folded : _("none"));
}

/* Whether a hazard's row keeps what its events fold to (fg_hazard_refresh_cache()
 * writes it); if not, @differences says what differs, in words. */
gboolean
fg_hazard_cache_agrees (FgStore     *store,
                        const char  *hazard_id,
                        char       **differences,
                        GError     **error)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) found = g_string_new (NULL);
  FgHazardState kept_state;
  FgHazardFold fold;
  int rc;

  *differences = NULL;

  stmt = fg_store_prepare (store,
                           "SELECT state, current_deadline, major_confirmed, escalation_level,"
                           "  service_failed, escalated_on, reported_fixed_on FROM hazard WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, hazard_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      fg_store_set_error (store, rc == SQLITE_DONE ? SQLITE_NOTFOUND : rc, error);
      return FALSE;
    }

  events = fg_hazard_read_events (store, hazard_id, FALSE, error);
  if (events == NULL)
    return FALSE;
  fg_hazard_fold (events, &fold);

  if (!state_from_string ((const char *) sqlite3_column_text (stmt, 0), &kept_state))
    append_difference (found, _("state"), (const char *) sqlite3_column_text (stmt, 0),
                       fg_hazard_state_get_label (fold.state));
  else
    append_difference (found, _("state"), fg_hazard_state_get_label (kept_state),
                       fg_hazard_state_get_label (fold.state));
  append_difference (found, _("deadline"), (const char *) sqlite3_column_text (stmt, 1), fold.deadline);
  append_difference (found, _("confirmed as major"),
                     sqlite3_column_int (stmt, 2) ? _("yes") : _("no"),
                     fold.major_confirmed ? _("yes") : _("no"));
  append_difference (found, _("escalated to"), (const char *) sqlite3_column_text (stmt, 3),
                     fold.escalation_level);
  append_difference (found, _("service failed"),
                     sqlite3_column_int (stmt, 4) ? _("yes") : _("no"),
                     fold.service_failed ? _("yes") : _("no"));
  append_difference (found, _("escalated on"), (const char *) sqlite3_column_text (stmt, 5), fold.escalated_on);
  append_difference (found, _("reported fixed on"), (const char *) sqlite3_column_text (stmt, 6),
                     fold.reported_fixed_on);
  fg_hazard_fold_clear (&fold);

  if (found->len > 0)
    *differences = g_string_free (g_steal_pointer (&found), FALSE);
  return TRUE;
}

/**
 * fg_hazard_add_event:
 * @store: the store
 * @actor: who acts
 * @self: a hazard read with fg_hazard_load()
 * @kind: what happened
 * @details: (nullable): the deadline, note, level or target the event needs
 * @error: return location for an error
 *
 * Appends an event, if the hazard's state allows it (the error names the
 * current state otherwise). Confirming a major hazard escalates it to the
 * county fire-rescue brigade in the same transaction. @self is read again.
 *
 * Returns: %TRUE on success
 */
gboolean
fg_hazard_add_event (FgStore                     *store,
                     FgActor                     *actor,
                     FgHazard                    *self,
                     FgHazardEventKind            kind,
                     const FgHazardEventDetails  *details,
                     GError                     **error)
{
  g_autoptr(FgHazard) reread = NULL;

  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (FG_IS_HAZARD (self), FALSE);
  g_return_val_if_fail (kind < FG_HAZARD_N_EVENTS, FALSE);

  if (!fg_permission_check (store, actor, event_action (actor, kind), self->region_code, self->id, error))
    return FALSE;

  if (!fg_hazard_event_allowed (self->fold.state, kind))
    {
      g_set_error (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_NOT_ALLOWED,
                   _("“%s” cannot follow now: the hazard is “%s”."),
                   fg_hazard_event_kind_get_label (kind), fg_hazard_state_get_label (self->fold.state));
      return FALSE;
    }

  if (!check_details (store, self, kind, details, error))
    return FALSE;

  if (!fg_store_begin (store, error))
    return FALSE;

  if (!fg_hazard_append_event (store, actor, self->id, kind, details, error))
    goto failed;

  if (kind == FG_HAZARD_EVENT_CONFIRMED_MAJOR)
    {
      const FgHazardEventDetails escalation = {
        .note = _("A major hazard goes to the county fire-rescue brigade at once."),
        .level = "county-brigade",
      };

      if (!fg_hazard_append_event (store, actor, self->id, FG_HAZARD_EVENT_ESCALATED, &escalation, error))
        goto failed;
    }

  if (!fg_store_commit (store, error))
    return FALSE;

  reread = fg_hazard_load (store, actor, self->id, error);
  if (reread == NULL)
    return FALSE;
  fg_hazard_fold_clear (&self->fold);
  self->fold = reread->fold;
  memset (&reread->fold, 0, sizeof reread->fold);
  g_clear_pointer (&self->events, g_ptr_array_unref);
  self->events = g_steal_pointer (&reread->events);
  return TRUE;

failed:
  fg_store_rollback (store);
  return FALSE;
}

/**
 * fg_hazard_list:
 * @store: the store
 * @actor: who reads: hazards in its scope
 * @venue_id: (nullable): only this venue's
 * @campaign_id: (nullable): only those found by this campaign's inspections
 * @state: a #FgHazardState, or -1 for all
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type FgHazard): the hazards, the
 *   latest found first (without their timelines)
 */
GPtrArray *
fg_hazard_list (FgStore     *store,
                FgActor     *actor,
                const char  *venue_id,
                const char  *campaign_id,
                int          state,
                GError     **error)
{
  g_autoptr(GPtrArray) hazards = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *scope = NULL;
  int rc;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  if (!fg_permission_check (store, actor, FG_ACTION_VENUE_READ, NULL, NULL, error))
    return NULL;

  stmt = fg_store_prepare (store,
                           "SELECT " HAZARD_COLUMNS " FROM " HAZARD_FROM
                           " WHERE h.deleted = 0 AND (?1 IS NULL OR h.venue_id = ?1)"
                           "   AND (?2 IS NULL OR h.state = ?2)"
                           "   AND (?3 IS NULL OR i.campaign_id = ?3)"
                           "   AND (?4 IS NULL OR substr (coalesce (g.code, v.code), 1, length (?4)) = ?4)"
                           " ORDER BY h.found_at DESC, h.id DESC",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, venue_id, -1, SQLITE_TRANSIENT);
  if (state >= 0 && state < FG_HAZARD_N_STATES)
    sqlite3_bind_text (stmt, 2, state_ids[state], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, campaign_id, -1, SQLITE_TRANSIENT);
  /* the actor's area in the query, so that a grid worker's ledger reads
   * only its grid's rows, whatever the size of the database */
  scope = fg_actor_dup_scope_prefix (actor);
  sqlite3_bind_text (stmt, 4, scope, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (fg_actor_covers_code (actor, fg_stmt_text (stmt, 8)))
        g_ptr_array_add (hazards, fg_hazard_new_from_row (stmt));
    }

  if (rc != SQLITE_DONE)
    {
      fg_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&hazards);
}

/**
 * fg_hazard_list_for_inspection:
 * @store: the store
 * @actor: who reads
 * @inspection_id: a finished inspection
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type FgHazard): the hazards its failed
 *   items became, in checklist order
 */
GPtrArray *
fg_hazard_list_for_inspection (FgStore     *store,
                               FgActor     *actor,
                               const char  *inspection_id,
                               GError     **error)
{
  g_autoptr(GPtrArray) hazards = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);
  g_return_val_if_fail (inspection_id != NULL, NULL);

  stmt = fg_store_prepare (store,
                           "SELECT " HAZARD_COLUMNS " FROM " HAZARD_FROM
                           " WHERE h.inspection_id = ?1 AND h.deleted = 0 ORDER BY h.seq",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, inspection_id, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (!fg_permission_check (store, actor, FG_ACTION_VENUE_READ,
                                fg_stmt_text (stmt, 8), inspection_id, error))
        return NULL;

      g_ptr_array_add (hazards, fg_hazard_new_from_row (stmt));
    }

  if (rc != SQLITE_DONE)
    {
      fg_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&hazards);
}
