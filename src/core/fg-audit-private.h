/* fg-audit-private.h
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "fg-audit.h"

G_BEGIN_DECLS

void     fg_audit_record_refusal (FgStore       *store,
                                  const FgActor *actor,
                                  const char    *action,
                                  const char    *record_id,
                                  const char    *message);
gboolean fg_audit_record_change  (FgStore       *store,
                                  const FgActor *actor,
                                  const char    *action,
                                  const char    *record_id,
                                  const char    *before,
                                  const char    *after,
                                  GError       **error);
char    *fg_audit_dup_row        (FgStore       *store,
                                  const char    *table,
                                  const char    *id);
void     fg_audit_seal           (FgStore       *store);

G_END_DECLS
