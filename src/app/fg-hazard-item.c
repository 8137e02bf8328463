/* fg-hazard-item.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * FgHazard is a plain core object without properties; the ledger's
 * column view binds to these instead. The working days to or past the
 * deadline need the store's calendar, so they are counted once, when the
 * row is made or its hazard replaced, not while scrolling.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fg-hazard-item.h"

struct _FgHazardItem
{
  GObject parent_instance;

  FgHazard *hazard;
  int overdue;       /* working days past the deadline; negative: days left */
  FgHazardDue due;
  char *due_text;
  const char *duty_class;  /* nullable: the tag's class for the office's duty, not the venue's deadline */
};

enum {
  PROP_0,
  PROP_HAZARD,
  PROP_VENUE_NAME,
  PROP_VILLAGE_NAME,
  PROP_GRID_NAME,
  PROP_TOWNSHIP_NAME,
  PROP_ITEM_TEXT,
  PROP_FINDING,
  PROP_GRADE_LABEL,
  PROP_STATE_LABEL,
  PROP_FOUND_DATE,
  PROP_DEADLINE,
  PROP_DUE_TEXT,
  PROP_OVERDUE_TEXT,
  PROP_DUE_CLASS,
  PROP_STATE_CLASS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (FgHazardItem, fg_hazard_item, G_TYPE_OBJECT)

#define SOON_WORKDAYS 3

/* The office's duty to re-inspect a hazard reported fixed: by when, or
 * how late. */
static void
fg_hazard_item_count_reinspection (FgHazardItem *self,
                                   FgStore      *store,
                                   const GDate  *today)
{
  g_autofree char *due = fg_escalation_dup_reinspection_due (store, self->hazard);
  int late;

  if (due == NULL)
    return;

  late = fg_escalation_count_reinspection_late (store, self->hazard, today);
  if (late > 0)
    {
      /* Translators: in the hazard ledger, the office's own re-inspection is overdue */
      self->due_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "Re-inspection late %d working day",
                                                     "Re-inspection late %d working days",
                                                     late),
                                        late);
      self->duty_class = "error";
    }
  else
    {
      char year[5];
      /* the badge is narrow: the month and day say it within this year */
      const char *day = due;

      g_snprintf (year, sizeof year, "%04d", g_date_get_year (today));
      if (strlen (due) == 10 && strncmp (due, year, 4) == 0)
        day = due + 5;
      /* Translators: in the hazard ledger, the last day for the office's
       * re-inspection: "12-10", or a whole date in another year. Keep it
       * short, it is a badge beside the deadline */
      self->due_text = g_strdup_printf (_("Re-inspect by %s"), day);
      self->duty_class = "warning";
    }
}

static void
fg_hazard_item_count (FgHazardItem *self,
                      FgStore      *store,
                      const GDate  *today)
{
  FgHazardState state = fg_hazard_get_state (self->hazard);

  g_clear_pointer (&self->due_text, g_free);
  self->overdue = 0;
  self->due = FG_HAZARD_DUE_NONE;
  self->duty_class = NULL;

  /* Reported fixed: the venue's clock stopped, the office's runs */
  if (state == FG_HAZARD_STATE_REPORTED_FIXED)
    {
      fg_hazard_item_count_reinspection (self, store, today);
      return;
    }

  /* Nobody took the notice: its deadline is not pressed until it is served another way */
  if (fg_hazard_awaits_other_service (self->hazard))
    {
      self->due_text = g_strdup (_("Not served: serve by post or public announcement"));
      self->duty_class = "warning";
      return;
    }

  /* Only a running deadline counts: the core answers 0 for the others. */
  if (fg_hazard_get_deadline (self->hazard) == NULL || state != FG_HAZARD_STATE_RECTIFYING)
    return;

  self->overdue = fg_hazard_count_overdue (store, self->hazard, today);
  if (self->overdue > 0)
    {
      self->due = FG_HAZARD_DUE_OVERDUE;
      /* Translators: next to a deadline in the hazard ledger */
      self->due_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "Overdue %d working day",
                                                     "Overdue %d working days",
                                                     self->overdue),
                                        self->overdue);
    }
  else if (self->overdue == 0)
    {
      self->due = FG_HAZARD_DUE_SOON;
      self->due_text = g_strdup (_("Due today"));
    }
  else
    {
      int left = -self->overdue;

      self->due = left <= SOON_WORKDAYS ? FG_HAZARD_DUE_SOON : FG_HAZARD_DUE_LATER;
      /* Translators: next to a deadline in the hazard ledger */
      self->due_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "%d working day left",
                                                     "%d working days left",
                                                     left),
                                        left);
    }
}

