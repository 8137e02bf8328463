/* fg-cli-checklist.c — checklist list, show, validate, print: the templates (检查表)
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Checklists are program data, not a township's records: these commands
 * never log in, so they need no --user.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "fg-cli.h"

/* The separator of several legal bases in one field or cell. */
#define BASES_SEPARATOR "; "

static const char *
category_name (FgChecklist *checklist)
{
  const FgCategory *category = fg_category_lookup (fg_checklist_get_category (checklist));

  return category != NULL ? fg_category_get_name (category) : fg_checklist_get_category (checklist);
}

static gboolean
checklist_list (FgCli   *cli,
                int      argc,
                char   **argv,
                GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) checklists = NULL;
  g_autoptr(FgCliTable) table = NULL;
  g_autoptr(GString) tsv = NULL;
  g_autofree char *format_text = NULL;
  FgCliFormat format;
  FgStore *store;
  guint column;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text,
      N_("“table” (the default) or “tsv”"), N_("FORMAT") },
    { NULL }
  };

  context = fg_cli_option_context_new (cli, "checklist list", "",
                                       _("Lists the checklist templates (检查表) in the database, "
                                         "the newest version of each."),
                                       _("Checklists come with the program and need no --user.\n"
                                         "With --format tsv, each line holds: id, version, "
                                         "category id, category name, title, number of items; "
                                         "tab-separated."),
                                       entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 0, error) ||
      !fg_cli_parse_format (format_text, &format, error))
    return FALSE;

  store = fg_cli_open_store (cli, FG_CLI_OPEN_SET_UP, NULL, error);
  if (store == NULL)
    return FALSE;

  checklists = fg_checklist_list (store, error);
  if (checklists == NULL)
    return FALSE;

  if (format == FG_CLI_FORMAT_TSV)
    {
      tsv = g_string_new (NULL);
      for (guint i = 0; i < checklists->len; i++)
        {
          FgChecklist *checklist = g_ptr_array_index (checklists, i);
          g_autofree char *version = g_strdup_printf ("%u", fg_checklist_get_version (checklist));
          g_autofree char *n_items = g_strdup_printf ("%u", g_list_model_get_n_items (fg_checklist_get_items (checklist)));

          fg_cli_tsv_append_row (tsv, 6,
                                 fg_checklist_get_id (checklist),
                                 version,
                                 fg_checklist_get_category (checklist),
                                 category_name (checklist),
                                 fg_checklist_get_title (checklist),
                                 n_items);
        }
      fg_cli_print (tsv->str);
      return TRUE;
    }

  if (checklists->len == 0)
    {
      fg_cli_print (_("The database has no checklists.\n"));
      return TRUE;
    }

  table = fg_cli_table_new ();
  fg_cli_table_add_column (table, _("ID"), FG_CLI_ALIGN_LEFT, FALSE);
  fg_cli_table_add_column (table, _("Version"), FG_CLI_ALIGN_RIGHT, FALSE);
  column = fg_cli_table_add_column (table, _("Category"), FG_CLI_ALIGN_LEFT, TRUE);
  fg_cli_table_set_fit (table, column, 8, 1);
  column = fg_cli_table_add_column (table, _("Title"), FG_CLI_ALIGN_LEFT, TRUE);
  fg_cli_table_set_fit (table, column, 12, 0);
  fg_cli_table_add_column (table, _("Items"), FG_CLI_ALIGN_RIGHT, FALSE);

  for (guint i = 0; i < checklists->len; i++)
    {
      FgChecklist *checklist = g_ptr_array_index (checklists, i);
      g_autofree char *version = g_strdup_printf ("%u", fg_checklist_get_version (checklist));
      g_autofree char *n_items = g_strdup_printf ("%u", g_list_model_get_n_items (fg_checklist_get_items (checklist)));

      fg_cli_table_add_row (table,
                            fg_checklist_get_id (checklist),
                            version,
                            category_name (checklist),
                            fg_checklist_get_title (checklist),
                            n_items);
    }
  fg_cli_table_print (table);

  return TRUE;
}

static char *
describe_deadline (guint days)
{
  /* TRANSLATORS: the default deadline for correcting a hazard */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u working day", "%u working days", days),
                          days);
}

