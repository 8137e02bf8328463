/* fg-cli-venue.c — venue list, search, show, add, edit
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "fg-cli.h"

/* A table is for reading: unless --limit says otherwise, it shows a page. */
#define DEFAULT_TABLE_LIMIT 100
/* TSV output is written in pages of this many venues, so that a county's
 * million are never in memory at once. */
#define TSV_PAGE_SIZE 10000

/* --- listing ------------------------------------------------------------ */

typedef struct
{
  char *region;
  char *category;
  char *search;
  char *sort;
  gboolean descending;
  char *limit;
  char *offset;
  char *format;
} ListOptions;

static void
list_options_clear (ListOptions *options)
{
  g_free (options->region);
  g_free (options->category);
  g_free (options->search);
  g_free (options->sort);
  g_free (options->limit);
  g_free (options->offset);
  g_free (options->format);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ListOptions, list_options_clear)

static const struct
{
  const char *name;
  FgVenueSort sort;
} sort_names[] = {
  { "name", FG_VENUE_SORT_NAME },
  { "address", FG_VENUE_SORT_ADDRESS },
  { "category", FG_VENUE_SORT_CATEGORY },
  { "village", FG_VENUE_SORT_VILLAGE },
  { "operator", FG_VENUE_SORT_OPERATOR },
  { "status", FG_VENUE_SORT_STATUS },
};

static gboolean
parse_sort (const char   *text,
            FgVenueSort  *sort,
            GError      **error)
{
  *sort = FG_VENUE_SORT_NAME;
  if (text == NULL)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (sort_names); i++)
    {
      if (g_str_equal (text, sort_names[i].name))
        {
          *sort = sort_names[i].sort;
          return TRUE;
        }
    }

  fg_cli_set_usage_error (error, _("--sort takes name, address, category, village, operator "
                                   "or status, not “%s”."),
                          text);
  return FALSE;
}

static char *
describe_list (void)
{
  return g_strdup_printf ("%s\n\n%s",
                          _("A table shows the first 100 venues unless --limit says otherwise "
                            "(0 for all); --format tsv writes all that match."),
                          _("With --format tsv, each line holds: id, name, address, category ids "
                            "(comma-separated), region code, village, grid, operator, phone, "
                            "credit code, floor area (m²), floors, people sleeping on site, "
                            "key unit (1 or 0), smoke alarm (1 or 0), status (active, closed "
                            "or moved), registered (ISO 8601); tab-separated."));
}

/* Fills in the list entries that point into @options; the last is the end. */
static void
list_entries_init (ListOptions *options,
                   GOptionEntry entries[9],
                   gboolean     with_search)
{
  const GOptionEntry all[] = {
    { "region", 0, 0, G_OPTION_ARG_FILENAME, &options->region,
      N_("Only venues in this village or grid (or the township)"), N_("CODE") },
    { "category", 0, 0, G_OPTION_ARG_FILENAME, &options->category,
      N_("Only venues of this category (see “category list”)"), N_("ID") },
    { "sort", 0, 0, G_OPTION_ARG_STRING, &options->sort,
      N_("Order by name (the default), address, category, village, operator or status"), N_("KEY") },
    { "desc", 0, 0, G_OPTION_ARG_NONE, &options->descending,
      N_("Reverse the order"), NULL },
    { "limit", 0, 0, G_OPTION_ARG_STRING, &options->limit,
      N_("Show at most N venues; 0 for all"), N_("N") },
    { "offset", 0, 0, G_OPTION_ARG_STRING, &options->offset,
      N_("Skip the first N venues"), N_("N") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &options->format,
      N_("“table” (the default) or “tsv”"), N_("FORMAT") },
    { "search", 0, 0, G_OPTION_ARG_FILENAME, &options->search,
      N_("Only venues whose name, address or operator contains TEXT"), N_("TEXT") },
    { NULL }
  };
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    if (with_search || g_strcmp0 (all[i].long_name, "search") != 0)
      entries[n++] = all[i];
  for (; n < 9; n++)
    memset (&entries[n], 0, sizeof entries[n]);
}

/* Region codes for --format tsv, looked up once per region, not per venue. */
static const char *
region_code (FgStore    *store,
             FgActor    *actor,
             GHashTable *codes,
             const char *region_id)
{
  const char *code;

  if (region_id == NULL)
    return "";

  code = g_hash_table_lookup (codes, region_id);
  if (code == NULL)
    {
      g_autoptr(FgRegion) region = fg_region_lookup (store, actor, region_id, NULL);

      code = region != NULL ? fg_region_get_code (region) : "";
      g_hash_table_insert (codes, g_strdup (region_id), g_strdup (code));
      code = g_hash_table_lookup (codes, region_id);
    }

  return code;
}

static char *
join_categories (FgVenue *venue)
{
  return g_strjoinv (",", (char **) fg_venue_get_categories (venue));
}

