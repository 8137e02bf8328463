/* fg-escalation-rules.c — the escalation rules in effect: shipped, or the office's own
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The program ships data/escalation/rules.xml. The numbers in it are
 * local practice, not law, so an office's administrator may load rules
 * of its own (the same format, checked against escalation-1.xsd); they
 * are stored in the database, audited, and hold until they are reset.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "fg-audit-private.h"
#include "fg-escalation-private.h"
#include "fg-permission-private.h"
#include "fg-store-private.h"
#include "fg-xml-private.h"

#define RULES_RESOURCE "/io/github/firegrid/core/escalation/rules.xml"
#define SCHEMA_RESOURCE "/io/github/firegrid/core/schema/escalation-1.xsd"
#define ESCALATION_NS "urn:firegrid:escalation:1"

/* where the office's own rules are cached on its store */
#define CACHE_KEY "fg-escalation-rules"

G_DEFINE_QUARK (fg-escalation-error-quark, fg_escalation_error)

static void
target_free (FgEscalationTarget *target)
{
  g_free (target->level);
  g_free (target->condition);
  g_free (target);
}

static void
step_free (FgEscalationStep *step)
{
  g_clear_pointer (&step->targets, g_ptr_array_unref);
  g_free (step);
}

static void
rules_clear (gpointer data)
{
  FgEscalationRules *rules = data;

  g_clear_pointer (&rules->steps, g_ptr_array_unref);
}

FgEscalationRules *
fg_escalation_rules_ref (FgEscalationRules *rules)
{
  return g_atomic_rc_box_acquire (rules);
}

void
fg_escalation_rules_unref (FgEscalationRules *rules)
{
  g_atomic_rc_box_release_full (rules, rules_clear);
}

static guint
parse_count (xmlNode    *node,
             const char *name)
{
  g_autofree char *text = fg_xml_dup_prop (node, name);

  return text != NULL ? (guint) atoi (text) : 0;
}

static FgEscalationStep *
parse_step (xmlNode *node)
{
  FgEscalationStep *step = g_new0 (FgEscalationStep, 1);

  step->working_days = MAX (parse_count (node, "working-days"), 1);
  step->targets = g_ptr_array_new_with_free_func ((GDestroyNotify) target_free);
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      FgEscalationTarget *target;

      if (!fg_xml_is_element (child, "to", ESCALATION_NS))
        continue;
      target = g_new0 (FgEscalationTarget, 1);
      target->level = fg_xml_dup_prop (child, "level");
      target->condition = fg_xml_dup_prop (child, "if");
      g_ptr_array_add (step->targets, target);
    }

  return step;
}

/* What the schema cannot say: every step sends every hazard somewhere,
 * so its last target has no condition. */
static gboolean
check_rules (const FgEscalationRules  *rules,
             const char               *name,
             GError                  **error)
{
  for (guint i = 0; i < rules->steps->len; i++)
    {
      FgEscalationStep *step = g_ptr_array_index (rules->steps, i);
      FgEscalationTarget *last = g_ptr_array_index (step->targets, step->targets->len - 1);

      if (last->condition != NULL)
        {
          g_set_error (error, FG_ESCALATION_ERROR, FG_ESCALATION_ERROR_INVALID,
                       _("“%s”: step %u of the chain sends only some hazards on: its last <to> must have "
                         "no “if”, for every other hazard."),
                       name, i + 1);
          return FALSE;
        }
    }
  return TRUE;
}

static FgEscalationRules *
parse_rules (GBytes      *bytes,
             const char  *name,
             GError     **error)
{
  g_autoptr(FgEscalationRules) rules = NULL;
  xmlDoc *doc;

  doc = fg_xml_read_valid (bytes, name, SCHEMA_RESOURCE, _("a valid set of escalation rules"),
                           FG_ESCALATION_ERROR, FG_ESCALATION_ERROR_INVALID, error);
  if (doc == NULL)
    return NULL;

  rules = g_atomic_rc_box_new0 (FgEscalationRules);
  rules->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  for (xmlNode *node = xmlDocGetRootElement (doc)->children; node != NULL; node = node->next)
    {
      if (fg_xml_is_element (node, "chain", ESCALATION_NS))
        {
          for (xmlNode *step = node->children; step != NULL; step = step->next)
            if (fg_xml_is_element (step, "step", ESCALATION_NS))
              g_ptr_array_add (rules->steps, parse_step (step));
        }
      else if (fg_xml_is_element (node, "repeat", ESCALATION_NS))
        rules->repeat_months = parse_count (node, "months");
      else if (fg_xml_is_element (node, "reinspection", ESCALATION_NS))
        rules->reinspection_days = MAX (parse_count (node, "working-days"), 1);
    }
  xmlFreeDoc (doc);

  if (!check_rules (rules, name, error))
    return NULL;
  return g_steal_pointer (&rules);
}

