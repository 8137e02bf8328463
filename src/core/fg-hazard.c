/* fg-hazard.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For now a hazard is the record that an inspection's failed item left;
 * its lifecycle (notices, deadlines, escalation, closing) is derived from
 * an event log added with the hazard ledger.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "fg-hazard.h"
#include "fg-permission-private.h"
#include "fg-store-private.h"

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
};

G_DEFINE_FINAL_TYPE (FgHazard, fg_hazard, G_TYPE_OBJECT)

static const char * const grade_ids[] = { "on-spot", "deadline", "major-proposed" };

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
                           "SELECT h.id, h.venue_id, h.inspection_id, h.item_code, h.grade,"
                           "  h.deadline_days, h.note, h.found_at,"
                           "  coalesce (g.code, v.code)"
                           " FROM hazard h JOIN region v ON v.id = h.village_id"
                           " LEFT JOIN region g ON g.id = h.grid_id"
                           " WHERE h.inspection_id = ?1 AND h.deleted = 0 ORDER BY h.seq",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, inspection_id, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FgHazard *hazard;

      if (!fg_permission_check (store, actor, FG_ACTION_VENUE_READ,
                                fg_stmt_text (stmt, 8), inspection_id, error))
        return NULL;

      hazard = g_object_new (FG_TYPE_HAZARD, NULL);
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
      g_ptr_array_add (hazards, hazard);
    }

  if (rc != SQLITE_DONE)
    {
      fg_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&hazards);
}
