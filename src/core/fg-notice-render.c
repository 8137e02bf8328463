/* fg-notice-render.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The documents as PDF, laid out from their frozen content alone. Their
 * wording follows the forms townships use under the Fire Protection Law
 * and order No. 120 of the Ministry of Public Security; it is Chinese
 * whatever the language of the interface, as the documents are.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "fg-category.h"
#include "fg-checklist.h"
#include "fg-notice-private.h"
#include "fg-permission-private.h"
#include "fg-store-private.h"

#define QR_SIDE 64.0

static const char *
content_str (GVariant   *content,
             const char *key)
{
  const char *value = NULL;

  if (!g_variant_lookup (content, key, "&s", &value))
    return "";
  return value;
}

static void
add_row (GPtrArray *rows,
         ...)
{
  g_autoptr(GStrvBuilder) cells = g_strv_builder_new ();
  va_list args;
  const char *cell;

  va_start (args, rows);
  while ((cell = va_arg (args, const char *)) != NULL)
    g_strv_builder_add (cells, cell);
  va_end (args);

  g_ptr_array_add (rows, g_strv_builder_end (cells));
}

static GPtrArray *
new_rows (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
}

/* The head of a document: issuer and title, centred, then the number. */
static void
draw_head (FgPdf      *pdf,
           const char *issuer,
           const char *title,
           const char *number)
{
  fg_pdf_line_text (pdf, issuer, FG_PDF_SIZE_TITLE, FG_PDF_ALIGN_CENTER, TRUE);
  fg_pdf_line_text (pdf, title, FG_PDF_SIZE_TITLE, FG_PDF_ALIGN_CENTER, TRUE);
  fg_pdf_skip (pdf, 4);
  if (number != NULL && *number != '\0')
    fg_pdf_line_text (pdf, number, FG_PDF_SIZE_BODY, FG_PDF_ALIGN_RIGHT, FALSE);
  fg_pdf_skip (pdf, FG_PDF_SIZE_BODY * 0.25);
}

/* Where the venue signs for the document. */
static void
draw_receipt (FgPdf *pdf)
{
  fg_pdf_skip (pdf, FG_PDF_SIZE_SMALL * 0.25);
  fg_pdf_line_text (pdf, "被检查单位（场所）负责人签收：                  年    月    日",
                    FG_PDF_SIZE_SMALL, FG_PDF_ALIGN_LEFT, FALSE);
}

/* Issuer, seal and date, at the right; kept together on one page. */
static void
draw_signature (FgPdf      *pdf,
                const char *issuer,
                const char *issued_on)
{
  g_autofree char *date = fg_notice_format_date (issued_on);
  g_autofree char *seal = g_strconcat (issuer, "（印章）", NULL);

  fg_pdf_keep (pdf, FG_PDF_SIZE_BODY * 1.5 * 3);
  fg_pdf_skip (pdf, FG_PDF_SIZE_BODY * 0.25);
  fg_pdf_line_text (pdf, seal, FG_PDF_SIZE_BODY, FG_PDF_ALIGN_RIGHT, FALSE);
  fg_pdf_line_text (pdf, date, FG_PDF_SIZE_BODY, FG_PDF_ALIGN_RIGHT, FALSE);
}

/* How many copies there are and who keeps them, in small type right
 * under the signatures, as the last line of the closing. */
static void
draw_copies_note (FgPdf      *pdf,
                  const char *what)
{
  g_autofree char *note = g_strdup_printf ("本%s一式两份，一份交被检查单位（场所），一份存档。", what);

  fg_pdf_skip (pdf, 2);
  fg_pdf_paragraph (pdf, note, FG_PDF_SIZE_TABLE, 0);
}

/* The closing of an order or an opinion: what it orders or concludes,
 * how to challenge it, the seal and date, the venue's receipt and the
 * copies. It is measured before it is drawn, so that the table's last
 * row goes with it to a new page rather than leave it alone there. */
typedef struct
{
  const char *order;      /* in the text's type */
  const char *remedy;     /* (nullable): in the next smaller type */
  const char *issuer;
  const char *issued_on;
  const char *what;       /* 通知书, 意见书 */
  double      size;       /* the text's type; 0: body type, as documents issued before were set */
  gboolean    inspectors; /* a place for each of the two inspectors to sign, with their certificate numbers */
  gboolean    on_spot;    /* where the inspectors note the on-the-spot check of an order to correct at once */
} Closing;

/* Where the two officers who inspected sign, each beside the number of
 * their certificate, written by hand. */
static void
draw_inspector_signatures (FgPdf *pdf)
{
  for (guint i = 0; i < 2; i++)
    {
      fg_pdf_skip (pdf, FG_PDF_SIZE_SMALL * 0.5);
      fg_pdf_line_text (pdf, "检查人员（签名）：                执法证号：", FG_PDF_SIZE_SMALL, FG_PDF_ALIGN_LEFT,
                        FALSE);
    }
}

