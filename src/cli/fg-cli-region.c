/* fg-cli-region.c — region list, add, rename, move-grid, retire
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "fg-cli.h"

/* Stable names for --format tsv; fg_region_level_to_string() translates. */
static const char *
level_id (FgRegionLevel level)
{
  switch (level)
    {
    case FG_REGION_LEVEL_COUNTY:
      return "county";
    case FG_REGION_LEVEL_TOWNSHIP:
      return "township";
    case FG_REGION_LEVEL_VILLAGE:
      return "village";
    case FG_REGION_LEVEL_GRID:
      return "grid";
    default:
      return "";
    }
}

typedef struct
{
  FgActor *actor;
  FgCliFormat format;
  gboolean include_retired;
  FgCliTable *table;
  GString *tsv;
} RegionListing;

static void
list_region (RegionListing *listing,
             FgRegion      *region,
             guint          depth)
{
  g_autofree char *count = g_strdup_printf ("%u", fg_region_get_venue_count (region));

  if (listing->format == FG_CLI_FORMAT_TSV)
    {
      fg_cli_tsv_append_row (listing->tsv, 5,
                             level_id (fg_region_get_level (region)),
                             fg_region_get_code (region),
                             fg_region_get_name (region),
                             count,
                             fg_region_get_retired (region) ? "1" : "0");
      return;
    }

  {
    g_autofree char *indent = g_strnfill (depth * 2, ' ');
    g_autofree char *code = g_strconcat (indent, fg_region_get_code (region), NULL);

    if (listing->include_retired)
      fg_cli_table_add_row (listing->table, code, fg_region_get_name (region), count,
                            fg_region_get_retired (region) ? _("retired") : "");
    else
      fg_cli_table_add_row (listing->table, code, fg_region_get_name (region), count);
  }
}

static gboolean
list_subtree (FgStore        *store,
              RegionListing  *listing,
              FgRegion       *region,
              guint           depth,
              GError        **error)
{
  g_autoptr(GPtrArray) children = NULL;

  list_region (listing, region, depth);
  if (fg_region_get_level (region) == FG_REGION_LEVEL_GRID)
    return TRUE;

  children = fg_region_list_children (store, listing->actor, fg_region_get_id (region),
                                      listing->include_retired, error);
  if (children == NULL)
    return FALSE;

  for (guint i = 0; i < children->len; i++)
    if (!list_subtree (store, listing, g_ptr_array_index (children, i), depth + 1, error))
      return FALSE;

  return TRUE;
}

static gboolean
region_list (FgCli   *cli,
             int      argc,
             char   **argv,
             GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(FgCliTable) table = NULL;
  g_autoptr(GString) tsv = NULL;
  g_autoptr(FgRegion) township = NULL;
  g_autofree char *format_text = NULL;
  gboolean include_retired = FALSE;
  RegionListing listing = { 0 };
  FgStore *store;
  FgActor *actor;
  const GOptionEntry entries[] = {
    { "retired", 0, 0, G_OPTION_ARG_NONE, &include_retired,
      N_("List retired villages and grids too"), NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text,
      N_("“table” (the default) or “tsv”"), N_("FORMAT") },
    { NULL }
  };

  context = fg_cli_option_context_new (cli, "region list", "",
                                       _("Lists the township, its villages and communities, "
                                         "and their grids, with the venues registered in each: "
                                         "those the account of --user may see."),
                                       _("With --format tsv, each line holds: level (township, "
                                         "village or grid), code, name, venue count, and 1 if "
                                         "retired, else 0; tab-separated."),
                                       entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 0, error) ||
      !fg_cli_parse_format (format_text, &listing.format, error))
    return FALSE;

  if (!fg_cli_open_logged_in (cli, &store, &actor, error))
    return FALSE;

  township = fg_region_lookup (store, actor, fg_store_get_home_region_id (store), error);
  if (township == NULL)
    return FALSE;

  listing.actor = actor;
  listing.include_retired = include_retired;
  if (listing.format == FG_CLI_FORMAT_TSV)
    {
      tsv = g_string_new (NULL);
      listing.tsv = tsv;
    }
  else
    {
      table = fg_cli_table_new ();
      fg_cli_table_add_column (table, _("Code"), FG_CLI_ALIGN_LEFT, FALSE);
      fg_cli_table_add_column (table, _("Name"), FG_CLI_ALIGN_LEFT, TRUE);
      fg_cli_table_add_column (table, C_("column of venue counts", "Venues"), FG_CLI_ALIGN_RIGHT, FALSE);
      if (include_retired)
        fg_cli_table_add_column (table, _("Retired"), FG_CLI_ALIGN_LEFT, FALSE);
      listing.table = table;
    }

  if (!list_subtree (store, &listing, township, 0, error))
    return FALSE;

  if (tsv != NULL)
    fg_cli_print (tsv->str);
  else
    fg_cli_table_print (table);

  return TRUE;
}

