/* fg-cli-node.c — node show|peer-file|role, peer add|folder|list|remove|replace|resend: who syncs with whom
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#ifdef G_OS_UNIX
#include <unistd.h>
#endif

#include <glib/gi18n.h>

#include "fg-cli.h"

/* What a township's installation is: its office, or a workstation. */
static const char *
role_label (const FgNodeInfo *node)
{
  const char *label = fg_node_get_role_label (node);

  return label != NULL ? label : _("Office, issues the township’s documents");
}

static void
print_node (const FgNodeInfo *node)
{
  printf ("%s: %s\n", _("Node"), node->id);
  printf ("%s: %s\n", _("Kind"), fg_node_kind_get_label (node->kind));
  printf ("%s: %s (%s)\n", _("Division"), node->scope_name, node->scope_code);
  printf ("%s: %s\n", _("Fingerprint"), node->fingerprint);
  if (node->kind == FG_NODE_KIND_TOWNSHIP)
    printf ("%s: %s\n", _("Role"), role_label (node));
}

static gboolean
node_show (FgCli   *cli,
           int      argc,
           char   **argv,
           GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(FgNodeInfo) self = NULL;
  FgStore *store;
  FgActor *actor;
  const GOptionEntry entries[] = {
    { NULL }
  };

  context = fg_cli_option_context_new (cli, "node show", "",
                                       _("Shows this installation: its node id, kind, division and fingerprint."),
                                       NULL, entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 0, error))
    return FALSE;
  if (!fg_cli_open_logged_in (cli, &store, &actor, error))
    return FALSE;

  self = fg_node_get_self (store, actor, error);
  if (self == NULL)
    return FALSE;
  print_node (self);
  return TRUE;
}