/* Where the inspectors note, on the spot, whether an order to correct at
 * once was complied with, and when. */
static void
draw_on_spot_check (FgPdf *pdf)
{
  fg_pdf_skip (pdf, FG_PDF_SIZE_SMALL * 0.25);
  fg_pdf_line_text (pdf, "当场核查：□已当场改正  □未当场改正  核查时间：    时    分",
                    FG_PDF_SIZE_SMALL, FG_PDF_ALIGN_LEFT, FALSE);
}

static void
draw_closing (FgPdf    *pdf,
              gpointer  data)
{
  const Closing *closing = data;
  double size = closing->size > 0 ? closing->size : FG_PDF_SIZE_BODY;

  fg_pdf_skip (pdf, size * 0.25);
  fg_pdf_paragraph (pdf, closing->order, size, 2);
  if (closing->on_spot)
    draw_on_spot_check (pdf);
  if (closing->remedy != NULL)
    fg_pdf_paragraph (pdf, closing->remedy, size > FG_PDF_SIZE_SMALL ? FG_PDF_SIZE_SMALL : FG_PDF_SIZE_TABLE, 2);
  if (closing->inspectors)
    draw_inspector_signatures (pdf);
  draw_signature (pdf, closing->issuer, closing->issued_on);
  draw_receipt (pdf);
  draw_copies_note (pdf, closing->what);
}

static char *
running_head (GVariant *content)
{
  return g_strdup_printf ("%s  %s（续）", content_str (content, "title"), content_str (content, "number"));
}

static void
draw_void_mark (FgPdf    *pdf,
                FgNotice *notice)
{
  g_autofree char *text = NULL;

  if (notice == NULL || !fg_notice_get_voided (notice))
    return;

  text = g_strdup_printf ("【已作废】%s", fg_notice_get_void_reason (notice));
  fg_pdf_line_text (pdf, text, FG_PDF_SIZE_BODY, FG_PDF_ALIGN_CENTER, TRUE);
}

static void
draw_qr (FgPdf    *pdf,
         FgNotice *notice)
{
  g_autofree char *code = NULL;
  g_autofree char *check = NULL;
  g_autofree char *caption = NULL;

  /* a document not issued yet, whose characters are being checked:
   * those its check code may have */
  if (notice == NULL)
    {
      fg_pdf_qr (pdf, "", "校验码 0123456789ABCDEF-", QR_SIDE);
      return;
    }
  code = fg_notice_dup_code (notice);
  check = fg_notice_dup_check_code (notice);
  caption = g_strconcat ("校验码 ", check, NULL);
  fg_pdf_qr (pdf, code, caption, QR_SIDE);
}

/* How the office names itself: 我镇, 我乡, 本机关; 我单位 in documents
 * issued before that was a setting. */
static const char *
self_name (GVariant *content)
{
  const char *name = NULL;

  if (!g_variant_lookup (content, "self-name", "&s", &name) || *name == '\0')
    return "我单位";
  return name;
}

/* What an order says of the time limit and of a challenge to it. An
 * order issued since the review body and the court are settings names
 * them (行政复议法 2023 第二十条第一款, sixty days; 第二十四条第一款第（二）项,
 * the county government for a township's act, 第（三）项 for a street
 * office's; 行政诉讼法 第十八条第一款, the court where the office is;
 * 第四十六条第一款, six months), and one to correct at once has no time
 * limit to overrun; earlier orders keep the wording they were issued
 * with. */
static char *
order_remedy (GVariant *content,
              gboolean  now)
{
  const char *review_body = NULL;

  if (!g_variant_lookup (content, "review-body", "&s", &review_body))
    return g_strdup ("逾期不改正的，将依法移送公安派出所或者消防救援机构处理。如不服本通知，可以在收到本通知之日起"
                     "六十日内依法申请行政复议，或者六个月内依法向人民法院提起行政诉讼。");

  return g_strdup_printf ("%s如不服本通知书，可以在收到本通知书之日起六十日内依法向%s申请行政复议，"
                          "或者在六个月内依法向%s提起行政诉讼。",
                          now ? "" : "逾期不改正的，将依法移送公安派出所或者消防救援机构处理。",
                          review_body, content_str (content, "court"));
}

/* What a re-inspection opinion that sets a new period says of a challenge
 * to it, as an order does; NULL for opinions issued before the review body
 * and the court were part of their content, which print as they did. */
static char *
opinion_remedy (GVariant *content)
{
  const char *review_body = NULL;

  if (!g_variant_lookup (content, "review-body", "&s", &review_body) || *review_body == '\0')
    return NULL;

  return g_strdup_printf ("如不服本意见书，可以在收到本意见书之日起六十日内依法向%s申请行政复议，"
                          "或者在六个月内依法向%s提起行政诉讼。",
                          review_body, content_str (content, "court"));
}

/* On what authority the office acts, as the office set it in Document
 * Settings ("根据《中华人民共和国消防法》第…条…的规定，"); nothing when
 * it set nothing, rather than a citation nobody checked. Documents issued
 * before it was a setting keep the general words they were issued with. */
