/* fg-window-lock.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * After a while without input (idle-lock-minutes) or on Ctrl+L, a lock
 * page covers the window and its dialogs are hidden, not closed: after
 * the same person's password everything is as it was.
 */
#include "config.h"

#include "fg-window-private.h"

/* Whether @window belongs to this window: a dialog of it, or of its dialog. */
static gboolean
is_own_dialog (FgWindow  *self,
               GtkWindow *window)
{
  for (GtkWindow *parent = gtk_window_get_transient_for (window);
       parent != NULL;
       parent = gtk_window_get_transient_for (parent))
    {
      if (parent == GTK_WINDOW (self))
        return TRUE;
    }

  return FALSE;
}

static void fg_window_schedule_idle_lock (FgWindow *self);

static gboolean
on_idle_timeout (gpointer user_data)
{
  FgWindow *self = user_data;

  self->idle_source = 0;
  fg_window_schedule_idle_lock (self);
  return G_SOURCE_REMOVE;
}

/* One timer, set for when the idle time would be up; input only moves
 * last_input, and the timer looks again when it fires. */
static void
fg_window_schedule_idle_lock (FgWindow *self)
{
  gint64 remaining;

  g_clear_handle_id (&self->idle_source, g_source_remove);

  if (self->locked || self->idle_lock_seconds == 0)
    return;

  remaining = self->last_input + (gint64) self->idle_lock_seconds * G_USEC_PER_SEC
              - g_get_monotonic_time ();
  if (remaining <= 0)
    {
      fg_window_lock (self);
      return;
    }

  self->idle_source = g_timeout_add_seconds ((guint) (remaining / G_USEC_PER_SEC) + 1,
                                             on_idle_timeout, self);
}

static gboolean
on_input (GtkEventControllerLegacy *controller,
          GdkEvent                 *event,
          FgWindow                 *self)
{
  GdkEventType type = gdk_event_get_event_type (event);

  /* A person's input; not the pointer merely crossing into the window. */
  if (type == GDK_MOTION_NOTIFY ||
      type == GDK_BUTTON_PRESS || type == GDK_BUTTON_RELEASE ||
      type == GDK_KEY_PRESS || type == GDK_KEY_RELEASE ||
      type == GDK_SCROLL ||
      type == GDK_TOUCH_BEGIN || type == GDK_TOUCH_UPDATE || type == GDK_TOUCH_END ||
      type == GDK_TOUCHPAD_SWIPE || type == GDK_TOUCHPAD_PINCH || type == GDK_TOUCHPAD_HOLD)
    self->last_input = g_get_monotonic_time ();

  return GDK_EVENT_PROPAGATE;
}

/* Ctrl+L in one of the window's dialogs locks the window it belongs to. */
static gboolean
lock_from_dialog (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  for (GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (widget));
       parent != NULL;
       parent = gtk_window_get_transient_for (parent))
    {
      if (FG_IS_WINDOW (parent))
        {
          fg_window_lock (FG_WINDOW (parent));
          return TRUE;
        }
    }

  return FALSE;
}

static void
watch_input (FgWindow  *self,
             GtkWindow *window)
{
  GtkEventController *controller;

  if (g_object_get_data (G_OBJECT (window), "fg-input-watch") != NULL)
    return;

  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "event", G_CALLBACK (on_input), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (window), controller);
  g_object_set_data (G_OBJECT (window), "fg-input-watch", controller);

  if (window != GTK_WINDOW (self))
    {
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_l, GDK_CONTROL_MASK),
                                                gtk_callback_action_new (lock_from_dialog, NULL, NULL));

      controller = gtk_shortcut_controller_new ();
      gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_GLOBAL);
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
      gtk_widget_add_controller (GTK_WIDGET (window), controller);
    }
}

/* Typing in a dialog of this window is input in the window too. Dialogs
 * get their parent just after they join the list of toplevels, so look a
 * moment later. */
static gboolean
watch_dialogs (gpointer user_data)
{
  FgWindow *self = user_data;
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (is_own_dialog (self, window))
        watch_input (self, window);
    }

  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

static void
on_toplevels_changed (GListModel *toplevels,
                      guint       position,
                      guint       removed,
                      guint       added,
                      FgWindow   *self)
{
  if (added > 0)
    g_idle_add (watch_dialogs, g_object_ref (self));
}

/**
 * fg_window_set_idle_lock_seconds:
 * @self: the window
 * @seconds: how long without input before the window locks; 0 for never
 *
 * The settings give it in minutes (idle-lock-minutes); seconds serve the
 * tests, which cannot wait minutes.
 */