static void
append_venue_tsv (GString    *out,
                  FgStore    *store,
                  FgActor    *actor,
                  GHashTable *codes,
                  FgVenue    *venue)
{
  g_autofree char *categories = join_categories (venue);
  g_autofree char *area = NULL;
  g_autofree char *floors = NULL;
  g_autofree char *sleeping = g_strdup_printf ("%d", fg_venue_get_sleeping (venue));
  char area_buffer[G_ASCII_DTOSTR_BUF_SIZE];

  area = fg_venue_get_floor_area (venue) >= 0
           ? g_strdup (g_ascii_dtostr (area_buffer, sizeof area_buffer, fg_venue_get_floor_area (venue)))
           : g_strdup ("");
  floors = fg_venue_get_floors (venue) > 0 ? g_strdup_printf ("%d", fg_venue_get_floors (venue))
                                           : g_strdup ("");

  fg_cli_tsv_append_row (out, 17,
                         fg_venue_get_id (venue),
                         fg_venue_get_name (venue),
                         fg_venue_get_address (venue),
                         categories,
                         region_code (store, actor, codes, fg_venue_get_region_id (venue)),
                         fg_venue_get_village_name (venue),
                         fg_venue_get_grid_name (venue),
                         fg_venue_get_operator_name (venue),
                         fg_venue_get_phone (venue),
                         fg_venue_get_credit_code (venue),
                         area,
                         floors,
                         sleeping,
                         fg_venue_get_key_unit (venue) ? "1" : "0",
                         fg_venue_get_smoke_alarm (venue) ? "1" : "0",
                         fg_venue_status_to_string (fg_venue_get_status (venue)),
                         fg_venue_get_created_at (venue));
}

static gboolean
write_tsv (FgStore             *store,
           FgActor             *actor,
           const FgVenueQuery  *query,
           guint                offset,
           guint                limit,
           GError             **error)
{
  g_autoptr(GHashTable) codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint written = 0;

  while (limit == 0 || written < limit)
    {
      g_autoptr(GPtrArray) venues = NULL;
      g_autoptr(GString) out = g_string_new (NULL);
      guint page = limit == 0 ? TSV_PAGE_SIZE : MIN (TSV_PAGE_SIZE, limit - written);

      venues = fg_venue_query_fetch (store, actor, query, offset + written, page, error);
      if (venues == NULL)
        return FALSE;

      for (guint i = 0; i < venues->len; i++)
        append_venue_tsv (out, store, actor, codes, g_ptr_array_index (venues, i));
      fg_cli_print (out->str);

      written += venues->len;
      if (venues->len < page)
        break;
    }

  return TRUE;
}

static gboolean
write_table (FgStore             *store,
             FgActor             *actor,
             const FgVenueQuery  *query,
             guint                offset,
             guint                limit,
             GError             **error)
{
  g_autoptr(GPtrArray) venues = NULL;
  g_autoptr(FgCliTable) table = NULL;
  guint total = 0;
  guint column;

  venues = fg_venue_query_fetch (store, actor, query, offset, limit == 0 ? G_MAXUINT : limit, error);
  if (venues == NULL)
    return FALSE;

  /* From the first row, fewer than the limit are all there are: a search
   * of a county is not counted again for its total. */
  if (offset == 0 && venues->len > 0 && (limit == 0 || venues->len < limit))
    total = venues->len;
  else if (!fg_venue_query_count (store, actor, query, &total, error))
    return FALSE;

  if (venues->len == 0)
    {
      if (total == 0)
        printf ("%s\n", _("No venues match."));
      else
        printf (g_dngettext (GETTEXT_PACKAGE,
                             "No venues after the first %u; %u venue matches in all.\n",
                             "No venues after the first %u; %u venues match in all.\n",
                             total),
                MIN (offset, total), total);
      return TRUE;
    }

  /* In a narrow terminal the id, name, village and status stay; the
   * other columns are cut short, and then left out, operator first. */
  table = fg_cli_table_new ();
  fg_cli_table_add_column (table, _("ID"), FG_CLI_ALIGN_LEFT, FALSE);
  column = fg_cli_table_add_column (table, _("Name"), FG_CLI_ALIGN_LEFT, TRUE);
  fg_cli_table_set_fit (table, column, 16, 0);
  column = fg_cli_table_add_column (table, _("Category"), FG_CLI_ALIGN_LEFT, TRUE);
  fg_cli_table_set_fit (table, column, 10, 2);
  fg_cli_table_add_column (table, _("Village"), FG_CLI_ALIGN_LEFT, TRUE);
  column = fg_cli_table_add_column (table, _("Grid"), FG_CLI_ALIGN_LEFT, TRUE);
  fg_cli_table_set_fit (table, column, 8, 3);
  column = fg_cli_table_add_column (table, _("Address"), FG_CLI_ALIGN_LEFT, TRUE);
  fg_cli_table_set_fit (table, column, 12, 1);
  column = fg_cli_table_add_column (table, _("Operator"), FG_CLI_ALIGN_LEFT, TRUE);
  fg_cli_table_set_fit (table, column, 6, 4);
  fg_cli_table_add_column (table, _("Status"), FG_CLI_ALIGN_LEFT, FALSE);

  for (guint i = 0; i < venues->len; i++)
    {
      FgVenue *venue = g_ptr_array_index (venues, i);

      fg_cli_table_add_row (table,
                            fg_venue_get_id (venue),
                            fg_venue_get_name (venue),
                            fg_venue_get_category_name (venue),
                            fg_venue_get_village_name (venue),
                            fg_venue_get_grid_name (venue),
                            fg_venue_get_address (venue),
                            fg_venue_get_operator_name (venue),
                            fg_venue_status_get_label (fg_venue_get_status (venue)));
    }

  fg_cli_table_print (table);

  if (offset == 0 && venues->len == total)
    printf (g_dngettext (GETTEXT_PACKAGE, "%u venue.\n", "%u venues.\n", total), total);
  else
    /* TRANSLATORS: first shown, last shown, how many match */
    printf (_("Venues %u to %u of %u.\n"), offset + 1, offset + venues->len, total);

  return TRUE;
}