static char *
describe_flags (FgChecklistItem *item)
{
  g_autoptr(GPtrArray) flags = g_ptr_array_new ();

  if (fg_checklist_item_get_on_spot (item))
    g_ptr_array_add (flags, (char *) _("fixable on the spot"));
  if (fg_checklist_item_get_major (item))
    g_ptr_array_add (flags, (char *) _("may be a major hazard"));
  if (fg_checklist_item_get_kind (item) == FG_CHECKLIST_ITEM_KIND_TOWNSHIP_TASK)
    g_ptr_array_add (flags, (char *) _("a task of the township, never an order to the venue"));
  if (!fg_checklist_item_get_na_allowed (item))
    g_ptr_array_add (flags, (char *) _("a duty of every venue, never not applicable"));
  g_ptr_array_add (flags, NULL);

  /* TRANSLATORS: between the items of a list: "fixable on the spot, may be a major hazard" */
  return g_strjoinv (C_("list separator", ", "), (char **) flags->pdata);
}

static void
append_item (GString         *out,
             FgChecklistItem *item)
{
  g_autofree char *deadline = describe_deadline (fg_checklist_item_get_deadline_days (item));
  g_autofree char *flags = describe_flags (item);
  const char * const *bases = fg_checklist_item_get_bases (item);
  const char * const *unverified = fg_checklist_item_get_unverified_bases (item);
  const char * const *references = fg_checklist_item_get_references (item);

  g_string_append_printf (out, "  %s  %s\n", fg_checklist_item_get_code (item),
                          fg_checklist_item_get_text (item));
  /* TRANSLATORS: what a notice says was found when the item fails */
  g_string_append_printf (out, _("      Finding: %s\n"), fg_checklist_item_get_finding (item));
  /* TRANSLATORS: what a venue must do about a failed item */
  g_string_append_printf (out, _("      Action: %s\n"), fg_checklist_item_get_action (item));
  if (*flags != '\0')
    /* TRANSLATORS: the default deadline, then e.g. “fixable on the spot” */
    g_string_append_printf (out, _("      Deadline: %s; %s\n"), deadline, flags);
  else
    g_string_append_printf (out, _("      Deadline: %s\n"), deadline);
  for (guint i = 0; bases != NULL && bases[i] != NULL; i++)
    /* TRANSLATORS: a legal basis, e.g. 《中华人民共和国消防法》第十六条 */
    g_string_append_printf (out, _("      Basis: %s\n"), bases[i]);
  for (guint i = 0; unverified[i] != NULL; i++)
    /* TRANSLATORS: a legal basis that could not be confirmed; documents never print it */
    g_string_append_printf (out, _("      Basis (unverified, never printed): %s\n"), unverified[i]);
  for (guint i = 0; references[i] != NULL; i++)
    /* TRANSLATORS: background to an item, e.g. a standard; never printed as a violated provision */
    g_string_append_printf (out, _("      Reference: %s\n"), references[i]);
}

