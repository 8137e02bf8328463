/* fg-peer-row.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A paired office's row: its name, what was last sent and received, and
 * buttons for its sync folder and a sync file, with the rarer things in a menu. The
 * row's peer. actions hand the peer's id to the page's sync. actions, so
 * the buttons and the menu are the same for every peer.
 */
#include "config.h"

#include <string.h>

#include "fg-peer-row.h"

struct _FgPeerRow
{
  AdwActionRow parent_instance;

  char *peer_id;
  gboolean may_replace;
};

G_DEFINE_FINAL_TYPE (FgPeerRow, fg_peer_row, ADW_TYPE_ACTION_ROW)

/* peer.folder → sync.folder, and so on, with this row's peer */
static void
forward_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  FgPeerRow *self = FG_PEER_ROW (widget);
  g_autofree char *page_action = g_strconcat ("sync.", action_name + strlen ("peer."), NULL);

  gtk_widget_activate_action (widget, page_action, "s", self->peer_id);
}

static void
fg_peer_row_finalize (GObject *object)
{
  FgPeerRow *self = (FgPeerRow *)object;

  g_free (self->peer_id);

  G_OBJECT_CLASS (fg_peer_row_parent_class)->finalize (object);
}

static void
fg_peer_row_class_init (FgPeerRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = fg_peer_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/firegrid/Firegrid/fg-peer-row.ui");

  gtk_widget_class_install_action (widget_class, "peer.folder", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "peer.export", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "peer.resend", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "peer.remove-peer", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "peer.replace-peer", NULL, forward_action);
}

static void
fg_peer_row_init (FgPeerRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* only a county replaces, and only a township's office */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "peer.replace-peer", FALSE);
}

/**
 * fg_peer_row_new:
 * @peer: the peer
 *
 * Returns: (transfer floating): the row, titled with the peer's name as
 *   people read it (a grid station's grid with its village, 神垕村 ›
 *   第一网格); the page gives it its subtitle
 */
GtkWidget *
fg_peer_row_new (const FgNodeInfo *peer)
{
  FgPeerRow *self;

  g_return_val_if_fail (peer != NULL, NULL);

  self = g_object_new (FG_TYPE_PEER_ROW, "title", peer->scope_label, NULL);
  self->peer_id = g_strdup (peer->id);
  return GTK_WIDGET (self);
}

/**
 * fg_peer_row_set_may_remove:
 * @may_remove: whether the person may end the pairing (an administrator)
 *
 * Offers "End Pairing…" in the row's menu, or leaves it out.
 */
void
fg_peer_row_set_may_remove (FgPeerRow *self,
                            gboolean   may_remove)
{
  g_return_if_fail (FG_IS_PEER_ROW (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "peer.remove-peer", may_remove);
}

/**
 * fg_peer_row_set_may_replace:
 * @may_replace: whether the person may replace this peer with a new
 *   installation (a county's administrator, on a township office's row)
 *
 * Offers "Replace With a New Installation…" in the row's menu, or leaves
 * it out (the default).
 */
void
fg_peer_row_set_may_replace (FgPeerRow *self,
                             gboolean   may_replace)
{
  g_return_if_fail (FG_IS_PEER_ROW (self));
  self->may_replace = may_replace;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "peer.replace-peer", may_replace);
}

gboolean
fg_peer_row_get_may_replace (FgPeerRow *self)
{
  g_return_val_if_fail (FG_IS_PEER_ROW (self), FALSE);
  return self->may_replace;
}

const char *
fg_peer_row_get_peer_id (FgPeerRow *self)
{
  g_return_val_if_fail (FG_IS_PEER_ROW (self), NULL);
  return self->peer_id;
}