static gboolean
run_list (FgCli        *cli,
          ListOptions  *options,
          GError      **error)
{
  g_autoptr(FgVenueQuery) query = fg_venue_query_new ();
  FgCliFormat format;
  guint limit = 0;
  guint offset = 0;
  FgStore *store;
  FgActor *actor;

  if (!fg_cli_parse_format (options->format, &format, error) ||
      !parse_sort (options->sort, &query->sort, error) ||
      !fg_cli_check_text ("--search", options->search, error))
    return FALSE;

  limit = format == FG_CLI_FORMAT_TABLE ? DEFAULT_TABLE_LIMIT : 0;
  if (options->limit != NULL &&
      !fg_cli_parse_uint ("--limit", options->limit, G_MAXINT32, &limit, error))
    return FALSE;
  if (options->offset != NULL &&
      !fg_cli_parse_uint ("--offset", options->offset, G_MAXINT32, &offset, error))
    return FALSE;

  query->descending = options->descending;

  if (!fg_cli_open_logged_in (cli, &store, &actor, error))
    return FALSE;

  /* The query would match nothing for an unknown region or category; a
   * person who typed one wants to hear that it is wrong. */
  if (options->region != NULL)
    {
      g_autoptr(FgRegion) region = fg_region_lookup (store, actor, options->region, error);

      if (region == NULL)
        return FALSE;
      query->region_id = g_strdup (fg_region_get_id (region));
    }
  if (options->category != NULL)
    {
      if (fg_category_lookup (options->category) == NULL)
        {
          g_set_error (error, FG_CLI_ERROR, FG_CLI_ERROR_FAILED,
                       _("“%s” is not a venue category. “firegrid-cli category list” shows them."),
                       options->category);
          return FALSE;
        }
      query->category = g_strdup (options->category);
    }
  if (options->search != NULL && *g_strstrip (options->search) != '\0')
    query->text = g_strdup (options->search);

  if (format == FG_CLI_FORMAT_TSV)
    return write_tsv (store, actor, query, offset, limit, error);

  return write_table (store, actor, query, offset, limit, error);
}

static gboolean
venue_list (FgCli   *cli,
            int      argc,
            char   **argv,
            GError **error)
{
  g_auto(ListOptions) options = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *description = describe_list ();
  GOptionEntry entries[9];

  list_entries_init (&options, entries, TRUE);
  context = fg_cli_option_context_new (cli, "venue list", "",
                                       _("Lists the venues, filtered, searched and sorted."),
                                       description, entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 0, error))
    return FALSE;

  return run_list (cli, &options, error);
}

static gboolean
venue_search (FgCli   *cli,
              int      argc,
              char   **argv,
              GError **error)
{
  g_auto(ListOptions) options = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *description = describe_list ();
  GOptionEntry entries[9];

  list_entries_init (&options, entries, FALSE);
  context = fg_cli_option_context_new (cli, "venue search", _("TEXT…"),
                                       _("Finds the venues whose name, address or operator "
                                         "contains the text, e.g. 网吧 or a surname. "
                                         "The same as “venue list --search TEXT”."),
                                       description, entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error))
    return FALSE;

  if (argc < 2)
    {
      fg_cli_set_usage_error (error, _("Give the text to search for."));
      return FALSE;
    }

  options.search = g_strjoinv (" ", argv + 1);
  return run_list (cli, &options, error);
}

/* --- one venue ---------------------------------------------------------- */