static gboolean
node_peer_file (FgCli   *cli,
                int      argc,
                char   **argv,
                GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GBytes) file = NULL;
  g_autoptr(GError) write_error = NULL;
  g_autofree char *out = NULL;
  FgStore *store;
  FgActor *actor;
  const GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("The file to write"), N_("FILE") },
    { NULL }
  };

  context = fg_cli_option_context_new (cli, "node peer-file", "",
                                       _("Writes this installation’s peer file, for the offices it syncs with."),
                                       _("Give the file to the other office (USB stick, e-mail), then read "
                                         "the fingerprint to them over the phone."),
                                       entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 0, error))
    return FALSE;
  if (out == NULL)
    {
      fg_cli_set_usage_error (error, _("Say where to write the peer file with --out FILE."));
      return FALSE;
    }
  if (!fg_cli_open_logged_in (cli, &store, &actor, error))
    return FALSE;

  file = fg_node_write_peer_file (store, actor, error);
  if (file == NULL)
    return FALSE;
  if (!g_file_set_contents (out, g_bytes_get_data (file, NULL), g_bytes_get_size (file), &write_error))
    {
      g_set_error (error, FG_CLI_ERROR, FG_CLI_ERROR_FAILED, _("The peer file could not be written: %s"),
                   write_error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
node_role (FgCli   *cli,
           int      argc,
           char   **argv,
           GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(FgNodeInfo) self = NULL;
  FgNodeRole role = FG_NODE_ROLE_OFFICE;
  FgStore *store;
  FgActor *actor;
  const GOptionEntry entries[] = {
    { NULL }
  };

  context = fg_cli_option_context_new (cli, "node role", _("[office|workstation]"),
                                       _("Shows or sets what this township installation is: the office, which "
                                         "issues the township’s documents, or a workstation, which records "
                                         "inspections and hazards and issues none."),
                                       _("One installation of a township issues its documents. Make a second "
                                         "working laptop a workstation before it writes its peer file. A "
                                         "workstation becomes the office when the county replaces the office "
                                         "with it (peer replace)."),
                                       entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 1, error))
    return FALSE;
  if (argc >= 2 && g_strcmp0 (argv[1], "office") == 0)
    role = FG_NODE_ROLE_OFFICE;
  else if (argc >= 2 && g_strcmp0 (argv[1], "workstation") == 0)
    role = FG_NODE_ROLE_WORKSTATION;
  else if (argc >= 2)
    {
      /* Translators: office and workstation are typed as they are */
      fg_cli_set_usage_error (error, _("Say “office” or “workstation”."));
      return FALSE;
    }
  if (!fg_cli_open_logged_in (cli, &store, &actor, error))
    return FALSE;
  if (argc >= 2 && !fg_node_set_role (store, actor, role, error))
    return FALSE;

  self = fg_node_get_self (store, actor, error);
  if (self == NULL)
    return FALSE;
  printf ("%s: %s\n", _("Role"), role_label (self));
  if (argc >= 2)
    printf ("%s\n", _("Write the peer file again and give it to the offices this installation syncs with."));
  return TRUE;
}

static const FgCliCommand node_commands[] = {
  { "show", N_("Show this installation and its fingerprint"), node_show },
  { "peer-file", N_("Write this installation’s peer file"), node_peer_file },
  { "role", N_("Show or set whether this installation issues documents"), node_role },
};

gboolean
fg_cli_command_node (FgCli   *cli,
                     int      argc,
                     char   **argv,
                     GError **error)
{
  return fg_cli_run_group (cli, "node", _("This installation as a node of the sync network."),
                           node_commands, G_N_ELEMENTS (node_commands), argc, argv, error);
}

/* Asks on the terminal whether the fingerprints match. */
static gboolean
confirm_fingerprint (const FgNodeInfo  *peer,
                     GError           **error)
{
  char answer[16] = { 0 };
  FILE *tty;

#ifdef G_OS_UNIX
  if (!isatty (STDIN_FILENO))
    {
      g_set_error (error, FG_CLI_ERROR, FG_CLI_ERROR_USAGE,
                   _("Compare the fingerprint with the other office, then add the peer again with --yes."));
      return FALSE;
    }
#endif

  tty = stdin;
  printf (_("Ask %s to read out its fingerprint. Does it say %s? [y/N] "), peer->scope_name, peer->fingerprint);
  fflush (stdout);
  if (fgets (answer, sizeof answer, tty) == NULL ||
      (g_ascii_tolower (answer[0]) != 'y' && strncmp (answer, "是", strlen ("是")) != 0))
    {
      g_set_error (error, FG_CLI_ERROR, FG_CLI_ERROR_FAILED,
                   _("The peer was not added: the fingerprints must match."));
      return FALSE;
    }
  return TRUE;
}

/* The peer file at @path, read and checked (not trusted yet). */
static FgNodeInfo *
read_peer_file (const char  *path,
                GError     **error)
{
  g_autoptr(GError) read_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *data = NULL;
  gsize length;

  if (!g_file_get_contents (path, &data, &length, &read_error))
    {
      g_set_error (error, FG_CLI_ERROR, FG_CLI_ERROR_FAILED, _("The peer file could not be read: %s"),
                   read_error->message);
      return NULL;
    }
  bytes = g_bytes_new_take (data, length);
  return fg_node_read_peer_file_named (bytes, path, error);
}

static gboolean
peer_add (FgCli   *cli,
          int      argc,
          char   **argv,
          GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(FgNodeInfo) peer = NULL;
  gboolean confirmed = FALSE;
  FgStore *store;
  FgActor *actor;
  const GOptionEntry entries[] = {
    { "yes", 'y', 0, G_OPTION_ARG_NONE, &confirmed,
      N_("The fingerprint was compared with the other office already"), NULL },
    { NULL }
  };

  context = fg_cli_option_context_new (cli, "peer add", _("FILE"),
                                       _("Trusts another office: bundles signed with the key of its peer file "
                                         "are accepted from now on, for its division."),
                                       _("Before a peer is added, its fingerprint is compared with what the "
                                         "other office reads out over the phone."),
                                       entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 1, error))
    return FALSE;
  if (argc < 2)
    {
      fg_cli_set_usage_error (error, _("Give the peer file."));
      return FALSE;
    }
  peer = read_peer_file (argv[1], error);
  if (peer == NULL)
    return FALSE;
  if (!fg_cli_open_logged_in (cli, &store, &actor, error))
    return FALSE;
  if (!confirmed && !confirm_fingerprint (peer, error))
    return FALSE;
  if (!fg_node_add_peer (store, actor, peer, error))
    return FALSE;

  if (peer->role == FG_NODE_ROLE_WORKSTATION)
    printf (_("%s (%s) is a peer now.\n"), peer->scope_name, fg_node_get_role_label (peer));
  else
    printf (_("%s (%s) is a peer now.\n"), peer->scope_name, fg_node_kind_get_label (peer->kind));
  return TRUE;
}

