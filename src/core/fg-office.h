/* fg-office.h — an installation as a whole: opening it, setting it up
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "fg-account.h"
#include "fg-actor.h"
#include "fg-store.h"

G_BEGIN_DECLS

FgStore   *fg_office_open                       (const char  *path,
                                                 GError     **error);

gboolean   fg_office_set_up_township            (FgStore     *store,
                                                 FgActor     *installer,
                                                 const char  *township_code,
                                                 const char  *township_name,
                                                 const char  *county_name,
                                                 GError     **error);
gboolean   fg_office_set_up_county              (FgStore     *store,
                                                 FgActor     *installer,
                                                 const char  *county_code,
                                                 const char  *county_name,
                                                 GError     **error);
gboolean   fg_office_set_up_grid                (FgStore     *store,
                                                 FgActor     *installer,
                                                 const char  *grid_code,
                                                 const char  *grid_name,
                                                 GError     **error);

FgAccount *fg_office_set_up_township_with_admin (FgStore     *store,
                                                 const char  *township_code,
                                                 const char  *township_name,
                                                 const char  *county_name,
                                                 const char  *admin_login,
                                                 const char  *admin_name,
                                                 const char  *admin_password,
                                                 GError     **error);
FgAccount *fg_office_set_up_county_with_admin   (FgStore     *store,
                                                 const char  *county_code,
                                                 const char  *county_name,
                                                 const char  *admin_login,
                                                 const char  *admin_name,
                                                 const char  *admin_password,
                                                 GError     **error);
FgAccount *fg_office_set_up_grid_with_admin     (FgStore     *store,
                                                 const char  *grid_code,
                                                 const char  *grid_name,
                                                 const char  *admin_login,
                                                 const char  *admin_name,
                                                 const char  *admin_password,
                                                 GError     **error);

G_END_DECLS
