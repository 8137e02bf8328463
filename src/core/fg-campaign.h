/* fg-campaign.h — campaigns (专项行动): a named period with focus items
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "fg-actor.h"
/* a name, a date or a focus item is refused with FG_INSPECTION_ERROR's
 * codes */
#include "fg-inspection.h"
#include "fg-stats.h"
#include "fg-store.h"

G_BEGIN_DECLS

#define FG_TYPE_CAMPAIGN (fg_campaign_get_type ())

G_DECLARE_FINAL_TYPE (FgCampaign, fg_campaign, FG, CAMPAIGN, GObject)

const char         *fg_campaign_get_id        (FgCampaign         *self);
const char         *fg_campaign_get_name      (FgCampaign         *self);
const char         *fg_campaign_get_starts_on (FgCampaign         *self);
const char         *fg_campaign_get_ends_on   (FgCampaign         *self);
const char * const *fg_campaign_get_focus     (FgCampaign         *self);
guint               fg_campaign_get_n_venues  (FgCampaign         *self);
FgCampaign         *fg_campaign_create        (FgStore            *store,
                                               FgActor            *actor,
                                               const char         *name,
                                               const char         *starts_on,
                                               const char         *ends_on,
                                               const char * const *focus,
                                               GError            **error);
FgCampaign         *fg_campaign_create_for_venues (FgStore            *store,
                                                   FgActor            *actor,
                                                   const char         *name,
                                                   const char         *starts_on,
                                                   const char         *ends_on,
                                                   const char * const *focus,
                                                   const char * const *venue_ids,
                                                   GError            **error);
FgCampaign         *fg_campaign_create_for_lacking (FgStore           *store,
                                                    FgActor           *actor,
                                                    const char        *name,
                                                    const char        *starts_on,
                                                    const char        *ends_on,
                                                    const char        *region,
                                                    FgStatsLack        lack,
                                                    GError           **error);
GStrv               fg_campaign_dup_venue_ids (FgStore            *store,
                                               FgActor            *actor,
                                               const char         *campaign_id,
                                               GError            **error);
GPtrArray          *fg_campaign_list          (FgStore            *store,
                                               FgActor            *actor,
                                               GError            **error);

G_END_DECLS
