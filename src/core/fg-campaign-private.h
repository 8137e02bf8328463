/* fg-campaign-private.h — the checks a campaign passes, wherever it comes from
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "fg-campaign.h"
#include "fg-store.h"

G_BEGIN_DECLS

gboolean fg_campaign_check_dates (const char  *starts_on,
                                  const char  *ends_on,
                                  GError     **error);
gboolean fg_campaign_check_focus (FgStore     *store,
                                  const char  *focus_json,
                                  GError     **error);

G_END_DECLS