static gboolean
checklist_show (FgCli   *cli,
                int      argc,
                char   **argv,
                GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(FgChecklist) checklist = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *version_text = NULL;
  const char *section_id = NULL;
  FgCliFormat format;
  GListModel *items;
  guint version = 0;
  FgStore *store;
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_STRING, &version_text,
      N_("Show this version (default: the newest)"), N_("N") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text,
      N_("“table” (the default) or “tsv”"), N_("FORMAT") },
    { NULL }
  };

  context = fg_cli_option_context_new (cli, "checklist show", _("ID"),
                                       _("Shows a checklist template: its sections and items, "
                                         "each with what is checked, what a notice says was found "
                                         "when it fails, what must be done, the default deadline "
                                         "and the legal bases."),
                                       _("“firegrid-cli checklist list” shows the ids. "
                                         "Checklists come with the program and need no --user.\n"
                                         "With --format tsv, each line is one item: code, section id, "
                                         "section, fixable on the spot (1 or 0), may be a major "
                                         "hazard (1 or 0), default deadline in working days, text, "
                                         "action, legal bases (separated by “; ”), finding, unverified bases "
                                         "(never printed), references, kind (“order” or “township-task”), "
                                         "may be marked not applicable (1 or 0); tab-separated."),
                                       entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 1, error) ||
      !fg_cli_parse_format (format_text, &format, error))
    return FALSE;

  if (argc < 2)
    {
      fg_cli_set_usage_error (error, _("Give the checklist’s id, for example “restaurant”."));
      return FALSE;
    }
  if (version_text != NULL &&
      (!fg_cli_parse_uint ("--version", version_text, G_MAXINT32, &version, error)))
    return FALSE;
  if (version_text != NULL && version == 0)
    {
      fg_cli_set_usage_error (error, _("--version takes a version number from 1 up."));
      return FALSE;
    }

  store = fg_cli_open_store (cli, FG_CLI_OPEN_SET_UP, NULL, error);
  if (store == NULL)
    return FALSE;

  checklist = fg_checklist_load (store, argv[1], version, &local_error);
  if (checklist == NULL)
    {
      /* the core says what is missing; the user needs to hear where the ids are */
      if (g_error_matches (local_error, FG_CHECKLIST_ERROR, FG_CHECKLIST_ERROR_NOT_FOUND))
        g_set_error (error, FG_CLI_ERROR, FG_CLI_ERROR_FAILED,
                     _("%s “firegrid-cli checklist list” shows the checklists and their versions."),
                     local_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  items = fg_checklist_get_items (checklist);

  if (format == FG_CLI_FORMAT_TSV)
    {
      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(FgChecklistItem) item = g_list_model_get_item (items, i);
          g_autofree char *deadline = g_strdup_printf ("%u", fg_checklist_item_get_deadline_days (item));
          g_autofree char *bases = g_strjoinv (BASES_SEPARATOR, (char **) fg_checklist_item_get_bases (item));
          g_autofree char *unverified = g_strjoinv (BASES_SEPARATOR,
                                                    (char **) fg_checklist_item_get_unverified_bases (item));
          g_autofree char *references = g_strjoinv (BASES_SEPARATOR, (char **) fg_checklist_item_get_references (item));
          gboolean task = fg_checklist_item_get_kind (item) == FG_CHECKLIST_ITEM_KIND_TOWNSHIP_TASK;

          fg_cli_tsv_append_row (out, 14,
                                 fg_checklist_item_get_code (item),
                                 fg_checklist_item_get_section_id (item),
                                 fg_checklist_item_get_section (item),
                                 fg_checklist_item_get_on_spot (item) ? "1" : "0",
                                 fg_checklist_item_get_major (item) ? "1" : "0",
                                 deadline,
                                 fg_checklist_item_get_text (item),
                                 fg_checklist_item_get_action (item),
                                 bases,
                                 fg_checklist_item_get_finding (item),
                                 unverified,
                                 references,
                                 task ? "township-task" : "order",
                                 fg_checklist_item_get_na_allowed (item) ? "1" : "0");
        }
      fg_cli_print (out->str);
      return TRUE;
    }

  /* TRANSLATORS: a checklist's title, id and version */
  g_string_append_printf (out, _("%s (%s, version %u)\n"), fg_checklist_get_title (checklist),
                          fg_checklist_get_id (checklist), fg_checklist_get_version (checklist));
  /* TRANSLATORS: the venue category a checklist serves */
  g_string_append_printf (out, _("For: %s\n"), category_name (checklist));

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FgChecklistItem) item = g_list_model_get_item (items, i);

      if (g_strcmp0 (section_id, fg_checklist_item_get_section_id (item)) != 0)
        {
          section_id = fg_checklist_item_get_section_id (item);
          g_string_append_printf (out, "\n%s\n", fg_checklist_item_get_section (item));
        }
      append_item (out, item);
    }

  fg_cli_print (out->str);
  return TRUE;
}

/* Every basis of @checklist marked unverified, one line each; and the
 * orders left with nothing a notice could print under 违反的规定. */
static void
append_unverified (GString     *out,
                   FgChecklist *checklist,
                   gboolean     tsv)
{
  GListModel *items = fg_checklist_get_items (checklist);
  const char *id = fg_checklist_get_id (checklist);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FgChecklistItem) item = g_list_model_get_item (items, i);
      const char * const *unverified = fg_checklist_item_get_unverified_bases (item);
      const char *code = fg_checklist_item_get_code (item);

      for (guint j = 0; unverified[j] != NULL; j++)
        {
          if (tsv)
            fg_cli_tsv_append_row (out, 4, "unverified", id, code, unverified[j]);
          else
            /* TRANSLATORS: checklist id, item code, a legal basis that could not be confirmed */
            g_string_append_printf (out, _("unverified basis, never printed: %s %s: %s\n"), id, code, unverified[j]);
        }
      if (!tsv && fg_checklist_item_get_kind (item) == FG_CHECKLIST_ITEM_KIND_ORDER &&
          fg_checklist_item_get_bases (item)[0] == NULL)
        /* TRANSLATORS: checklist id, item code */
        g_string_append_printf (out, _("no printable basis: %s %s: its notices leave “违反的规定” empty\n"), id, code);
    }
}

