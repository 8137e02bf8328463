/* fg-node.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An installation is a node: a UUID, a kind (township office, county
 * office, grid station), the division it writes in, and an Ed25519 key
 * pair (libsodium) made when the installation is set up (fg-office.c), or
 * the first time it is needed in a database set up before nodes had keys. Offices learn each
 * other's public keys from peer files, carried on a USB stick or sent by
 * e-mail; a person confirms a peer by comparing its fingerprint with what
 * the other office reads out over the phone: six groups of five digits.
 *
 * One installation of a township issues its documents, its office; a
 * second working laptop is a workstation of it, which numbers none
 * (fg_node_set_role()), and a county replaces a township's lost office
 * with a new installation (fg_node_replace_peer()). See docs/bundles.md,
 * "One office per township".
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <sodium.h>

#include "fg-audit-private.h"
#include "fg-node-private.h"
#include "fg-permission-private.h"
#include "fg-region-private.h"
#include "fg-store-private.h"
#include "fg-xml-private.h"

#define PEER_NS "urn:firegrid:peer:1"
#define PEER_SCHEMA_RESOURCE "/io/github/firegrid/core/schema/peer-1.xsd"

G_DEFINE_QUARK (fg-node-error-quark, fg_node_error)

G_DEFINE_BOXED_TYPE (FgNodeInfo, fg_node_info, fg_node_info_copy, fg_node_info_free)

static const char * const kind_ids[] = { "township", "county", "grid" };
static const char * const role_ids[] = { "office", "workstation" };

FgNodeInfo *
fg_node_info_copy (const FgNodeInfo *self)
{
  FgNodeInfo *copy = g_new0 (FgNodeInfo, 1);

  copy->id = g_strdup (self->id);
  copy->kind = self->kind;
  copy->scope_code = g_strdup (self->scope_code);
  copy->scope_name = g_strdup (self->scope_name);
  copy->scope_label = g_strdup (self->scope_label);
  copy->public_key = g_strdup (self->public_key);
  copy->fingerprint = g_strdup (self->fingerprint);
  copy->role = self->role;
  copy->added_at = g_strdup (self->added_at);
  copy->last_sent_seq = self->last_sent_seq;
  copy->last_sent_at = g_strdup (self->last_sent_at);
  copy->last_received_seq = self->last_received_seq;
  copy->last_received_at = g_strdup (self->last_received_at);
  copy->sync_folder = g_strdup (self->sync_folder);
  return copy;
}

void
fg_node_info_free (FgNodeInfo *self)
{
  if (self == NULL)
    return;

  g_free (self->id);
  g_free (self->scope_code);
  g_free (self->scope_name);
  g_free (self->scope_label);
  g_free (self->public_key);
  g_free (self->fingerprint);
  g_free (self->added_at);
  g_free (self->last_sent_at);
  g_free (self->last_received_at);
  g_free (self->sync_folder);
  g_free (self);
}

const char *
fg_node_kind_to_string (FgNodeKind kind)
{
  g_return_val_if_fail (kind <= FG_NODE_KIND_GRID, NULL);
  return kind_ids[kind];
}

static gboolean
kind_from_string (const char *text,
                  FgNodeKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_ids); i++)
    if (g_strcmp0 (text, kind_ids[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

/* A kind of node from its name in the database or a file. */
gboolean
fg_node_kind_from_string (const char *text,
                          FgNodeKind *kind)
{
  return kind_from_string (text, kind);
}

/* Where an office of @kind stands: a grid station below its township,
 * a township below its county. */
static int
kind_rank (FgNodeKind kind)
{
  static const int rank[] = {
    [FG_NODE_KIND_GRID] = 0,
    [FG_NODE_KIND_TOWNSHIP] = 1,
    [FG_NODE_KIND_COUNTY] = 2,
  };

  g_assert (kind <= FG_NODE_KIND_GRID);
  return rank[kind];
}

/* Whether an office of kind @above supervises one of kind @below: a
 * county its townships, a township its grid stations. */
gboolean
fg_node_kind_is_above (FgNodeKind above,
                       FgNodeKind below)
{
  return kind_rank (above) > kind_rank (below);
}

const char *
fg_node_kind_get_label (FgNodeKind kind)
{
  switch (kind)
    {
    case FG_NODE_KIND_TOWNSHIP:
      return _("Township office");
    case FG_NODE_KIND_COUNTY:
      return _("County office");
    case FG_NODE_KIND_GRID:
      return _("Grid station");
    default:
      return "";
    }
}

const char *
fg_node_role_to_string (FgNodeRole role)
{
  g_return_val_if_fail (role <= FG_NODE_ROLE_WORKSTATION, NULL);
  return role_ids[role];
}

static FgNodeRole
role_from_string (const char *text)
{
  return g_strcmp0 (text, role_ids[FG_NODE_ROLE_WORKSTATION]) == 0 ? FG_NODE_ROLE_WORKSTATION
                                                                     : FG_NODE_ROLE_OFFICE;
}

/**
 * fg_node_get_role_label:
 * @node: this installation or a peer
 *
 * Returns: (nullable): "Workstation" for a workstation, as lists show it
 *   beside the kind of office; %NULL for the office of a division
 */
const char *
fg_node_get_role_label (const FgNodeInfo *node)
{
  g_return_val_if_fail (node != NULL, NULL);
  return node->role == FG_NODE_ROLE_WORKSTATION ? _("Workstation, issues no documents") : NULL;
}

/* libsodium, once per process, before any key is made or used. */
void
fg_node_init_crypto (void)
{
  static gsize initialised;

  if (g_once_init_enter (&initialised))
    {
      if (sodium_init () < 0)
        g_error ("libsodium could not be initialised");
      g_once_init_leave (&initialised, 1);
    }
}

/* The raw 32 bytes of a base64 public key, or NULL. */
static guint8 *
decode_public_key (const char *public_key)
{
  g_autofree guint8 *raw = NULL;
  gsize length = 0;

  if (public_key == NULL)
    return NULL;
  raw = g_base64_decode (public_key, &length);
  if (length != crypto_sign_PUBLICKEYBYTES)
    return NULL;
  return g_steal_pointer (&raw);
}

/**
 * fg_node_fingerprint:
 * @public_key: a node's public key, base64
 *
 * What two people compare over the phone before they trust a peer: six
 * groups of five digits from the SHA-256 of the key.
 *
 * Returns: (transfer full) (nullable): "34521 09876 12345 67890 11223 44556",
 *   or %NULL for something that is not a public key
 */
