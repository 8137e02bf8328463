/* fg-integrity.h — whether what the database derives still agrees with
 * what it was derived from
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "fg-actor.h"
#include "fg-store.h"

G_BEGIN_DECLS

typedef enum
{
  FG_INTEGRITY_DATABASE,       /* SQLite's own check of the file found damage */
  FG_INTEGRITY_SCHEMA,         /* a table, index or guard is missing, changed or foreign */
  FG_INTEGRITY_HAZARD_STATE,   /* a hazard's row disagrees with its events */
  FG_INTEGRITY_VENUE_COUNT,    /* a village's or grid's count of venues */
  FG_INTEGRITY_VENUE_CATEGORY, /* a venue's entries in the category index */
  FG_INTEGRITY_SEARCH_INDEX,   /* the search index of names and addresses */
} FgIntegrityKind;

typedef struct
{
  FgIntegrityKind  kind;
  char            *record_id;   /* the hazard's, region's or venue's id, or the schema object's name */
  char            *message;     /* what is wrong, in words, translated */
  gboolean         repairable;  /* fg_integrity_repair() puts it right from what it derives from */
} FgIntegrityProblem;

void       fg_integrity_problem_free (FgIntegrityProblem  *self);

GPtrArray *fg_integrity_check        (FgStore             *store,
                                      FgActor             *actor,
                                      GError             **error);
GPtrArray *fg_integrity_repair       (FgStore             *store,
                                      FgActor             *actor,
                                      guint               *n_repaired,
                                      GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FgIntegrityProblem, fg_integrity_problem_free)

G_END_DECLS
