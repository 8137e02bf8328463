/* fg-cli-audit.c — audit list|verify: what was done or refused, by whom; whether the log is whole
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "fg-cli.h"

/* A table is for reading: unless --limit says otherwise, the newest page. */
#define DEFAULT_TABLE_LIMIT 100

/* The offices below this one whose audit records are kept here, named by
 * node id or division code: one, or more when an office was set up again
 * (a new node for the same division). */
static GPtrArray *
find_offices (FgStore     *store,
              FgActor     *actor,
              const char  *id_or_code,
              GError     **error)
{
  g_autoptr(GPtrArray) offices = fg_audit_list_offices (store, actor, error);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) fg_node_info_free);

  if (offices == NULL)
    return NULL;
  for (guint i = 0; i < offices->len; i++)
    {
      FgNodeInfo *office = g_ptr_array_index (offices, i);

      if (g_str_equal (office->id, id_or_code) || g_str_equal (office->scope_code, id_or_code))
        g_ptr_array_add (found, fg_node_info_copy (office));
    }
  if (found->len == 0)
    {
      g_set_error (error, FG_AUDIT_ERROR, FG_AUDIT_ERROR_UNKNOWN_OFFICE,
                   _("No audit records of “%s” are kept here. Those of an office below this one arrive with its "
                     "bundles; give its node id or division code."),
                   id_or_code);
      return NULL;
    }
  return g_steal_pointer (&found);
}

static gboolean
audit_list (FgCli   *cli,
            int      argc,
            char   **argv,
            GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) entries_found = NULL;
  g_autoptr(FgCliTable) table = NULL;
  g_autoptr(GString) tsv = NULL;
  g_autofree char *record = NULL;
  g_autofree char *node = NULL;
  g_autofree char *limit_text = NULL;
  g_autofree char *format_text = NULL;
  FgCliFormat format;
  guint limit;
  FgStore *store;
  FgActor *actor;
  const GOptionEntry entries[] = {
    { "record", 0, 0, G_OPTION_ARG_STRING, &record,
      N_("Only the entries about this record: a venue’s, region’s or account’s id"), N_("ID") },
    { "node", 0, 0, G_OPTION_ARG_STRING, &node,
      N_("The audit log of this office below, as received here: its node id or division code"), N_("PEER") },
    { "limit", 0, 0, G_OPTION_ARG_STRING, &limit_text,
      N_("Show at most the N newest entries; 0 for all"), N_("N") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text,
      N_("“table” (the default) or “tsv”"), N_("FORMAT") },
    { NULL }
  };

  context = fg_cli_option_context_new (cli, "audit list", "",
                                       _("Lists the audit log, the newest first: what was done "
                                         "or refused, when, and by whom. For the township "
                                         "administrator and the county."),
                                       _("A table shows the newest 100 entries unless --limit says "
                                         "otherwise; --format tsv writes all.\n"
                                         "With --format tsv, each line holds: time (ISO 8601), "
                                         "login, action (e.g. venue-edit, login), record id, "
                                         "outcome (done or refused), detail; tab-separated.\n"
                                         "With --node, the log of an office below this one, as its "
                                         "bundles brought it: a township’s at its county, a grid "
                                         "station’s at its township (and at the county, through the "
                                         "township)."),
                                       entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 0, error) ||
      !fg_cli_parse_format (format_text, &format, error))
    return FALSE;

  limit = format == FG_CLI_FORMAT_TABLE ? DEFAULT_TABLE_LIMIT : 0;
  if (limit_text != NULL &&
      !fg_cli_parse_uint ("--limit", limit_text, G_MAXINT32, &limit, error))
    return FALSE;

  if (!fg_cli_open_logged_in (cli, &store, &actor, error))
    return FALSE;

  if (node != NULL)
    {
      g_autoptr(GPtrArray) offices = find_offices (store, actor, node, error);

      if (offices == NULL)
        return FALSE;
      entries_found = g_ptr_array_new_with_free_func ((GDestroyNotify) fg_audit_entry_free);
      for (guint i = 0; i < offices->len; i++)
        {
          FgNodeInfo *office = g_ptr_array_index (offices, i);
          g_autoptr(GPtrArray) received = fg_audit_list_received (store, actor, office->id, record,
                                                                  limit == 0 ? G_MAXINT32 : limit, error);

          if (received == NULL)
            return FALSE;
          g_ptr_array_extend_and_steal (entries_found, g_steal_pointer (&received));
        }
    }
  else
    entries_found = fg_audit_list (store, actor, record, limit == 0 ? G_MAXINT32 : limit, error);
  if (entries_found == NULL)
    return FALSE;

  if (format == FG_CLI_FORMAT_TSV)
    {
      tsv = g_string_new (NULL);
      for (guint i = 0; i < entries_found->len; i++)
        {
          FgAuditEntry *entry = g_ptr_array_index (entries_found, i);

          fg_cli_tsv_append_row (tsv, 6, entry->at, entry->actor_login, entry->action,
                                 entry->record_id, entry->refused ? "refused" : "done",
                                 entry->detail);
        }
      fg_cli_print (tsv->str);
      return TRUE;
    }

  if (entries_found->len == 0)
    {
      fg_cli_print (record != NULL ? _("The audit log has no entries about this record.\n")
                                   : _("The audit log is empty.\n"));
      return TRUE;
    }

  /* in a narrow terminal the record id is cut short, then left out */
  table = fg_cli_table_new ();
  fg_cli_table_add_column (table, _("Time"), FG_CLI_ALIGN_LEFT, FALSE);
  fg_cli_table_add_column (table, _("User"), FG_CLI_ALIGN_LEFT, FALSE);
  fg_cli_table_add_column (table, _("Action"), FG_CLI_ALIGN_LEFT, FALSE);
  fg_cli_table_set_fit (table, fg_cli_table_add_column (table, _("Record"), FG_CLI_ALIGN_LEFT, TRUE),
                        8, 2);
  fg_cli_table_add_column (table, _("Outcome"), FG_CLI_ALIGN_LEFT, FALSE);
  fg_cli_table_set_fit (table, fg_cli_table_add_column (table, _("Detail"), FG_CLI_ALIGN_LEFT, TRUE),
                        12, 1);

  for (guint i = 0; i < entries_found->len; i++)
    {
      FgAuditEntry *entry = g_ptr_array_index (entries_found, i);

      fg_cli_table_add_row (table, entry->at, entry->actor_login, entry->action,
                            entry->record_id, entry->refused ? _("refused") : _("done"),
                            entry->detail);
    }
  fg_cli_table_print (table);

  return TRUE;
}