char *
fg_node_fingerprint (const char *public_key)
{
  g_autofree guint8 *raw = decode_public_key (public_key);
  g_autoptr(GChecksum) checksum = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  guint8 digest[32];
  gsize length = sizeof digest;

  if (raw == NULL)
    return NULL;

  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (checksum, raw, crypto_sign_PUBLICKEYBYTES);
  g_checksum_get_digest (checksum, digest, &length);

  for (guint group = 0; group < 6; group++)
    {
      guint64 value = 0;

      for (guint i = 0; i < 5; i++)
        value = (value << 8) | digest[group * 5 + i];
      g_string_append_printf (text, "%s%05u", group > 0 ? " " : "", (guint) (value % 100000));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * fg_node_ensure_keys: (skip)
 *
 * Makes this node's key pair if it has none (a database set up before
 * nodes had keys); in its own transaction, or the caller's.
 */
gboolean
fg_node_ensure_keys (FgStore  *store,
                     GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint8 public_key[crypto_sign_PUBLICKEYBYTES];
  guint8 secret_key[crypto_sign_SECRETKEYBYTES];
  g_autofree char *public_text = NULL;
  g_autofree char *secret_text = NULL;
  gboolean has_keys;

  stmt = fg_store_prepare (store, "SELECT public_key IS NOT NULL FROM node WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, fg_store_get_node_id (store), -1, SQLITE_STATIC);
  has_keys = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  g_clear_pointer (&stmt, fg_stmt_release);
  if (has_keys)
    return TRUE;

  fg_node_init_crypto ();
  crypto_sign_keypair (public_key, secret_key);
  public_text = g_base64_encode (public_key, sizeof public_key);
  secret_text = g_base64_encode (secret_key, sizeof secret_key);
  sodium_memzero (secret_key, sizeof secret_key);

  if (!fg_store_begin (store, error))
    return FALSE;
  stmt = fg_store_prepare (store,
                           "UPDATE node SET public_key = ?1, secret_key = ?2 WHERE id = ?3 AND public_key IS NULL",
                           error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, public_text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, secret_text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, fg_store_get_node_id (store), -1, SQLITE_STATIC);
  if (!fg_store_step_done (store, stmt, error))
    goto failed;
  sodium_memzero (secret_text, strlen (secret_text));
  return fg_store_commit (store, error);

failed:
  sodium_memzero (secret_text, strlen (secret_text));
  fg_store_rollback (store);
  return FALSE;
}

static gboolean
check_set_up (FgStore  *store,
              GError  **error)
{
  if (!fg_store_is_set_up (store) || fg_store_get_node_id (store) == NULL)
    {
      g_set_error (error, FG_STORE_ERROR, FG_STORE_ERROR_NOT_SET_UP,
                   _("This database has not been set up yet. Set up the township first."));
      return FALSE;
    }
  return TRUE;
}

/**
 * fg_node_get_self:
 * @actor: someone who may sync
 *
 * Returns: (transfer full): this installation: its id, kind, division,
 *   public key and fingerprint
 */
FgNodeInfo *
fg_node_get_self (FgStore  *store,
                  FgActor  *actor,
                  GError  **error)
{
  g_autoptr(FgNodeInfo) self = g_new0 (FgNodeInfo, 1);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(FgRegion) scope = NULL;
  g_autoptr(FgRegion) village = NULL;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  if (!fg_permission_check (store, actor, FG_ACTION_SYNC, NULL, NULL, error) ||
      !check_set_up (store, error) ||
      !fg_node_ensure_keys (store, error))
    return NULL;

  stmt = fg_store_prepare (store, "SELECT id, kind, scope_region_id, public_key, role FROM node WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, fg_store_get_node_id (store), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      fg_store_set_error (store, sqlite3_errcode (fg_store_get_db (store)), error);
      return NULL;
    }
  self->id = g_strdup (fg_stmt_text (stmt, 0));
  kind_from_string (fg_stmt_text (stmt, 1), &self->kind);
  self->public_key = g_strdup (fg_stmt_text (stmt, 3));
  self->role = role_from_string (fg_stmt_text (stmt, 4));
  self->fingerprint = fg_node_fingerprint (self->public_key);
  scope = fg_region_find (store, fg_stmt_text (stmt, 2), error);
  if (scope == NULL)
    return NULL;
  self->scope_code = g_strdup (fg_region_get_code (scope));
  self->scope_name = g_strdup (fg_region_get_name (scope));
  if (fg_region_get_level (scope) == FG_REGION_LEVEL_GRID)
    village = fg_region_find (store, fg_region_get_parent_id (scope), NULL);
  self->scope_label = fg_region_format_label (fg_region_get_level (scope), self->scope_name,
                                              village != NULL ? fg_region_get_name (village) : NULL);

  return g_steal_pointer (&self);
}

/**
 * fg_node_write_peer_file:
 *
 * Returns: (transfer full): this installation's peer file, for the offices
 *   it syncs with (XML, data/schema/peer-1.xsd)
 */
GBytes *
fg_node_write_peer_file (FgStore  *store,
                         FgActor  *actor,
                         GError  **error)
{
  g_autoptr(FgNodeInfo) self = fg_node_get_self (store, actor, error);
  g_autofree char *head = NULL;
  g_autofree char *tail = NULL;
  char *text;

  if (self == NULL)
    return NULL;

  head = g_markup_printf_escaped ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                  "<!-- Firegrid peer file: %s. Fingerprint %s -->\n"
                                  "<peer xmlns=\"" PEER_NS "\" version=\"1\">\n"
                                  "  <node id=\"%s\" kind=\"%s\" code=\"%s\" name=\"%s\"",
                                  self->scope_name, self->fingerprint,
                                  self->id, kind_ids[self->kind], self->scope_code, self->scope_name);
  tail = g_markup_printf_escaped ("/>\n"
                                  "  <public-key>%s</public-key>\n"
                                  "</peer>\n",
                                  self->public_key);
  /* an office's file is as it always was */
  text = g_strconcat (head, self->role == FG_NODE_ROLE_WORKSTATION ? " role=\"workstation\"" : "", tail, NULL);
  return g_bytes_new_take (text, strlen (text));
}

/**
 * fg_node_read_peer_file:
 * @bytes: what a peer file holds
 *
 * Reads a peer file, without trusting it yet: fg_node_add_peer() does,
 * once a person has compared the fingerprint. See
 * fg_node_read_peer_file_named(), whose errors name the file.
 *
 * Returns: (transfer full): the peer, or %NULL with @error set
 */
FgNodeInfo *
fg_node_read_peer_file (GBytes  *bytes,
                        GError **error)
{
  return fg_node_read_peer_file_named (bytes, NULL, error);
}

/**
 * fg_node_read_peer_file_named:
 * @bytes: what a peer file holds
 * @name: (nullable): the file, as a person knows it (its path), which
 *   the errors name
 *
 * Reads a peer file, without trusting it yet: fg_node_add_peer() does,
 * once a person has compared the fingerprint.
 *
 * Returns: (transfer full): the peer, or %NULL with @error set
 */
FgNodeInfo *
fg_node_read_peer_file_named (GBytes      *bytes,
                              const char  *name,
                              GError     **error)
{
  g_autoptr(FgNodeInfo) peer = g_new0 (FgNodeInfo, 1);
  g_autofree char *kind = NULL;
  g_autofree char *role = NULL;
  xmlDoc *doc;

  g_return_val_if_fail (bytes != NULL, NULL);

  doc = fg_xml_read_valid (bytes, name != NULL ? name : _("the file"), PEER_SCHEMA_RESOURCE,
                           _("a Firegrid peer file"),
                           FG_NODE_ERROR, FG_NODE_ERROR_NOT_PEER_FILE, error);
  if (doc == NULL)
    return NULL;

  for (xmlNode *node = xmlDocGetRootElement (doc)->children; node != NULL; node = node->next)
    {
      if (fg_xml_is_element (node, "node", PEER_NS))
        {
          peer->id = fg_xml_dup_prop (node, "id");
          kind = fg_xml_dup_prop (node, "kind");
          peer->scope_code = fg_xml_dup_prop (node, "code");
          peer->scope_name = fg_xml_dup_prop (node, "name");
          role = fg_xml_dup_prop (node, "role");
        }
      else if (fg_xml_is_element (node, "public-key", PEER_NS))
        {
          xmlChar *content = xmlNodeGetContent (node);

          peer->public_key = g_strstrip (g_strdup ((const char *) content));
          xmlFree (content);
        }
    }
  xmlFreeDoc (doc);

  kind_from_string (kind, &peer->kind);
  peer->role = role_from_string (role);
  peer->scope_label = g_strdup (peer->scope_name);
  peer->fingerprint = fg_node_fingerprint (peer->public_key);
  if (peer->fingerprint == NULL)
    {
      if (name != NULL)
        g_set_error (error, FG_NODE_ERROR, FG_NODE_ERROR_NOT_PEER_FILE,
                     _("The public key in the peer file “%s” is damaged. Ask the other office for its peer "
                       "file again."), name);
      else
        g_set_error (error, FG_NODE_ERROR, FG_NODE_ERROR_NOT_PEER_FILE,
                     _("The peer file’s public key is damaged. Ask the other office for its peer file again."));
      return NULL;
    }

  return g_steal_pointer (&peer);
}

static FgNodeInfo *
peer_from_row (sqlite3_stmt *stmt)
{
  FgNodeInfo *peer = g_new0 (FgNodeInfo, 1);

  peer->id = g_strdup (fg_stmt_text (stmt, 0));
  kind_from_string (fg_stmt_text (stmt, 1), &peer->kind);
  peer->scope_code = g_strdup (fg_stmt_text (stmt, 2));
  peer->scope_name = g_strdup (fg_stmt_text (stmt, 3));
  peer->public_key = g_strdup (fg_stmt_text (stmt, 4));
  peer->fingerprint = fg_node_fingerprint (peer->public_key);
  peer->added_at = g_strdup (fg_stmt_text (stmt, 5));
  peer->last_sent_seq = (guint) sqlite3_column_int (stmt, 6);
  peer->last_sent_at = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
  peer->last_received_seq = (guint) sqlite3_column_int (stmt, 8);
  peer->last_received_at = g_strdup ((const char *) sqlite3_column_text (stmt, 9));
  peer->sync_folder = g_strdup ((const char *) sqlite3_column_text (stmt, 10));
  peer->role = role_from_string (fg_stmt_text (stmt, 12));
  peer->scope_label = fg_region_format_label (sqlite3_column_type (stmt, 11) != SQLITE_NULL ? FG_REGION_LEVEL_GRID
                                                                                             : FG_REGION_LEVEL_VILLAGE,
                                              peer->scope_name, (const char *) sqlite3_column_text (stmt, 11));
  return peer;
}

/* A peer's division goes by the name it has here when it is known here
 * by a name: a grid station's peer file names its grid by code until the
 * township's first bundle reaches it, and until then the station knows
 * the divisions above its grid by their codes only, so the name in the
 * township's peer file is the better one. A grid known here goes with
 * its village, for its label (each village has its 第一网格). */
#define PEER_COLUMNS \
  "id, kind, scope_code," \
  " coalesce ((SELECT r.name FROM region r WHERE r.code = peer.scope_code AND r.deleted = 0" \
  "            AND r.name GLOB '*[^0-9-]*'), scope_name)," \
  " public_key, added_at, last_sent_seq, last_sent_at, last_received_seq, last_received_at, sync_folder," \
  " (SELECT v.name FROM region r JOIN region v ON v.id = r.parent_id" \
  "   WHERE r.code = peer.scope_code AND r.deleted = 0 AND r.level = 4)," \
  " role"

/* Whether @peer is an office @self syncs with: a township its county and
 * its grid stations, a county its townships, a grid station its township,
 * and another installation of its own division; never an office beside
 * it or outside its division. */
static gboolean
is_neighbour (const FgNodeInfo *self,
              const FgNodeInfo *peer)
{
  g_autofree char *own = NULL;
  g_autofree char *theirs = NULL;

  if (peer->kind > FG_NODE_KIND_GRID || self->kind > FG_NODE_KIND_GRID ||
      peer->scope_code == NULL || self->scope_code == NULL)
    return FALSE;

  own = fg_node_scope_prefix (self->scope_code);
  theirs = fg_node_scope_prefix (peer->scope_code);
  if (*own == '\0' || *theirs == '\0')
    return FALSE;

  if (peer->kind == self->kind)
    return g_str_equal (own, theirs);
  if (kind_rank (peer->kind) == kind_rank (self->kind) + 1)
    return g_str_has_prefix (own, theirs) && !g_str_equal (own, theirs);
  if (kind_rank (self->kind) == kind_rank (peer->kind) + 1)
    return g_str_has_prefix (theirs, own) && !g_str_equal (own, theirs);
  return FALSE;
}

/* Whether @a and @b are installations of one division, of one kind. */
static gboolean
same_division (const FgNodeInfo *a,
               const FgNodeInfo *b)
{
  return a->kind == b->kind && g_strcmp0 (a->scope_code, b->scope_code) == 0;
}

/* One installation of a township issues its documents, the office: two
 * would number them alike, and then refuse each other's bundles whole.
 * So an office pairs with no other office of its own township, and a
 * county trusts one office of each township, until it replaces it
 * (fg_node_replace_peer()); workstations are not counted. */
static gboolean
check_one_office (FgStore           *store,
                  const FgNodeInfo  *self,
                  const FgNodeInfo  *peer,
                  GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (peer->role != FG_NODE_ROLE_OFFICE || peer->kind != FG_NODE_KIND_TOWNSHIP)
    return TRUE;

  if (same_division (self, peer) && self->role == FG_NODE_ROLE_OFFICE)
    {
      g_set_error (error, FG_NODE_ERROR, FG_NODE_ERROR_SECOND_OFFICE,
                   /* Translators: %s is the township */
                   _("Both this installation and the other one issue the documents of %s: they would give "
                     "documents the same numbers. Make the second laptop a workstation, which issues no "
                     "documents, and pair them with its new peer file."),
                   peer->scope_name);
      return FALSE;
    }

  stmt = fg_store_prepare (store,
                           "SELECT added_at FROM peer WHERE kind = 'township' AND role = 'office'"
                           "  AND scope_code = ?1 AND id <> ?2 AND removed_at IS NULL",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, peer->scope_code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, peer->id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *day = g_strndup (fg_stmt_text (stmt, 0), 10);

      g_set_error (error, FG_NODE_ERROR, FG_NODE_ERROR_SECOND_OFFICE,
                   /* Translators: the township, and the day its office was paired (2026-11-29) */
                   _("%s has an office installation here already, paired on %s; a second one would give "
                     "documents the same numbers. If the new installation replaces a lost or broken laptop, "
                     "replace the office with it. If it is a second working laptop, make it a workstation "
                     "and add its new peer file."),
                   peer->scope_name, day);
      return FALSE;
    }
  return TRUE;
}

/**
 * fg_node_add_peer:
 * @peer: read from its peer file, its fingerprint confirmed by a person
 *
 * Trusts a peer: bundles signed with its key are accepted from now on,
 * for rows in its division. Adding a known peer again changes nothing; a
 * known peer with another key is refused (a key changes only with a new
 * installation, which is a new node). Trusting a key is an
 * administrator's decision, and only an office this one syncs with can
 * be trusted.
 */
gboolean
fg_node_add_peer (FgStore           *store,
                  FgActor           *actor,
                  const FgNodeInfo  *peer,
                  GError           **error)
{
  g_autoptr(FgNodeInfo) self = NULL;
  g_autoptr(FgNodeInfo) known = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = fg_store_now_iso8601 (store);
  g_autofree char *after = NULL;
  gboolean returning = FALSE;

  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (peer != NULL, FALSE);

  if (!fg_permission_check (store, actor, FG_ACTION_SETTINGS, NULL, "peer-add", error))
    return FALSE;

  self = fg_node_get_self (store, actor, error);
  if (self == NULL)
    return FALSE;

  if (g_strcmp0 (peer->id, self->id) == 0 || g_strcmp0 (peer->public_key, self->public_key) == 0)
    {
      g_set_error (error, FG_NODE_ERROR, FG_NODE_ERROR_OWN_FILE,
                   _("This is this installation’s own peer file. Add the peer file of the other office."));
      return FALSE;
    }

  if (!is_neighbour (self, peer))
    {
      g_set_error (error, FG_NODE_ERROR, FG_NODE_ERROR_UNRELATED,
                   /* Translators: the other office's name and division code */
                   _("%s (%s) is not an office this one syncs with: a township pairs with its county and its "
                     "grid stations, a county with its townships. Check that the file came from the right "
                     "office."),
                   peer->scope_name != NULL ? peer->scope_name : "", peer->scope_code != NULL ? peer->scope_code : "");
      return FALSE;
    }

  known = fg_node_find_peer (store, actor, peer->id, NULL);
  if (known != NULL)
    {
      if (g_strcmp0 (known->public_key, peer->public_key) != 0)
        {
          g_set_error (error, FG_NODE_ERROR, FG_NODE_ERROR_KEY_CHANGED,
                       _("%s is known here with another key. A peer’s key never changes: this file may not "
                         "be genuine. Ask the other office by phone before you do anything with it."),
                       known->scope_name);
          return FALSE;
        }
      /* the same peer file again; or a new one, which says the peer's
       * role changed */
      if (known->role == peer->role)
        return TRUE;
    }


  /* a peer removed earlier comes back with the key it had, or not at all */
  stmt = fg_store_prepare (store, "SELECT public_key, scope_name, replaced_by FROM peer WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, peer->id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        {
          g_autofree char *replaced = fg_node_describe_replaced (store, peer->id);

          g_set_error_literal (error, FG_NODE_ERROR, FG_NODE_ERROR_REPLACED, replaced);
          return FALSE;
        }
      if (!g_str_equal (fg_stmt_text (stmt, 0), peer->public_key))
        {
          g_set_error (error, FG_NODE_ERROR, FG_NODE_ERROR_KEY_CHANGED,
                       _("%s is known here with another key. A peer’s key never changes: this file may not "
                         "be genuine. Ask the other office by phone before you do anything with it."),
                       fg_stmt_text (stmt, 1));
          return FALSE;
        }
      returning = TRUE;
    }
  g_clear_pointer (&stmt, fg_stmt_release);

  if (!check_one_office (store, self, peer, error))
    return FALSE;

  stmt = fg_store_prepare (store, "SELECT scope_name FROM peer WHERE public_key = ?1 AND id != ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, peer->public_key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, peer->id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, FG_NODE_ERROR, FG_NODE_ERROR_KEY_CHANGED,
                   _("%s already uses this key: this file may not be genuine. Ask the other office by phone "
                     "before you do anything with it."),
                   fg_stmt_text (stmt, 0));
      return FALSE;
    }
  g_clear_pointer (&stmt, fg_stmt_release);

  if (!fg_store_begin (store, error))
    return FALSE;
  stmt = fg_store_prepare (store,
                           returning
                           ? "UPDATE peer SET kind = ?2, scope_code = ?3, scope_name = ?4, added_at = ?6,"
                             "  added_by = ?7, removed_at = NULL, removed_by = NULL, role = ?8"
                             " WHERE id = ?1 AND public_key = ?5"
                           : "INSERT INTO peer (id, kind, scope_code, scope_name, public_key, added_at, added_by, role)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                           error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, peer->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, kind_ids[peer->kind], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, peer->scope_code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, peer->scope_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, peer->public_key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, fg_actor_get_login (actor), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, role_ids[peer->role], -1, SQLITE_STATIC);
  if (!fg_store_step_done (store, stmt, error))
    goto failed;

  after = g_strdup_printf ("{\"id\":\"%s\",\"kind\":\"%s\",\"code\":\"%s\",\"fingerprint\":\"%s\",\"role\":\"%s\"}",
                           peer->id, kind_ids[peer->kind], peer->scope_code, peer->fingerprint,
                           role_ids[peer->role]);
  if (!fg_audit_record_change (store, actor, "peer-add", peer->id, NULL, after, error))
    goto failed;

  return fg_store_commit (store, error);

failed:
  fg_store_rollback (store);
  return FALSE;
}

