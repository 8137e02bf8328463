/* fg-actor.h — who performs a change
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "fg-permission.h"

G_BEGIN_DECLS

#define FG_TYPE_ACTOR (fg_actor_get_type ())

typedef enum
{
  FG_ACTOR_KIND_INSTALLER,  /* the person setting up, before any account exists */
  FG_ACTOR_KIND_USER,       /* a person logged in to an account */
  FG_ACTOR_KIND_PEER,       /* another office, through an imported bundle */
} FgActorKind;

typedef struct _FgActor FgActor;

GType        fg_actor_get_type          (void) G_GNUC_CONST;
FgActor     *fg_actor_new_local         (void);
FgActor     *fg_actor_ref               (FgActor       *self);
void         fg_actor_unref             (FgActor       *self);
FgActorKind  fg_actor_get_kind          (const FgActor *self);
const char  *fg_actor_get_login         (const FgActor *self);
const char  *fg_actor_get_display_name  (const FgActor *self);
const char  *fg_actor_get_account_id    (const FgActor *self);
FgRole       fg_actor_get_role          (const FgActor *self);
const char  *fg_actor_get_scope_region_id (const FgActor *self);
const char  *fg_actor_get_scope_code    (const FgActor *self);
const char  *fg_actor_get_scope_name    (const FgActor *self);
gboolean     fg_actor_can               (const FgActor *self,
                                         FgAction       action);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FgActor, fg_actor_unref)

G_END_DECLS