G_LOCK_DEFINE_STATIC (shipped_rules);
static FgEscalationRules *shipped_rules;

/* The rules this version ships, read once. */
static FgEscalationRules *
get_shipped (GError **error)
{
  FgEscalationRules *rules = NULL;

  G_LOCK (shipped_rules);
  if (shipped_rules == NULL)
    {
      g_autoptr(GBytes) bytes = g_resources_lookup_data (RULES_RESOURCE, 0, error);

      if (bytes != NULL)
        shipped_rules = parse_rules (bytes, "rules.xml", error);
    }
  if (shipped_rules != NULL)
    rules = fg_escalation_rules_ref (shipped_rules);
  G_UNLOCK (shipped_rules);

  return rules;
}

typedef struct
{
  char *sha256;
  FgEscalationRules *rules;
} Cached;

static void
cached_free (Cached *cached)
{
  g_free (cached->sha256);
  g_clear_pointer (&cached->rules, fg_escalation_rules_unref);
  g_free (cached);
}

/* The office's own rules as stored: (xml, sha256, source, loaded_at,
 * loaded_by), or no row. */
static sqlite3_stmt *
select_own (FgStore  *store,
            GError  **error)
{
  return fg_store_prepare (store,
                           "SELECT xml, sha256, source, loaded_at, loaded_by FROM escalation_rules WHERE id = 1",
                           error);
}

/**
 * fg_escalation_rules_get:
 * @store: the store
 *
 * The rules in effect: the office's own when its administrator loaded
 * some, else those shipped. The ledger asks for every row, so they are
 * parsed once and kept while they stay the same.
 *
 * Returns: (transfer full): the rules, or %NULL with @error set
 */
FgEscalationRules *
fg_escalation_rules_get (FgStore  *store,
                         GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = select_own (store, error);
  Cached *cached;
  g_autoptr(GBytes) bytes = NULL;
  FgEscalationRules *rules;

  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return get_shipped (error);

  cached = g_object_get_data (G_OBJECT (store), CACHE_KEY);
  if (cached != NULL && g_strcmp0 (cached->sha256, fg_stmt_text (stmt, 1)) == 0)
    return fg_escalation_rules_ref (cached->rules);

  bytes = g_bytes_new (fg_stmt_text (stmt, 0), strlen (fg_stmt_text (stmt, 0)));
  rules = parse_rules (bytes, fg_stmt_text (stmt, 2), error);
  if (rules == NULL)
    return NULL;
  cached = g_new0 (Cached, 1);
  cached->sha256 = g_strdup (fg_stmt_text (stmt, 1));
  cached->rules = fg_escalation_rules_ref (rules);
  g_object_set_data_full (G_OBJECT (store), CACHE_KEY, cached, (GDestroyNotify) cached_free);
  return rules;
}

/* What the audit log keeps of a set of rules: its digest and its numbers. */
static char *
rules_to_json (const FgEscalationRules *rules,
               const char              *sha256)
{
  g_autoptr(GString) json = g_string_new ("{\"sha256\":\"");

  g_string_append_printf (json, "%s\",\"steps\":[", sha256 != NULL ? sha256 : "shipped");
  for (guint i = 0; i < rules->steps->len; i++)
    {
      FgEscalationStep *step = g_ptr_array_index (rules->steps, i);

      g_string_append_printf (json, "%s{\"working_days\":%u,\"to\":[", i > 0 ? "," : "", step->working_days);
      for (guint j = 0; j < step->targets->len; j++)
        {
          FgEscalationTarget *target = g_ptr_array_index (step->targets, j);

          g_string_append_printf (json, "%s\"%s%s%s\"", j > 0 ? "," : "", target->level,
                                  target->condition != NULL ? " if " : "",
                                  target->condition != NULL ? target->condition : "");
        }
      g_string_append (json, "]}");
    }
  g_string_append_printf (json, "],\"repeat_months\":%u,\"reinspection_days\":%u}",
                          rules->repeat_months, rules->reinspection_days);
  return g_string_free (g_steal_pointer (&json), FALSE);
}

/* The rules before a change, as the audit log keeps them. */
static char *
rules_before (FgStore *store)
{
  g_autoptr(sqlite3_stmt) stmt = select_own (store, NULL);
  g_autoptr(FgEscalationRules) rules = fg_escalation_rules_get (store, NULL);
  gboolean own = stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW;

  if (rules == NULL)
    return NULL;
  return rules_to_json (rules, own ? fg_stmt_text (stmt, 1) : NULL);
}