/**
 * fg_node_list_peers:
 *
 * Returns: (transfer full) (element-type FgNodeInfo): the peers, by name
 */
GPtrArray *
fg_node_list_peers (FgStore  *store,
                    FgActor  *actor,
                    GError  **error)
{
  g_autoptr(GPtrArray) peers = g_ptr_array_new_with_free_func ((GDestroyNotify) fg_node_info_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  if (!fg_permission_check (store, actor, FG_ACTION_SYNC, NULL, NULL, error))
    return NULL;

  stmt = fg_store_prepare (store, "SELECT " PEER_COLUMNS " FROM peer WHERE removed_at IS NULL"
                           " ORDER BY scope_code, id",
                           error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (peers, peer_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      fg_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&peers);
}

/**
 * fg_node_remove_peer:
 * @id_or_code: the peer's node id, or the code of its division
 *
 * Stops trusting a peer (a laptop lost, an office closed): its bundles are
 * refused from now on and nothing is sent to it, its sync folder is
 * forgotten. What it sent stays. Adding its peer file again trusts it
 * again, with the same key only.
 *
 * Returns: %TRUE on success
 */
gboolean
fg_node_remove_peer (FgStore     *store,
                     FgActor     *actor,
                     const char  *id_or_code,
                     GError     **error)
{
  g_autoptr(FgNodeInfo) peer = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = fg_store_now_iso8601 (store);
  g_autofree char *before = NULL;

  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (id_or_code != NULL, FALSE);

  if (!fg_permission_check (store, actor, FG_ACTION_SETTINGS, NULL, "peer-remove", error))
    return FALSE;

  peer = fg_node_find_peer (store, actor, id_or_code, error);
  if (peer == NULL)
    return FALSE;

  if (!fg_store_begin (store, error))
    return FALSE;
  stmt = fg_store_prepare (store,
                           "UPDATE peer SET removed_at = ?1, removed_by = ?2, sync_folder = NULL WHERE id = ?3",
                           error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, fg_actor_get_login (actor), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, peer->id, -1, SQLITE_STATIC);
  if (!fg_store_step_done (store, stmt, error))
    goto failed;

  before = g_strdup_printf ("{\"id\":\"%s\",\"kind\":\"%s\",\"code\":\"%s\",\"fingerprint\":\"%s\"}",
                            peer->id, kind_ids[peer->kind], peer->scope_code, peer->fingerprint);
  if (!fg_audit_record_change (store, actor, "peer-remove", peer->id, before, NULL, error))
    goto failed;

  return fg_store_commit (store, error);

failed:
  fg_store_rollback (store);
  return FALSE;
}

/* The peer @id, for a bundle's signature: no person asks, so no
 * permission is checked. */
FgNodeInfo *
fg_node_lookup_peer (FgStore    *store,
                     const char *id)
{
  g_autoptr(sqlite3_stmt) stmt = fg_store_prepare (store,
                                                   "SELECT " PEER_COLUMNS " FROM peer"
                                                   " WHERE id = ?1 AND removed_at IS NULL",
                                                   NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return peer_from_row (stmt);
}

/* The secret key, 64 bytes; the caller wipes it (sodium_memzero) and
 * frees it. */
guint8 *
fg_node_dup_secret_key (FgStore  *store,
                        GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree guint8 *key = NULL;
  gsize length = 0;

  if (!fg_node_ensure_keys (store, error))
    return NULL;
  stmt = fg_store_prepare (store, "SELECT secret_key FROM node WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, fg_store_get_node_id (store), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    key = g_base64_decode (fg_stmt_text (stmt, 0), &length);
  if (key == NULL || length != crypto_sign_SECRETKEYBYTES)
    {
      if (key != NULL)
        sodium_memzero (key, length);
      g_set_error (error, FG_STORE_ERROR, FG_STORE_ERROR_CORRUPT,
                   _("This installation’s signing key is damaged: bundles cannot be signed."));
      return NULL;
    }
  return g_steal_pointer (&key);
}

/* What the codes of a division's regions begin with: 410425 for a
 * county, 410425101 for a township, a village's or grid's whole code. */
char *
fg_node_scope_prefix (const char *code)
{
  return g_strndup (code, fg_region_code_prefix_length (code));
}

/**
 * fg_node_find_peer:
 * @id_or_code: the peer's node id, or the code of its division
 *
 * Returns: (transfer full): the peer, or %NULL with @error set
 */
FgNodeInfo *
fg_node_find_peer (FgStore     *store,
                   FgActor     *actor,
                   const char  *id_or_code,
                   GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);
  g_return_val_if_fail (id_or_code != NULL, NULL);

  if (!fg_permission_check (store, actor, FG_ACTION_SYNC, NULL, NULL, error))
    return NULL;

  stmt = fg_store_prepare (store,
                           "SELECT " PEER_COLUMNS " FROM peer"
                           " WHERE (id = ?1 OR scope_code = ?1) AND removed_at IS NULL"
                           /* a code names a township's office before its workstations */
                           " ORDER BY id <> ?1, role <> 'office', added_at",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id_or_code, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_autofree char *replaced = fg_node_describe_replaced (store, id_or_code);

      if (replaced != NULL)
        {
          g_set_error_literal (error, FG_NODE_ERROR, FG_NODE_ERROR_REPLACED, replaced);
          return NULL;
        }
      g_set_error (error, FG_NODE_ERROR, FG_NODE_ERROR_UNKNOWN_PEER,
                   _("“%s” is not a peer of this installation. Add its peer file first."), id_or_code);
      return NULL;
    }

  return peer_from_row (stmt);
}

/* The bundles of @peer_id numbered below @below (every one when 0) that
 * have not arrived, though a later one has: each gap as an FgBundleGap,
 * in their order. A bundle is numbered per sender and receiver, from 1.
 * One that carried everything (a first bundle, or one after `peer
 * resend`) fills the gaps below it: what they held came with it. */
GArray *
fg_node_dup_missing_bundles (FgStore     *store,
                             const char  *peer_id,
                             guint        below,
                             GError     **error)
{
  g_autoptr(GArray) gaps = g_array_new (FALSE, FALSE, sizeof (FgBundleGap));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 expected = 1;
  int rc;

  stmt = fg_store_prepare (store,
                           "SELECT DISTINCT sequence, whole FROM bundle_in WHERE peer_id = ?1 AND sequence >= 1"
                           "  AND (?2 = 0 OR sequence < ?2) ORDER BY sequence",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, peer_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, below);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 sequence = sqlite3_column_int64 (stmt, 0);

      if (sqlite3_column_int (stmt, 1) != 0)
        g_array_set_size (gaps, 0);
      else if (sequence > expected)
        {
          FgBundleGap gap = { (guint) expected, (guint) (sequence - 1) };

          g_array_append_val (gaps, gap);
        }
      expected = sequence + 1;
    }
  if (rc != SQLITE_DONE)
    {
      fg_store_set_error (store, rc, error);
      return NULL;
    }
  /* the bundles before @below, when it is given, all count */
  if (below > 0 && expected < below)
    {
      FgBundleGap gap = { (guint) expected, below - 1 };

      g_array_append_val (gaps, gap);
    }
  return g_steal_pointer (&gaps);
}

/**
 * fg_node_list_missing_bundles:
 * @store: the store
 * @actor: who asks (someone who may sync)
 * @peer_id: a peer's node id
 * @error: return location for an error
 *
 * The bundles from @peer_id that have not arrived here although a later
 * one has: lost on the way, still on a USB stick, or held back. Until
 * they arrive, what they carried (audit records among it) is missing.
 *
 * Returns: (transfer full) (element-type FgBundleGap): the gaps, in their
 *   order, empty when none; or %NULL with @error set
 */
GArray *
fg_node_list_missing_bundles (FgStore     *store,
                              FgActor     *actor,
                              const char  *peer_id,
                              GError     **error)
{
  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);
  g_return_val_if_fail (peer_id != NULL, NULL);

  if (!fg_permission_check (store, actor, FG_ACTION_SYNC, NULL, NULL, error))
    return NULL;
  return fg_node_dup_missing_bundles (store, peer_id, 0, error);
}

/**
 * fg_node_describe_missing_bundles:
 * @gaps: (element-type FgBundleGap): as fg_node_list_missing_bundles()
 *   returns them
 *
 * Returns: (transfer full) (nullable): the gaps in words, e.g. “bundles
 *   4–5 have not arrived”, or %NULL when there are none
 */
char *
fg_node_describe_missing_bundles (GArray *gaps)
{
  g_autoptr(GString) numbers = g_string_new (NULL);
  guint64 count = 0;

  if (gaps == NULL || gaps->len == 0)
    return NULL;

  for (guint i = 0; i < gaps->len; i++)
    {
      const FgBundleGap *gap = &g_array_index (gaps, FgBundleGap, i);

      if (i > 0)
        /* Translators: between two numbers or ranges of a list, 4–5, 8 */
        g_string_append (numbers, _(", "));
      if (gap->first == gap->last)
        g_string_append_printf (numbers, "%u", gap->first);
      else
        g_string_append_printf (numbers, "%u–%u", gap->first, gap->last);
      count += (guint64) gap->last - gap->first + 1;
    }

  /* Translators: the numbers of the bundles, as 4–5, 8 */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "bundle %s has not arrived", "bundles %s have not arrived",
                                       (gulong) MIN (count, G_MAXULONG)),
                          numbers->str);
}

