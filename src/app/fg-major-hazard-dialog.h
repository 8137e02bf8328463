/* fg-major-hazard-dialog.h — a possibly major hazard: the letter to the brigade, and its decision
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "fg-notice-dialog.h"

G_BEGIN_DECLS

void              fg_major_letter_present          (GtkWindow                   *parent,
                                                    FgStore                     *store,
                                                    FgActor                     *actor,
                                                    FgHazard                    *hazard,
                                                    FgNoticeIssuedFunc           issued,
                                                    gpointer                     user_data);
void              fg_transfer_present              (GtkWindow                   *parent,
                                                    FgStore                     *store,
                                                    FgActor                     *actor,
                                                    FgHazard                    *hazard,
                                                    FgNoticeIssuedFunc           issued,
                                                    gpointer                     user_data);

AdwMessageDialog *fg_decision_dialog_new           (GtkWindow                   *parent,
                                                    FgStore                     *store,
                                                    FgHazard                    *hazard,
                                                    FgHazardEventKind            kind,
                                                    const FgHazardEventDetails  *details,
                                                    const char                  *authority,
                                                    const char                  *today,
                                                    const char                  *problem);
const char       *fg_decision_dialog_get_hazard_id (AdwMessageDialog            *dialog);
void              fg_decision_dialog_get_details   (AdwMessageDialog            *dialog,
                                                    FgHazardEventKind           *kind,
                                                    FgHazardEventDetails        *details);

G_END_DECLS
