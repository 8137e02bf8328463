/* fg-node.h — this installation's identity, and the peers it syncs with
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "fg-actor.h"
#include "fg-store.h"

G_BEGIN_DECLS

#define FG_NODE_ERROR (fg_node_error_quark ())

typedef enum
{
  FG_NODE_ERROR_NOT_PEER_FILE,   /* not a peer file, or a damaged one */
  FG_NODE_ERROR_OWN_FILE,        /* this installation's own peer file */
  FG_NODE_ERROR_KEY_CHANGED,     /* a known peer with another key */
  FG_NODE_ERROR_UNKNOWN_PEER,
  FG_NODE_ERROR_UNRELATED,       /* an office this one does not sync with */
  FG_NODE_ERROR_SECOND_OFFICE,   /* a second installation of a division that would issue documents */
  FG_NODE_ERROR_WORKSTATION,     /* a workstation, which issues no documents */
  FG_NODE_ERROR_NOT_REPLACEABLE, /* a peer that cannot be replaced, or by that installation */
  FG_NODE_ERROR_REPLACED,        /* a peer replaced by another installation */
  FG_NODE_ERROR_ROLE,            /* a role this installation cannot take */
} FgNodeError;

typedef enum
{
  FG_NODE_KIND_TOWNSHIP,
  FG_NODE_KIND_COUNTY,
  FG_NODE_KIND_GRID,
} FgNodeKind;

/* What an installation is to its division: the office, which issues the
 * documents (one per division), or a workstation of it, which records
 * inspections and hazards and numbers no document. */
typedef enum
{
  FG_NODE_ROLE_OFFICE,
  FG_NODE_ROLE_WORKSTATION,
} FgNodeRole;

/* This installation, or a peer. */
typedef struct
{
  char       *id;
  FgNodeKind  kind;
  char       *scope_code;   /* the division it writes in */
  char       *scope_name;
  char       *scope_label;  /* as people read it: a grid with its village, 神垕村 › 第一网格 */
  char       *public_key;   /* base64 */
  char       *fingerprint;  /* for reading out: "34521 09876 …" */
  FgNodeRole  role;

  /* peers only */
  char       *added_at;
  guint       last_sent_seq;
  char       *last_sent_at;
  guint       last_received_seq;
  char       *last_received_at;
  char       *sync_folder;
} FgNodeInfo;

#define FG_TYPE_NODE_INFO (fg_node_info_get_type ())

/* Bundles of a peer numbered @first to @last that have not arrived here,
 * though a later one has. */
typedef struct
{
  guint first;
  guint last;
} FgBundleGap;

GQuark       fg_node_error_quark      (void);
GType        fg_node_info_get_type    (void) G_GNUC_CONST;
FgNodeInfo  *fg_node_info_copy        (const FgNodeInfo *self);
void         fg_node_info_free        (FgNodeInfo       *self);
const char  *fg_node_kind_to_string   (FgNodeKind        kind);
const char  *fg_node_kind_get_label   (FgNodeKind        kind);
const char  *fg_node_role_to_string   (FgNodeRole        role);
const char  *fg_node_get_role_label   (const FgNodeInfo *node);
char        *fg_node_fingerprint      (const char       *public_key);

FgNodeInfo  *fg_node_get_self         (FgStore          *store,
                                       FgActor          *actor,
                                       GError          **error);
GBytes      *fg_node_write_peer_file  (FgStore          *store,
                                       FgActor          *actor,
                                       GError          **error);
FgNodeInfo  *fg_node_read_peer_file   (GBytes           *bytes,
                                       GError          **error);
FgNodeInfo  *fg_node_read_peer_file_named (GBytes       *bytes,
                                           const char   *name,
                                           GError      **error);
gboolean     fg_node_add_peer         (FgStore          *store,
                                       FgActor          *actor,
                                       const FgNodeInfo *peer,
                                       GError          **error);
gboolean     fg_node_remove_peer      (FgStore          *store,
                                       FgActor          *actor,
                                       const char       *id_or_code,
                                       GError          **error);
gboolean     fg_node_set_role         (FgStore          *store,
                                       FgActor          *actor,
                                       FgNodeRole        role,
                                       GError          **error);
gboolean     fg_node_replace_peer     (FgStore          *store,
                                       FgActor          *actor,
                                       const char       *old_id_or_code,
                                       const FgNodeInfo *replacement,
                                       GError          **error);
gboolean     fg_node_may_replace_peer (FgActor          *actor,
                                       const FgNodeInfo *self,
                                       const FgNodeInfo *peer);
gboolean     fg_node_check_issues_documents (FgStore    *store,
                                             GError    **error);
GPtrArray   *fg_node_list_peers       (FgStore          *store,
                                       FgActor          *actor,
                                       GError          **error);
FgNodeInfo  *fg_node_find_peer        (FgStore          *store,
                                       FgActor          *actor,
                                       const char       *id_or_code,
                                       GError          **error);
GArray      *fg_node_list_missing_bundles (FgStore      *store,
                                           FgActor      *actor,
                                           const char   *peer_id,
                                           GError      **error);
char        *fg_node_describe_missing_bundles (GArray   *gaps);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FgNodeInfo, fg_node_info_free)

G_END_DECLS