/* A moment as the store writes it, 2026-12-07T15:30:00+08:00, as people
 * read it: 2026-12-07 15:30. */
static char *
format_moment (const char *iso)
{
  char *text = g_strndup (iso != NULL ? iso : "", 16);

  if (strlen (text) > 10)
    text[10] = ' ';
  return text;
}

/* Why the peer @id_or_code (a node id, or its division's code) is no
 * longer trusted, when it was replaced: NULL when it was not. */
char *
fg_node_describe_replaced (FgStore    *store,
                           const char *id_or_code)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *when = NULL;

  stmt = fg_store_prepare (store,
                           "SELECT scope_name, replaced_at FROM peer"
                           " WHERE (id = ?1 OR scope_code = ?1) AND replaced_by IS NOT NULL"
                           " ORDER BY id <> ?1, replaced_at DESC",
                           NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id_or_code, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  when = format_moment (fg_stmt_text (stmt, 1));
  /* Translators: the township, and when (2026-12-07 15:30) */
  return g_strdup_printf (_("The former installation of %s was replaced by another one on %s: what is signed "
                            "with its key is refused here from then on, and nothing more is sent to it. Enter "
                            "what it still held on the installation that replaced it."),
                          fg_stmt_text (stmt, 0), when);
}

/* The peer the peer @new_id took over from, which a county tells it in
 * each bundle (takes-over); NULL when it took over from none. */