static char *
authority_clause (GVariant *content)
{
  const char *basis = NULL;

  if (!g_variant_lookup (content, "authority-basis", "&s", &basis))
    return g_strdup ("根据《中华人民共和国消防法》《河南省消防条例》的有关规定，");
  if (*basis == '\0')
    return g_strdup ("");
  return g_strdup_printf ("根据%s，", basis);
}

/* What an order to correct at once orders: since it is checked on the
 * spot, where the inspectors note whether it was corrected and when;
 * before that, a report and a re-inspection. */
static char *
order_now (GVariant   *content,
           const char *self)
{
  gboolean on_spot = FALSE;

  if (g_variant_lookup (content, "on-spot-check", "b", &on_spot) && on_spot)
    return g_strdup ("责令你单位（场所）对上述消防安全违法行为（火灾隐患）立即改正。"
                     "检查人员当场对改正情况进行核查，并在本通知书上注明。");
  return g_strdup_printf ("责令你单位（场所）对上述消防安全违法行为（火灾隐患）立即改正。"
                          "改正完毕后，请向%s报告，%s将进行复查。", self, self);
}

/* 责令立即改正通知书, 责令限期改正通知书 */
static void
draw_order (FgPdf    *pdf,
            FgNotice *notice,
            GVariant *content)
{
  g_autoptr(GVariant) problems = g_variant_lookup_value (content, "problems", G_VARIANT_TYPE ("a(ssss)"));
  g_autoptr(GPtrArray) rows = new_rows ();
  g_autofree char *head = running_head (content);
  g_autofree char *addressee = g_strconcat (content_str (content, "venue"), "：", NULL);
  g_autofree char *inspected = fg_notice_format_date (content_str (content, "inspected-on"));
  g_autofree char *opening = NULL;
  g_autofree char *order = NULL;
  g_autofree char *remedy = NULL;
  g_autofree char *authority = authority_clause (content);
  const char *self = self_name (content);
  Closing closing;
  gboolean now = g_str_equal (content_str (content, "kind"), "correct-now");
  const FgPdfColumn columns[] = {
    { "序号", 0.07, FG_PDF_ALIGN_CENTER },
    { "存在的问题", 0.33, FG_PDF_ALIGN_LEFT },
    { "违反的规定", 0.31, FG_PDF_ALIGN_LEFT },
    { "整改要求", 0.29, FG_PDF_ALIGN_LEFT },
  };
  GVariantIter iter;
  const char *text, *seen, *basis, *action;
  guint n = 0;

  fg_pdf_begin_document (pdf, head);
  draw_qr (pdf, notice);
  draw_head (pdf, content_str (content, "issuer"), content_str (content, "title"), content_str (content, "number"));
  draw_void_mark (pdf, notice);

  /* the text in 四号, so that an order of one or two findings is one page */
  fg_pdf_line_text (pdf, addressee, FG_PDF_SIZE_SMALL, FG_PDF_ALIGN_LEFT, FALSE);
  opening = g_strdup_printf ("%s%s于%s对你单位（场所）"
                             "（地址：%s）进行了消防安全检查，发现存在下列消防安全违法行为（火灾隐患）：",
                             authority, self, inspected, content_str (content, "address"));
  fg_pdf_paragraph (pdf, opening, FG_PDF_SIZE_SMALL, 2);
  fg_pdf_skip (pdf, 4);

  if (problems != NULL)
    {
      g_variant_iter_init (&iter, problems);
      while (g_variant_iter_next (&iter, "(&s&s&s&s)", &text, &seen, &basis, &action))
        {
          g_autofree char *number = g_strdup_printf ("%u", ++n);
          g_autofree char *problem = *seen != '\0' ? g_strdup_printf ("%s（%s）", text, seen) : g_strdup (text);

          add_row (rows, number, problem, basis, action, NULL);
        }
    }

  if (now)
    order = order_now (content, self);
  else
    {
      g_autofree char *deadline = fg_notice_format_date (content_str (content, "deadline"));

      g_autofree char *which = n > 1 ? g_strdup_printf ("上述第1至%u项", n) : g_strdup ("上述");

      order = g_strdup_printf ("责令你单位（场所）于%s前将%s消防安全违法行为（火灾隐患）改正完毕。"
                               "改正期间，应当采取必要的防范措施，确保消防安全。改正完毕后，请向%s书面报告；"
                               "%s将在你单位（场所）报告改正完毕或者改正期限届满之日起3个工作日内进行复查。",
                               deadline, which, self, self);
    }
  remedy = order_remedy (content, now);
  closing = (Closing) { order, remedy, content_str (content, "issuer"), content_str (content, "issued-on"), "通知书",
                        FG_PDF_SIZE_SMALL, FALSE };
  closing.on_spot = now && g_variant_lookup (content, "on-spot-check", "b", &closing.on_spot) && closing.on_spot;
  fg_pdf_table_before (pdf, columns, G_N_ELEMENTS (columns), rows, FG_PDF_SIZE_FORM,
                       fg_pdf_measure (pdf, draw_closing, &closing));
  draw_closing (pdf, &closing);
  fg_pdf_end_document (pdf);
}

