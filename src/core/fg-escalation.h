/* fg-escalation.h — the rules that press an overdue order up the chain,
 * and the office's own duty to re-inspect
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "fg-actor.h"
#include "fg-hazard.h"
#include "fg-store.h"

G_BEGIN_DECLS

#define FG_ESCALATION_ERROR (fg_escalation_error_quark ())

typedef enum
{
  FG_ESCALATION_ERROR_INVALID,   /* rules that are not valid */
} FgEscalationError;

typedef struct
{
  guint n_overdue;   /* escalated one step: an order uncorrected for the step's working days */
  guint n_repeated;  /* escalated: the same item failed again within the rule's months */
  guint n_unserved;  /* not pressed: the notice found nobody, to be served another way */
  guint n_reinspection_late; /* reported fixed, and the office's re-inspection is late */
} FgEscalationReport;

gboolean    fg_escalation_run                     (FgStore            *store,
                                                   FgActor            *actor,
                                                   const GDate        *today,
                                                   FgEscalationReport *report,
                                                   GError            **error);
GQuark      fg_escalation_error_quark             (void);
guint       fg_escalation_get_reinspection_days   (FgStore            *store);
gboolean    fg_escalation_rules_load              (FgStore            *store,
                                                   FgActor            *actor,
                                                   GBytes             *bytes,
                                                   const char         *name,
                                                   GError            **error);
gboolean    fg_escalation_rules_reset             (FgStore            *store,
                                                   FgActor            *actor,
                                                   GError            **error);
char       *fg_escalation_rules_dup_xml           (FgStore            *store,
                                                   char              **source,
                                                   char              **loaded_at,
                                                   char              **loaded_by,
                                                   GError            **error);
char       *fg_escalation_dup_reinspection_due    (FgStore            *store,
                                                   FgHazard           *hazard);
int         fg_escalation_count_reinspection_late (FgStore            *store,
                                                   FgHazard           *hazard,
                                                   const GDate        *today);
char       *fg_escalation_dup_reinspection_late_before (FgStore       *store,
                                                   const GDate        *today);
const char *fg_escalation_level_get_label         (const char         *level);
char       *fg_escalation_dup_office_name         (FgStore            *store,
                                                   FgHazard           *hazard);

G_END_DECLS
