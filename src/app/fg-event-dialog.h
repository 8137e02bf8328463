/* fg-event-dialog.h — what an event on a hazard needs from the person
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "firegrid.h"

G_BEGIN_DECLS

#define FG_TYPE_EVENT_DIALOG (fg_event_dialog_get_type ())

G_DECLARE_FINAL_TYPE (FgEventDialog, fg_event_dialog, FG, EVENT_DIALOG, AdwMessageDialog)

FgEventDialog *fg_event_dialog_new          (GtkWindow                  *parent,
                                             FgStore                    *store,
                                             FgHazard                   *hazard,
                                             FgHazardEventKind           kind,
                                             const char                 *deadline,
                                             gboolean                    takes_photos,
                                             const FgHazardEventDetails *details,
                                             const char                 *problem);
void           fg_event_dialog_count_workdays (FgEventDialog            *self,
                                             FgStore                    *store,
                                             const GDate                *today);
FgHazardEventKind fg_event_dialog_get_kind  (FgEventDialog              *self);
const char    *fg_event_dialog_get_hazard_id (FgEventDialog             *self);
void           fg_event_dialog_attach_photo_file (FgEventDialog         *self,
                                                  GFile                 *file);
void           fg_event_dialog_add_photo    (FgEventDialog              *self,
                                             GBytes                     *photo);
void           fg_event_dialog_get_details  (FgEventDialog              *self,
                                             FgHazardEventDetails       *details);

G_END_DECLS