static gboolean
venue_show (FgCli   *cli,
            int      argc,
            char   **argv,
            GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(FgVenue) venue = NULL;
  g_autoptr(FgRegion) region = NULL;
  g_autoptr(GString) categories = g_string_new (NULL);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *format_text = NULL;
  g_autofree char *category_ids = NULL;
  g_autofree char *area = NULL;
  g_autofree char *area_shown = NULL;
  g_autofree char *floors = NULL;
  g_autofree char *sleeping = NULL;
  g_autofree char *alarm_count = NULL;
  const char * const *ids;
  FgCliFormat format;
  FgStore *store;
  FgActor *actor;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text,
      N_("“table” (the default) or “tsv”: one “key<TAB>value” line per field"), N_("FORMAT") },
    { NULL }
  };

  context = fg_cli_option_context_new (cli, "venue show", _("ID"),
                                       _("Shows everything recorded about a venue."),
                                       NULL, entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 1, error) ||
      !fg_cli_parse_format (format_text, &format, error))
    return FALSE;

  if (argc < 2)
    {
      fg_cli_set_usage_error (error, _("Give the venue’s id."));
      return FALSE;
    }

  if (!fg_cli_open_logged_in (cli, &store, &actor, error))
    return FALSE;

  venue = fg_cli_load_venue (store, actor, argv[1], error);
  if (venue == NULL)
    return FALSE;
  region = fg_region_lookup (store, actor, fg_venue_get_region_id (venue), error);
  if (region == NULL)
    return FALSE;

  ids = fg_venue_get_categories (venue);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      const FgCategory *category = fg_category_lookup (ids[i]);

      if (i > 0)
        g_string_append (categories, ", ");
      /* Translators: a venue category's name and, in brackets, its id */
      g_string_append_printf (categories, _("%s (%s)"),
                              category != NULL ? fg_category_get_name (category) : ids[i],
                              ids[i]);
    }
  category_ids = join_categories (venue);

  if (fg_venue_get_floor_area (venue) >= 0)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      area = g_strdup (g_ascii_dtostr (buffer, sizeof buffer, fg_venue_get_floor_area (venue)));
      area_shown = g_strdup_printf (_("%s m²"), area);
    }
  floors = fg_venue_get_floors (venue) > 0 ? g_strdup_printf ("%d", fg_venue_get_floors (venue)) : NULL;
  sleeping = g_strdup_printf ("%d", fg_venue_get_sleeping (venue));
  alarm_count = fg_venue_get_smoke_alarm_count (venue) >= 0
                  ? g_strdup_printf ("%d", fg_venue_get_smoke_alarm_count (venue)) : NULL;

  if (format == FG_CLI_FORMAT_TSV)
    {
      const struct { const char *key; const char *value; } fields[] = {
        { "id", fg_venue_get_id (venue) },
        { "name", fg_venue_get_name (venue) },
        { "address", fg_venue_get_address (venue) },
        { "categories", category_ids },
        { "region", fg_region_get_code (region) },
        { "village", fg_venue_get_village_name (venue) },
        { "grid", fg_venue_get_grid_name (venue) },
        { "operator", fg_venue_get_operator_name (venue) },
        { "phone", fg_venue_get_phone (venue) },
        { "credit_code", fg_venue_get_credit_code (venue) },
        { "floor_area", area },
        { "floors", floors },
        { "sleeping", sleeping },
        { "key_unit", fg_venue_get_key_unit (venue) ? "1" : "0" },
        { "smoke_alarm", fg_venue_get_smoke_alarm (venue) ? "1" : "0" },
        { "smoke_alarm_count", alarm_count },
        { "smoke_alarm_checked_on", fg_venue_get_smoke_alarm_checked_on (venue) },
        { "simple_extinguishing", fg_venue_get_simple_extinguishing (venue) ? "1" : "0" },
        { "simple_extinguishing_checked_on", fg_venue_get_simple_extinguishing_checked_on (venue) },
        { "status", fg_venue_status_to_string (fg_venue_get_status (venue)) },
        { "created_at", fg_venue_get_created_at (venue) },
      };

      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        fg_cli_tsv_append_row (out, 2, fields[i].key, fields[i].value);
    }
  else
    {
      const struct { const char *label; const char *value; } fields[] = {
        { _("ID"), fg_venue_get_id (venue) },
        { _("Name"), fg_venue_get_name (venue) },
        { _("Address"), fg_venue_get_address (venue) },
        { _("Category"), categories->str },
        { _("Village"), fg_venue_get_village_name (venue) },
        { _("Grid"), fg_venue_get_grid_name (venue) },
        { _("Region code"), fg_region_get_code (region) },
        { _("Operator"), fg_venue_get_operator_name (venue) },
        { _("Phone"), fg_venue_get_phone (venue) },
        { _("Credit code"), fg_venue_get_credit_code (venue) },
        { _("Floor area"), area_shown },
        { _("Floors"), floors },
        { _("Sleeping on site"), sleeping },
        { _("Key unit"), fg_venue_get_key_unit (venue) ? _("yes") : _("no") },
        { _("Smoke alarm"), fg_venue_get_smoke_alarm (venue) ? _("yes") : _("no") },
        { _("Smoke alarms counted"), alarm_count },
        { _("Smoke alarms checked on"), fg_venue_get_smoke_alarm_checked_on (venue) },
        { _("Simple extinguishing"), fg_venue_get_simple_extinguishing (venue) ? _("yes") : _("no") },
        { _("Simple extinguishing checked on"), fg_venue_get_simple_extinguishing_checked_on (venue) },
        { _("Status"), fg_venue_status_get_label (fg_venue_get_status (venue)) },
        { _("Registered"), fg_venue_get_created_at (venue) },
      };
      guint width = 0;

      /* labels are translated, so they are measured, not counted */
      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        width = MAX (width, fg_cli_text_width (fields[i].label));

      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        {
          const char *value = fields[i].value != NULL ? fields[i].value : "";

          if (*value == '\0')
            {
              g_string_append (out, fields[i].label);
            }
          else
            {
              fg_cli_append_padded (out, fields[i].label, width + 2);
              g_string_append (out, value);
            }
          g_string_append_c (out, '\n');
        }
    }

  fg_cli_print (out->str);
  return TRUE;
}

/* --- adding and changing ------------------------------------------------ */

typedef struct
{
  char *name;
  char *address;
  char *region;
  char *category;
  char *operator_name;
  char *phone;
  char *credit_code;
  char *area;
  char *floors;
  char *sleeping;
  char *status;
  gboolean key_unit;
  gboolean no_key_unit;
  gboolean smoke_alarm;
  gboolean no_smoke_alarm;
  char *smoke_alarms;
  char *smoke_alarms_checked;
  char *simple_extinguishing;
  char *simple_extinguishing_checked;
} VenueOptions;

