/* test-accessible.c — the accessible name of a button with a mnemonic
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "src/app/fg-accessible.h"

static void
check (const char *label,
       const char *expected)
{
  g_autofree char *plain = fg_accessible_strip_mnemonic (label);

  g_assert_cmpstr (plain, ==, expected);
}

/* A name is read once, without the mnemonic: "登录(_L)" is read "登录". */
static void
test_strip_mnemonic (void)
{
  check ("登录(_L)", "登录");
  check ("添加村（社区）(_V)…", "添加村（社区）…");
  check ("_Log In", "Log In");
  check ("Save _As…", "Save As…");
  check ("snake__case", "snake_case");
  check ("no mnemonic", "no mnemonic");
  check ("(_A)", "");
  check ("trailing_", "trailing");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/accessible/strip-mnemonic", test_strip_mnemonic);
  return g_test_run ();
}
