/* fg-escalation.h — the rules that move hazards up the chain
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "fg-actor.h"
#include "fg-store.h"

G_BEGIN_DECLS

typedef struct
{
  guint n_overdue;   /* escalated: deadline passed by the rule's working days */
  guint n_repeated;  /* escalated: the same item failed again within the rule's months */
  guint n_transferred; /* transferred: the notice was refused or nobody could be served */
} FgEscalationReport;

gboolean fg_escalation_run (FgStore            *store,
                            FgActor            *actor,
                            const GDate        *today,
                            FgEscalationReport *report,
                            GError            **error);

G_END_DECLS
