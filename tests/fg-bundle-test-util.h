/* fg-bundle-test-util.h — offices that send each other bundles, in the tests
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each office is an installation of its own: a folder, a database and who
 * works there. What a bundle wrote, or did not, is read back with sqlite3
 * directly, behind the store's back.
 */
#pragma once

#include <string.h>

#include <sqlite3.h>
#include <sodium.h>

#include "fg-test-files.h"
#include "fg-test-util.h"

/* the password of every account these suites set up */
#define PASSWORD "long-password"

/* One installation. */
typedef struct
{
  FgTestDir dir;
  FgStore *store;
  FgActor *actor;  /* who works here: an account, or NULL for the installer */

  /* a township's first village and grid, from office_init() */
  FgRegion *village;
  FgRegion *grid;

  /* a restaurant inspected there, and the hazards the inspection found */
  char *venue_id;
  char *inspection_id;
  GPtrArray *hazard_ids;
} Office;

static inline FgActor *
actor_of (Office *o)
{
  return o->actor != NULL ? o->actor : fg_test_installer ();
}

/* A township office (fg_test_township_new), worked by the installer. */
static inline void
office_init (Office *o)
{
  fg_test_dir_init (&o->dir);
  o->store = fg_test_township_new (&o->dir, &o->village, &o->grid);
}

/* A county office (郏县), worked by its administrator guo. */
static inline void
county_init (Office *o)
{
  g_autoptr(FgAccount) admin = NULL;
  g_autoptr(GError) error = NULL;

  fg_test_dir_init (&o->dir);
  o->store = fg_store_open (o->dir.db_path, &error);
  g_assert_no_error (error);
  admin = fg_account_set_up_county (o->store, "410425", "郏县", "guo", "郭晓东", PASSWORD, &error);
  g_assert_no_error (error);
  o->actor = fg_account_login (o->store, "guo", PASSWORD, &error);
  g_assert_no_error (error);
}

static inline void
office_clear (Office *o)
{
  g_clear_object (&o->village);
  g_clear_object (&o->grid);
  g_clear_pointer (&o->venue_id, g_free);
  g_clear_pointer (&o->inspection_id, g_free);
  g_clear_pointer (&o->hazard_ids, g_ptr_array_unref);
  g_clear_pointer (&o->actor, fg_actor_unref);
  g_clear_object (&o->store);
  if (o->dir.dir != NULL)
    fg_test_dir_clear (&o->dir);
}

static inline const char *
node_id (Office *o)
{
  return fg_store_get_node_id (o->store);
}

/* @to trusts @from: it adds @from's peer file. */
static inline void
trust (Office *to,
       Office *from)
{
  fg_test_trust (to->store, actor_of (to), from->store, actor_of (from));
}

static inline void
introduce (Office *a,
           Office *b)
{
  trust (a, b);
  trust (b, a);
}