/**
 * fg_escalation_rules_load:
 * @store: the store
 * @actor: an administrator of the office
 * @bytes: the rules, as data/escalation/rules.xml has them
 * @name: the file's name, for messages and the record
 * @error: return location for an error
 *
 * Makes @bytes the office's own escalation rules, from the next run (and
 * for the ledger's late re-inspections) on. They are checked against the
 * rules' schema and must send every hazard somewhere at each step; rules
 * refused change nothing. The audit log keeps the rules before and after.
 *
 * Returns: %TRUE on success
 */
gboolean
fg_escalation_rules_load (FgStore     *store,
                          FgActor     *actor,
                          GBytes      *bytes,
                          const char  *name,
                          GError     **error)
{
  g_autoptr(FgEscalationRules) rules = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *text = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *now = NULL;
  gsize size = 0;
  const char *data;

  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  if (!fg_permission_check (store, actor, FG_ACTION_SETTINGS, NULL, "escalation-rules", error))
    return FALSE;
  rules = parse_rules (bytes, name, error);
  if (rules == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &size);
  text = g_strndup (data, size);
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  now = fg_store_now_iso8601 (store);
  before = rules_before (store);
  after = rules_to_json (rules, sha256);

  if (!fg_store_begin (store, error))
    return FALSE;
  stmt = fg_store_prepare (store,
                           "INSERT OR REPLACE INTO escalation_rules (id, xml, sha256, source, loaded_at, loaded_by)"
                           " VALUES (1, ?1, ?2, ?3, ?4, ?5)",
                           error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, sha256, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, fg_actor_get_login (actor), -1, SQLITE_STATIC);
  if (!fg_store_step_done (store, stmt, error) ||
      !fg_audit_record_change (store, actor, "escalation-rules-load", "escalation-rules", before, after, error))
    goto failed;
  return fg_store_commit (store, error);

failed:
  fg_store_rollback (store);
  return FALSE;
}

/**
 * fg_escalation_rules_reset:
 * @store: the store
 * @actor: an administrator of the office
 * @error: return location for an error
 *
 * Drops the office's own rules: those shipped hold again. Audited.
 *
 * Returns: %TRUE on success (also when the office had none)
 */
gboolean
fg_escalation_rules_reset (FgStore  *store,
                           FgActor  *actor,
                           GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(FgEscalationRules) shipped = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);

  if (!fg_permission_check (store, actor, FG_ACTION_SETTINGS, NULL, "escalation-rules", error))
    return FALSE;
  shipped = get_shipped (error);
  if (shipped == NULL)
    return FALSE;
  before = rules_before (store);
  after = rules_to_json (shipped, NULL);

  if (!fg_store_begin (store, error))
    return FALSE;
  stmt = fg_store_prepare (store, "DELETE FROM escalation_rules", error);
  if (stmt == NULL || !fg_store_step_done (store, stmt, error) ||
      !fg_audit_record_change (store, actor, "escalation-rules-reset", "escalation-rules", before, after, error))
    {
      fg_store_rollback (store);
      return FALSE;
    }
  return fg_store_commit (store, error);
}

/**
 * fg_escalation_rules_dup_xml:
 * @store: the store
 * @source: (out) (optional) (transfer full) (nullable): the file the
 *   office's own rules came from; %NULL for those shipped
 * @loaded_at: (out) (optional) (transfer full) (nullable): when they were loaded
 * @loaded_by: (out) (optional) (transfer full) (nullable): by whom (a login)
 * @error: return location for an error
 *
 * Returns: (transfer full): the text of the rules in effect, or %NULL
 *   with @error set
 */
char *
fg_escalation_rules_dup_xml (FgStore  *store,
                             char    **source,
                             char    **loaded_at,
                             char    **loaded_by,
                             GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize size = 0;
  const char *data;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);

  stmt = select_own (store, error);
  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (source != NULL)
        *source = g_strdup (fg_stmt_text (stmt, 2));
      if (loaded_at != NULL)
        *loaded_at = g_strdup (fg_stmt_text (stmt, 3));
      if (loaded_by != NULL)
        *loaded_by = g_strdup (fg_stmt_text (stmt, 4));
      return g_strdup (fg_stmt_text (stmt, 0));
    }

  if (source != NULL)
    *source = NULL;
  if (loaded_at != NULL)
    *loaded_at = NULL;
  if (loaded_by != NULL)
    *loaded_by = NULL;
  bytes = g_resources_lookup_data (RULES_RESOURCE, 0, error);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &size);
  return g_strndup (data, size);
}