static const char *
fg_hazard_item_get_due_class (FgHazardItem *self)
{
  if (self->duty_class != NULL)
    return self->duty_class;

  switch (self->due)
    {
    case FG_HAZARD_DUE_OVERDUE:
      return "error";
    case FG_HAZARD_DUE_SOON:
      return "warning";
    case FG_HAZARD_DUE_LATER:
    case FG_HAZARD_DUE_NONE:
    default:
      return "dim";
    }
}

static const char *
fg_hazard_item_get_state_class (FgHazardItem *self)
{
  switch (fg_hazard_get_state (self->hazard))
    {
    case FG_HAZARD_STATE_CLOSED:
    case FG_HAZARD_STATE_TRANSFERRED:
      return "dim";
    case FG_HAZARD_STATE_ESCALATED:
      return "warning";
    case FG_HAZARD_STATE_OPEN:
    case FG_HAZARD_STATE_RECTIFYING:
    case FG_HAZARD_STATE_REPORTED_FIXED:
    case FG_HAZARD_STATE_VERIFIED:
    case FG_HAZARD_N_STATES:
    default:
      return "accent";
    }
}

static void
fg_hazard_item_dispose (GObject *object)
{
  FgHazardItem *self = (FgHazardItem *)object;

  g_clear_object (&self->hazard);

  G_OBJECT_CLASS (fg_hazard_item_parent_class)->dispose (object);
}

static void
fg_hazard_item_finalize (GObject *object)
{
  FgHazardItem *self = (FgHazardItem *)object;

  g_free (self->due_text);

  G_OBJECT_CLASS (fg_hazard_item_parent_class)->finalize (object);
}