static gboolean
region_add (FgCli   *cli,
            int      argc,
            char   **argv,
            GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *parent_code = NULL;
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;
  g_autoptr(FgRegion) parent = NULL;
  g_autoptr(FgRegion) region = NULL;
  FgStore *store;
  FgActor *actor;
  const GOptionEntry entries[] = {
    { "parent", 0, 0, G_OPTION_ARG_FILENAME, &parent_code,
      N_("The township (the default) or the village the new region belongs to"), N_("CODE") },
    { "code", 0, 0, G_OPTION_ARG_FILENAME, &code,
      N_("The 12-digit division code of a new village or community"), N_("CODE") },
    { "name", 0, 0, G_OPTION_ARG_FILENAME, &name,
      N_("The name, e.g. 李庄村 or 第一网格 (required)"), N_("NAME") },
    { NULL }
  };

  context = fg_cli_option_context_new (cli, "region add", "",
                                       _("Adds a village or community to the township, "
                                         "or a grid to a village."),
                                       _("To add a village or community to the township:\n"
                                         "  firegrid-cli region add --code CODE --name NAME\n"
                                         "To add a grid to a village:\n"
                                         "  firegrid-cli region add --parent VILLAGE-CODE --name NAME\n"
                                         "\n"
                                         "Grids are numbered inside their village (CODE-001, CODE-002 …). "
                                         "The new region’s code is printed."),
                                       entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 0, error) ||
      !fg_cli_check_text ("--name", name, error))
    return FALSE;

  if (name == NULL)
    {
      fg_cli_set_usage_error (error, _("Give the name with --name."));
      return FALSE;
    }
  if (parent_code == NULL && code == NULL)
    {
      fg_cli_set_usage_error (error, _("Give --code to add a village or community, "
                                       "or --parent VILLAGE-CODE to add a grid."));
      return FALSE;
    }

  if (!fg_cli_open_logged_in (cli, &store, &actor, error))
    return FALSE;

  parent = fg_region_lookup (store, actor,
                             parent_code != NULL ? parent_code : fg_store_get_home_region_id (store),
                             error);
  if (parent == NULL)
    return FALSE;

  switch (fg_region_get_level (parent))
    {
    case FG_REGION_LEVEL_TOWNSHIP:
      if (code == NULL)
        {
          fg_cli_set_usage_error (error, _("A village or community needs its 12-digit "
                                           "division code: give it with --code."));
          return FALSE;
        }
      region = fg_region_add_village (store, actor, fg_region_get_id (parent),
                                      code, name, error);
      break;

    case FG_REGION_LEVEL_VILLAGE:
      if (code != NULL)
        {
          fg_cli_set_usage_error (error, _("Grids are numbered inside their village; "
                                           "leave out --code."));
          return FALSE;
        }
      region = fg_region_add_grid (store, actor, fg_region_get_id (parent),
                                   name, error);
      break;

    case FG_REGION_LEVEL_COUNTY:
    case FG_REGION_LEVEL_GRID:
    default:
      g_set_error (error, FG_CLI_ERROR, FG_CLI_ERROR_FAILED,
                   _("Nothing can be added to “%s”: villages belong to the township "
                     "and grids to a village."),
                   fg_region_get_name (parent));
      return FALSE;
    }

  if (region == NULL)
    return FALSE;

  printf ("%s\n", fg_region_get_code (region));
  return TRUE;
}