static void
venue_options_clear (VenueOptions *options)
{
  g_free (options->name);
  g_free (options->address);
  g_free (options->region);
  g_free (options->category);
  g_free (options->operator_name);
  g_free (options->phone);
  g_free (options->credit_code);
  g_free (options->area);
  g_free (options->floors);
  g_free (options->sleeping);
  g_free (options->status);
  g_free (options->smoke_alarms);
  g_free (options->smoke_alarms_checked);
  g_free (options->simple_extinguishing);
  g_free (options->simple_extinguishing_checked);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (VenueOptions, venue_options_clear)

#define N_VENUE_ENTRIES 24

static void
venue_entries_init (VenueOptions *options,
                    GOptionEntry  entries[N_VENUE_ENTRIES],
                    gboolean      for_edit)
{
  const GOptionEntry all[] = {
    { "name", 0, 0, G_OPTION_ARG_FILENAME, &options->name,
      N_("The name, as on the sign or licence"), N_("NAME") },
    { "address", 0, 0, G_OPTION_ARG_FILENAME, &options->address,
      N_("The address"), N_("ADDRESS") },
    { "region", 0, 0, G_OPTION_ARG_FILENAME, &options->region,
      N_("The village or grid it belongs to"), N_("CODE") },
    { "category", 0, 0, G_OPTION_ARG_FILENAME, &options->category,
      N_("Its category; several, comma-separated, for mixed use, the main one first"), N_("ID[,ID…]") },
    { "operator", 0, 0, G_OPTION_ARG_FILENAME, &options->operator_name,
      N_("The operator’s name"), N_("NAME") },
    { "phone", 0, 0, G_OPTION_ARG_FILENAME, &options->phone,
      N_("The phone number"), N_("NUMBER") },
    { "credit-code", 0, 0, G_OPTION_ARG_FILENAME, &options->credit_code,
      N_("The unified social credit code (统一社会信用代码), 18 characters"), N_("CODE") },
    { "area", 0, 0, G_OPTION_ARG_STRING, &options->area,
      N_("The floor area in square metres"), N_("M2") },
    { "floors", 0, 0, G_OPTION_ARG_STRING, &options->floors,
      N_("How many floors it uses"), N_("N") },
    { "sleeping", 0, 0, G_OPTION_ARG_STRING, &options->sleeping,
      N_("How many people sleep on the premises"), N_("N") },
    { "key-unit", 0, 0, G_OPTION_ARG_NONE, &options->key_unit,
      N_("It is a fire safety key unit (消防安全重点单位)"), NULL },
    { "smoke-alarm", 0, 0, G_OPTION_ARG_NONE, &options->smoke_alarm,
      N_("A standalone smoke alarm is installed"), NULL },
    { "smoke-alarms", 0, 0, G_OPTION_ARG_STRING, &options->smoke_alarms,
      N_("How many standalone smoke alarms work (0 for none; empty for not counted)"), N_("N") },
    { "smoke-alarms-checked", 0, 0, G_OPTION_ARG_STRING, &options->smoke_alarms_checked,
      N_("The day the smoke alarms were checked"), N_("YYYY-MM-DD") },
    { "simple-extinguishing", 0, 0, G_OPTION_ARG_STRING, &options->simple_extinguishing,
      N_("Whether simple extinguishing equipment (简易喷淋、消防软管卷盘或灭火毯) is present and usable"),
      N_("yes|no") },
    { "simple-extinguishing-checked", 0, 0, G_OPTION_ARG_STRING, &options->simple_extinguishing_checked,
      N_("The day the simple extinguishing equipment was checked"), N_("YYYY-MM-DD") },
  };
  const GOptionEntry edit_only[] = {
    { "no-key-unit", 0, 0, G_OPTION_ARG_NONE, &options->no_key_unit,
      N_("It is not a fire safety key unit"), NULL },
    { "no-smoke-alarm", 0, 0, G_OPTION_ARG_NONE, &options->no_smoke_alarm,
      N_("No standalone smoke alarm is installed"), NULL },
    { "status", 0, 0, G_OPTION_ARG_STRING, &options->status,
      N_("active, closed (停业) or moved (迁出)"), N_("STATUS") },
  };
  guint n = 0;

  G_STATIC_ASSERT (G_N_ELEMENTS (all) + G_N_ELEMENTS (edit_only) < N_VENUE_ENTRIES);

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    entries[n++] = all[i];
  for (guint i = 0; for_edit && i < G_N_ELEMENTS (edit_only); i++)
    entries[n++] = edit_only[i];
  for (; n < N_VENUE_ENTRIES; n++)
    memset (&entries[n], 0, sizeof entries[n]);
}

static char **
split_categories (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *id = g_strstrip (parts[i]);

      if (*id != '\0')
        g_ptr_array_add (ids, g_strdup (id));
    }
  g_ptr_array_add (ids, NULL);

  return (char **) g_ptr_array_steal (ids, NULL);
}

/* Puts what the options give into @venue. An empty value clears an
 * optional field. Whether a field is valid is the core's to say, when the
 * venue is saved. */
