/* fg-escalation-private.h
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "fg-escalation.h"

G_BEGIN_DECLS

typedef struct
{
  char *level;
  char *condition;  /* nullable: "key-unit" or "possibly-major" */
} FgEscalationTarget;

typedef struct
{
  guint working_days;
  GPtrArray *targets;  /* FgEscalationTarget, the first whose condition holds */
} FgEscalationStep;

/* The rules in effect (reference-counted, read-only once made). */
typedef struct
{
  GPtrArray *steps;  /* FgEscalationStep, lowest first */
  guint repeat_months;
  guint reinspection_days;
} FgEscalationRules;

FgEscalationRules *fg_escalation_rules_get   (FgStore            *store,
                                              GError            **error);
FgEscalationRules *fg_escalation_rules_ref   (FgEscalationRules  *rules);
void               fg_escalation_rules_unref (FgEscalationRules  *rules);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FgEscalationRules, fg_escalation_rules_unref)

G_END_DECLS