static gboolean
region_rename (FgCli   *cli,
               int      argc,
               char   **argv,
               GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  FgStore *store;
  FgActor *actor;

  context = fg_cli_option_context_new (cli, "region rename", _("CODE NAME"),
                                       _("Gives a region a new name; its code stays."),
                                       _("The county above the township can be renamed too, "
                                         "if set-up did not know its name."),
                                       NULL);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 2, error))
    return FALSE;

  if (argc < 3)
    {
      fg_cli_set_usage_error (error, _("Give the region’s code and its new name."));
      return FALSE;
    }
  if (!fg_cli_check_text (_("the name"), argv[2], error))
    return FALSE;

  if (!fg_cli_open_logged_in (cli, &store, &actor, error))
    return FALSE;

  return fg_region_rename (store, actor, argv[1], argv[2], error);
}

static gboolean
region_move_grid (FgCli   *cli,
                  int      argc,
                  char   **argv,
                  GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(FgRegion) grid = NULL;
  g_autoptr(FgRegion) moved = NULL;
  FgStore *store;
  FgActor *actor;

  context = fg_cli_option_context_new (cli, "region move-grid", _("GRID-CODE VILLAGE-CODE"),
                                       _("Moves a grid, with its venues, to another village "
                                         "of the township."),
                                       _("The grid takes the next free number in its new "
                                         "village; its new code is printed."),
                                       NULL);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 2, error))
    return FALSE;

  if (argc < 3)
    {
      fg_cli_set_usage_error (error, _("Give the grid’s code and the code of the village it moves to."));
      return FALSE;
    }

  if (!fg_cli_open_logged_in (cli, &store, &actor, error))
    return FALSE;

  /* the code changes with the move; the id does not */
  grid = fg_region_lookup (store, actor, argv[1], error);
  if (grid == NULL ||
      !fg_region_move_grid (store, actor, fg_region_get_id (grid), argv[2], error))
    return FALSE;

  moved = fg_region_lookup (store, actor, fg_region_get_id (grid), error);
  if (moved == NULL)
    return FALSE;

  printf ("%s\n", fg_region_get_code (moved));
  return TRUE;
}

static gboolean
region_retire (FgCli   *cli,
               int      argc,
               char   **argv,
               GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  FgStore *store;
  FgActor *actor;

  context = fg_cli_option_context_new (cli, "region retire", _("CODE"),
                                       _("Retires a village, community or grid that no longer exists."),
                                       _("It stays in the records of the past but takes no new grids "
                                         "or venues. Move its grids and active venues away first."),
                                       NULL);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 1, error))
    return FALSE;

  if (argc < 2)
    {
      fg_cli_set_usage_error (error, _("Give the code of the village or grid to retire."));
      return FALSE;
    }

  if (!fg_cli_open_logged_in (cli, &store, &actor, error))
    return FALSE;

  return fg_region_retire (store, actor, argv[1], error);
}

static const FgCliCommand region_commands[] = {
  { "list", N_("List the township’s villages and grids"), region_list },
  { "add", N_("Add a village or community, or a grid"), region_add },
  { "rename", N_("Rename a region"), region_rename },
  { "move-grid", N_("Move a grid to another village"), region_move_grid },
  { "retire", N_("Retire a village or grid"), region_retire },
};

gboolean
fg_cli_command_region (FgCli   *cli,
                       int      argc,
                       char   **argv,
                       GError **error)
{
  return fg_cli_run_group (cli, "region",
                           _("Lists and changes the township’s villages, communities and grids. "
                             "Regions are named by their codes. Once the database has accounts, "
                             "each command needs --user LOGIN."),
                           region_commands, G_N_ELEMENTS (region_commands),
                           argc, argv, error);
}
