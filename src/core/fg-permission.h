/* fg-permission.h — roles, actions, and who may do what
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define FG_PERMISSION_ERROR (fg_permission_error_quark ())

typedef enum
{
  FG_PERMISSION_ERROR_DENIED,        /* the role may not do this */
  FG_PERMISSION_ERROR_OUT_OF_SCOPE,  /* not in the actor's part of the tree */
  FG_PERMISSION_ERROR_LOGIN_NEEDED,  /* accounts exist: log in first */
} FgPermissionError;

typedef enum
{
  FG_ROLE_TOWNSHIP_ADMIN,     /* 乡镇管理员 */
  FG_ROLE_TOWNSHIP_STAFF,     /* 乡镇工作人员 */
  FG_ROLE_GRID_WORKER,        /* 网格员 */
  FG_ROLE_VILLAGE_COMMITTEE,  /* 村(居)委会 */
  FG_ROLE_COUNTY,             /* 县级 */
  FG_ROLE_COUNTY_ADMIN,       /* 县级管理员: a county installation's accounts */
  FG_ROLE_GRID_ADMIN,         /* 网格站管理员: a grid station's accounts and sync */
  FG_N_ROLES
} FgRole;

typedef enum
{
  FG_ACTION_REGION_READ,
  FG_ACTION_REGION_EDIT,
  FG_ACTION_VENUE_READ,
  FG_ACTION_VENUE_EDIT,
  FG_ACTION_INSPECTION_RECORD,
  FG_ACTION_HAZARD_REPORT,
  FG_ACTION_HAZARD_MANAGE,     /* deadlines, escalation, closing (销号) */
  FG_ACTION_NOTICE_ISSUE,
  FG_ACTION_NOTICE_PRINT,
  FG_ACTION_NOTICE_SERVE,      /* record service (送达) */
  FG_ACTION_SUPERVISE,         /* county instructions, 挂牌督办 */
  FG_ACTION_CAMPAIGN_MANAGE,   /* organise campaigns (专项行动) */
  FG_ACTION_SYNC,
  FG_ACTION_ACCOUNT_MANAGE,
  FG_ACTION_AUDIT_READ,
  FG_ACTION_SETTINGS,          /* the office's settings: documents, holiday calendar */
  FG_N_ACTIONS
} FgAction;

GQuark       fg_permission_error_quark (void);
gboolean     fg_role_allows            (FgRole       role,
                                        FgAction     action);
const char  *fg_role_to_string         (FgRole       role);
gboolean     fg_role_from_string       (const char  *text,
                                        FgRole      *role);
const char  *fg_role_get_label         (FgRole       role);
const char  *fg_action_to_string       (FgAction     action);

G_END_DECLS
