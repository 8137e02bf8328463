/* fg-test-util.h — shared helpers of the test suites
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib/gstdio.h>

#include "firegrid.h"
#include "fg-test-sql.h"

/* The installer: every right, as long as the database has no account. */
static inline FgActor *
fg_test_installer (void)
{
  static FgActor *installer;

  if (installer == NULL)
    installer = fg_actor_new_local ();
  return installer;
}

/* A 1×1 PNG, for photos. */
static const guint8 fg_test_tiny_png[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53,
  0xde, 0x00, 0x00, 0x00, 0x0c, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0x00,
  0x00, 0x03, 0x01, 0x01, 0x00, 0xc9, 0xfe, 0x92, 0xef, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e,
  0x44, 0xae, 0x42, 0x60, 0x82,
};

/* A fresh directory for one test's files, removed with its contents. */
typedef struct
{
  char *dir;
  char *db_path;
} FgTestDir;

static inline void
fg_test_dir_init (FgTestDir *dir)
{
  g_autoptr(GError) error = NULL;

  dir->dir = g_dir_make_tmp ("firegrid-test-XXXXXX", &error);
  g_assert_no_error (error);
  dir->db_path = g_build_filename (dir->dir, "firegrid.db", NULL);
}

static inline void
fg_test_dir_clear (FgTestDir *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir->dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir->dir);
  g_clear_pointer (&dir->dir, g_free);
  g_clear_pointer (&dir->db_path, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FgTestDir, fg_test_dir_clear)

/* @store trusts the office of @peer_store: it adds that office's peer
 * file, as a person would after comparing the fingerprint. */
static inline void
fg_test_trust (FgStore *store,
               FgActor *actor,
               FgStore *peer_store,
               FgActor *peer_actor)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) file = fg_node_write_peer_file (peer_store, peer_actor, &error);
  g_autoptr(FgNodeInfo) peer = NULL;

  g_assert_no_error (error);
  peer = fg_node_read_peer_file (file, &error);
  g_assert_no_error (error);
  g_assert_true (fg_node_add_peer (store, actor, peer, &error));
  g_assert_no_error (error);
}

/* A township database: 冢头镇 (410425101) with one village and one grid. */
static inline FgStore *
fg_test_township_new (FgTestDir  *dir,
                      FgRegion  **village,
                      FgRegion  **grid)
{
  g_autoptr(GError) error = NULL;
  FgActor *actor = fg_test_installer ();
  g_autoptr(FgStore) store = fg_office_open (dir->db_path, &error);
  g_autoptr(FgRegion) v = NULL;
  g_autoptr(FgRegion) g = NULL;

  g_assert_no_error (error);
  fg_office_set_up_township (store, actor, "410425101", "冢头镇", "郏县", &error);
  g_assert_no_error (error);

  v = fg_region_add_village (store, actor, "410425101", "410425101201", "李庄村", &error);
  g_assert_no_error (error);
  g = fg_region_add_grid (store, actor, fg_region_get_id (v), "第一网格", &error);
  g_assert_no_error (error);

  if (village != NULL)
    *village = g_steal_pointer (&v);
  if (grid != NULL)
    *grid = g_steal_pointer (&g);

  return g_steal_pointer (&store);
}

/* A deadline some weeks from today, YYYY-MM-DD (a deadline is at most a
 * year ahead), the same all through a run. */
static inline const char *
fg_test_deadline (void)
{
  static char day[16];

  if (day[0] == '\0')
    {
      g_autoptr(GDate) later = g_date_new ();

      g_date_set_time_t (later, time (NULL));
      g_date_add_days (later, 40);
      g_date_strftime (day, sizeof day, "%Y-%m-%d", later);
    }
  return day;
}

static inline FgVenue *
fg_test_venue_new (const char *region_id,
                   const char *name,
                   const char *address,
                   const char *category,
                   const char *operator_name)
{
  FgVenue *venue = fg_venue_new ();
  const char *categories[] = { category, NULL };

  fg_venue_set_name (venue, name);
  fg_venue_set_address (venue, address);
  fg_venue_set_region_id (venue, region_id);
  fg_venue_set_categories (venue, categories);
  fg_venue_set_operator_name (venue, operator_name);
  return venue;
}
