/* fg-demo.h — a realistic demo township
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "fg-actor.h"
#include "fg-permission.h"
#include "fg-store.h"

G_BEGIN_DECLS

#define FG_DEMO_DEFAULT_VENUES 300

/* The demo's accounts, whose passwords are published (README, the set-up
 * window, the command line): never use a demo database for real records. */
typedef struct
{
  const char *login;
  const char *password;
  const char *display_name;
  FgRole      role;
} FgDemoAccount;

const FgDemoAccount *fg_demo_get_accounts (guint *n_accounts);

typedef void (*FgDemoProgress) (guint    done,
                                guint    total,
                                gpointer user_data);

gboolean fg_demo_populate (FgStore         *store,
                           FgActor         *actor,
                           guint            n_venues,
                           FgDemoProgress   progress,
                           gpointer         user_data,
                           GError         **error);

G_END_DECLS