/* 复查意见书 */
static void
draw_reinspection (FgPdf    *pdf,
                   FgNotice *notice,
                   GVariant *content)
{
  g_autoptr(GVariant) results = g_variant_lookup_value (content, "results", G_VARIANT_TYPE ("a(sss)"));
  g_autoptr(GPtrArray) rows = new_rows ();
  g_autofree char *head = running_head (content);
  g_autofree char *addressee = g_strconcat (content_str (content, "venue"), "：", NULL);
  g_autofree char *reinspected = fg_notice_format_date (content_str (content, "reinspected-on"));
  g_autofree char *opening = NULL;
  const FgPdfColumn columns[] = {
    { "序号", 0.08, FG_PDF_ALIGN_CENTER },
    { "原通知的问题", 0.42, FG_PDF_ALIGN_LEFT },
    { "复查结果", 0.24, FG_PDF_ALIGN_LEFT },
    { "复查情况", 0.26, FG_PDF_ALIGN_LEFT },
  };
  gboolean all_fixed = FALSE;
  g_autofree char *remedy = NULL;
  g_autofree char *authority = NULL;
  /* an opinion issued since it has a place for each inspector to sign is
   * set like an order, in 四号; earlier ones print as they did */
  gboolean signed_by_inspectors = g_variant_lookup (content, "inspector-signatures", "b", &signed_by_inspectors) &&
                                  signed_by_inspectors;
  double text_size = signed_by_inspectors ? FG_PDF_SIZE_SMALL : FG_PDF_SIZE_BODY;
  Closing closing;
  GVariantIter iter;
  const char *text, *result, *note;
  guint n = 0;

  g_variant_lookup (content, "all-fixed", "b", &all_fixed);
  if (g_variant_lookup (content, "authority-basis", "&s", NULL))
    authority = authority_clause (content);
  else
    authority = g_strdup ("根据《中华人民共和国消防法》的有关规定，");

  fg_pdf_begin_document (pdf, head);
  draw_qr (pdf, notice);
  draw_head (pdf, content_str (content, "issuer"), content_str (content, "title"), content_str (content, "number"));
  draw_void_mark (pdf, notice);

  fg_pdf_line_text (pdf, addressee, text_size, FG_PDF_ALIGN_LEFT, FALSE);
  opening = g_strdup_printf ("%s%s于%s对你单位（场所）执行%s（%s）的情况"
                             "进行了复查，结果如下：",
                             authority, self_name (content), reinspected, content_str (content, "follows-title"),
                             content_str (content, "follows"));
  fg_pdf_paragraph (pdf, opening, text_size, 2);
  fg_pdf_skip (pdf, 4);

  if (results != NULL)
    {
      g_variant_iter_init (&iter, results);
      while (g_variant_iter_next (&iter, "(&s&s&s)", &text, &result, &note))
        {
          g_autofree char *number = g_strdup_printf ("%u", ++n);

          add_row (rows, number, text, result, note, NULL);
        }
    }
  closing = (Closing) {
    all_fixed ? "经复查，上述消防安全违法行为（火灾隐患）已改正完毕。"
              : "经复查，你单位（场所）仍有未改正的消防安全违法行为（火灾隐患），请在上表所列期限内改正；"
                "逾期不改正的，将依法移送公安派出所或者消防救援机构处理。",
    NULL, content_str (content, "issuer"), content_str (content, "issued-on"), "意见书", text_size,
    signed_by_inspectors, FALSE
  };
  if (!all_fixed)
    closing.remedy = remedy = opinion_remedy (content);
  fg_pdf_table_before (pdf, columns, G_N_ELEMENTS (columns), rows, FG_PDF_SIZE_TABLE,
                       fg_pdf_measure (pdf, draw_closing, &closing));
  draw_closing (pdf, &closing);
  fg_pdf_end_document (pdf);
}

/* Where the inspectors and the venue sign a record. A record issued since
 * it names two officers gives each a place to sign beside the number of
 * their certificate, the venue's person a place, and the inspectors a line
 * to note a refusal to sign; earlier records print as they did. */