static gboolean
audit_verify (FgCli   *cli,
              int      argc,
              char   **argv,
              GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) offices = NULL;
  g_autofree char *node = NULL;
  FgStore *store;
  FgActor *actor;
  guint n_records = 0;
  const GOptionEntry entries[] = {
    { "node", 0, 0, G_OPTION_ARG_STRING, &node,
      N_("Check the audit log of this office below, as received here: its node id or division code"),
      N_("PEER") },
    { NULL }
  };

  context = fg_cli_option_context_new (cli, "audit verify", "",
                                       _("Checks that no record of the audit log was changed, "
                                         "removed or moved outside Firegrid."),
                                       _("Each record holds the SHA-256 of the one before it. "
                                         "A broken chain names the first record where it breaks; "
                                         "the exit status is then 1.\n"
                                         "With --node, the copy of an office below this one, as its "
                                         "bundles brought it: each record by its number in that "
                                         "office’s log.\n"
                                         "For the township administrator and the county."),
                                       entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 0, error))
    return FALSE;

  if (!fg_cli_open_logged_in (cli, &store, &actor, error))
    return FALSE;

  if (node != NULL)
    {
      offices = find_offices (store, actor, node, error);
      if (offices == NULL)
        return FALSE;
      for (guint i = 0; i < offices->len; i++)
        {
          FgNodeInfo *office = g_ptr_array_index (offices, i);
          guint n_missing = 0;

          if (!fg_audit_verify_received (store, actor, office->id, &n_records, &n_missing, error))
            return FALSE;
          /* Translators: an office, its division code, and how many of its
           * records were checked */
          printf (g_dngettext (GETTEXT_PACKAGE,
                               "The audit log of %s (%s), as received here, is intact: %u record checked.\n",
                               "The audit log of %s (%s), as received here, is intact: %u records checked.\n",
                               n_records),
                  office->scope_name, office->scope_code, n_records);
          if (n_missing > 0)
            printf (g_dngettext (GETTEXT_PACKAGE,
                                 "%u record before the newest has not arrived yet: a bundle is still on its way.\n",
                                 "%u records before the newest have not arrived yet: a bundle is still on its way.\n",
                                 n_missing),
                    n_missing);
        }
      return TRUE;
    }

  if (!fg_audit_verify (store, actor, &n_records, error))
    return FALSE;

  printf (g_dngettext (GETTEXT_PACKAGE,
                       "The audit log is intact: %u record checked.\n",
                       "The audit log is intact: %u records checked.\n",
                       n_records),
          n_records);
  return TRUE;
}

static const FgCliCommand audit_commands[] = {
  { "verify", N_("Check that the audit log was not altered"), audit_verify },
  { "list", N_("List what was done or refused"), audit_list },
};

gboolean
fg_cli_command_audit (FgCli   *cli,
                      int      argc,
                      char   **argv,
                      GError **error)
{
  return fg_cli_run_group (cli, "audit",
                           _("Shows the audit log. Needs --user LOGIN."),
                           audit_commands, G_N_ELEMENTS (audit_commands),
                           argc, argv, error);
}
