/* fg-cli-category.c — category list: the ids venues are registered with
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "fg-cli.h"

static const char *
group_id (FgCategoryGroup group)
{
  switch (group)
    {
    case FG_CATEGORY_GROUP_NINE_SMALL:
      return "nine-small";
    case FG_CATEGORY_GROUP_ADDED:
    default:
      return "added";
    }
}

static const char *
group_label (FgCategoryGroup group)
{
  switch (group)
    {
    case FG_CATEGORY_GROUP_NINE_SMALL:
      return _("Nine small venues");  /* 九小场所 */
    case FG_CATEGORY_GROUP_ADDED:
    default:
      return _("Added kind");
    }
}

static gboolean
category_list (FgCli   *cli,
               int      argc,
               char   **argv,
               GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(FgCliTable) table = NULL;
  g_autoptr(GString) tsv = NULL;
  g_autofree char *format_text = NULL;
  FgCliFormat format;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text,
      N_("“table” (the default) or “tsv”"), N_("FORMAT") },
    { NULL }
  };

  context = fg_cli_option_context_new (cli, "category list", "",
                                       _("Lists the venue categories: the nine small venues "
                                         "(九小场所) and the kinds added to them."),
                                       _("Give the ids to “venue add --category” and "
                                         "“venue list --category”.\n"
                                         "With --format tsv, each line holds: id, Chinese name, "
                                         "English name, group (nine-small or added); tab-separated."),
                                       entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 0, error) ||
      !fg_cli_parse_format (format_text, &format, error))
    return FALSE;

  if (format == FG_CLI_FORMAT_TSV)
    {
      tsv = g_string_new (NULL);
      for (guint i = 0; i < fg_category_get_n_categories (); i++)
        {
          const FgCategory *category = fg_category_get_nth (i);

          fg_cli_tsv_append_row (tsv, 4,
                                 fg_category_get_id (category),
                                 fg_category_get_name_zh (category),
                                 fg_category_get_name_en (category),
                                 group_id (fg_category_get_group (category)));
        }
      fg_cli_print (tsv->str);
      return TRUE;
    }

  table = fg_cli_table_new ();
  fg_cli_table_add_column (table, _("ID"), FG_CLI_ALIGN_LEFT, FALSE);
  fg_cli_table_add_column (table, _("Name"), FG_CLI_ALIGN_LEFT, TRUE);
  fg_cli_table_add_column (table, _("Group"), FG_CLI_ALIGN_LEFT, TRUE);
  for (guint i = 0; i < fg_category_get_n_categories (); i++)
    {
      const FgCategory *category = fg_category_get_nth (i);

      fg_cli_table_add_row (table,
                            fg_category_get_id (category),
                            fg_category_get_name (category),
                            group_label (fg_category_get_group (category)));
    }
  fg_cli_table_print (table);

  return TRUE;
}

static const FgCliCommand category_commands[] = {
  { "list", N_("List the categories and their ids"), category_list },
};

gboolean
fg_cli_command_category (FgCli   *cli,
                         int      argc,
                         char   **argv,
                         GError **error)
{
  return fg_cli_run_group (cli, "category",
                           _("Shows the venue categories."),
                           category_commands, G_N_ELEMENTS (category_commands),
                           argc, argv, error);
}