static void
draw_record_closing (FgPdf    *pdf,
                     gpointer  data)
{
  GVariant *officers = data;
  GVariantIter iter;
  const char *name, *certificate;

  fg_pdf_skip (pdf, FG_PDF_SIZE_BODY * 0.75);
  if (officers == NULL)
    {
      fg_pdf_line_text (pdf, "检查人员（签名）：", FG_PDF_SIZE_BODY, FG_PDF_ALIGN_LEFT, FALSE);
      fg_pdf_skip (pdf, FG_PDF_SIZE_BODY * 0.5);
      fg_pdf_line_text (pdf, "被检查单位（场所）人员（签名）：          年   月   日",
                        FG_PDF_SIZE_BODY, FG_PDF_ALIGN_LEFT, FALSE);
      draw_copies_note (pdf, "记录");
      return;
    }

  g_variant_iter_init (&iter, officers);
  while (g_variant_iter_next (&iter, "(&s&s)", &name, &certificate))
    {
      g_autofree char *line = g_strdup_printf ("检查人员：%s（执法证号：%s）  签名：", name, certificate);

      fg_pdf_line_text (pdf, line, FG_PDF_SIZE_SMALL, FG_PDF_ALIGN_LEFT, FALSE);
      fg_pdf_skip (pdf, FG_PDF_SIZE_SMALL);
    }
  fg_pdf_line_text (pdf, "被检查单位（场所）现场负责人（签名）：          年   月   日",
                    FG_PDF_SIZE_SMALL, FG_PDF_ALIGN_LEFT, FALSE);
  fg_pdf_skip (pdf, FG_PDF_SIZE_SMALL);
  fg_pdf_line_text (pdf, "被检查单位（场所）拒绝签字的，由检查人员注明情况：",
                    FG_PDF_SIZE_SMALL, FG_PDF_ALIGN_LEFT, FALSE);
  fg_pdf_skip (pdf, FG_PDF_SIZE_SMALL * 1.5);
  fg_pdf_rule (pdf, 0, FALSE);
  fg_pdf_skip (pdf, FG_PDF_SIZE_SMALL * 0.5);
  draw_copies_note (pdf, "记录");
}

/* Who inspected, with their certificate numbers, and from when to when;
 * a record issued before it named two officers gives the inspector and
 * the start. */
static void
add_record_officers (GPtrArray *facts,
                     GVariant  *content,
                     GVariant  *officers)
{
  g_autofree char *day = fg_notice_format_date (content_str (content, "inspected-on"));
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *when = NULL;
  GVariantIter iter;
  const char *name, *certificate;

  if (officers == NULL)
    {
      when = g_strdup_printf ("%s %s", day, content_str (content, "inspected-at"));
      add_row (facts, "检查时间", when, NULL);
      add_row (facts, "检查人员", content_str (content, "inspectors"), NULL);
      return;
    }

  if (g_str_equal (content_str (content, "finished-on"), content_str (content, "inspected-on")))
    when = g_strdup_printf ("%s %s至%s", day, content_str (content, "inspected-at"),
                            content_str (content, "finished-at"));
  else
    {
      g_autofree char *end_day = fg_notice_format_date (content_str (content, "finished-on"));

      when = g_strdup_printf ("%s %s至%s %s", day, content_str (content, "inspected-at"), end_day,
                              content_str (content, "finished-at"));
    }
  g_variant_iter_init (&iter, officers);
  while (g_variant_iter_next (&iter, "(&s&s)", &name, &certificate))
    g_string_append_printf (names, "%s%s（执法证号：%s）", names->len > 0 ? "、" : "", name, certificate);
  add_row (facts, "检查时间", when, NULL);
  add_row (facts, "检查人员", names->str, NULL);
}

/* 现场检查记录 */
static void
draw_record (FgPdf    *pdf,
             FgNotice *notice,
             GVariant *content)
{
  g_autoptr(GVariant) items = g_variant_lookup_value (content, "items", G_VARIANT_TYPE ("a(ssss)"));
  g_autoptr(GPtrArray) facts = new_rows ();
  g_autoptr(GPtrArray) rows = new_rows ();
  g_autoptr(GVariant) officers = g_variant_lookup_value (content, "officers", G_VARIANT_TYPE ("a(ss)"));
  g_autofree char *head = running_head (content);
  g_autofree char *summary = NULL;
  const FgPdfColumn fact_columns[] = {
    { "项目", 0.26, FG_PDF_ALIGN_LEFT },
    { "内容", 0.74, FG_PDF_ALIGN_LEFT },
  };
  const FgPdfColumn columns[] = {
    { "序号", 0.08, FG_PDF_ALIGN_CENTER },
    { "检查内容", 0.52, FG_PDF_ALIGN_LEFT },
    { "结果", 0.12, FG_PDF_ALIGN_CENTER },
    { "情况说明", 0.28, FG_PDF_ALIGN_LEFT },
  };
  guint n_pass = 0, n_fail = 0, n_na = 0;
  GVariantIter iter;
  const char *section, *text, *outcome, *note;
  guint n = 0;

  g_variant_lookup (content, "counts", "(uuu)", &n_pass, &n_fail, &n_na);

  fg_pdf_begin_document (pdf, head);
  draw_qr (pdf, notice);
  draw_head (pdf, content_str (content, "issuer"), content_str (content, "title"), content_str (content, "number"));
  draw_void_mark (pdf, notice);

  add_row (facts, "被检查单位（场所）", content_str (content, "venue"), NULL);
  add_row (facts, "地址", content_str (content, "address"), NULL);
  add_row (facts, "所属村（社区）", content_str (content, "village"), NULL);
  add_row (facts, "场所类别", content_str (content, "category"), NULL);
  add_row (facts, "负责人", content_str (content, "operator"), NULL);
  add_row (facts, "联系电话", content_str (content, "phone"), NULL);
  add_record_officers (facts, content, officers);
  add_row (facts, "检查表", content_str (content, "template"), NULL);
  fg_pdf_table (pdf, fact_columns, G_N_ELEMENTS (fact_columns), facts, FG_PDF_SIZE_TABLE);
  fg_pdf_skip (pdf, FG_PDF_SIZE_BODY * 0.5);

  summary = g_strdup_printf ("本次检查共%u项：合格%u项，不合格%u项，不适用%u项。",
                             n_pass + n_fail + n_na, n_pass, n_fail, n_na);
  fg_pdf_paragraph (pdf, summary, FG_PDF_SIZE_BODY, 2);
  fg_pdf_skip (pdf, 4);

  if (items != NULL)
    {
      g_variant_iter_init (&iter, items);
      while (g_variant_iter_next (&iter, "(&s&s&s&s)", &section, &text, &outcome, &note))
        {
          g_autofree char *number = g_strdup_printf ("%u", ++n);

          add_row (rows, number, text, outcome, note, NULL);
        }
    }
  fg_pdf_table_before (pdf, columns, G_N_ELEMENTS (columns), rows, FG_PDF_SIZE_TABLE,
                       fg_pdf_measure (pdf, draw_record_closing, officers));
  draw_record_closing (pdf, officers);
  fg_pdf_end_document (pdf);
}

