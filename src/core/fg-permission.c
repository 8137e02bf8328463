/* fg-permission.c — roles, actions, and who may do what where
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "fg-audit-private.h"
#include "fg-permission-private.h"
#include "fg-store-private.h"

G_DEFINE_QUARK (fg-permission-error-quark, fg_permission_error)

/* Who may do what: the one table every check in the core reads. Where an
 * action is allowed, the actor's scope (its part of the division tree)
 * still limits which records it may touch.
 *
 *   A  township administrator  everything in the township, accounts
 *   S  township staff          registry, inspections, hazards, notices, sync
 *   G  grid worker             venues and inspections in own grids; reports
 *                              hazards; no notices, no closing
 *   V  village committee       reads its village; prints notices and
 *                              records their service
 *   C  county                  reads every township it imported; issues
 *                              supervision instructions; syncs; edits nothing
 *   K  county administrator    the same, and a county installation's accounts
 *   W  grid station administrator  a grid worker's rights in its grid, and
 *                              a grid station's accounts and sync */
static const gboolean role_actions[FG_N_ROLES][FG_N_ACTIONS] = {
  /*                           RR RE VR VE IR HR HM NI NP NS SU CM SY AM AU ST */
  [FG_ROLE_TOWNSHIP_ADMIN]  = { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1 },
  [FG_ROLE_TOWNSHIP_STAFF]  = { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 0, 0, 0 },
  [FG_ROLE_GRID_WORKER]     = { 1, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 },
  [FG_ROLE_VILLAGE_COMMITTEE] = { 1, 0, 1, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0 },
  [FG_ROLE_COUNTY]          = { 1, 0, 1, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0 },
  [FG_ROLE_COUNTY_ADMIN]    = { 1, 0, 1, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 1, 1, 1 },
  [FG_ROLE_GRID_ADMIN]      = { 1, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1 },
};

static const char * const role_ids[FG_N_ROLES] = {
  "township-admin",
  "township-staff",
  "grid-worker",
  "village-committee",
  "county",
  "county-admin",
  "grid-admin",
};

static const char * const action_ids[FG_N_ACTIONS] = {
  "region-read",
  "region-edit",
  "venue-read",
  "venue-edit",
  "inspection-record",
  "hazard-report",
  "hazard-manage",
  "notice-issue",
  "notice-print",
  "notice-serve",
  "supervise",
  "campaign-manage",
  "sync",
  "account-manage",
  "audit-read",
  "settings",
};

/**
 * fg_role_allows:
 * @role: a role
 * @action: an action
 *
 * Returns: whether people of @role may do @action at all (their scope
 *   still limits where)
 */
gboolean
fg_role_allows (FgRole   role,
                FgAction action)
{
  g_return_val_if_fail (role < FG_N_ROLES, FALSE);
  g_return_val_if_fail (action < FG_N_ACTIONS, FALSE);

  return role_actions[role][action];
}

const char *
fg_role_to_string (FgRole role)
{
  g_return_val_if_fail (role < FG_N_ROLES, NULL);
  return role_ids[role];
}