void
fg_window_set_idle_lock_seconds (FgWindow *self,
                                 guint     seconds)
{
  g_return_if_fail (FG_IS_WINDOW (self));

  /* A new setting counts from the moment it is made: whoever changed it
   * was at the keyboard, and a shorter time must not lock at once on
   * what went by before. */
  if (self->idle_lock_seconds != seconds)
    {
      self->idle_lock_seconds = seconds;
      self->last_input = g_get_monotonic_time ();
      _fg_window_notify (self, FG_WINDOW_PROP_IDLE_LOCK_SECONDS);
    }

  fg_window_schedule_idle_lock (self);
}

/* The settings' idle-lock-minutes, or the default without them. */
void
_fg_window_lock_load_settings (FgWindow *self)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  int minutes = DEFAULT_IDLE_LOCK_MINUTES;

  if (self->settings != NULL)
    {
      g_object_get (self->settings, "settings-schema", &schema, NULL);
      if (schema != NULL && g_settings_schema_has_key (schema, "idle-lock-minutes"))
        minutes = MAX (0, g_settings_get_int (self->settings, "idle-lock-minutes"));
    }

  fg_window_set_idle_lock_seconds (self, (guint) minutes * 60);
}

static void
on_unlocked (FgWindow *self)
{
  g_autoptr(GPtrArray) hidden = g_steal_pointer (&self->hidden_windows);

  self->locked = FALSE;
  gtk_stack_set_visible_child_name (self->lock_stack, "main");
  _fg_window_update_actions (self);

  /* the dialogs come back as they were left, topmost last */
  for (guint i = 0; hidden != NULL && i < hidden->len; i++)
    gtk_window_present (g_ptr_array_index (hidden, i));

  self->last_input = g_get_monotonic_time ();
  fg_window_schedule_idle_lock (self);
  _fg_window_notify (self, FG_WINDOW_PROP_LOCKED);
}

gboolean
fg_window_get_locked (FgWindow *self)
{
  g_return_val_if_fail (FG_IS_WINDOW (self), FALSE);
  return self->locked;
}

/**
 * fg_window_lock:
 * @self: the window
 *
 * Covers the window with the lock page and hides its dialogs, keeping
 * what was typed in them, until the same person gives their password.
 */
void
fg_window_lock (FgWindow *self)
{
  GListModel *toplevels;
  guint n;

  g_return_if_fail (FG_IS_WINDOW (self));

  if (self->locked)
    return;

  self->locked = TRUE;
  g_clear_handle_id (&self->idle_source, g_source_remove);

  /* Parents before their own dialogs, so they come back in that order. */
  self->hidden_windows = g_ptr_array_new_with_free_func (g_object_unref);
  toplevels = gtk_window_get_toplevels ();
  n = g_list_model_get_n_items (toplevels);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (gtk_widget_get_visible (GTK_WIDGET (window)) && is_own_dialog (self, window))
        g_ptr_array_add (self->hidden_windows, g_object_ref (window));
    }
  for (guint i = 0; i < self->hidden_windows->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (self->hidden_windows, i), FALSE);

  gtk_stack_set_visible_child_name (self->lock_stack, "lock");
  fg_lock_page_reset (self->lock_page);
  _fg_window_update_actions (self);
  _fg_window_notify (self, FG_WINDOW_PROP_LOCKED);
}


/* Watches input in the window and in the dialogs it opens, from now on. */
void
_fg_window_lock_start (FgWindow *self)
{
  watch_input (self, GTK_WINDOW (self));
  self->toplevels_handler = g_signal_connect (gtk_window_get_toplevels (), "items-changed",
                                              G_CALLBACK (on_toplevels_changed), self);
  self->last_input = g_get_monotonic_time ();
  _fg_window_lock_load_settings (self);
}

void
_fg_window_lock_dispose (FgWindow *self)
{
  g_clear_signal_handler (&self->toplevels_handler, gtk_window_get_toplevels ());
  g_clear_handle_id (&self->idle_source, g_source_remove);
  /* Dialogs hidden behind the lock go with the window. */
  if (self->hidden_windows != NULL)
    {
      g_autoptr(GPtrArray) hidden = g_steal_pointer (&self->hidden_windows);

      for (guint i = 0; i < hidden->len; i++)
        gtk_window_destroy (g_ptr_array_index (hidden, i));
    }
}

void
_fg_window_class_lock_init (FgWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_bind_template_callback (widget_class, on_unlocked);
}
