/* fg-hazard.h — hazards (隐患) found by inspections
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "fg-actor.h"
#include "fg-checklist.h"
#include "fg-store.h"

G_BEGIN_DECLS

typedef enum
{
  FG_HAZARD_GRADE_ON_SPOT,         /* 可当场改正 */
  FG_HAZARD_GRADE_DEADLINE,        /* 火灾隐患, corrected by a deadline */
  FG_HAZARD_GRADE_MAJOR_PROPOSED,  /* may be 重大火灾隐患: a person confirms */
} FgHazardGrade;

#define FG_TYPE_HAZARD (fg_hazard_get_type ())

G_DECLARE_FINAL_TYPE (FgHazard, fg_hazard, FG, HAZARD, GObject)

FgHazardGrade  fg_hazard_grade_propose       (FgChecklistItem *item);
const char    *fg_hazard_grade_to_string     (FgHazardGrade    grade);
const char    *fg_hazard_grade_get_label     (FgHazardGrade    grade);

const char    *fg_hazard_get_id              (FgHazard        *self);
const char    *fg_hazard_get_venue_id        (FgHazard        *self);
const char    *fg_hazard_get_inspection_id   (FgHazard        *self);
const char    *fg_hazard_get_item_code       (FgHazard        *self);
FgHazardGrade  fg_hazard_get_grade           (FgHazard        *self);
guint          fg_hazard_get_deadline_days   (FgHazard        *self);
const char    *fg_hazard_get_note            (FgHazard        *self);
const char    *fg_hazard_get_found_at        (FgHazard        *self);

GPtrArray     *fg_hazard_list_for_inspection (FgStore         *store,
                                              FgActor         *actor,
                                              const char      *inspection_id,
                                              GError         **error);

G_END_DECLS
