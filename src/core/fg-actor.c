/* fg-actor.c — who performs a change: the installer, an account logged in,
 * or another office through its bundle
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fg-actor-private.h"

/* Every mutating (and reading) core call names its actor, so that the
 * permission checks and the audit log hold whichever way a change comes:
 * the window, the command line, or another office's bundle. */
struct _FgActor
{
  gatomicrefcount ref_count;
  FgActorKind kind;
  char *account_id;
  char *login;
  char *display_name;
  FgRole role;
  char *scope_region_id;  /* NULL: the whole installation */
  char *scope_code;
  char *scope_name;
};

G_DEFINE_BOXED_TYPE (FgActor, fg_actor, fg_actor_ref, fg_actor_unref)

static FgActor *
actor_new (FgActorKind  kind,
           const char  *login,
           const char  *display_name)
{
  FgActor *self = g_new0 (FgActor, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->kind = kind;
  self->login = g_strdup (login);
  self->display_name = g_strdup (display_name != NULL && *display_name != '\0'
                                 ? display_name : login);
  return self;
}

/**
 * fg_actor_new_local:
 *
 * The person at this computer who sets up the installation (or creates the
 * demo). It acts with every right, but only as long as the database has no
 * account: from then on every change needs a login (fg_account_login()).
 *
 * Returns: (transfer full): a new actor
 */
FgActor *
fg_actor_new_local (void)
{
  const char *real_name = g_get_real_name ();
  FgActor *self;

  if (g_strcmp0 (real_name, "Unknown") == 0)
    real_name = NULL;

  self = actor_new (FG_ACTOR_KIND_INSTALLER, g_get_user_name (), real_name);
  self->role = FG_ROLE_TOWNSHIP_ADMIN;
  return self;
}

FgActor *
fg_actor_new_account (const char *account_id,
                      const char *login,
                      const char *display_name,
                      FgRole      role,
                      const char *scope_region_id,
                      const char *scope_code,
                      const char *scope_name)
{
  FgActor *self;

  g_return_val_if_fail (account_id != NULL, NULL);
  g_return_val_if_fail (login != NULL, NULL);
  g_return_val_if_fail (role < FG_N_ROLES, NULL);
  g_return_val_if_fail (scope_code != NULL, NULL);

  self = actor_new (FG_ACTOR_KIND_USER, login, display_name);
  self->account_id = g_strdup (account_id);
  self->role = role;
  self->scope_region_id = g_strdup (scope_region_id);
  self->scope_code = g_strdup (scope_code);
  self->scope_name = g_strdup (scope_name);
  return self;
}

FgActor *
fg_actor_ref (FgActor *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
fg_actor_unref (FgActor *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_free (self->account_id);
      g_free (self->login);
      g_free (self->display_name);
      g_free (self->scope_region_id);
      g_free (self->scope_code);
      g_free (self->scope_name);
      g_free (self);
    }
}

FgActorKind
fg_actor_get_kind (const FgActor *self)
{
  g_return_val_if_fail (self != NULL, FG_ACTOR_KIND_USER);
  return self->kind;
}

const char *
fg_actor_get_login (const FgActor *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->login;
}

const char *
fg_actor_get_display_name (const FgActor *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->display_name;
}

/**
 * fg_actor_get_account_id:
 *
 * Returns: (nullable): the account the actor logged in to, or %NULL for the
 *   installer or a peer
 */
const char *
fg_actor_get_account_id (const FgActor *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->account_id;
}

FgRole
fg_actor_get_role (const FgActor *self)
{
  g_return_val_if_fail (self != NULL, FG_ROLE_COUNTY);
  return self->role;
}

/**
 * fg_actor_get_scope_region_id:
 *
 * Returns: (nullable): the region whose subtree the actor may work in, or
 *   %NULL when it is not limited (the installer)
 */
const char *
fg_actor_get_scope_region_id (const FgActor *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->scope_region_id;
}

/**
 * fg_actor_get_scope_code:
 *
 * Returns: (nullable): the division code of the actor's scope region
 */
const char *
fg_actor_get_scope_code (const FgActor *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->scope_code;
}

/**
 * fg_actor_get_scope_name:
 *
 * Returns: the name of the actor's scope region, for messages; a grid
 *   with its village ("神垕村 › 第一网格"), see fg_region_format_label()
 */
const char *
fg_actor_get_scope_name (const FgActor *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->scope_name != NULL ? self->scope_name : "";
}

/**
 * fg_actor_can:
 * @self: an actor
 * @action: an action
 *
 * Whether the actor's role allows @action at all: what a window uses to
 * hide or disable what its user may not do. The core still checks every
 * call, with the scope.
 *
 * Returns: %TRUE if the role allows @action
 */
gboolean
fg_actor_can (const FgActor *self,
              FgAction       action)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->kind == FG_ACTOR_KIND_INSTALLER)
    return TRUE;

  return fg_role_allows (self->role, action);
}