/* 送达回证: a page of its own, to be signed and kept. */
static void
draw_service_proof (FgPdf    *pdf,
                    FgNotice *notice,
                    GVariant *content)
{
  g_autoptr(GPtrArray) rows = new_rows ();
  g_autofree char *head = g_strdup_printf ("送达回证  %s", content_str (content, "number"));
  g_autofree char *document = g_strdup_printf ("%s\n%s", content_str (content, "title"), content_str (content, "number"));
  g_autofree char *recipient = NULL;
  const FgPdfColumn columns[] = {
    { "项目", 0.30, FG_PDF_ALIGN_LEFT },
    { "内容", 0.70, FG_PDF_ALIGN_LEFT },
  };

  if (*content_str (content, "operator") != '\0')
    recipient = g_strdup_printf ("%s（负责人：%s）", content_str (content, "venue"), content_str (content, "operator"));
  else
    recipient = g_strdup (content_str (content, "venue"));

  add_row (rows, "送达文书名称及文号", document, NULL);
  add_row (rows, "受送达人", recipient, NULL);
  add_row (rows, "送达地点", content_str (content, "address"), NULL);
  add_row (rows, "送达方式", "□ 直接送达  □ 留置送达  □ 其他：", NULL);
  add_row (rows, "受送达人（签名）", "\n\n                          年    月    日", NULL);
  add_row (rows, "代收人及代收理由", "\n\n", NULL);
  add_row (rows, "送达人（签名）", "\n\n                          年    月    日", NULL);
  add_row (rows, "见证人（签名）", "\n\n", NULL);
  add_row (rows, "备注", "受送达人拒绝签收的，送达人应当在备注栏注明拒收事由和日期，由送达人、见证人签名，"
                         "把文书留在受送达人的住所或者经营场所，视为送达。\n\n", NULL);

  fg_pdf_begin_document (pdf, head);
  draw_head (pdf, content_str (content, "issuer"), "送达回证", NULL);
  fg_pdf_table (pdf, columns, G_N_ELEMENTS (columns), rows, FG_PDF_SIZE_SMALL);
  fg_pdf_end_document (pdf);
}

/* The start of a document laid out in a file of its own
 * (fg-notice-transfer.c): running head, QR code, issuer, title, number. */
void
fg_notice_render_begin (FgPdf    *pdf,
                        FgNotice *notice,
                        GVariant *content)
{
  g_autofree char *head = running_head (content);

  fg_pdf_begin_document (pdf, head);
  draw_qr (pdf, notice);
  draw_head (pdf, content_str (content, "issuer"), content_str (content, "title"), content_str (content, "number"));
  draw_void_mark (pdf, notice);
}

void
fg_notice_render_signature (FgPdf      *pdf,
                            const char *issuer,
                            const char *issued_on)
{
  draw_signature (pdf, issuer, issued_on);
}

/* @notice is NULL while the characters of a document not issued yet are
 * checked (see fg_notice_render_dup_missing()). */
