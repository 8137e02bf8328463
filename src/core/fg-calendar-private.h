/* fg-calendar-private.h
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "fg-calendar.h"

G_BEGIN_DECLS

void       fg_calendar_install_shipped (FgStore     *store);
GDateTime *fg_calendar_parse_moment    (const char  *text,
                                        GError     **error);
gboolean   fg_calendar_check_not_ahead (GDateTime   *moment,
                                        const char  *text,
                                        GError     **error);
GDate     *fg_calendar_parse_period_day (const char  *text,
                                         gboolean     start,
                                         GQuark       domain,
                                         int          code,
                                         GError     **error);
gboolean   fg_calendar_check_period     (const GDate *from,
                                         const GDate *to,
                                         GQuark       domain,
                                         int          code,
                                         GError     **error);

G_END_DECLS