static gboolean
peer_replace (FgCli   *cli,
              int      argc,
              char   **argv,
              GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(FgNodeInfo) replacement = NULL;
  g_autoptr(FgNodeInfo) old = NULL;
  gboolean confirmed = FALSE;
  FgStore *store;
  FgActor *actor;
  const GOptionEntry entries[] = {
    { "yes", 'y', 0, G_OPTION_ARG_NONE, &confirmed,
      N_("The fingerprint was compared with the new installation already"), NULL },
    { NULL }
  };

  context = fg_cli_option_context_new (cli, "peer replace", _("OLD NEW-PEER-FILE"),
                                       _("At the county: makes a new installation of a township its office, in "
                                         "place of one lost or broken. Bundles signed with the old key are "
                                         "refused from now on."),
                                       _("OLD is the old office’s node id or its township’s code. The next "
                                         "bundle to the new installation carries everything the county holds "
                                         "of the township, documents included, and makes it the office: it "
                                         "numbers its documents after the highest the county has seen. Only "
                                         "the county’s administrator may do this; it is recorded in the audit "
                                         "log."),
                                       entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 2, error))
    return FALSE;
  if (argc < 3)
    {
      fg_cli_set_usage_error (error, _("Give the old office (node id or township code) and the new peer file."));
      return FALSE;
    }
  replacement = read_peer_file (argv[2], error);
  if (replacement == NULL)
    return FALSE;
  if (!fg_cli_open_logged_in (cli, &store, &actor, error))
    return FALSE;
  old = fg_node_find_peer (store, actor, argv[1], error);
  if (old == NULL)
    return FALSE;
  if (!confirmed && !confirm_fingerprint (replacement, error))
    return FALSE;
  if (!fg_node_replace_peer (store, actor, old->id, replacement, error))
    return FALSE;

  /* Translators: the township, the new installation's fingerprint */
  printf (_("The installation of %s with the fingerprint %s is the township’s office now; the old one’s "
            "bundles will be refused. Export a bundle to it: with it, it takes over and numbers its documents "
            "after the highest here.\n"),
          replacement->scope_name, replacement->fingerprint);
  return TRUE;
}

static gboolean
peer_list (FgCli   *cli,
           int      argc,
           char   **argv,
           GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) peers = NULL;
  g_autoptr(FgCliTable) table = NULL;
  g_autoptr(GString) tsv = NULL;
  g_autofree char *format_text = NULL;
  FgCliFormat format;
  FgStore *store;
  FgActor *actor;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("“table” (the default) or “tsv”"), N_("FORMAT") },
    { NULL }
  };

  context = fg_cli_option_context_new (cli, "peer list", "", _("Lists the offices this installation syncs with."),
                                       _("With --format tsv, each line holds: node id, kind, division code, "
                                         "division name, fingerprint, last sent, last received, role (office "
                                         "or workstation); tab-separated."),
                                       entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 0, error) ||
      !fg_cli_parse_format (format_text, &format, error))
    return FALSE;
  if (!fg_cli_open_logged_in (cli, &store, &actor, error))
    return FALSE;

  peers = fg_node_list_peers (store, actor, error);
  if (peers == NULL)
    return FALSE;

  if (format == FG_CLI_FORMAT_TSV)
    tsv = g_string_new (NULL);
  else
    {
      table = fg_cli_table_new ();
      fg_cli_table_add_column (table, _("Division"), FG_CLI_ALIGN_LEFT, TRUE);
      fg_cli_table_add_column (table, _("Kind"), FG_CLI_ALIGN_LEFT, TRUE);
      fg_cli_table_add_column (table, _("Fingerprint"), FG_CLI_ALIGN_LEFT, FALSE);
      fg_cli_table_add_column (table, _("Last sent"), FG_CLI_ALIGN_LEFT, FALSE);
      fg_cli_table_add_column (table, _("Last received"), FG_CLI_ALIGN_LEFT, FALSE);
    }

  for (guint i = 0; i < peers->len; i++)
    {
      FgNodeInfo *peer = g_ptr_array_index (peers, i);
      g_autofree char *division = g_strdup_printf ("%s (%s)", peer->scope_name, peer->scope_code);
      const char *sent = peer->last_sent_at != NULL ? peer->last_sent_at : "";
      const char *received = peer->last_received_at != NULL ? peer->last_received_at : "";
      const char *kind = peer->role == FG_NODE_ROLE_WORKSTATION ? fg_node_get_role_label (peer)
                                                                 : fg_node_kind_get_label (peer->kind);

      if (tsv != NULL)
        fg_cli_tsv_append_row (tsv, 8, peer->id, fg_node_kind_to_string (peer->kind), peer->scope_code,
                               peer->scope_name, peer->fingerprint, sent, received,
                               fg_node_role_to_string (peer->role));
      else
        fg_cli_table_add_row (table, division, kind, peer->fingerprint, sent, received);
    }

  if (tsv != NULL)
    fputs (tsv->str, stdout);
  else
    {
      fg_cli_table_print (table);
      printf (g_dngettext (GETTEXT_PACKAGE, "%u peer.\n", "%u peers.\n", peers->len), peers->len);

      /* bundles lost on the way, or held back, until they arrive */
      for (guint i = 0; i < peers->len; i++)
        {
          FgNodeInfo *peer = g_ptr_array_index (peers, i);
          g_autoptr(GArray) gaps = fg_node_list_missing_bundles (store, actor, peer->id, error);
          g_autofree char *words = NULL;

          if (gaps == NULL)
            return FALSE;
          words = fg_node_describe_missing_bundles (gaps);
          if (words != NULL)
            /* Translators: an office and its division code, then which of its bundles have not arrived */
            printf (_("From %s (%s): %s.\n"), peer->scope_name, peer->scope_code, words);
        }
    }
  return TRUE;
}