static void
draw_document (FgPdf        *pdf,
               FgNoticeKind  kind,
               FgNotice     *notice,
               GVariant     *content)
{
  switch (kind)
    {
    case FG_NOTICE_KIND_INSPECTION_RECORD:
      draw_record (pdf, notice, content);
      break;
    case FG_NOTICE_KIND_CORRECT_NOW:
    case FG_NOTICE_KIND_CORRECT_BY_DEADLINE:
      draw_order (pdf, notice, content);
      draw_service_proof (pdf, notice, content);
      break;
    case FG_NOTICE_KIND_REINSPECTION:
      draw_reinspection (pdf, notice, content);
      draw_service_proof (pdf, notice, content);
      break;
    case FG_NOTICE_KIND_MAJOR_HAZARD_LETTER:
    case FG_NOTICE_KIND_TRANSFER:
      fg_notice_transfer_draw (pdf, notice, content);
      break;
    case FG_NOTICE_N_KINDS:
    default:
      break;
    }
}

static void
draw_notice (FgPdf    *pdf,
             FgNotice *notice)
{
  draw_document (pdf, fg_notice_get_kind (notice), notice, fg_notice_get_content (notice));
}

/**
 * fg_notice_render_dup_missing:
 * @pdf: a PDF collecting characters
 * @kind: the kind of document
 * @content: what it will say
 *
 * Lays out a document that is not issued yet, only to collect the
 * characters it will print.
 *
 * Returns: (transfer full) (nullable): those no face of @pdf has, or
 *   %NULL when all can be drawn
 */
char *
fg_notice_render_dup_missing (FgPdf        *pdf,
                              FgNoticeKind  kind,
                              GVariant     *content)
{
  g_return_val_if_fail (fg_pdf_is_collecting (pdf), NULL);

  draw_document (pdf, kind, NULL, content);
  return fg_pdf_dup_missing (pdf, NULL);
}

/**
 * fg_notice_render:
 * @store: the store (its document settings: the font)
 * @actor: who prints
 * @notices: (element-type FgNotice): the documents, in the order to print
 *   them: one, or a batch (a village's open notices, a day's documents)
 * @error: return location for an error
 *
 * Lays the documents out as they were issued, one after the other, each
 * on its own pages numbered "第 N 页 共 M 页"; an order to correct and a
 * re-inspection opinion are followed by their proof of service.
 *
 * Returns: (transfer full): the PDF, or %NULL with @error set
 */
GBytes *
fg_notice_render (FgStore    *store,
                  FgActor    *actor,
                  GPtrArray  *notices,
                  GError    **error)
{
  g_autoptr(FgNoticeSettings) settings = NULL;
  g_autoptr(FgPdf) pdf = NULL;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);
  g_return_val_if_fail (notices != NULL, NULL);

  if (notices->len == 0)
    {
      g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID, _("There are no documents to print."));
      return NULL;
    }
  for (guint i = 0; i < notices->len; i++)
    {
      FgNotice *notice = g_ptr_array_index (notices, i);

      if (!fg_permission_check (store, actor, FG_ACTION_NOTICE_PRINT, fg_notice_private_get_region_code (notice),
                                fg_notice_get_id (notice), error))
        return NULL;
    }

  settings = fg_notice_settings_load (store, error);
  if (settings == NULL)
    return NULL;
  pdf = fg_pdf_new (settings->font, error);
  if (pdf == NULL)
    return NULL;

  /* the first pass learns the characters, the second draws */
  for (int pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < notices->len; i++)
        draw_notice (pdf, g_ptr_array_index (notices, i));
      if (pass == 0 && !fg_pdf_start_drawing (pdf, error))
        return NULL;
    }

  return fg_pdf_finish (pdf, error);
}

static FgChecklist *
find_checklist (FgStore     *store,
                const char  *category,
                GError     **error)
{
  g_autoptr(GPtrArray) checklists = fg_checklist_list (store, error);
  FgChecklist *best = NULL;

  if (checklists == NULL)
    return NULL;
  for (guint i = 0; i < checklists->len; i++)
    {
      FgChecklist *checklist = g_ptr_array_index (checklists, i);

      if (g_strcmp0 (fg_checklist_get_category (checklist), category) == 0 &&
          (best == NULL || fg_checklist_get_version (checklist) > fg_checklist_get_version (best)))
        best = checklist;
    }

  if (best == NULL)
    {
      const FgCategory *known = fg_category_lookup (category);

      if (known != NULL)
        g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_NOT_FOUND,
                     _("There is no checklist for the category “%s”."),
                     fg_category_get_name (known));
      else
        g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_NOT_FOUND,
                     _("“%s” is not one of the venue categories."), category);
      return NULL;
    }

  return g_object_ref (best);
}

/* Where the inspectors and the venue sign a form filled in by hand. */
static void
draw_blank_closing (FgPdf    *pdf,
                    gpointer  data)
{
  fg_pdf_skip (pdf, FG_PDF_SIZE_BODY);
  fg_pdf_line_text (pdf, "检查人员（签名）：", FG_PDF_SIZE_BODY, FG_PDF_ALIGN_LEFT, FALSE);
  fg_pdf_skip (pdf, FG_PDF_SIZE_BODY * 0.5);
  fg_pdf_line_text (pdf, "被检查单位（场所）人员（签名）：", FG_PDF_SIZE_BODY, FG_PDF_ALIGN_LEFT, FALSE);
  fg_pdf_paragraph (pdf, "本表为纸质填写用；检查结果应当及时录入系统，录入时选择与本表相同版本的检查表。",
                    FG_PDF_SIZE_TABLE, 0);
}