static gboolean
apply_options (VenueOptions  *options,
               FgVenue       *venue,
               gboolean      *changed,
               GError       **error)
{
  const struct { const char *option; const char *text; } texts[] = {
    { "--name", options->name },
    { "--address", options->address },
    { "--region", options->region },
    { "--category", options->category },
    { "--operator", options->operator_name },
    { "--phone", options->phone },
    { "--credit-code", options->credit_code },
  };

  *changed = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      if (!fg_cli_check_text (texts[i].option, texts[i].text, error))
        return FALSE;
      *changed |= texts[i].text != NULL;
    }

  if (options->key_unit && options->no_key_unit)
    {
      fg_cli_set_usage_error (error, _("Give --key-unit or --no-key-unit, not both."));
      return FALSE;
    }
  if (options->smoke_alarm && options->no_smoke_alarm)
    {
      fg_cli_set_usage_error (error, _("Give --smoke-alarm or --no-smoke-alarm, not both."));
      return FALSE;
    }

  if (options->name != NULL)
    fg_venue_set_name (venue, options->name);
  if (options->address != NULL)
    fg_venue_set_address (venue, options->address);
  if (options->region != NULL)
    fg_venue_set_region_id (venue, options->region);
  if (options->category != NULL)
    {
      g_auto(GStrv) ids = split_categories (options->category);
      fg_venue_set_categories (venue, (const char * const *) ids);
    }
  if (options->operator_name != NULL)
    fg_venue_set_operator_name (venue, options->operator_name);
  if (options->phone != NULL)
    fg_venue_set_phone (venue, options->phone);
  if (options->credit_code != NULL)
    fg_venue_set_credit_code (venue, options->credit_code);

  if (options->area != NULL)
    {
      double area = -1;  /* not known */

      if (*options->area != '\0' && !fg_cli_parse_area ("--area", options->area, &area, error))
        return FALSE;
      fg_venue_set_floor_area (venue, area);
      *changed = TRUE;
    }
  if (options->floors != NULL)
    {
      int floors = 0;  /* not known */

      if (*options->floors != '\0' && !fg_cli_parse_int ("--floors", options->floors, &floors, error))
        return FALSE;
      fg_venue_set_floors (venue, floors);
      *changed = TRUE;
    }
  if (options->sleeping != NULL)
    {
      int sleeping = 0;

      if (*options->sleeping != '\0' &&
          !fg_cli_parse_int ("--sleeping", options->sleeping, &sleeping, error))
        return FALSE;
      fg_venue_set_sleeping (venue, sleeping);
      *changed = TRUE;
    }

  if (options->key_unit || options->no_key_unit)
    {
      fg_venue_set_key_unit (venue, options->key_unit);
      *changed = TRUE;
    }
  if (options->smoke_alarm || options->no_smoke_alarm)
    {
      fg_venue_set_smoke_alarm (venue, options->smoke_alarm);
      *changed = TRUE;
    }

  if (options->smoke_alarms != NULL)
    {
      int count = -1;  /* not counted */

      if (*options->smoke_alarms != '\0' &&
          !fg_cli_parse_int ("--smoke-alarms", options->smoke_alarms, &count, error))
        return FALSE;
      if (*options->smoke_alarms != '\0' && count < 0)
        {
          fg_cli_set_usage_error (error, _("--smoke-alarms takes a number from 0 to 999, not “%s”."),
                                  options->smoke_alarms);
          return FALSE;
        }
      if ((options->smoke_alarm && count == 0) || (options->no_smoke_alarm && count > 0))
        {
          fg_cli_set_usage_error (error, _("--smoke-alarms %s says otherwise than --%s. Give one of them."),
                                  options->smoke_alarms, options->smoke_alarm ? "smoke-alarm" : "no-smoke-alarm");
          return FALSE;
        }
      fg_venue_set_smoke_alarm_count (venue, count);
      *changed = TRUE;
    }
  if (options->smoke_alarms_checked != NULL)
    {
      fg_venue_set_smoke_alarm_checked_on (venue, options->smoke_alarms_checked);
      *changed = TRUE;
    }
  if (options->simple_extinguishing != NULL)
    {
      if (g_strcmp0 (options->simple_extinguishing, "yes") != 0 &&
          g_strcmp0 (options->simple_extinguishing, "no") != 0)
        {
          fg_cli_set_usage_error (error, _("--simple-extinguishing takes yes or no, not “%s”."),
                                  options->simple_extinguishing);
          return FALSE;
        }
      fg_venue_set_simple_extinguishing (venue, g_str_equal (options->simple_extinguishing, "yes"));
      *changed = TRUE;
    }
  if (options->simple_extinguishing_checked != NULL)
    {
      fg_venue_set_simple_extinguishing_checked_on (venue, options->simple_extinguishing_checked);
      *changed = TRUE;
    }

  if (options->status != NULL)
    {
      FgVenueStatus status;

      if (!fg_venue_status_from_string (options->status, &status))
        {
          fg_cli_set_usage_error (error, _("--status takes active, closed or moved, not “%s”."),
                                  options->status);
          return FALSE;
        }
      fg_venue_set_status (venue, status);
      *changed = TRUE;
    }

  return TRUE;
}

static gboolean
venue_add (FgCli   *cli,
           int      argc,
           char   **argv,
           GError **error)
{
  g_auto(VenueOptions) options = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(FgVenue) venue = fg_venue_new ();
  GOptionEntry entries[N_VENUE_ENTRIES];
  gboolean changed;
  FgStore *store;
  FgActor *actor;

  venue_entries_init (&options, entries, FALSE);
  context = fg_cli_option_context_new (cli, "venue add", "",
                                       _("Registers a venue and prints its id."),
                                       _("--name, --address, --region and --category are required. "
                                         "“firegrid-cli category list” shows the category ids, "
                                         "“firegrid-cli region list” the region codes."),
                                       entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 0, error))
    return FALSE;

  if (options.name == NULL || options.address == NULL ||
      options.region == NULL || options.category == NULL)
    {
      fg_cli_set_usage_error (error, _("Give at least --name, --address, --region and --category."));
      return FALSE;
    }

  if (!apply_options (&options, venue, &changed, error))
    return FALSE;

  if (!fg_cli_open_logged_in (cli, &store, &actor, error) ||
      !fg_venue_save (store, actor, venue, error))
    return FALSE;

  printf ("%s\n", fg_venue_get_id (venue));
  return TRUE;
}

