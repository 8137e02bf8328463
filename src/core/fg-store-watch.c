/* fg-store-watch.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same database is written by more than the window that shows it:
 * firegrid-cli in a terminal, an import in another process, a worker of
 * the window itself with its own connection. A watch tells when any of
 * them committed, so that what is shown can be read again.
 *
 * It asks SQLite's PRAGMA data_version on the store's own connection. The
 * number changes when another connection commits, and never for this
 * connection's own writes: the window's edits, which it shows already,
 * cause no second reading. Asking costs a look at the WAL index in shared
 * memory, no disk read, so polling every second and a half while the
 * window is in use is cheap; an inactive window is not polled, and is
 * checked as it becomes active again. A file monitor on the database and
 * its -wal file would fire for our own writes and for checkpoints too,
 * several times per transaction, and inotify does not see the changes
 * made over a network share.
 */
#include "config.h"

#include <sqlite3.h>

#include "fg-store-private.h"
#include "fg-store-watch.h"

struct _FgStoreWatch
{
  GObject parent_instance;

  FgStore *store;
  gint64 data_version;  /* as last seen; -1 before the first look */
  gboolean active;
  guint source;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_ACTIVE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (FgStoreWatch, fg_store_watch, G_TYPE_OBJECT)

static gint64
read_data_version (FgStoreWatch *self)
{
  sqlite3 *db = fg_store_get_db (self->store);
  sqlite3_stmt *stmt = NULL;
  gint64 version = -1;

  /* not through the statement cache: a pragma is cheap to prepare, and
   * this one must never hold a read transaction open */
  if (sqlite3_prepare_v2 (db, "PRAGMA data_version", -1, &stmt, NULL) != SQLITE_OK)
    {
      g_warning ("Could not ask the database whether it changed: %s", sqlite3_errmsg (db));
      return -1;
    }
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

static gboolean
on_timeout (gpointer user_data)
{
  fg_store_watch_check (FG_STORE_WATCH (user_data));
  return G_SOURCE_CONTINUE;
}

static void
fg_store_watch_dispose (GObject *object)
{
  FgStoreWatch *self = (FgStoreWatch *)object;

  g_clear_handle_id (&self->source, g_source_remove);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (fg_store_watch_parent_class)->dispose (object);
}

static void
fg_store_watch_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  FgStoreWatch *self = FG_STORE_WATCH (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fg_store_watch_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  FgStoreWatch *self = FG_STORE_WATCH (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_ACTIVE:
      fg_store_watch_set_active (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fg_store_watch_constructed (GObject *object)
{
  FgStoreWatch *self = FG_STORE_WATCH (object);

  G_OBJECT_CLASS (fg_store_watch_parent_class)->constructed (object);

  g_assert (FG_IS_STORE (self->store));
  self->data_version = read_data_version (self);
}

static void
fg_store_watch_class_init (FgStoreWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = fg_store_watch_constructed;
  object_class->dispose = fg_store_watch_dispose;
  object_class->get_property = fg_store_watch_get_property;
  object_class->set_property = fg_store_watch_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, FG_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * FgStoreWatch:active:
   *
   * Whether the watch looks every %FG_STORE_WATCH_INTERVAL_MS
   * milliseconds; it looks once as it becomes active.
   */
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FgStoreWatch::changed:
   *
   * Another connection committed to the store since the watch last
   * looked: read again what is shown.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
fg_store_watch_init (FgStoreWatch *self)
{
  self->data_version = -1;
}

/**
 * fg_store_watch_new:
 * @store: an open store
 *
 * A watch of what other connections (other processes, or workers with
 * their own connection) commit to @store. It is inactive until
 * fg_store_watch_set_active().
 *
 * Returns: (transfer full): the watch
 */
FgStoreWatch *
fg_store_watch_new (FgStore *store)
{
  g_return_val_if_fail (FG_IS_STORE (store), NULL);

  return g_object_new (FG_TYPE_STORE_WATCH, "store", store, NULL);
}

/**
 * fg_store_watch_get_store:
 *
 * Returns: (transfer none): the store watched
 */
FgStore *
fg_store_watch_get_store (FgStoreWatch *self)
{
  g_return_val_if_fail (FG_IS_STORE_WATCH (self), NULL);
  return self->store;
}

gboolean
fg_store_watch_get_active (FgStoreWatch *self)
{
  g_return_val_if_fail (FG_IS_STORE_WATCH (self), FALSE);
  return self->active;
}

/**
 * fg_store_watch_set_active:
 * @self: the watch
 * @active: whether to look regularly, e.g. while the window is the one
 *   in use
 *
 * Becoming active, the watch looks at once: what changed while the window
 * was in the background shows as it comes to the front.
 */
void
fg_store_watch_set_active (FgStoreWatch *self,
                           gboolean      active)
{
  g_return_if_fail (FG_IS_STORE_WATCH (self));

  active = !!active;
  if (self->active == active)
    return;

  self->active = active;
  g_clear_handle_id (&self->source, g_source_remove);
  if (active)
    {
      self->source = g_timeout_add (FG_STORE_WATCH_INTERVAL_MS, on_timeout, self);
      g_source_set_name_by_id (self->source, "[firegrid] store watch");
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);

  if (active)
    fg_store_watch_check (self);
}

/**
 * fg_store_watch_check:
 * @self: the watch
 *
 * Looks now, and emits #FgStoreWatch::changed when another connection
 * committed since the last look.
 *
 * Returns: whether it did
 */
gboolean
fg_store_watch_check (FgStoreWatch *self)
{
  gint64 version;

  g_return_val_if_fail (FG_IS_STORE_WATCH (self), FALSE);

  version = read_data_version (self);
  if (version < 0 || version == self->data_version)
    return FALSE;

  self->data_version = version;
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/**
 * fg_store_watch_catch_up:
 * @self: the watch
 *
 * Takes what other connections committed until now as seen, without
 * #FgStoreWatch::changed: for a window that just read everything again
 * after a worker of its own wrote through its own connection.
 */
void
fg_store_watch_catch_up (FgStoreWatch *self)
{
  gint64 version;

  g_return_if_fail (FG_IS_STORE_WATCH (self));

  version = read_data_version (self);
  if (version >= 0)
    self->data_version = version;
}