gboolean
fg_role_from_string (const char *text,
                     FgRole     *role)
{
  for (guint i = 0; i < FG_N_ROLES; i++)
    {
      if (g_strcmp0 (text, role_ids[i]) == 0)
        {
          *role = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * fg_role_get_label:
 *
 * Returns: the role's name in the user's language
 */
const char *
fg_role_get_label (FgRole role)
{
  switch (role)
    {
    case FG_ROLE_TOWNSHIP_ADMIN:
      return _("Township administrator");
    case FG_ROLE_TOWNSHIP_STAFF:
      return _("Township staff");
    case FG_ROLE_GRID_WORKER:
      return _("Grid worker");
    case FG_ROLE_VILLAGE_COMMITTEE:
      return _("Village committee");
    case FG_ROLE_COUNTY:
      return _("County office");
    case FG_ROLE_COUNTY_ADMIN:
      return _("County administrator");
    case FG_ROLE_GRID_ADMIN:
      return _("Grid station administrator");
    case FG_N_ROLES:
    default:
      return "";
    }
}

const char *
fg_action_to_string (FgAction action)
{
  g_return_val_if_fail (action < FG_N_ACTIONS, NULL);
  return action_ids[action];
}

static const char *
action_description (FgAction action)
{
  switch (action)
    {
    case FG_ACTION_REGION_READ:
      return _("see these villages and grids");
    case FG_ACTION_REGION_EDIT:
      return _("change villages, communities or grids");
    case FG_ACTION_VENUE_READ:
      return _("see this venue");
    case FG_ACTION_VENUE_EDIT:
      return _("add or change venues");
    case FG_ACTION_INSPECTION_RECORD:
      return _("record inspections");
    case FG_ACTION_HAZARD_REPORT:
      return _("report hazards");
    case FG_ACTION_HAZARD_MANAGE:
      return _("change deadlines, escalate or close hazards");
    case FG_ACTION_NOTICE_ISSUE:
      return _("issue notices");
    case FG_ACTION_NOTICE_PRINT:
      return _("print notices");
    case FG_ACTION_NOTICE_SERVE:
      return _("record the service of notices");
    case FG_ACTION_SUPERVISE:
      return _("give supervision instructions");
    case FG_ACTION_CAMPAIGN_MANAGE:
      return _("organise campaigns");
    case FG_ACTION_SYNC:
      return _("exchange records with other offices");
    case FG_ACTION_ACCOUNT_MANAGE:
      return _("manage accounts");
    case FG_ACTION_AUDIT_READ:
      return _("read the audit log");
    case FG_ACTION_SETTINGS:
      return _("change the office’s settings");
    case FG_N_ACTIONS:
    default:
      return "";
    }
}

/* The digits of a region's code that every region below it shares:
 * 6 for a county, 9 for a township, 12 for a village, all of a grid's. */
gsize
fg_region_code_prefix_length (const char *code)
{
  gsize len = strlen (code);

  if (len != 12)
    return len;  /* a grid: 410425101201-003 */
  if (strcmp (code + 6, "000000") == 0)
    return 6;
  if (strcmp (code + 9, "000") == 0)
    return 9;
  return 12;
}

/* Whether @code lies in the actor's scope: the scope region or below it. */
gboolean
fg_actor_covers_code (const FgActor *actor,
                      const char    *code)
{
  const char *scope = fg_actor_get_scope_code (actor);

  if (scope == NULL)
    return TRUE;
  if (code == NULL)
    return FALSE;

  return strncmp (code, scope, fg_region_code_prefix_length (scope)) == 0;
}

/* What the codes of the regions in the actor's area begin with, for a
 * query to compare with substr (code, 1, length (prefix)); NULL when the
 * actor's area is everything. */
char *
fg_actor_dup_scope_prefix (const FgActor *actor)
{
  const char *scope = fg_actor_get_scope_code (actor);

  if (scope == NULL)
    return NULL;
  return g_strndup (scope, fg_region_code_prefix_length (scope));
}

/* Whether the actor may see a region: inside its scope, or above it (a grid
 * worker sees the township and village its grid hangs from, to find it). */
gboolean
fg_actor_sees_code (const FgActor *actor,
                    const char    *code)
{
  const char *scope = fg_actor_get_scope_code (actor);

  if (scope == NULL || code == NULL)
    return scope == NULL;
  if (fg_actor_covers_code (actor, code))
    return TRUE;

  return strncmp (scope, code, fg_region_code_prefix_length (code)) == 0;
}

/* The checks, without writing a refusal down. */
static GError *
check (FgStore       *store,
       const FgActor *actor,
       FgAction       action,
       const char    *region_code,
       gboolean       ancestors_too)
{
  GError *refusal = NULL;

  if (fg_actor_get_kind (actor) == FG_ACTOR_KIND_INSTALLER)
    {
      /* The person setting up the installation acts without an account
       * only until the first account exists. */
      if (!fg_store_has_accounts (store))
        return NULL;

      g_set_error (&refusal, FG_PERMISSION_ERROR, FG_PERMISSION_ERROR_LOGIN_NEEDED,
                   _("Log in first: this database has accounts."));
    }
  else if (!fg_role_allows (fg_actor_get_role (actor), action))
    {
      g_set_error (&refusal, FG_PERMISSION_ERROR, FG_PERMISSION_ERROR_DENIED,
                   _("Your role, %s, does not allow you to %s. Ask the township administrator if you need to."),
                   fg_role_get_label (fg_actor_get_role (actor)), action_description (action));
    }
  else if (region_code != NULL &&
           !(ancestors_too ? fg_actor_sees_code (actor, region_code)
                           : fg_actor_covers_code (actor, region_code)))
    {
      g_set_error (&refusal, FG_PERMISSION_ERROR, FG_PERMISSION_ERROR_OUT_OF_SCOPE,
                   _("This record is outside %s, the part of the township your account covers."),
                   fg_actor_get_scope_name (actor));
    }

  return refusal;
}

static gboolean
refuse (FgStore        *store,
        const FgActor  *actor,
        FgAction        action,
        const char     *record,
        GError         *refusal,
        GError        **error)
{
  fg_audit_record_refusal (store, actor, fg_action_to_string (action), record, refusal->message);
  g_propagate_error (error, refusal);
  return FALSE;
}

/**
 * fg_permission_check_visible: (skip)
 *
 * Like fg_permission_check(), but a region above the actor's scope counts
 * too: for reading the tree down to one's own part, or naming the county.
 */
gboolean
fg_permission_check_visible (FgStore        *store,
                             const FgActor  *actor,
                             FgAction        action,
                             const char     *region_code,
                             const char     *record,
                             GError        **error)
{
  GError *refusal;

  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);

  refusal = check (store, actor, action, region_code, TRUE);
  return refusal == NULL || refuse (store, actor, action, record, refusal, error);
}

/**
 * fg_permission_check: (skip)
 * @store: the store
 * @actor: who asks
 * @action: what it wants to do
 * @region_code: (nullable): the code of the region the record lies in, or
 *   %NULL for an action on the whole installation
 * @record: (nullable): the record, for the audit log
 * @error: return location for an error
 *
 * The check every core entry point makes. A refusal is written to the
 * audit log and returned as an error that says what was refused.
 *
 * Returns: %TRUE if @actor may do @action there
 */
gboolean
fg_permission_check (FgStore        *store,
                     const FgActor  *actor,
                     FgAction        action,
                     const char     *region_code,
                     const char     *record,
                     GError        **error)
{
  GError *refusal;

  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);

  refusal = check (store, actor, action, region_code, FALSE);
  return refusal == NULL || refuse (store, actor, action, record, refusal, error);
}
