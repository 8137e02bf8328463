/* fg-cli-decision.c — hazard decision: the fire-rescue brigade's decision on a possibly major hazard
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "fg-cli.h"

/* The brigade as documents name it, when the decision does not say: the
 * one of the document settings. */
static char *
default_authority (FgStore  *store,
                   GError  **error)
{
  g_autoptr(FgNoticeSettings) settings = fg_notice_settings_load (store, error);

  if (settings == NULL)
    return NULL;
  if (settings->brigade == NULL || *settings->brigade == '\0')
    {
      g_set_error (error, FG_CLI_ERROR, FG_CLI_ERROR_USAGE,
                   _("Name the brigade that decided with --authority: the document settings do not name "
                     "the county’s fire-rescue brigade."));
      return NULL;
    }
  return g_strdup (settings->brigade);
}

/**
 * fg_cli_hazard_decision:
 *
 * hazard decision ID --confirmed|--not-confirmed --number N --date D:
 * records the brigade's written decision, at the county office or at the
 * township that received it.
 */
gboolean
fg_cli_hazard_decision (FgCli   *cli,
                        int      argc,
                        char   **argv,
                        GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(FgHazard) hazard = NULL;
  g_autofree char *number = NULL;
  g_autofree char *date = NULL;
  g_autofree char *authority = NULL;
  g_autofree char *note = NULL;
  gboolean confirmed = FALSE;
  gboolean not_confirmed = FALSE;
  FgHazardEventDetails details = { NULL, };
  FgStore *store;
  FgActor *actor;
  const GOptionEntry entries[] = {
    { "confirmed", 0, 0, G_OPTION_ARG_NONE, &confirmed, N_("The brigade determined a major fire hazard"), NULL },
    { "not-confirmed", 0, 0, G_OPTION_ARG_NONE, &not_confirmed,
      N_("The brigade determined it is not a major fire hazard"), NULL },
    { "number", 0, 0, G_OPTION_ARG_STRING, &number, N_("The number of the brigade’s written decision"),
      N_("NUMBER") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The date of the decision"), N_("DATE") },
    { "authority", 0, 0, G_OPTION_ARG_STRING, &authority,
      N_("Who decided (default: the brigade of the document settings)"), N_("NAME") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A note, e.g. what the decision says"), N_("TEXT") },
    { NULL }
  };

  context = fg_cli_option_context_new (cli, "hazard decision", _("ID"),
                                       _("Records the fire-rescue brigade’s decision on a possibly major hazard."),
                                       _("The county’s fire-rescue brigade determines whether a hazard is a major "
                                         "fire hazard (重大火灾隐患). Its decision is recorded at the county office, "
                                         "and reaches the township by bundle, or by the township from the written "
                                         "decision. A confirmed hazard stays with the brigade; one not confirmed "
                                         "goes back to the township’s orders. For county accounts and the township’s "
                                         "administrator and staff."),
                                       entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 1, error) ||
      !fg_cli_check_text ("--note", note, error))
    return FALSE;
  if (argc < 2)
    {
      fg_cli_set_usage_error (error, _("Give the hazard’s id."));
      return FALSE;
    }
  if (confirmed == not_confirmed)
    {
      fg_cli_set_usage_error (error, _("Say what the brigade decided: --confirmed or --not-confirmed."));
      return FALSE;
    }

  if (!fg_cli_open_logged_in (cli, &store, &actor, error))
    return FALSE;

  hazard = fg_hazard_load (store, actor, argv[1], error);
  if (hazard == NULL)
    return FALSE;
  if (authority == NULL)
    {
      authority = default_authority (store, error);
      if (authority == NULL)
        return FALSE;
    }

  details.note = note;
  details.decision_number = number;
  details.decision_date = date;
  details.decision_authority = authority;
  if (!fg_hazard_add_event (store, actor, hazard,
                            confirmed ? FG_HAZARD_EVENT_CONFIRMED_MAJOR : FG_HAZARD_EVENT_MAJOR_NOT_CONFIRMED,
                            &details, error))
    return FALSE;

  printf ("%s\n", fg_hazard_state_get_label (fg_hazard_get_state (hazard)));
  return TRUE;
}

/**
 * fg_cli_print_decision:
 *
 * The brigade's decision, in `hazard show`: what it decided, its number
 * and date, who decided.
 */
void
fg_cli_print_decision (FgHazard *hazard)
{
  const FgHazardEvent *decision = fg_hazard_get_major_decision (hazard);

  if (decision == NULL)
    return;
  /* Translators: in “hazard show”: the brigade's decision, its authority, number and date */
  printf (_("%s: %s, %s %s (%s)\n"), _("Brigade’s decision"),
          decision->kind == FG_HAZARD_EVENT_CONFIRMED_MAJOR ? _("a major fire hazard")
                                                            : _("not a major fire hazard"),
          decision->decision_authority != NULL ? decision->decision_authority : "",
          decision->decision_number != NULL ? decision->decision_number : "",
          decision->decision_date != NULL ? decision->decision_date : "");
}
