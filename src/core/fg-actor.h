/* fg-actor.h — who performs a change
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define FG_TYPE_ACTOR (fg_actor_get_type ())

typedef enum
{
  FG_ACTOR_KIND_USER,  /* a person at this installation */
  FG_ACTOR_KIND_PEER,  /* another office, through an imported bundle */
} FgActorKind;

typedef struct _FgActor FgActor;

GType        fg_actor_get_type         (void) G_GNUC_CONST;
FgActor     *fg_actor_new_user         (const char  *login,
                                        const char  *display_name);
FgActor     *fg_actor_new_local        (void);
FgActor     *fg_actor_ref              (FgActor     *self);
void         fg_actor_unref            (FgActor     *self);
FgActorKind  fg_actor_get_kind         (const FgActor *self);
const char  *fg_actor_get_login        (const FgActor *self);
const char  *fg_actor_get_display_name (const FgActor *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FgActor, fg_actor_unref)

G_END_DECLS