static gboolean
checklist_validate (FgCli   *cli,
                    int      argc,
                    char   **argv,
                    GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(FgChecklist) checklist = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *format_text = NULL;
  FgCliFormat format;
  guint n_items;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text,
      N_("“table” (the default) or “tsv”: “valid”, id, version, number of items; then a line "
         "“unverified”, id, item code, basis for each unverified basis"), N_("FORMAT") },
    { NULL }
  };

  context = fg_cli_option_context_new (cli, "checklist validate", _("FILE"),
                                       _("Checks a checklist template file against the checklist "
                                         "schema, as the program would before installing it."),
                                       _("Prints “valid” with the checklist’s id, version and number "
                                         "of items, then every legal basis marked unverified (documents "
                                         "never print those) with its item; otherwise the first error, "
                                         "with its line, and exits with status 1. Needs no database and "
                                         "no --user."),
                                       entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 1, error) ||
      !fg_cli_parse_format (format_text, &format, error))
    return FALSE;

  if (argc < 2)
    {
      fg_cli_set_usage_error (error, _("Give the checklist file to check."));
      return FALSE;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  checklist = fg_checklist_parse_file (file, &local_error);
  if (checklist == NULL)
    {
      if (local_error->domain == G_IO_ERROR)
        g_set_error (error, FG_CLI_ERROR, FG_CLI_ERROR_FAILED,
                     _("The file “%s” could not be read: %s."), argv[1], local_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  n_items = g_list_model_get_n_items (fg_checklist_get_items (checklist));
  if (format == FG_CLI_FORMAT_TSV)
    {
      g_autoptr(GString) tsv = g_string_new (NULL);
      g_autofree char *version = g_strdup_printf ("%u", fg_checklist_get_version (checklist));
      g_autofree char *count = g_strdup_printf ("%u", n_items);

      fg_cli_tsv_append_row (tsv, 4, "valid", fg_checklist_get_id (checklist), version, count);
      append_unverified (tsv, checklist, TRUE);
      fg_cli_print (tsv->str);
    }
  else
    {
      g_autofree char *line = NULL;

      /* TRANSLATORS: the checklist's id, its version, how many items it has;
       * scripts read the untranslated “valid” of --format tsv */
      line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "valid: %s version %u, %u item\n",
                                           "valid: %s version %u, %u items\n",
                                           n_items),
                              fg_checklist_get_id (checklist), fg_checklist_get_version (checklist),
                              n_items);
      fg_cli_print (line);
      {
        g_autoptr(GString) unverified = g_string_new (NULL);

        append_unverified (unverified, checklist, FALSE);
        fg_cli_print (unverified->str);
      }
    }

  return TRUE;
}

static gboolean
checklist_print (FgCli   *cli,
                 int      argc,
                 char   **argv,
                 GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) write_error = NULL;
  g_autofree char *out = NULL;
  FgStore *store;
  const GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("The PDF to write"), N_("FILE") },
    { NULL }
  };

  context = fg_cli_option_context_new (cli, "checklist print", _("CATEGORY"),
                                       _("Writes a blank checklist of a category as a PDF, to fill in by hand."),
                                       _("The form names the checklist and its version, so that the results are "
                                         "entered against the same version later. CATEGORY is a category id "
                                         "(see “firegrid-cli category list”)."),
                                       entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 1, error))
    return FALSE;
  if (argc < 2)
    {
      fg_cli_set_usage_error (error, _("Give the category, e.g. “checklist print restaurant --out form.pdf”."));
      return FALSE;
    }
  if (out == NULL)
    {
      fg_cli_set_usage_error (error, _("Say where to write the PDF with --out FILE."));
      return FALSE;
    }

  if (fg_category_lookup (argv[1]) == NULL)
    {
      g_set_error (error, FG_CLI_ERROR, FG_CLI_ERROR_FAILED,
                   _("“%s” is not a venue category. “firegrid-cli category list” shows them."), argv[1]);
      return FALSE;
    }

  store = fg_cli_open_store (cli, FG_CLI_OPEN_SET_UP, NULL, error);
  if (store == NULL)
    return FALSE;

  pdf = fg_notice_render_blank_checklist (store, argv[1], error);
  if (pdf == NULL)
    return FALSE;
  if (!g_file_set_contents (out, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &write_error))
    {
      g_set_error (error, FG_CLI_ERROR, FG_CLI_ERROR_FAILED,
                   _("The PDF could not be written: %s"), write_error->message);
      return FALSE;
    }

  return TRUE;
}

static const FgCliCommand checklist_commands[] = {
  { "list", N_("List the checklist templates"), checklist_list },
  { "show", N_("Show a checklist’s sections and items"), checklist_show },
  { "validate", N_("Check a checklist template file"), checklist_validate },
  { "print", N_("Write a blank checklist as a PDF"), checklist_print },
};

gboolean
fg_cli_command_checklist (FgCli   *cli,
                          int      argc,
                          char   **argv,
                          GError **error)
{
  return fg_cli_run_group (cli, "checklist",
                           _("Shows and checks the checklist templates (检查表) inspections "
                             "follow. They come with the program: no --user is needed."),
                           checklist_commands, G_N_ELEMENTS (checklist_commands),
                           argc, argv, error);
}
