/* fg-notice-dialog.h — issuing a document
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "firegrid.h"

G_BEGIN_DECLS

/* Called with the document once it is issued. */
typedef void (*FgNoticeIssuedFunc) (FgNotice *notice,
                                    gpointer  user_data);

void fg_notice_dialog_present_for_hazard (GtkWindow          *parent,
                                          FgStore            *store,
                                          FgActor            *actor,
                                          FgHazard           *hazard,
                                          FgNoticeIssuedFunc  issued,
                                          gpointer            user_data);

G_END_DECLS
