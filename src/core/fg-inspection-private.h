/* fg-inspection-private.h
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "fg-inspection.h"

G_BEGIN_DECLS

gboolean fg_inspection_check_times (FgStore     *store,
                                    const char  *started,
                                    const char  *ended,
                                    char       **started_at,
                                    char       **ended_at,
                                    GError     **error);

gboolean fg_inspection_check_results (FgStore     *store,
                                      const char  *id,
                                      GHashTable  *checklists,
                                      GError     **error);

G_END_DECLS
