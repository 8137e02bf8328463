/* fg-actor.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fg-actor.h"

/* For now an actor is the local user of the installation (or, later, the
 * peer whose bundle is being imported). Accounts, roles and scopes attach
 * here, so every mutating call already carries the actor it will need. */
struct _FgActor
{
  gatomicrefcount ref_count;
  FgActorKind kind;
  char *login;
  char *display_name;
};

G_DEFINE_BOXED_TYPE (FgActor, fg_actor, fg_actor_ref, fg_actor_unref)

/**
 * fg_actor_new_user:
 * @login: the account name
 * @display_name: (nullable): the name to show, or %NULL to use @login
 *
 * Returns: (transfer full): a new actor for a person
 */
FgActor *
fg_actor_new_user (const char *login,
                   const char *display_name)
{
  FgActor *self;

  g_return_val_if_fail (login != NULL && *login != '\0', NULL);

  self = g_new0 (FgActor, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->kind = FG_ACTOR_KIND_USER;
  self->login = g_strdup (login);
  self->display_name = g_strdup (display_name != NULL && *display_name != '\0'
                                 ? display_name : login);
  return self;
}

/**
 * fg_actor_new_local:
 *
 * The person logged in to this computer. Used until accounts exist.
 *
 * Returns: (transfer full): a new actor
 */
FgActor *
fg_actor_new_local (void)
{
  const char *real_name = g_get_real_name ();

  if (g_strcmp0 (real_name, "Unknown") == 0)
    real_name = NULL;

  return fg_actor_new_user (g_get_user_name (), real_name);
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
      g_free (self->login);
      g_free (self->display_name);
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
