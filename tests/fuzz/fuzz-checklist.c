/* fuzz-checklist.c — a checklist template, as `checklist install` and the
 * shipped ones are read
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fg-fuzz.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fg_fuzz_init ();
  return 0;
}

/* what an item leaves out is NULL */
static void
add (GString    *all,
     const char *text)
{
  if (text != NULL)
    g_string_append (all, text);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(FgChecklist) checklist = fg_checklist_parse (bytes, "fuzz.xml", &error);
  GListModel *items;

  if ((checklist == NULL) == (error == NULL))
    abort ();
  if (checklist == NULL)
    return 0;

  /* everything the window and the documents read of an item */
  items = fg_checklist_get_items (checklist);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FgChecklistItem) item = g_list_model_get_item (items, i);
      GString *all = g_string_new (NULL);

      add (all, fg_checklist_get_title (checklist));
      add (all, fg_checklist_item_get_code (item));
      add (all, fg_checklist_item_get_section (item));
      add (all, fg_checklist_item_get_text (item));
      add (all, fg_checklist_item_get_finding (item));
      add (all, fg_checklist_item_get_action (item));
      for (const char * const *basis = fg_checklist_item_get_bases (item); basis != NULL && *basis != NULL; basis++)
        g_string_append_printf (all, "%s %d", *basis, fg_checklist_basis_is_printable (*basis));
      for (const char * const *basis = fg_checklist_item_get_unverified_bases (item);
           basis != NULL && *basis != NULL; basis++)
        add (all, *basis);
      for (const char * const *reference = fg_checklist_item_get_references (item);
           reference != NULL && *reference != NULL; reference++)
        add (all, *reference);
      g_string_append_printf (all, "%d %d %d %u", fg_checklist_item_get_kind (item),
                              fg_checklist_item_get_on_spot (item), fg_checklist_item_get_major (item),
                              fg_checklist_item_get_deadline_days (item));
      g_string_free (all, TRUE);
    }
  return 0;
}