static gboolean
venue_edit (FgCli   *cli,
            int      argc,
            char   **argv,
            GError **error)
{
  g_auto(VenueOptions) options = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(FgVenue) venue = NULL;
  GOptionEntry entries[N_VENUE_ENTRIES];
  gboolean changed;
  FgStore *store;
  FgActor *actor;

  venue_entries_init (&options, entries, TRUE);
  context = fg_cli_option_context_new (cli, "venue edit", _("ID"),
                                       _("Changes what is recorded about a venue."),
                                       _("Only the fields given change. An empty value "
                                         "(e.g. --phone \"\") clears an optional field."),
                                       entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 1, error))
    return FALSE;

  if (argc < 2)
    {
      fg_cli_set_usage_error (error, _("Give the venue’s id."));
      return FALSE;
    }

  if (!fg_cli_open_logged_in (cli, &store, &actor, error))
    return FALSE;

  venue = fg_cli_load_venue (store, actor, argv[1], error);
  if (venue == NULL)
    return FALSE;

  if (!apply_options (&options, venue, &changed, error))
    return FALSE;
  if (!changed)
    {
      fg_cli_set_usage_error (error, _("Nothing to change: give at least one option, "
                                       "for example --name or --status."));
      return FALSE;
    }

  return fg_venue_save (store, actor, venue, error);
}

/* --- import --------------------------------------------------------------- */

/* Maps WORD=TARGET words given on the command line: a category id, or a
 * village's or grid's code. */
static gboolean
apply_words (FgVenueImport     *import,
             FgStore           *store,
             FgActor           *actor,
             FgImportWordKind   kind,
             char             **specs,
             GError           **error)
{
  for (guint i = 0; specs != NULL && specs[i] != NULL; i++)
    {
      const char *equals = strrchr (specs[i], '=');
      g_autofree char *word = NULL;

      if (equals == NULL || equals == specs[i] || equals[1] == '\0')
        {
          fg_cli_set_usage_error (error, _("“%s” is not a word mapping: write WORD=%s."), specs[i],
                                  kind == FG_IMPORT_WORD_CATEGORY ? "CATEGORY" : "CODE");
          return FALSE;
        }
      word = g_strndup (specs[i], equals - specs[i]);

      if (kind == FG_IMPORT_WORD_CATEGORY)
        {
          if (fg_category_lookup (equals + 1) == NULL)
            {
              fg_cli_set_usage_error (error, _("“%s” is not a category id; “firegrid-cli category list” "
                                               "shows them."),
                                      equals + 1);
              return FALSE;
            }
          fg_venue_import_set_word (import, kind, word, equals + 1);
        }
      else
        {
          g_autoptr(FgRegion) region = fg_region_lookup (store, actor, equals + 1, error);

          if (region == NULL)
            return FALSE;
          fg_venue_import_set_word (import, kind, word, fg_region_get_id (region));
        }
    }
  return TRUE;
}

static void
print_words (FgVenueImport    *import,
             FgImportWordKind  kind)
{
  g_autoptr(GPtrArray) words = fg_venue_import_list_unknown_words (import, kind);

  if (words->len == 0)
    return;
  g_ptr_array_add (words, NULL);
  {
    g_autofree char *list = g_strjoinv ("  ", (char **) words->pdata);

    if (kind == FG_IMPORT_WORD_CATEGORY)
      g_print (_("Category words not understood: %s\n  (say what each means with --category WORD=ID)\n"), list);
    else
      g_print (_("Village names not found: %s\n  (say which village each means with --village NAME=CODE)\n"), list);
  }
}