static void
draw_blank_checklist (FgPdf       *pdf,
                      FgChecklist *checklist,
                      const char  *issuer)
{
  GListModel *items = fg_checklist_get_items (checklist);
  g_autoptr(GPtrArray) facts = new_rows ();
  g_autoptr(GPtrArray) rows = new_rows ();
  /* a form filled in by hand shows only Chinese: the template is known
   * by its title and version */
  g_autofree char *version = g_strdup_printf ("检查表：%s（第%u版）", fg_checklist_get_title_zh (checklist),
                                              fg_checklist_get_version (checklist));
  g_autofree char *head = g_strdup_printf ("%s（第%u版）（续）", fg_checklist_get_title_zh (checklist),
                                           fg_checklist_get_version (checklist));
  const FgPdfColumn fact_columns[] = {
    { "项目", 0.26, FG_PDF_ALIGN_LEFT },
    { "内容", 0.74, FG_PDF_ALIGN_LEFT },
  };
  const FgPdfColumn columns[] = {
    { "序号", 0.07, FG_PDF_ALIGN_CENTER },
    { "检查内容", 0.47, FG_PDF_ALIGN_LEFT },
    { "合格", 0.08, FG_PDF_ALIGN_CENTER },
    { "不合格", 0.10, FG_PDF_ALIGN_CENTER },
    { "不适用", 0.10, FG_PDF_ALIGN_CENTER },
    { "情况说明", 0.18, FG_PDF_ALIGN_LEFT },
  };
  const char *section = NULL;

  fg_pdf_begin_document (pdf, head);
  draw_head (pdf, issuer, fg_checklist_get_title_zh (checklist), NULL);
  fg_pdf_line_text (pdf, version, FG_PDF_SIZE_TABLE, FG_PDF_ALIGN_RIGHT, FALSE);
  fg_pdf_skip (pdf, 4);

  add_row (facts, "被检查单位（场所）", "", NULL);
  add_row (facts, "地址", "", NULL);
  add_row (facts, "负责人及电话", "", NULL);
  add_row (facts, "检查时间", "            年    月    日    时    分", NULL);
  add_row (facts, "检查人员", "", NULL);
  fg_pdf_table (pdf, fact_columns, G_N_ELEMENTS (fact_columns), facts, FG_PDF_SIZE_TABLE);
  fg_pdf_skip (pdf, FG_PDF_SIZE_BODY * 0.5);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FgChecklistItem) item = g_list_model_get_item (items, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *text = NULL;

      /* the section's name leads its first item */
      if (g_strcmp0 (section, fg_checklist_item_get_section_zh (item)) != 0)
        {
          section = fg_checklist_item_get_section_zh (item);
          text = g_strdup_printf ("【%s】%s", section, fg_checklist_item_get_text_zh (item));
        }
      else
        text = g_strdup (fg_checklist_item_get_text_zh (item));
      add_row (rows, number, text, "□", "□", "□", "", NULL);
    }
  fg_pdf_table_before (pdf, columns, G_N_ELEMENTS (columns), rows, FG_PDF_SIZE_TABLE,
                       fg_pdf_measure (pdf, draw_blank_closing, NULL));
  draw_blank_closing (pdf, NULL);
  fg_pdf_end_document (pdf);
}

/**
 * fg_notice_render_blank_checklist:
 * @category: a venue category id (restaurant, internet-cafe …)
 *
 * A printable checklist for the category's newest template, to fill in by
 * hand where the laptop cannot go; it names the template by its title and
 * version, in Chinese only, as the whole form is.
 * Checklists are program data: printing one needs no login.
 *
 * Returns: (transfer full): the PDF, or %NULL with @error set
 */
GBytes *
fg_notice_render_blank_checklist (FgStore     *store,
                                  const char  *category,
                                  GError     **error)
{
  g_autoptr(FgNoticeSettings) settings = NULL;
  g_autoptr(FgChecklist) checklist = NULL;
  g_autoptr(FgPdf) pdf = NULL;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (category != NULL, NULL);

  checklist = find_checklist (store, category, error);
  if (checklist == NULL)
    return NULL;
  settings = fg_notice_settings_load (store, error);
  if (settings == NULL)
    return NULL;
  pdf = fg_pdf_new (settings->font, error);
  if (pdf == NULL)
    return NULL;

  for (int pass = 0; pass < 2; pass++)
    {
      draw_blank_checklist (pdf, checklist, settings->issuer_name);
      if (pass == 0 && !fg_pdf_start_drawing (pdf, error))
        return NULL;
    }

  return fg_pdf_finish (pdf, error);
}