char *
fg_node_dup_replaced_peer (FgStore    *store,
                           const char *new_id)
{
  g_autoptr(sqlite3_stmt) stmt = fg_store_prepare (store, "SELECT replaces FROM peer WHERE id = ?1", NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, new_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/* The role this installation has, without a person asking. */
static FgNodeRole
own_role (FgStore *store)
{
  g_autoptr(sqlite3_stmt) stmt = fg_store_prepare (store, "SELECT role FROM node WHERE id = ?1", NULL);

  if (stmt == NULL)
    return FG_NODE_ROLE_OFFICE;
  sqlite3_bind_text (stmt, 1, fg_store_get_node_id (store), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return FG_NODE_ROLE_OFFICE;
  return role_from_string (fg_stmt_text (stmt, 0));
}

/**
 * fg_node_check_issues_documents:
 * @store: the store
 * @error: return location for an error
 *
 * Whether this installation may issue, void and serve documents: the
 * office of its township may, a workstation of it may not (its numbers
 * would be the office's numbers too). Refused with
 * %FG_NODE_ERROR_WORKSTATION, saying which installation issues them.
 *
 * Returns: %TRUE when this installation issues documents
 */
gboolean
fg_node_check_issues_documents (FgStore  *store,
                                GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (FG_IS_STORE (store), FALSE);

  if (own_role (store) == FG_NODE_ROLE_OFFICE)
    return TRUE;

  /* the office, when this workstation is paired with it */
  stmt = fg_store_prepare (store,
                           "SELECT r.name, p.public_key FROM node n JOIN region r ON r.id = n.scope_region_id"
                           " LEFT JOIN peer p ON p.scope_code = r.code AND p.kind = n.kind AND p.role = 'office'"
                           "  AND p.removed_at IS NULL"
                           " WHERE n.id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, fg_store_get_node_id (store), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 1) != SQLITE_NULL)
    {
      g_autofree char *fingerprint = fg_node_fingerprint (fg_stmt_text (stmt, 1));

      g_set_error (error, FG_NODE_ERROR, FG_NODE_ERROR_WORKSTATION,
                   /* Translators: the township, and the office installation's fingerprint */
                   _("This installation is a workstation of %s: it records inspections and hazards, but the "
                     "township’s documents are numbered, issued, voided and served at its office installation "
                     "(fingerprint %s). Do it there."),
                   fg_stmt_text (stmt, 0), fingerprint != NULL ? fingerprint : "");
      return FALSE;
    }
  g_set_error (error, FG_NODE_ERROR, FG_NODE_ERROR_WORKSTATION,
               /* Translators: the township */
               _("This installation is a workstation of %s: it records inspections and hazards, but the "
                 "township’s documents are numbered, issued, voided and served at its office installation. "
                 "Do it there."),
               sqlite3_column_type (stmt, 0) != SQLITE_NULL ? fg_stmt_text (stmt, 0) : "");
  return FALSE;
}

/* Sets this node's role, and records it in the audit log; in the
 * caller's transaction. */
static gboolean
store_role (FgStore     *store,
            FgActor     *actor,
            const char  *action,
            FgNodeRole   role,
            const char  *detail,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  stmt = fg_store_prepare (store, "UPDATE node SET role = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, role_ids[role], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, fg_store_get_node_id (store), -1, SQLITE_STATIC);
  if (!fg_store_step_done (store, stmt, error))
    return FALSE;

  before = g_strdup_printf ("{\"role\":\"%s\"}", role_ids[role == FG_NODE_ROLE_OFFICE]);
  after = g_strdup_printf ("{\"role\":\"%s\"%s%s}", role_ids[role], detail != NULL ? "," : "",
                           detail != NULL ? detail : "");
  return fg_audit_record_change (store, actor, action, fg_store_get_node_id (store), before, after, error);
}

/**
 * fg_node_set_role:
 * @store: the store
 * @actor: an administrator
 * @role: what this installation is to its township
 * @error: return location for an error
 *
 * Makes this township installation a workstation, which issues no
 * documents (a second working laptop), or the office again. The rule:
 * one installation of a township issues its documents. So an
 * installation that has issued documents itself stays the office, and a
 * workstation paired with its county or its office becomes the office
 * only when the county replaces the office with it
 * (fg_node_replace_peer()): its next bundle says so. Give the other
 * offices the new peer file, which carries the role.
 *
 * Returns: %TRUE on success
 */
gboolean
fg_node_set_role (FgStore     *store,
                  FgActor     *actor,
                  FgNodeRole   role,
                  GError     **error)
{
  g_autoptr(FgNodeInfo) self = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (role <= FG_NODE_ROLE_WORKSTATION, FALSE);

  if (!fg_permission_check (store, actor, FG_ACTION_SETTINGS, NULL, "node-role", error))
    return FALSE;
  self = fg_node_get_self (store, actor, error);
  if (self == NULL)
    return FALSE;
  if (self->role == role)
    return TRUE;
  if (self->kind != FG_NODE_KIND_TOWNSHIP)
    {
      g_set_error (error, FG_NODE_ERROR, FG_NODE_ERROR_ROLE,
                   _("Only a township’s installations are offices or workstations: a county office or a grid "
                     "station issues no documents."));
      return FALSE;
    }

  if (role == FG_NODE_ROLE_WORKSTATION)
    stmt = fg_store_prepare (store, "SELECT count(*) FROM notice WHERE origin_node = ?1", error);
  else
    stmt = fg_store_prepare (store,
                             "SELECT count(*) FROM peer WHERE removed_at IS NULL"
                             "  AND (kind = 'county' OR (kind = 'township' AND role = 'office'))",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, self->id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      fg_store_set_error (store, sqlite3_errcode (fg_store_get_db (store)), error);
      return FALSE;
    }
  if (sqlite3_column_int64 (stmt, 0) > 0)
    {
      if (role == FG_NODE_ROLE_WORKSTATION)
        g_set_error (error, FG_NODE_ERROR, FG_NODE_ERROR_ROLE,
                     _("This installation has issued documents of %s: it stays the township’s office. Make "
                       "the second laptop the workstation."),
                     self->scope_name);
      else
        g_set_error (error, FG_NODE_ERROR, FG_NODE_ERROR_ROLE,
                     _("This workstation is paired with its county or with the office of %s: it becomes the "
                       "office only when the county replaces the office with it. Ask the county to replace "
                       "it; its next bundle makes this installation the office."),
                     self->scope_name);
      return FALSE;
    }
  g_clear_pointer (&stmt, fg_stmt_release);

  if (!fg_store_begin (store, error))
    return FALSE;
  if (!store_role (store, actor, "node-role", role, NULL, error))
    {
      fg_store_rollback (store);
      return FALSE;
    }
  return fg_store_commit (store, error);
}

/* The township office @id_or_code names, at a county: by node id, or by
 * its division's code. */
static FgNodeInfo *
find_office (FgStore     *store,
             FgActor     *actor,
             const char  *id_or_code,
             GError     **error)
{
  g_autoptr(FgNodeInfo) old = fg_node_find_peer (store, actor, id_or_code, error);

  if (old == NULL)
    return NULL;
  if (old->kind != FG_NODE_KIND_TOWNSHIP || old->role != FG_NODE_ROLE_OFFICE)
    {
      g_set_error (error, FG_NODE_ERROR, FG_NODE_ERROR_NOT_REPLACEABLE,
                   /* Translators: the peer's name and its kind (Grid station, Workstation…) */
                   _("%s (%s) is not a township’s office: only the installation that issues a township’s "
                     "documents is replaced. Remove a workstation or another office instead."),
                   old->scope_name,
                   old->kind != FG_NODE_KIND_TOWNSHIP ? fg_node_kind_get_label (old->kind)
                                                       : fg_node_get_role_label (old));
      return NULL;
    }
  return g_steal_pointer (&old);
}

/**
 * fg_node_may_replace_peer:
 * @actor: who would replace it
 * @self: this installation (fg_node_get_self())
 * @peer: one of its peers
 *
 * Whether @actor may replace @peer with a new installation
 * (fg_node_replace_peer()): a county's administrator, a township's office.
 *
 * Returns: %TRUE when the window may offer it
 */
gboolean
fg_node_may_replace_peer (FgActor          *actor,
                          const FgNodeInfo *self,
                          const FgNodeInfo *peer)
{
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (peer != NULL, FALSE);

  return fg_actor_can (actor, FG_ACTION_SETTINGS) && self->kind == FG_NODE_KIND_COUNTY &&
         peer->kind == FG_NODE_KIND_TOWNSHIP && peer->role == FG_NODE_ROLE_OFFICE;
}

/**
 * fg_node_replace_peer:
 * @store: a county office's store
 * @actor: the county's administrator
 * @old_id_or_code: the township office replaced (a lost or broken
 *   laptop): its node id, or its township's code
 * @replacement: the installation that takes over, from its peer file,
 *   its fingerprint confirmed by a person: a new installation of the same
 *   township, or a workstation of it
 * @error: return location for an error
 *
 * Makes @replacement the office of the township in place of the old
 * one. From now on bundles signed with the old key are refused, saying
 * it was replaced and when, and nothing more is sent to it. The next
 * bundle to @replacement carries everything the county holds of the
 * township, its documents among them, and says that it takes over: on
 * import the replacement becomes the office, if it was a workstation, and
 * numbers its next documents after the highest the county has seen.
 * Recorded in the audit log as peer-replace.
 *
 * Returns: %TRUE on success
 */
gboolean
fg_node_replace_peer (FgStore           *store,
                      FgActor           *actor,
                      const char        *old_id_or_code,
                      const FgNodeInfo  *replacement,
                      GError           **error)
{
  g_autoptr(FgNodeInfo) self = NULL;
  g_autoptr(FgNodeInfo) old = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = fg_store_now_iso8601 (store);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gboolean known = FALSE;

  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (old_id_or_code != NULL, FALSE);
  g_return_val_if_fail (replacement != NULL, FALSE);

  if (!fg_permission_check (store, actor, FG_ACTION_SETTINGS, NULL, "peer-replace", error))
    return FALSE;
  self = fg_node_get_self (store, actor, error);
  if (self == NULL)
    return FALSE;
  if (self->kind != FG_NODE_KIND_COUNTY)
    {
      g_set_error (error, FG_NODE_ERROR, FG_NODE_ERROR_NOT_REPLACEABLE,
                   _("A township’s office is replaced at its county, the office both installations sync "
                     "with: ask the county to do it."));
      return FALSE;
    }
  old = find_office (store, actor, old_id_or_code, error);
  if (old == NULL)
    return FALSE;

  if (replacement->kind != FG_NODE_KIND_TOWNSHIP || g_strcmp0 (replacement->scope_code, old->scope_code) != 0)
    {
      g_set_error (error, FG_NODE_ERROR, FG_NODE_ERROR_NOT_REPLACEABLE,
                   /* Translators: the new peer file's office and code, then the township replaced */
                   _("The new peer file is of %s (%s), not of %s: only an installation of the same township "
                     "takes over. Check that the file came from the right laptop."),
                   replacement->scope_name != NULL ? replacement->scope_name : "",
                   replacement->scope_code != NULL ? replacement->scope_code : "", old->scope_name);
      return FALSE;
    }
  if (g_strcmp0 (replacement->id, old->id) == 0 || g_strcmp0 (replacement->public_key, old->public_key) == 0)
    {
      g_set_error (error, FG_NODE_ERROR, FG_NODE_ERROR_NOT_REPLACEABLE,
                   _("This is the peer file of the installation being replaced. Add the peer file of the new "
                     "installation."));
      return FALSE;
    }

  /* the replacement may be known here already: a workstation of the
   * township, paired with the same key */
  stmt = fg_store_prepare (store,
                           "SELECT public_key, replaced_by FROM peer WHERE id = ?1 OR public_key = ?2"
                           " ORDER BY id <> ?1",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, replacement->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, replacement->public_key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
        {
          g_autofree char *replaced = fg_node_describe_replaced (store, replacement->id);

          g_set_error_literal (error, FG_NODE_ERROR, FG_NODE_ERROR_REPLACED,
                               replaced != NULL ? replaced : _("That installation was replaced itself."));
          return FALSE;
        }
      if (!g_str_equal (fg_stmt_text (stmt, 0), replacement->public_key))
        {
          g_set_error (error, FG_NODE_ERROR, FG_NODE_ERROR_KEY_CHANGED,
                       _("%s is known here with another key. A peer’s key never changes: this file may not "
                         "be genuine. Ask the other office by phone before you do anything with it."),
                       replacement->scope_name);
          return FALSE;
        }
      known = TRUE;
    }
  g_clear_pointer (&stmt, fg_stmt_release);
  /* a key and another id: not the file of the installation known by it */
  if (known)
    {
      stmt = fg_store_prepare (store, "SELECT 1 FROM peer WHERE public_key = ?1 AND id <> ?2", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, replacement->public_key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, replacement->id, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_set_error (error, FG_NODE_ERROR, FG_NODE_ERROR_KEY_CHANGED,
                       _("%s already uses this key: this file may not be genuine. Ask the other office by phone "
                         "before you do anything with it."),
                       replacement->scope_name);
          return FALSE;
        }
      g_clear_pointer (&stmt, fg_stmt_release);
    }

  if (!fg_store_begin (store, error))
    return FALSE;
  stmt = fg_store_prepare (store,
                           "UPDATE peer SET removed_at = ?1, removed_by = ?2, replaced_at = ?1, replaced_by = ?3,"
                           "  sync_folder = NULL"
                           " WHERE id = ?4",
                           error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, fg_actor_get_login (actor), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, replacement->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, old->id, -1, SQLITE_STATIC);
  if (!fg_store_step_done (store, stmt, error))
    goto failed;
  g_clear_pointer (&stmt, fg_stmt_release);

  /* the office now; everything goes to it again, as to a new peer */
  stmt = fg_store_prepare (store,
                           known
                           ? "UPDATE peer SET kind = 'township', scope_code = ?2, scope_name = ?3, role = 'office',"
                             "  replaces = ?6, removed_at = NULL, removed_by = NULL, sent_change = 0, audit_sent = 0,"
                             "  audit_passed_on = 0"
                             " WHERE id = ?1 AND public_key = ?4"
                           : "INSERT INTO peer (id, kind, scope_code, scope_name, public_key, added_at, added_by, role,"
                             "  replaces)"
                             " VALUES (?1, 'township', ?2, ?3, ?4, ?5, ?7, 'office', ?6)",
                           error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, replacement->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, replacement->scope_code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, replacement->scope_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, replacement->public_key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, old->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, fg_actor_get_login (actor), -1, SQLITE_STATIC);
  if (!fg_store_step_done (store, stmt, error))
    goto failed;

  before = g_strdup_printf ("{\"id\":\"%s\",\"kind\":\"township\",\"code\":\"%s\",\"fingerprint\":\"%s\"}",
                            old->id, old->scope_code, old->fingerprint);
  after = g_strdup_printf ("{\"id\":\"%s\",\"kind\":\"township\",\"code\":\"%s\",\"fingerprint\":\"%s\","
                           "\"role\":\"office\",\"replaces\":\"%s\"}",
                           replacement->id, replacement->scope_code, replacement->fingerprint, old->id);
  if (!fg_audit_record_change (store, actor, "peer-replace", replacement->id, before, after, error))
    goto failed;

  return fg_store_commit (store, error);

failed:
  fg_store_rollback (store);
  return FALSE;
}

/* A county's bundle says that this installation took over from the
 * office @replaced_id (the bundle's takes-over): this installation is
 * the township's office from now on, if it was a workstation, and the
 * old office, when it is a peer here, is replaced here too. In the
 * import's transaction; the bundle's documents, which the county sent
 * with it, give the numbers to continue after. */
gboolean
fg_node_take_over (FgStore           *store,
                   FgActor           *actor,
                   const FgNodeInfo  *sender,
                   const char        *replaced_id,
                   GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = NULL;
  g_autofree char *detail = NULL;
  FgNodeRole role = own_role (store);

  if (sender->kind != FG_NODE_KIND_COUNTY || g_strcmp0 (replaced_id, fg_store_get_node_id (store)) == 0)
    return TRUE;

  now = fg_store_now_iso8601 (store);
  stmt = fg_store_prepare (store,
                           "UPDATE peer SET removed_at = ?1, removed_by = ?2, replaced_at = ?1, replaced_by = ?3,"
                           "  sync_folder = NULL"
                           " WHERE id = ?4 AND replaced_by IS NULL",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, fg_actor_get_login (actor), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, fg_store_get_node_id (store), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, replaced_id, -1, SQLITE_STATIC);
  if (!fg_store_step_done (store, stmt, error))
    return FALSE;

  if (role == FG_NODE_ROLE_OFFICE)
    return TRUE;
  detail = g_strdup_printf ("\"replaces\":\"%s\",\"county\":\"%s\"", replaced_id, sender->id);
  return store_role (store, actor, "node-take-over", FG_NODE_ROLE_OFFICE, detail, error);
}
