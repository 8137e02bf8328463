/* fg-account-private.h
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "fg-account.h"

G_BEGIN_DECLS

gboolean fg_account_check_login_and_password (const char  *login,
                                              const char  *password,
                                              GError     **error);

gboolean  fg_account_check_login              (const char  *login,
                                              GError     **error);
gboolean  fg_account_check_password           (const char  *password,
                                              const char  *login,
                                              GError     **error);
char     *fg_account_check_display_name       (const char  *display_name,
                                              GError     **error);

FgAccount *fg_account_private_load             (FgStore     *store,
                                              const char  *login,
                                              GError     **error);

G_END_DECLS
