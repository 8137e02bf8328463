/* fg-actor-private.h
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "fg-actor.h"

G_BEGIN_DECLS

/* Only a successful login makes an actor with a role: see fg-account.c. */
FgActor *fg_actor_new_account (const char *account_id,
                               const char *login,
                               const char *display_name,
                               FgRole      role,
                               const char *scope_region_id,
                               const char *scope_code,
                               const char *scope_name);

G_END_DECLS
