/* fg-account.h — local accounts: who may log in, with which role and scope
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "fg-actor.h"
#include "fg-store.h"

G_BEGIN_DECLS

#define FG_ACCOUNT_ERROR (fg_account_error_quark ())

typedef enum
{
  FG_ACCOUNT_ERROR_WRONG_PASSWORD,  /* or an unknown login: they look alike */
  FG_ACCOUNT_ERROR_LOCKED,          /* too many wrong passwords in a row */
  FG_ACCOUNT_ERROR_INACTIVE,
  FG_ACCOUNT_ERROR_INVALID_LOGIN,
  FG_ACCOUNT_ERROR_INVALID_NAME,
  FG_ACCOUNT_ERROR_WEAK_PASSWORD,
  FG_ACCOUNT_ERROR_DUPLICATE_LOGIN,
  FG_ACCOUNT_ERROR_NOT_FOUND,
  FG_ACCOUNT_ERROR_INVALID_SCOPE,
  FG_ACCOUNT_ERROR_LAST_ADMIN,      /* the last active administrator stays */
  FG_ACCOUNT_ERROR_INVALID_CERTIFICATE,
} FgAccountError;

/* The longest enforcement certificate number (执法证号) taken. */
#define FG_ACCOUNT_MAX_CERTIFICATE_LENGTH 32

/* Wrong passwords in a row after which each further try must wait. */
#define FG_ACCOUNT_MAX_FAILED_LOGINS 5
#define FG_ACCOUNT_MIN_PASSWORD_LENGTH 8

/* The fields of a new account a form checks at once. */
typedef enum
{
  FG_ACCOUNT_FIELD_LOGIN,
  FG_ACCOUNT_FIELD_NAME,
  FG_ACCOUNT_FIELD_PASSWORD,
  FG_ACCOUNT_N_FIELDS
} FgAccountField;

#define FG_TYPE_ACCOUNT (fg_account_get_type ())

G_DECLARE_FINAL_TYPE (FgAccount, fg_account, FG, ACCOUNT, GObject)

GQuark      fg_account_error_quark         (void);
guint       fg_account_check_fields        (const char  *login,
                                            const char  *display_name,
                                            const char  *password,
                                            GError     **errors);

const char *fg_account_get_id              (FgAccount   *self);
const char *fg_account_get_login           (FgAccount   *self);
const char *fg_account_get_display_name    (FgAccount   *self);
FgRole      fg_account_get_role            (FgAccount   *self);
const char *fg_account_get_scope_region_id (FgAccount   *self);
const char *fg_account_get_scope_name      (FgAccount   *self);
const char *fg_account_get_scope_label     (FgAccount   *self);
gboolean    fg_account_get_active          (FgAccount   *self);
const char *fg_account_get_certificate     (FgAccount   *self);
gboolean    fg_account_is_officer          (FgAccount   *self);

FgRole      fg_account_get_admin_role      (FgStore     *store);
gboolean    fg_account_role_fits           (FgStore     *store,
                                            FgRole       role);
FgActor    *fg_account_login               (FgStore     *store,
                                            const char  *login,
                                            const char  *password,
                                            GError     **error);
FgAccount  *fg_account_create              (FgStore     *store,
                                            FgActor     *actor,
                                            const char  *login,
                                            const char  *display_name,
                                            FgRole       role,
                                            const char  *scope_region_id,
                                            const char  *password,
                                            GError     **error);
GPtrArray  *fg_account_list_areas          (FgStore     *store,
                                            FgActor     *actor,
                                            FgRole       role,
                                            GError     **error);
GPtrArray  *fg_account_list                (FgStore     *store,
                                            FgActor     *actor,
                                            GError     **error);
gboolean    fg_account_change_password     (FgStore     *store,
                                            FgActor     *actor,
                                            const char  *old_password,
                                            const char  *new_password,
                                            GError     **error);
gboolean    fg_account_reset_password      (FgStore     *store,
                                            FgActor     *actor,
                                            const char  *login,
                                            const char  *new_password,
                                            GError     **error);
gboolean    fg_account_check_certificate   (FgStore     *store,
                                            FgActor     *actor,
                                            const char  *login,
                                            const char  *certificate,
                                            GError     **error);
gboolean    fg_account_set_certificate     (FgStore     *store,
                                            FgActor     *actor,
                                            const char  *login,
                                            const char  *certificate,
                                            GError     **error);
GPtrArray  *fg_account_list_officers       (FgStore     *store,
                                            FgActor     *actor,
                                            GError     **error);
gboolean    fg_account_set_active          (FgStore     *store,
                                            FgActor     *actor,
                                            const char  *login,
                                            gboolean     active,
                                            GError     **error);

G_END_DECLS