static void
fg_hazard_item_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  FgHazardItem *self = FG_HAZARD_ITEM (object);
  FgHazard *hazard = self->hazard;

  switch (prop_id)
    {
    case PROP_HAZARD:
      g_value_set_object (value, hazard);
      break;

    case PROP_VENUE_NAME:
      g_value_set_string (value, fg_hazard_get_venue_name (hazard));
      break;

    case PROP_VILLAGE_NAME:
      g_value_set_string (value, fg_hazard_get_village_name (hazard));
      break;

    case PROP_GRID_NAME:
      g_value_set_string (value, fg_hazard_get_grid_name (hazard));
      break;

    case PROP_TOWNSHIP_NAME:
      g_value_set_string (value, fg_hazard_get_township_name (hazard));
      break;

    case PROP_ITEM_TEXT:
      g_value_set_string (value, fg_hazard_get_item_text (hazard));
      break;

    case PROP_FINDING:
      g_value_set_string (value, fg_hazard_get_finding (hazard));
      break;

    case PROP_GRADE_LABEL:
      g_value_set_string (value, fg_hazard_grade_get_label (fg_hazard_get_grade (hazard)));
      break;

    case PROP_STATE_LABEL:
      g_value_set_string (value, fg_hazard_state_get_label (fg_hazard_get_state (hazard)));
      break;

    case PROP_FOUND_DATE:
      g_value_take_string (value, g_strndup (fg_hazard_get_found_at (hazard), 10));
      break;

    case PROP_DEADLINE:
      g_value_set_string (value, fg_hazard_get_deadline (hazard) != NULL ? fg_hazard_get_deadline (hazard) : "");
      break;

    case PROP_DUE_TEXT:
      g_value_set_string (value, self->due_text != NULL ? self->due_text : "");
      break;

    case PROP_OVERDUE_TEXT:
      /* the working days overdue, for the ledger's column; nothing for the others */
      g_value_take_string (value, self->overdue > 0 ? g_strdup_printf ("%d", self->overdue) : g_strdup (""));
      break;

    case PROP_DUE_CLASS:
      g_value_set_string (value, fg_hazard_item_get_due_class (self));
      break;

    case PROP_STATE_CLASS:
      g_value_set_string (value, fg_hazard_item_get_state_class (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fg_hazard_item_class_init (FgHazardItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fg_hazard_item_dispose;
  object_class->finalize = fg_hazard_item_finalize;
  object_class->get_property = fg_hazard_item_get_property;

#define STRING_PROP(id, name) \
  properties[id] = g_param_spec_string (name, NULL, NULL, NULL, \
                                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

  properties[PROP_HAZARD] =
    g_param_spec_object ("hazard", NULL, NULL, FG_TYPE_HAZARD,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  STRING_PROP (PROP_VENUE_NAME, "venue-name");
  STRING_PROP (PROP_VILLAGE_NAME, "village-name");
  STRING_PROP (PROP_GRID_NAME, "grid-name");
  STRING_PROP (PROP_TOWNSHIP_NAME, "township-name");
  STRING_PROP (PROP_ITEM_TEXT, "item-text");
  STRING_PROP (PROP_FINDING, "finding");
  STRING_PROP (PROP_GRADE_LABEL, "grade-label");
  STRING_PROP (PROP_STATE_LABEL, "state-label");
  STRING_PROP (PROP_FOUND_DATE, "found-date");
  STRING_PROP (PROP_DEADLINE, "deadline");
  STRING_PROP (PROP_DUE_TEXT, "due-text");
  STRING_PROP (PROP_OVERDUE_TEXT, "overdue-text");
  STRING_PROP (PROP_DUE_CLASS, "due-class");
  STRING_PROP (PROP_STATE_CLASS, "state-class");
#undef STRING_PROP

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fg_hazard_item_init (FgHazardItem *self)
{
}

/**
 * fg_hazard_item_new:
 * @store: the store, for its calendar
 * @hazard: the hazard of the row
 * @today: the day to count the deadline from
 *
 * Returns: (transfer full): a new row
 */
FgHazardItem *
fg_hazard_item_new (FgStore     *store,
                    FgHazard    *hazard,
                    const GDate *today)
{
  FgHazardItem *self;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (FG_IS_HAZARD (hazard), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  self = g_object_new (FG_TYPE_HAZARD_ITEM, NULL);
  self->hazard = g_object_ref (hazard);
  fg_hazard_item_count (self, store, today);
  return self;
}

FgHazard *
fg_hazard_item_get_hazard (FgHazardItem *self)
{
  g_return_val_if_fail (FG_IS_HAZARD_ITEM (self), NULL);
  return self->hazard;
}

/**
 * fg_hazard_item_set_hazard:
 *
 * Puts the hazard as it now stands (after an event) into the row, so
 * that a visible row updates without being removed from the list.
 */
void
fg_hazard_item_set_hazard (FgHazardItem *self,
                           FgStore      *store,
                           FgHazard     *hazard,
                           const GDate  *today)
{
  g_return_if_fail (FG_IS_HAZARD_ITEM (self));
  g_return_if_fail (FG_IS_HAZARD (hazard));

  if (!g_set_object (&self->hazard, hazard))
    return;

  fg_hazard_item_count (self, store, today);

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = PROP_HAZARD; i < N_PROPS; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
  g_object_thaw_notify (G_OBJECT (self));
}

FgHazardDue
fg_hazard_item_get_due (FgHazardItem *self)
{
  g_return_val_if_fail (FG_IS_HAZARD_ITEM (self), FG_HAZARD_DUE_NONE);
  return self->due;
}

int
fg_hazard_item_get_overdue (FgHazardItem *self)
{
  g_return_val_if_fail (FG_IS_HAZARD_ITEM (self), 0);
  return self->overdue;
}

const char *
fg_hazard_item_get_due_text (FgHazardItem *self)
{
  g_return_val_if_fail (FG_IS_HAZARD_ITEM (self), NULL);
  return self->due_text;
}

/* Whether a running deadline falls on or before @date (YYYY-MM-DD),
 * overdue ones included. */
gboolean
fg_hazard_item_is_due_by (FgHazardItem *self,
                          const char   *date)
{
  g_return_val_if_fail (FG_IS_HAZARD_ITEM (self), FALSE);

  return self->due != FG_HAZARD_DUE_NONE &&
         g_strcmp0 (fg_hazard_get_deadline (self->hazard), date) <= 0;
}