static gboolean
peer_folder (FgCli   *cli,
             int      argc,
             char   **argv,
             GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  gboolean none = FALSE;
  FgStore *store;
  FgActor *actor;
  const GOptionEntry entries[] = {
    { "none", 0, 0, G_OPTION_ARG_NONE, &none, N_("Exchange bundles with the peer by hand only"), NULL },
    { NULL }
  };

  context = fg_cli_option_context_new (cli, "peer folder", _("PEER [DIR]"),
                                       _("Sets the folder (a shared folder, a USB stick) where bundles to and "
                                         "from a peer are exchanged by “sync”."),
                                       NULL, entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 2, error))
    return FALSE;
  if (argc < 2 || (argc < 3 && !none))
    {
      fg_cli_set_usage_error (error, _("Give the peer and the folder, or --none."));
      return FALSE;
    }
  if (!fg_cli_open_logged_in (cli, &store, &actor, error))
    return FALSE;
  {
    g_autofree char *folder = argc >= 3 && !none ? g_canonicalize_filename (argv[2], NULL) : NULL;

    return fg_sync_set_folder (store, actor, argv[1], folder, error);
  }
}

/* The peer named by the one argument of a "peer" command, with the store
 * and the person logged in. */
static FgNodeInfo *
parse_peer_argument (FgCli        *cli,
                     const char   *command_path,
                     const char   *summary,
                     const char   *description,
                     int           argc,
                     char        **argv,
                     FgStore     **store,
                     FgActor     **actor,
                     GError      **error)
{
  g_autoptr(GOptionContext) context = NULL;
  const GOptionEntry entries[] = {
    { NULL }
  };

  context = fg_cli_option_context_new (cli, command_path, _("PEER"), summary, description, entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 1, error))
    return NULL;
  if (argc < 2)
    {
      fg_cli_set_usage_error (error, _("Name the peer by its node id or division code."));
      return NULL;
    }
  if (!fg_cli_open_logged_in (cli, store, actor, error))
    return NULL;
  return fg_node_find_peer (*store, *actor, argv[1], error);
}

static gboolean
peer_remove (FgCli   *cli,
             int      argc,
             char   **argv,
             GError **error)
{
  g_autoptr(FgNodeInfo) peer = NULL;
  FgStore *store;
  FgActor *actor;

  peer = parse_peer_argument (cli, "peer remove",
                              _("Stops trusting a peer (a laptop lost, an office closed): its bundles "
                                "are refused from now on, and nothing is sent to it."),
                              _("What it sent stays. Adding its peer file again trusts it again."),
                              argc, argv, &store, &actor, error);
  if (peer == NULL || !fg_node_remove_peer (store, actor, peer->id, error))
    return FALSE;

  /* TRANSLATORS: the peer's division name and code */
  printf (_("%s (%s) is no longer a peer: its bundles will be refused.\n"), peer->scope_name, peer->scope_code);
  return TRUE;
}

static gboolean
peer_resend (FgCli   *cli,
             int      argc,
             char   **argv,
             GError **error)
{
  g_autoptr(FgNodeInfo) peer = NULL;
  FgStore *store;
  FgActor *actor;

  peer = parse_peer_argument (cli, "peer resend",
                              _("Makes the next bundle to a peer carry everything again, as the first "
                                "one did."),
                              _("For a peer that refused or lost a bundle: what it has already "
                                "changes nothing there."),
                              argc, argv, &store, &actor, error);
  if (peer == NULL || !fg_sync_resend (store, actor, peer->id, error))
    return FALSE;

  /* TRANSLATORS: the peer's division name */
  printf (_("The next bundle to %s carries everything again.\n"), peer->scope_name);
  return TRUE;
}

static const FgCliCommand peer_commands[] = {
  { "add", N_("Trust another office by its peer file"), peer_add },
  { "folder", N_("Set the sync folder of a peer"), peer_folder },
  { "list", N_("List the offices this installation syncs with"), peer_list },
  { "remove", N_("Stop trusting a peer"), peer_remove },
  { "replace", N_("Make a new installation a township’s office, in place of a lost one"), peer_replace },
  { "resend", N_("Send everything again with the next bundle"), peer_resend },
};

gboolean
fg_cli_command_peer (FgCli   *cli,
                     int      argc,
                     char   **argv,
                     GError **error)
{
  return fg_cli_run_group (cli, "peer", _("The offices this installation syncs with."),
                           peer_commands, G_N_ELEMENTS (peer_commands), argc, argv, error);
}
