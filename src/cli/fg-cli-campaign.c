/* fg-cli-campaign.c — campaign add, list, venues: special campaigns (专项行动)
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "fg-cli.h"

static char **
split_codes (char **values)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (values[i], ",", -1);

      for (guint j = 0; parts[j] != NULL; j++)
        {
          const char *code = g_strstrip (parts[j]);

          if (*code != '\0' &&
              !g_ptr_array_find_with_equal_func (codes, code, g_str_equal, NULL))
            g_ptr_array_add (codes, g_strdup (code));
        }
    }
  g_ptr_array_add (codes, NULL);

  return (char **) g_ptr_array_steal (codes, NULL);
}

static gboolean
campaign_add (FgCli   *cli,
              int      argc,
              char   **argv,
              GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(FgCampaign) campaign = NULL;
  g_autofree char *name = NULL;
  g_autofree char *starts_on = NULL;
  g_autofree char *ends_on = NULL;
  g_auto(GStrv) focus_values = NULL;
  g_auto(GStrv) focus = NULL;
  g_autofree char *lacking = NULL;
  g_autofree char *region = NULL;
  FgStatsLack lack = FG_STATS_LACK_EITHER;
  FgStore *store;
  FgActor *actor;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_FILENAME, &name,
      N_("The campaign’s name, e.g. 电动自行车消防安全专项整治"), N_("NAME") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &starts_on,
      N_("The first day"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &ends_on,
      N_("The last day"), N_("YYYY-MM-DD") },
    { "focus", 0, 0, G_OPTION_ARG_STRING_ARRAY, &focus_values,
      N_("Checklist items to look at in particular; may be repeated"), N_("CODE,…") },
    { "lacking", 0, 0, G_OPTION_ARG_STRING, &lacking,
      N_("Aim it at the venues of the 2026 target still lacking a standalone smoke alarm (smoke-alarm), "
         "simple extinguishing equipment (simple-extinguishing) or either"), N_("WHICH") },
    { "region", 0, 0, G_OPTION_ARG_STRING, &region,
      N_("With --lacking: the village or grid (its code) whose venues; your own area by default"), N_("CODE") },
    { NULL }
  };

  context = fg_cli_option_context_new (cli, "campaign add", "",
                                       _("Sets up a campaign (专项行动) and prints its id."),
                                       _("--name, --from and --to are required. Inspections made "
                                         "for it are recorded with “firegrid-cli inspection record "
                                         "--kind campaign --campaign ID”. "
                                         "“firegrid-cli checklist show ID” lists the item codes "
                                         "for --focus.\n"
                                         "With --lacking, the campaign is aimed at exactly the active "
                                         "family workshops, street shops and old residential compounds "
                                         "that lack it now (as “firegrid-cli stats --lacking” lists "
                                         "them), and looks at the items that ask about it; "
                                         "“firegrid-cli campaign venues ID” lists them."),
                                       entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 0, error))
    return FALSE;

  if (name == NULL || starts_on == NULL || ends_on == NULL)
    {
      fg_cli_set_usage_error (error, _("Give --name, --from and --to."));
      return FALSE;
    }
  if (!fg_cli_check_text ("--name", name, error))
    return FALSE;
  if (lacking != NULL && !fg_stats_lack_from_string (lacking, &lack))
    {
      fg_cli_set_usage_error (error, _("--lacking takes smoke-alarm, simple-extinguishing or either, not “%s”."),
                              lacking);
      return FALSE;
    }
  if (lacking != NULL && focus_values != NULL)
    {
      fg_cli_set_usage_error (error, _("A campaign --lacking looks at the items that ask about what is lacking: "
                                       "leave out --focus."));
      return FALSE;
    }
  if (region != NULL && lacking == NULL)
    {
      fg_cli_set_usage_error (error, _("--region goes with --lacking."));
      return FALSE;
    }
  focus = split_codes (focus_values);

  if (!fg_cli_open_logged_in (cli, &store, &actor, error))
    return FALSE;

  if (lacking != NULL)
    campaign = fg_campaign_create_for_lacking (store, actor, name, starts_on, ends_on, region, lack, error);
  else
    campaign = fg_campaign_create (store, actor, name, starts_on, ends_on,
                                   (const char * const *) focus, error);
  if (campaign == NULL)
    return FALSE;

  fg_cli_print (fg_campaign_get_id (campaign));
  fg_cli_print ("\n");
  return TRUE;
}

static gboolean
campaign_list (FgCli   *cli,
               int      argc,
               char   **argv,
               GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) campaigns = NULL;
  g_autoptr(FgCliTable) table = NULL;
  g_autofree char *format_text = NULL;
  FgCliFormat format;
  FgStore *store;
  FgActor *actor;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text,
      N_("“table” (the default) or “tsv”"), N_("FORMAT") },
    { NULL }
  };

  context = fg_cli_option_context_new (cli, "campaign list", "",
                                       _("Lists the campaigns (专项行动), the latest first."),
                                       _("With --format tsv, each line holds: id, name, first day, "
                                         "last day, focus item codes (comma-separated), how many venues "
                                         "it is aimed at (0: its whole township); tab-separated."),
                                       entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 0, error) ||
      !fg_cli_parse_format (format_text, &format, error))
    return FALSE;

  if (!fg_cli_open_logged_in (cli, &store, &actor, error))
    return FALSE;

  campaigns = fg_campaign_list (store, actor, error);
  if (campaigns == NULL)
    return FALSE;

  if (format == FG_CLI_FORMAT_TSV)
    {
      g_autoptr(GString) tsv = g_string_new (NULL);

      for (guint i = 0; i < campaigns->len; i++)
        {
          FgCampaign *campaign = g_ptr_array_index (campaigns, i);
          g_autofree char *focus = g_strjoinv (",", (char **) fg_campaign_get_focus (campaign));
          g_autofree char *n_venues = g_strdup_printf ("%u", fg_campaign_get_n_venues (campaign));

          fg_cli_tsv_append_row (tsv, 6, fg_campaign_get_id (campaign),
                                 fg_campaign_get_name (campaign),
                                 fg_campaign_get_starts_on (campaign),
                                 fg_campaign_get_ends_on (campaign),
                                 focus, n_venues);
        }
      fg_cli_print (tsv->str);
      return TRUE;
    }

  if (campaigns->len == 0)
    {
      fg_cli_print (_("There are no campaigns.\n"));
      return TRUE;
    }

  table = fg_cli_table_new ();
  fg_cli_table_add_column (table, _("ID"), FG_CLI_ALIGN_LEFT, FALSE);
  fg_cli_table_set_fit (table, fg_cli_table_add_column (table, _("Name"), FG_CLI_ALIGN_LEFT, TRUE), 12, 0);
  fg_cli_table_add_column (table, _("From"), FG_CLI_ALIGN_LEFT, FALSE);
  fg_cli_table_add_column (table, _("To"), FG_CLI_ALIGN_LEFT, FALSE);
  fg_cli_table_set_fit (table, fg_cli_table_add_column (table, _("Focus"), FG_CLI_ALIGN_LEFT, TRUE), 8, 1);
  fg_cli_table_add_column (table, _("Venues"), FG_CLI_ALIGN_RIGHT, FALSE);
  for (guint i = 0; i < campaigns->len; i++)
    {
      FgCampaign *campaign = g_ptr_array_index (campaigns, i);
      g_autofree char *focus = g_strjoinv (", ", (char **) fg_campaign_get_focus (campaign));
      g_autofree char *n_venues = fg_campaign_get_n_venues (campaign) > 0
                                    ? g_strdup_printf ("%u", fg_campaign_get_n_venues (campaign))
                                    /* Translators: a campaign aimed at no list of venues */
                                    : g_strdup (_("all"));

      fg_cli_table_add_row (table, fg_campaign_get_id (campaign), fg_campaign_get_name (campaign),
                            fg_campaign_get_starts_on (campaign), fg_campaign_get_ends_on (campaign),
                            focus, n_venues);
    }
  fg_cli_table_print (table);

  return TRUE;
}

