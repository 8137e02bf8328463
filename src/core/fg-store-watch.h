/* fg-store-watch.h — noticing what other connections wrote to a store
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "fg-store.h"

G_BEGIN_DECLS

/* how often an active watch looks, in milliseconds */
#define FG_STORE_WATCH_INTERVAL_MS 1500

#define FG_TYPE_STORE_WATCH (fg_store_watch_get_type ())

G_DECLARE_FINAL_TYPE (FgStoreWatch, fg_store_watch, FG, STORE_WATCH, GObject)

FgStoreWatch *fg_store_watch_new        (FgStore      *store);
FgStore      *fg_store_watch_get_store  (FgStoreWatch *self);
gboolean      fg_store_watch_get_active (FgStoreWatch *self);
void          fg_store_watch_set_active (FgStoreWatch *self,
                                         gboolean      active);
gboolean      fg_store_watch_check      (FgStoreWatch *self);
void          fg_store_watch_catch_up   (FgStoreWatch *self);

G_END_DECLS