static gboolean
venue_import (FgCli   *cli,
              int      argc,
              char   **argv,
              GError **error)
{
  g_autofree char *sheet_name = NULL;
  g_auto(GStrv) maps = NULL;
  g_auto(GStrv) categories = NULL;
  g_auto(GStrv) villages = NULL;
  gboolean dry_run = FALSE, update = FALSE, add_duplicates = FALSE;
  const GOptionEntry entries[] = {
    { "sheet", 0, 0, G_OPTION_ARG_STRING, &sheet_name,
      N_("The sheet to import (the first one if not given)"), N_("NAME") },
    { "map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &maps,
      N_("Which field a column holds, by its header or letter: 店名=name, C=phone, D=none"), N_("COLUMN=FIELD") },
    { "category", 0, 0, G_OPTION_ARG_STRING_ARRAY, &categories,
      N_("What a category word of the sheet means (remembered): 饭店=restaurant"), N_("WORD=ID") },
    { "village", 0, 0, G_OPTION_ARG_STRING_ARRAY, &villages,
      N_("Which village or grid a name of the sheet means (remembered)"), N_("NAME=CODE") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Check every row and say what would be done, changing nothing"), NULL },
    { "update", 0, 0, G_OPTION_ARG_NONE, &update,
      N_("Write the rows like a registered venue, or a row above, over that venue"), NULL },
    { "add-duplicates", 0, 0, G_OPTION_ARG_NONE, &add_duplicates,
      N_("Add rows like a registered venue, or a row above, all the same"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(FgWorkbook) workbook = NULL;
  g_autoptr(FgSheet) sheet = NULL;
  g_autoptr(FgVenueImport) import = NULL;
  FgVenueImportResult result;
  FgStore *store;
  FgActor *actor;
  guint sheet_index, n_duplicates = 0, n_refused = 0;

  context = fg_cli_option_context_new (cli, "venue import", _("FILE"),
                                       _("Registers the venues of a spreadsheet (.xlsx, .xls or CSV in "
                                         "UTF-8 or GBK) in one go."),
                                       _("The header row is found below any title rows, and the columns "
                                         "mapped from their headers (场所名称, 地址, 负责人, 联系电话, "
                                         "统一社会信用代码, 所属村/社区, 网格, 场所类型, 建筑面积, 层数, "
                                         "是否住人 …). Every row is checked as a venue typed in; rows that "
                                         "break a rule are listed with their line and not imported. Rows "
                                         "with the credit code, or the name and address, of a registered "
                                         "venue or a row above are listed and skipped, unless --update or "
                                         "--add-duplicates is given. The rest is stored in one go, or "
                                         "nothing is. Fields for --map: name, address, operator, phone, "
                                         "credit-code, village, grid, category, floor-area, floors, "
                                         "sleeping, key-unit, smoke-alarm, none."),
                                       entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 1, error))
    return FALSE;
  if (argc < 2)
    {
      fg_cli_set_usage_error (error, _("Give the spreadsheet to import."));
      return FALSE;
    }
  if (update && add_duplicates)
    {
      fg_cli_set_usage_error (error, _("Give --update or --add-duplicates, not both."));
      return FALSE;
    }

  if (!fg_cli_open_logged_in (cli, &store, &actor, error))
    return FALSE;

  workbook = fg_workbook_open (argv[1], NULL, error);
  if (workbook == NULL ||
      !fg_workbook_find_sheet (workbook, sheet_name, &sheet_index, error))
    return FALSE;
  sheet = fg_workbook_read_sheet (workbook, sheet_index, NULL, error);
  if (sheet == NULL)
    return FALSE;
  import = fg_venue_import_new (workbook, sheet, error);
  if (import == NULL)
    return FALSE;

  for (guint i = 0; maps != NULL && maps[i] != NULL; i++)
    if (!fg_venue_import_apply_map (import, maps[i], error))
      return FALSE;
  if (!apply_words (import, store, actor, FG_IMPORT_WORD_CATEGORY, categories, error) ||
      !apply_words (import, store, actor, FG_IMPORT_WORD_REGION, villages, error))
    return FALSE;

  g_print (_("Sheet “%s”, columns named on line %u:\n"), fg_sheet_get_name (sheet),
           fg_sheet_get_line (sheet, fg_venue_import_get_header_row (import)));
  for (guint column = 0; column < fg_venue_import_get_n_columns (import); column++)
    {
      g_autofree char *letters = fg_sheet_column_letters (column);
      FgImportField field = fg_venue_import_get_field (import, column);

      g_print ("  %-3s %s → %s\n", letters, fg_venue_import_get_header (import, column),
               field == FG_IMPORT_FIELD_NONE ? _("(not imported)") : fg_import_field_to_string (field));
    }
  if (fg_sheet_get_n_formulas (sheet) > 0)
    g_print (ngettext ("%u cell holds a formula: the value it last showed in the spreadsheet is imported.\n",
                       "%u cells hold formulas: the values they last showed in the spreadsheet are imported.\n",
                       fg_sheet_get_n_formulas (sheet)),
             fg_sheet_get_n_formulas (sheet));

  if (!fg_venue_import_check (import, store, actor, NULL, NULL, NULL, error))
    return FALSE;

  for (guint i = 0; i < fg_venue_import_get_n_rows (import); i++)
    {
      FgImportRowState state = fg_venue_import_get_row_state (import, i);

      if (state == FG_IMPORT_ROW_REFUSED)
        {
          g_print (_("Line %u (%s): refused: %s\n"), fg_venue_import_get_row_line (import, i),
                   fg_venue_import_get_row_name (import, i), fg_venue_import_get_row_message (import, i));
          n_refused++;
        }
      else if (state == FG_IMPORT_ROW_DUPLICATE)
        {
          g_print (_("Line %u (%s): likely a duplicate: %s\n"), fg_venue_import_get_row_line (import, i),
                   fg_venue_import_get_row_name (import, i), fg_venue_import_get_row_message (import, i));
          n_duplicates++;
        }
    }
  print_words (import, FG_IMPORT_WORD_CATEGORY);
  print_words (import, FG_IMPORT_WORD_REGION);

  fg_venue_import_set_duplicate_choice (import, update ? FG_IMPORT_DUPLICATE_UPDATE
                                                : add_duplicates ? FG_IMPORT_DUPLICATE_ADD
                                                : FG_IMPORT_DUPLICATE_SKIP);
  if (dry_run)
    {
      guint n_new = fg_venue_import_get_n_rows (import) - n_duplicates - n_refused;

      g_print (_("Checked only, nothing stored: %u venues to add, %u likely duplicates, %u rows refused.\n"),
               n_new, n_duplicates, n_refused);
      return TRUE;
    }

  if (!fg_venue_import_run (import, store, actor, NULL, NULL, NULL, &result, error))
    return FALSE;

  g_print (_("Imported: %u venues added, %u updated, %u likely duplicates skipped, %u rows refused.\n"),
           result.added, result.updated, result.skipped, result.refused);
  if (result.refused > 0)
    g_print (_("Correct the refused rows and import the file again: the venues added now will then be "
               "found as duplicates and skipped.\n"));
  return TRUE;
}

static const FgCliCommand venue_commands[] = {
  { "list", N_("List venues, filtered and sorted"), venue_list },
  { "search", N_("Find venues by part of a name, address or operator"), venue_search },
  { "show", N_("Show one venue"), venue_show },
  { "add", N_("Register a venue"), venue_add },
  { "edit", N_("Change a venue"), venue_edit },
  { "import", N_("Register the venues of a spreadsheet"), venue_import },
};

gboolean
fg_cli_command_venue (FgCli   *cli,
                      int      argc,
                      char   **argv,
                      GError **error)
{
  return fg_cli_run_group (cli, "venue",
                           _("Lists, finds, shows, registers, changes and imports venues (场所): "
                             "those in the part of the township the account of --user covers. "
                             "Once the database has accounts, each command needs --user LOGIN."),
                           venue_commands, G_N_ELEMENTS (venue_commands),
                           argc, argv, error);
}
