/* fg-deadline-dialog.h — asking to confirm a deadline
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

GtkWindow *fg_deadline_dialog_new (GtkWindow          *parent,
                                   const char * const *warnings);

G_END_DECLS
