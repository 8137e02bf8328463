/* fuzz-calendar.c — a holiday calendar file, as `calendar install` and the
 * settings window install it
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fg-fuzz.h"

static FgStore *township;
static FgActor *installer;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;

  fg_fuzz_init ();
  installer = fg_actor_new_local ();
  township = fg_fuzz_store_new ("township.db");
  fg_fuzz_check (fg_office_set_up_township (township, installer, "410425101", "冢头镇", "郏县", &error), error);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) years = NULL;

  if (!fg_calendar_install_file (township, installer, bytes, "fuzz.xml", &years, &error))
    {
      if (error == NULL)
        abort ();
      return 0;
    }

  /* what the deadlines then read of each year installed */
  for (guint i = 0; i < years->len; i++)
    {
      int year = g_array_index (years, int, i);
      g_autoptr(GDate) first = year > 0 && year < 10000 ? g_date_new_dmy (1, G_DATE_JANUARY, (GDateYear) year) : NULL;

      if (first != NULL)
        {
          g_autoptr(GDate) later = fg_calendar_add_workdays (township, first, 30);
          g_autofree char *name = fg_calendar_dup_day_name (township, first);

          (void) later;
          (void) name;
          (void) fg_calendar_get_day_kind (township, first);
        }
    }
  return 0;
}
