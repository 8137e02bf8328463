/* fg-cli-bundle.c — export, import, verify, sync: bundles between offices
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "fg-cli.h"

static void
print_report (const FgBundleReport *report,
              gboolean              dry_run)
{
  if (dry_run)
    printf ("%s\n", _("A dry run: nothing was written. The bundle would bring:"));
  printf (g_dngettext (GETTEXT_PACKAGE, "%u record added\n", "%u records added\n", report->added), report->added);
  printf (g_dngettext (GETTEXT_PACKAGE, "%u record changed\n", "%u records changed\n", report->changed),
          report->changed);
  printf (g_dngettext (GETTEXT_PACKAGE, "%u record already here\n", "%u records already here\n", report->unchanged),
          report->unchanged);
  printf (g_dngettext (GETTEXT_PACKAGE, "%u conflict to look at\n", "%u conflicts to look at\n", report->conflicts),
          report->conflicts);
  printf (g_dngettext (GETTEXT_PACKAGE, "%u photo\n", "%u photos\n", report->photos), report->photos);
  /* only an office below this one sends them */
  if (report->audit > 0)
    printf (g_dngettext (GETTEXT_PACKAGE, "%u audit record of an office below this one\n",
                         "%u audit records of offices below this one\n", report->audit),
            report->audit);
}

gboolean
fg_cli_command_export (FgCli   *cli,
                       int      argc,
                       char   **argv,
                       GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *peer = NULL;
  g_autofree char *out = NULL;
  FgBundleReport report;
  FgStore *store;
  FgActor *actor;
  const GOptionEntry entries[] = {
    { "to", 0, 0, G_OPTION_ARG_STRING, &peer, N_("The peer: its node id or division code"), N_("PEER") },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("The bundle file to write"), N_("FILE") },
    { NULL }
  };

  context = fg_cli_option_context_new (cli, "export", "",
                                       _("Writes a signed bundle of what changed since the last one to a peer."),
                                       _("The file appears only once it is complete; take it to the peer on a "
                                         "USB stick, by e-mail or through a shared folder."),
                                       entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 0, error))
    return FALSE;
  if (peer == NULL || out == NULL)
    {
      fg_cli_set_usage_error (error, _("Say to whom and where: export --to PEER --out FILE."));
      return FALSE;
    }
  if (!fg_cli_open_logged_in (cli, &store, &actor, error))
    return FALSE;
  if (!fg_bundle_export (store, actor, peer, out, &report, NULL, error))
    return FALSE;

  printf (g_dngettext (GETTEXT_PACKAGE, "%u record and ", "%u records and ", report.added), report.added);
  printf (g_dngettext (GETTEXT_PACKAGE, "%u photo written to %s.\n", "%u photos written to %s.\n", report.photos),
          report.photos, out);
  if (report.audit > 0)
    printf (g_dngettext (GETTEXT_PACKAGE, "%u audit record went along, for the office above this one.\n",
                         "%u audit records went along, for the office above this one.\n", report.audit),
            report.audit);
  return TRUE;
}

gboolean
fg_cli_command_import (FgCli   *cli,
                       int      argc,
                       char   **argv,
                       GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  gboolean dry_run = FALSE;
  FgBundleReport report;
  FgStore *store;
  FgActor *actor;
  const GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Only say what the bundle would change"), NULL },
    { NULL }
  };

  context = fg_cli_option_context_new (cli, "import", _("FILE"),
                                       _("Checks a bundle from a peer and applies it: all of it, or nothing."),
                                       _("A bundle imported before changes nothing. With --dry-run, nothing is "
                                         "written."),
                                       entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 1, error))
    return FALSE;
  if (argc < 2)
    {
      fg_cli_set_usage_error (error, _("Give the bundle file."));
      return FALSE;
    }
  if (!fg_cli_open_logged_in (cli, &store, &actor, error))
    return FALSE;
  if (!fg_bundle_import (store, actor, argv[1], dry_run, &report, NULL, error))
    return FALSE;

  print_report (&report, dry_run);
  return TRUE;
}

gboolean
fg_cli_command_verify (FgCli   *cli,
                       int      argc,
                       char   **argv,
                       GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(FgBundleInfo) info = NULL;
  FgStore *store;
  FgActor *actor;
  const GOptionEntry entries[] = {
    { NULL }
  };

  context = fg_cli_option_context_new (cli, "verify", _("FILE"),
                                       _("Checks a bundle’s signature without importing it."), NULL, entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 1, error))
    return FALSE;
  if (argc < 2)
    {
      fg_cli_set_usage_error (error, _("Give the bundle file."));
      return FALSE;
    }
  if (!fg_cli_open_logged_in (cli, &store, &actor, error))
    return FALSE;

  info = fg_bundle_verify (store, argv[1], error);
  if (info == NULL)
    return FALSE;
  printf (_("Signed by %s, bundle number %u of %.10s: unchanged since it was signed.\n"),
          info->sender_name, info->sequence, info->created_at != NULL ? info->created_at : "");
  if (info->since != NULL)
    printf (_("It carries what changed from %.16s to %.16s.\n"), info->since,
            info->created_at != NULL ? info->created_at : "");
  else
    printf (_("It carries everything, as a first bundle does.\n"));
  return TRUE;
}

gboolean
fg_cli_command_sync (FgCli   *cli,
                     int      argc,
                     char   **argv,
                     GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_auto(FgSyncReport) report = { 0 };
  FgStore *store;
  FgActor *actor;
  const GOptionEntry entries[] = {
    { NULL }
  };

  context = fg_cli_option_context_new (cli, "sync", "",
                                       _("Processes the peers’ sync folders once: sends what is pending and "
                                         "imports what arrived."),
                                       _("A peer’s sync folder is set with “peer folder PEER DIR”. A folder "
                                         "that is not there now (a USB stick out) is skipped."),
                                       entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 0, error))
    return FALSE;
  if (!fg_cli_open_logged_in (cli, &store, &actor, error))
    return FALSE;
  if (!fg_sync_run (store, actor, &report, NULL, error))
    return FALSE;

  printf (g_dngettext (GETTEXT_PACKAGE, "%u sync folder processed", "%u sync folders processed", report.folders),
          report.folders);
  if (report.unreachable > 0)
    printf (g_dngettext (GETTEXT_PACKAGE, ", %u not reachable", ", %u not reachable", report.unreachable),
            report.unreachable);
  printf (".\n");
  printf (g_dngettext (GETTEXT_PACKAGE, "%u bundle sent, ", "%u bundles sent, ", report.sent), report.sent);
  printf (g_dngettext (GETTEXT_PACKAGE, "%u bundle imported.\n", "%u bundles imported.\n", report.received),
          report.received);
  if (report.received > 0)
    print_report (&report.imported, FALSE);
  for (guint i = 0; report.problems != NULL && i < report.problems->len; i++)
    fprintf (stderr, "%s\n", (const char *) g_ptr_array_index (report.problems, i));

  if (report.problems != NULL && report.problems->len > 0)
    {
      g_set_error_literal (error, FG_CLI_ERROR, FG_CLI_ERROR_FAILED, _("Some bundles were refused (see above)."));
      return FALSE;
    }
  return TRUE;
}
