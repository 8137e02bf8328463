/* fg-notice-page.h — the documents (文书): list, preview, print, service
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "firegrid.h"

G_BEGIN_DECLS

/* The list's filter, in the order of its drop-down. */
typedef enum
{
  FG_NOTICE_FILTER_ALL,
  FG_NOTICE_FILTER_OPEN,    /* orders whose hazards are still being corrected */
  FG_NOTICE_FILTER_TODAY,   /* issued today */
  FG_NOTICE_FILTER_UNSERVED, /* not yet served on the venue */
} FgNoticeFilter;

#define FG_TYPE_NOTICE_PAGE (fg_notice_page_get_type ())

G_DECLARE_FINAL_TYPE (FgNoticePage, fg_notice_page, FG, NOTICE_PAGE, GtkWidget)

void        fg_notice_page_set_store        (FgNoticePage *self,
                                             FgStore      *store,
                                             FgActor      *actor);
void        fg_notice_page_set_region       (FgNoticePage *self,
                                             const char   *region_id);
void        fg_notice_page_set_filter       (FgNoticePage *self,
                                             FgNoticeFilter filter);
void        fg_notice_page_reload           (FgNoticePage *self);
gboolean    fg_notice_page_show_notice      (FgNoticePage *self,
                                             const char   *notice_id);
GListModel *fg_notice_page_get_model        (FgNoticePage *self);
FgNotice   *fg_notice_page_get_shown_notice (FgNoticePage *self);
guint       fg_notice_page_get_n_preview_pages (FgNoticePage *self);
void        fg_notice_page_toast            (FgNoticePage *self,
                                             const char   *text);

G_END_DECLS
