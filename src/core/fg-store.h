/* fg-store.h — the database of one installation
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define FG_STORE_ERROR (fg_store_error_quark ())

typedef enum
{
  FG_STORE_ERROR_FAILED,
  FG_STORE_ERROR_OPEN,           /* the file cannot be opened or created */
  FG_STORE_ERROR_NOT_DATABASE,   /* not a Firegrid database */
  FG_STORE_ERROR_NEWER_SCHEMA,   /* written by a newer Firegrid */
  FG_STORE_ERROR_CORRUPT,
  FG_STORE_ERROR_FULL,           /* the disk is full */
  FG_STORE_ERROR_BUSY,           /* another program holds the database */
  FG_STORE_ERROR_READ_ONLY,
  FG_STORE_ERROR_NOT_SET_UP,     /* no township has been set up yet */
} FgStoreError;

#define FG_TYPE_STORE (fg_store_get_type ())

G_DECLARE_FINAL_TYPE (FgStore, fg_store, FG, STORE, GObject)

GQuark       fg_store_error_quark          (void);
char        *fg_store_get_default_path     (void);
FgStore     *fg_store_open                 (const char  *path,
                                            GError     **error);
const char  *fg_store_get_path             (FgStore     *self);
int          fg_store_get_schema_version   (FgStore     *self);
int          fg_store_get_latest_schema_version (void);
gboolean     fg_store_needs_upgrade        (const char  *path);
gboolean     fg_store_is_set_up            (FgStore     *self);
const char  *fg_store_get_node_id          (FgStore     *self);
const char  *fg_store_get_home_region_id   (FgStore     *self);
gboolean     fg_store_has_accounts         (FgStore     *self);
gboolean     fg_store_is_demo              (FgStore     *self);
GDateTime   *fg_store_now                  (FgStore     *self);
GDate       *fg_store_today                (FgStore     *self);

G_END_DECLS
