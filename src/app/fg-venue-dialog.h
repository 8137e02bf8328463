/* fg-venue-dialog.h — adding a venue or changing one
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "firegrid.h"

G_BEGIN_DECLS

#define FG_TYPE_VENUE_DIALOG (fg_venue_dialog_get_type ())

G_DECLARE_FINAL_TYPE (FgVenueDialog, fg_venue_dialog, FG, VENUE_DIALOG, AdwWindow)

FgVenueDialog *fg_venue_dialog_new       (GtkWindow     *parent,
                                          FgStore       *store,
                                          FgActor       *actor,
                                          FgVenue       *venue,
                                          const char    *region_id);
FgStore       *fg_venue_dialog_get_store (FgVenueDialog *self);
FgVenue       *fg_venue_dialog_get_venue (FgVenueDialog *self);

G_END_DECLS
