/* fg-office.h — an installation as a whole: opening it, setting it up
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "fg-account.h"
#include "fg-actor.h"
#include "fg-node.h"
#include "fg-store.h"

G_BEGIN_DECLS

/* The fields of a set-up, for fg_office_check_set_up(). */
typedef enum
{
  FG_OFFICE_FIELD_CODE,
  FG_OFFICE_FIELD_NAME,            /* the township's, the county office's or the grid's */
  FG_OFFICE_FIELD_COUNTY_NAME,     /* a township's county */
  FG_OFFICE_FIELD_ADMIN_NAME,
  FG_OFFICE_FIELD_ADMIN_LOGIN,
  FG_OFFICE_FIELD_ADMIN_PASSWORD,
  FG_OFFICE_N_FIELDS,
} FgOfficeField;

FgStore   *fg_office_open                       (const char  *path,
                                                 GError     **error);
void       fg_office_open_async                 (const char           *path,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
FgStore   *fg_office_open_finish                (GAsyncResult         *result,
                                                 GError              **error);

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

guint      fg_office_check_set_up               (FgNodeKind   kind,
                                                 const char  *code,
                                                 const char  *name,
                                                 const char  *county_name,
                                                 const char  *admin_login,
                                                 const char  *admin_name,
                                                 const char  *admin_password,
                                                 GError     **errors);

G_END_DECLS