static gboolean
campaign_venues (FgCli   *cli,
                 int      argc,
                 char   **argv,
                 GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GString) tsv = g_string_new (NULL);
  g_auto(GStrv) ids = NULL;
  FgStore *store;
  FgActor *actor;
  const GOptionEntry entries[] = { { NULL } };

  context = fg_cli_option_context_new (cli, "campaign venues", _("ID"),
                                       _("Lists the venues a campaign is aimed at."),
                                       _("Each line holds: venue id, village, name, address; "
                                         "tab-separated. A campaign over its whole township lists none."),
                                       entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 1, error))
    return FALSE;
  if (argc < 2)
    {
      fg_cli_set_usage_error (error, _("Give the campaign’s id (“firegrid-cli campaign list” shows them)."));
      return FALSE;
    }
  if (!fg_cli_open_logged_in (cli, &store, &actor, error))
    return FALSE;

  ids = fg_campaign_dup_venue_ids (store, actor, argv[1], error);
  if (ids == NULL)
    return FALSE;
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(FgVenue) venue = fg_venue_load (store, actor, ids[i], error);

      if (venue == NULL)
        return FALSE;
      fg_cli_tsv_append_row (tsv, 4, ids[i], fg_venue_get_village_name (venue), fg_venue_get_name (venue),
                             fg_venue_get_address (venue));
    }
  fg_cli_print (tsv->str);
  return TRUE;
}

static const FgCliCommand campaign_commands[] = {
  { "add", N_("Set up a campaign"), campaign_add },
  { "list", N_("List the campaigns"), campaign_list },
  { "venues", N_("List the venues a campaign is aimed at"), campaign_venues },
};

gboolean
fg_cli_command_campaign (FgCli   *cli,
                         int      argc,
                         char   **argv,
                         GError **error)
{
  return fg_cli_run_group (cli, "campaign",
                           _("Sets up and lists campaigns (专项行动): a named period with items "
                             "to look at in particular. Each command needs --user LOGIN once "
                             "the database has accounts."),
                           campaign_commands, G_N_ELEMENTS (campaign_commands),
                           argc, argv, error);
}
