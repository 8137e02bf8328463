/* fg-pdf-faces.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The faces a document is set in: the Ming (Song) face of the document
 * settings, then fallback Ming faces for the rare characters it lacks
 * (names in Henan have characters of CJK Extension A and B). Each
 * character is drawn with the first face of the chain that has it.
 *
 * Faces are found through fontconfig and must have TrueType outlines
 * (libharu cannot embed CFF fonts such as Noto CJK). A large CJK face is
 * megabytes; HarfBuzz's subsetter cuts each face down to the characters
 * it draws before libharu embeds it.
 *
 * libharu 2.3 addresses a TrueType face by 16-bit Unicode values (its
 * UTF-8 encoder turns anything beyond the Basic Multilingual Plane into a
 * space), so a character of Extension B would print as a blank. Each
 * embedded subset therefore gets a cmap of our own: characters of the
 * BMP keep their code, the others get a private-use code the document
 * does not use with that face; and the font's ToUnicode map is written
 * anew so that the text copied or searched in the PDF is the true
 * character. libharu 2.3 has no API for either, so the ToUnicode stream
 * is reached through its installed headers (hpdf_font.h).
 */
#include "config.h"

#include <string.h>

#include <fontconfig/fontconfig.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <hb-subset.h>
#include <hb.h>
#include <hpdf_font.h>

#include "fg-notice.h"
#include "fg-pdf-faces-private.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (hb_blob_t, hb_blob_destroy)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (hb_face_t, hb_face_destroy)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (hb_font_t, hb_font_destroy)

/* The Debian package to suggest when no font will do. */
#define FONT_PACKAGE FG_NOTICE_FONT_PACKAGE

/* Where the codes for characters beyond the BMP are taken from. */
#define PRIVATE_USE_FIRST 0xE000
#define PRIVATE_USE_LAST  0xF8FF

/* Faces official documents are set in, best first; then any Chinese
 * TrueType face. */
static const char * const preferred_families[] = {
  "FangSong", "FangSong_GB2312", "仿宋", "SimSun", "宋体", "NSimSun",
  "AR PL UMing CN", "AR PL SungtiL GB", "AR PL UKai CN",
  "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Droid Sans Fallback",
  NULL
};

typedef struct
{
  char *file;
  int index;
  char *family;
  hb_face_t *face;
  hb_font_t *font;
  double units_per_em;
  GHashTable *codes;      /* character beyond the BMP → its code in the subset */
  HPDF_Font pdf_font;
  char *subset_path;
} Face;

struct _FgPdfFaces
{
  GPtrArray *faces;       /* Face, the chain so far */
  GStrv pending;          /* fallback families not opened yet */
  guint next_pending;
  GHashTable *choice;     /* character → index of its face + 1, or -1 for none */
  GHashTable *advances;   /* character → advance in ems (double *) */
};

static void
face_free (Face *face)
{
  if (face->subset_path != NULL)
    g_unlink (face->subset_path);
  g_free (face->subset_path);
  g_clear_pointer (&face->codes, g_hash_table_unref);
  g_clear_pointer (&face->font, hb_font_destroy);
  g_clear_pointer (&face->face, hb_face_destroy);
  g_free (face->file);
  g_free (face->family);
  g_free (face);
}

static gboolean
face_has_outlines (hb_face_t *face)
{
  g_autoptr(hb_blob_t) glyf = hb_face_reference_table (face, HB_TAG ('g', 'l', 'y', 'f'));

  return hb_blob_get_length (glyf) > 0;
}

/* A TrueType Chinese face of @family, or the best one installed. */
static gboolean
find_font (const char  *family,
           char       **file,
           int         *index,
           char       **found_family)
{
  FcPattern *pattern = FcPatternCreate ();
  FcObjectSet *objects = FcObjectSetBuild (FC_FAMILY, FC_FILE, FC_INDEX, FC_FONTFORMAT, NULL);
  FcFontSet *set;
  int best_rank = G_MAXINT;

  FcInit ();
  if (family != NULL)
    FcPatternAddString (pattern, FC_FAMILY, (const FcChar8 *) family);
  else
    {
      FcLangSet *langs = FcLangSetCreate ();

      FcLangSetAdd (langs, (const FcChar8 *) "zh-cn");
      FcPatternAddLangSet (pattern, FC_LANG, langs);
      FcLangSetDestroy (langs);
    }
  FcPatternAddString (pattern, FC_FONTFORMAT, (const FcChar8 *) "TrueType");
  set = FcFontList (NULL, pattern, objects);
  FcObjectSetDestroy (objects);
  FcPatternDestroy (pattern);

  for (int i = 0; set != NULL && i < set->nfont; i++)
    {
      FcChar8 *path = NULL;
      FcChar8 *name = NULL;
      int face_index = 0;
      int rank = G_N_ELEMENTS (preferred_families);

      if (FcPatternGetString (set->fonts[i], FC_FILE, 0, &path) != FcResultMatch)
        continue;
      FcPatternGetInteger (set->fonts[i], FC_INDEX, 0, &face_index);

      for (int n = 0; FcPatternGetString (set->fonts[i], FC_FAMILY, n, &name) == FcResultMatch; n++)
        for (int r = 0; preferred_families[r] != NULL; r++)
          if (g_ascii_strcasecmp ((const char *) name, preferred_families[r]) == 0 && r < rank)
            rank = r;

      if (rank < best_rank || (rank == best_rank && *file != NULL && g_strcmp0 (*file, (char *) path) > 0))
        {
          best_rank = rank;
          g_free (*file);
          g_free (*found_family);
          *file = g_strdup ((const char *) path);
          *index = face_index;
          FcPatternGetString (set->fonts[i], FC_FAMILY, 0, &name);
          *found_family = g_strdup ((const char *) name);
        }
    }

  if (set != NULL)
    FcFontSetDestroy (set);

  return *file != NULL;
}

/* The face of @family, or NULL when it is not installed or cannot be
 * embedded (@usable tells which). */
static Face *
open_face (const char *family,
           gboolean   *installed)
{
  Face *face = g_new0 (Face, 1);
  g_autoptr(hb_blob_t) blob = NULL;

  *installed = find_font (family, &face->file, &face->index, &face->family);
  if (!*installed)
    {
      face_free (face);
      return NULL;
    }

  blob = hb_blob_create_from_file_or_fail (face->file);
  if (blob != NULL)
    face->face = hb_face_create (blob, (unsigned int) face->index);
  if (face->face == NULL || hb_face_get_glyph_count (face->face) == 0 || !face_has_outlines (face->face))
    {
      face_free (face);
      return NULL;
    }
  face->font = hb_font_create (face->face);
  face->units_per_em = hb_face_get_upem (face->face);
  face->codes = g_hash_table_new (NULL, NULL);
  return face;
}

/**
 * fg_pdf_faces_new:
 * @family: (nullable): the face documents are set in, or %NULL to take
 *   the best installed Chinese TrueType face
 * @fallbacks: (nullable): families for the characters @family lacks, in
 *   order; those not installed are passed over
 *
 * Returns: (transfer full): the chain, or %NULL with @error set
 *   (%FG_NOTICE_ERROR_FONT) when @family cannot be used
 */
FgPdfFaces *
fg_pdf_faces_new (const char          *family,
                  const char * const  *fallbacks,
                  GError             **error)
{
  g_autoptr(FgPdfFaces) self = g_new0 (FgPdfFaces, 1);
  gboolean installed = FALSE;
  Face *first;

  if (family != NULL && *family == '\0')
    family = NULL;

  self->faces = g_ptr_array_new_with_free_func ((GDestroyNotify) face_free);
  self->pending = g_strdupv ((char **) fallbacks);
  self->choice = g_hash_table_new (NULL, NULL);
  self->advances = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  first = open_face (family, &installed);
  if (first == NULL && !installed)
    {
      if (family != NULL)
        g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_FONT,
                     _("The font “%s” chosen for documents is not installed, or is not a TrueType font. "
                       "Choose another font in the document settings, or install the package %s."),
                     family, FONT_PACKAGE);
      else
        g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_NO_FONT,
                     _("No Chinese TrueType font is installed, so documents cannot be made. Ask whoever "
                       "looks after this computer to install the font package %s."),
                     FONT_PACKAGE);
      return NULL;
    }
  if (first == NULL)
    {
      g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_FONT,
                   _("The font “%s” cannot be used for documents (it has no TrueType outlines). "
                     "Choose another font in the document settings, or install the package %s."),
                   family != NULL ? family : "", FONT_PACKAGE);
      return NULL;
    }
  g_ptr_array_add (self->faces, first);

  return g_steal_pointer (&self);
}

void
fg_pdf_faces_free (FgPdfFaces *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->faces, g_ptr_array_unref);
  g_clear_pointer (&self->pending, g_strfreev);
  g_clear_pointer (&self->choice, g_hash_table_unref);
  g_clear_pointer (&self->advances, g_hash_table_unref);
  g_free (self);
}

/* The family of the @face'th face of the chain (0: the documents' own). */
const char *
fg_pdf_faces_get_family (FgPdfFaces *self,
                         int         face)
{
  g_assert (face >= 0 && (guint) face < self->faces->len);

  return ((Face *) g_ptr_array_index (self->faces, face))->family;
}

static gboolean
face_has (Face     *face,
          gunichar  c)
{
  hb_codepoint_t glyph = 0;

  return hb_font_get_nominal_glyph (face->font, c, &glyph) && glyph != 0;
}

/* Opens the next fallback face that is installed and not in the chain
 * yet; FALSE when there is none left. */
static gboolean
open_next_fallback (FgPdfFaces *self)
{
  while (self->pending != NULL && self->pending[self->next_pending] != NULL)
    {
      gboolean installed;
      Face *face = open_face (self->pending[self->next_pending++], &installed);
      gboolean known = FALSE;

      if (face == NULL)
        continue;
      for (guint i = 0; i < self->faces->len; i++)
        {
          Face *other = g_ptr_array_index (self->faces, i);

          if (g_str_equal (other->family, face->family) ||
              (g_str_equal (other->file, face->file) && other->index == face->index))
            known = TRUE;
        }
      if (known)
        {
          face_free (face);
          continue;
        }
      g_ptr_array_add (self->faces, face);
      return TRUE;
    }

  return FALSE;
}

/**
 * fg_pdf_faces_lookup:
 * @c: a character
 *
 * Returns: the index of the first face of the chain that has @c, or -1
 *   when none has; control characters go with the first face
 */
int
fg_pdf_faces_lookup (FgPdfFaces *self,
                     gunichar    c)
{
  gpointer cached;
  guint from = 0;
  int found = -1;

  if (c < 0x20)
    return 0;
  if (g_hash_table_lookup_extended (self->choice, GUINT_TO_POINTER (c), NULL, &cached))
    return GPOINTER_TO_INT (cached) > 0 ? GPOINTER_TO_INT (cached) - 1 : -1;

  do
    {
      for (guint i = from; i < self->faces->len && found < 0; i++)
        if (face_has (g_ptr_array_index (self->faces, i), c))
          found = (int) i;
      from = self->faces->len;
    }
  while (found < 0 && open_next_fallback (self));

  g_hash_table_insert (self->choice, GUINT_TO_POINTER (c), GINT_TO_POINTER (found >= 0 ? found + 1 : -1));
  return found;
}

/**
 * fg_pdf_faces_advance:
 *
 * Returns: how far @c advances, in ems, in the face that draws it (that
 *   of the first face's missing glyph when none has it)
 */
double
fg_pdf_faces_advance (FgPdfFaces *self,
                      gunichar    c)
{
  double *cached = g_hash_table_lookup (self->advances, GUINT_TO_POINTER (c));
  int index;
  Face *face;
  hb_codepoint_t glyph = 0;

  if (cached != NULL)
    return *cached;

  index = fg_pdf_faces_lookup (self, c);
  face = g_ptr_array_index (self->faces, MAX (index, 0));
  hb_font_get_nominal_glyph (face->font, c, &glyph);
  cached = g_new (double, 1);
  *cached = hb_font_get_glyph_h_advance (face->font, glyph) / face->units_per_em;
  g_hash_table_insert (self->advances, GUINT_TO_POINTER (c), cached);
  return *cached;
}

typedef struct
{
  guint16 code;
  guint16 glyph;
  gunichar c;
} Mapping;

static int
compare_mappings (gconstpointer a,
                  gconstpointer b)
{
  const Mapping *x = a;
  const Mapping *y = b;

  return (int) x->code - (int) y->code;
}

static void
put16 (GByteArray *bytes,
       guint       value)
{
  guint8 be[2] = { (value >> 8) & 0xFF, value & 0xFF };

  g_byte_array_append (bytes, be, 2);
}

/* A cmap table with one Windows Unicode subtable of format 4, mapping
 * each code of @mappings (sorted) to its glyph. A segment holds a run of
 * codes whose glyphs follow one another. */
static hb_blob_t *
build_cmap (GArray *mappings)
{
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) deltas = g_array_new (FALSE, FALSE, sizeof (guint));
  GByteArray *bytes = g_byte_array_new ();
  guint n_segments, search_range = 1, entry_selector = 0;
  guint last = 0xFFFF;
  gsize length;
  guint8 *table;

  for (guint i = 0; i < mappings->len; i++)
    {
      const Mapping *m = &g_array_index (mappings, Mapping, i);
      guint delta = (m->glyph - m->code) & 0xFFFF;

      if (ends->len > 0 && m->code == g_array_index (ends, guint, ends->len - 1) + 1 &&
          delta == g_array_index (deltas, guint, deltas->len - 1))
        g_array_index (ends, guint, ends->len - 1) = m->code;
      else
        {
          guint code = m->code;

          g_array_append_val (starts, code);
          g_array_append_val (ends, code);
          g_array_append_val (deltas, delta);
        }
    }
  /* the closing segment every format 4 subtable has */
  g_array_append_val (starts, last);
  g_array_append_val (ends, last);
  last = 1;
  g_array_append_val (deltas, last);

  n_segments = starts->len;
  while (search_range * 2 <= n_segments)
    {
      search_range *= 2;
      entry_selector++;
    }
  length = 16 + 8 * n_segments;
  if (length > 0xFFFF)
    {
      g_byte_array_unref (bytes);
      return NULL;
    }

  put16 (bytes, 0);                     /* version */
  put16 (bytes, 1);                     /* one subtable */
  put16 (bytes, 3);                     /* Windows */
  put16 (bytes, 1);                     /* Unicode BMP */
  put16 (bytes, 0);
  put16 (bytes, 12);                    /* its offset */
  put16 (bytes, 4);                     /* format */
  put16 (bytes, length);
  put16 (bytes, 0);                     /* language */
  put16 (bytes, n_segments * 2);
  put16 (bytes, search_range * 2);
  put16 (bytes, entry_selector);
  put16 (bytes, n_segments * 2 - search_range * 2);
  for (guint i = 0; i < n_segments; i++)
    put16 (bytes, g_array_index (ends, guint, i));
  put16 (bytes, 0);                     /* reserved */
  for (guint i = 0; i < n_segments; i++)
    put16 (bytes, g_array_index (starts, guint, i));
  for (guint i = 0; i < n_segments; i++)
    put16 (bytes, g_array_index (deltas, guint, i));
  for (guint i = 0; i < n_segments; i++)
    put16 (bytes, 0);                   /* no idRangeOffset */

  /* the blob owns the table's bytes: they go when the blob goes */
  length = bytes->len;
  table = g_byte_array_free (bytes, FALSE);
  return hb_blob_create ((const char *) table, length, HB_MEMORY_MODE_WRITABLE, table, g_free);
}

/* The subset with @cmap instead of HarfBuzz's. */
static hb_blob_t *
replace_cmap (hb_face_t *subset_builder,
              hb_blob_t *cmap)
{
  g_autoptr(hb_face_t) builder = hb_face_builder_create ();
  /* a face HarfBuzz is still building does not list its tables */
  g_autoptr(hb_blob_t) bytes = hb_face_reference_blob (subset_builder);
  g_autoptr(hb_face_t) subset = hb_face_create (bytes, 0);
  hb_tag_t tags[64];
  unsigned int n_tags = G_N_ELEMENTS (tags);

  hb_face_get_table_tags (subset, 0, &n_tags, tags);
  for (unsigned int i = 0; i < n_tags; i++)
    {
      g_autoptr(hb_blob_t) table = NULL;

      if (tags[i] == HB_TAG ('c', 'm', 'a', 'p'))
        continue;
      table = hb_face_reference_table (subset, tags[i]);
      hb_face_builder_add_table (builder, tags[i], table);
    }
  hb_face_builder_add_table (builder, HB_TAG ('c', 'm', 'a', 'p'), cmap);

  return hb_face_reference_blob (builder);
}

/* The characters of @face's subset, each with its code and its glyph in
 * the subset; characters beyond the BMP get private-use codes that none
 * of its characters has. */
static GArray *
map_characters (Face       *face,
                hb_face_t  *subset,
                GPtrArray  *chars)
{
  g_autoptr(hb_font_t) font = hb_font_create (subset);
  GArray *mappings = g_array_new (FALSE, FALSE, sizeof (Mapping));
  g_autoptr(GHashTable) taken = g_hash_table_new (NULL, NULL);
  guint next = PRIVATE_USE_FIRST;

  for (guint i = 0; i < chars->len; i++)
    g_hash_table_add (taken, chars->pdata[i]);

  for (guint i = 0; i < chars->len; i++)
    {
      gunichar c = GPOINTER_TO_UINT (chars->pdata[i]);
      hb_codepoint_t glyph = 0;
      Mapping m = { c <= 0xFFFF ? c : 0, 0, c };

      hb_font_get_nominal_glyph (font, c, &glyph);
      m.glyph = glyph;
      if (c > 0xFFFF)
        {
          while (next <= PRIVATE_USE_LAST && g_hash_table_contains (taken, GUINT_TO_POINTER (next)))
            next++;
          if (next > PRIVATE_USE_LAST)
            break;
          m.code = next++;
          g_hash_table_insert (face->codes, GUINT_TO_POINTER (c), GUINT_TO_POINTER ((guint) m.code));
        }
      g_array_append_val (mappings, m);
    }

  g_array_sort (mappings, compare_mappings);
  return mappings;
}

/* The font's ToUnicode map: each code to its character, in UTF-16 (a
 * surrogate pair beyond the BMP), so that the text copied from the PDF
 * is what was written. */
static void
write_to_unicode (HPDF_Font  font,
                  GArray    *mappings)
{
  HPDF_FontAttr attr = (HPDF_FontAttr) font->attr;
  g_autoptr(GString) cmap = g_string_new (NULL);

  g_string_append (cmap,
                   "/CIDInit /ProcSet findresource begin\n"
                   "12 dict begin\n"
                   "begincmap\n"
                   "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                   "/CMapName /Adobe-Identity-UCS def\n"
                   "/CMapType 2 def\n"
                   "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
  for (guint i = 0; i < mappings->len; i += 100)
    {
      guint n = MIN (100, mappings->len - i);

      g_string_append_printf (cmap, "%u beginbfchar\n", n);
      for (guint j = i; j < i + n; j++)
        {
          const Mapping *m = &g_array_index (mappings, Mapping, j);

          if (m->c > 0xFFFF)
            g_string_append_printf (cmap, "<%04X> <%04X%04X>\n", m->code,
                                    0xD800 + ((m->c - 0x10000) >> 10), 0xDC00 + ((m->c - 0x10000) & 0x3FF));
          else
            g_string_append_printf (cmap, "<%04X> <%04X>\n", m->code, m->c);
        }
      g_string_append (cmap, "endbfchar\n");
    }
  g_string_append (cmap, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");

  HPDF_MemStream_FreeData (attr->cmap_stream->stream);
  HPDF_Stream_Write (attr->cmap_stream->stream, (const HPDF_BYTE *) cmap->str, cmap->len);
}

/* Cuts @face down to @chars and hands it to libharu. */
static gboolean
embed_face (Face       *face,
            HPDF_Doc    doc,
            GPtrArray  *chars,
            GError    **error)
{
  hb_subset_input_t *input = hb_subset_input_create_or_fail ();
  g_autoptr(hb_face_t) subset = NULL;
  g_autoptr(hb_blob_t) cmap = NULL;
  g_autoptr(hb_blob_t) blob = NULL;
  g_autoptr(GArray) mappings = NULL;
  const char *data;
  unsigned int length;
  const char *name;
  int fd;

  if (input == NULL)
    goto failed;
  /* hinting instructions are for screens at small sizes: print and
   * on-screen previews at page size do without, and they are half of a
   * Ming face's bytes */
  hb_subset_input_set_flags (input, HB_SUBSET_FLAGS_NO_HINTING);
  for (guint i = 0; i < chars->len; i++)
    hb_set_add (hb_subset_input_unicode_set (input), GPOINTER_TO_UINT (chars->pdata[i]));
  subset = hb_subset_or_fail (face->face, input);
  hb_subset_input_destroy (input);
  if (subset == NULL)
    goto failed;

  mappings = map_characters (face, subset, chars);
  cmap = build_cmap (mappings);
  if (cmap == NULL)
    goto failed;
  blob = replace_cmap (subset, cmap);
  data = hb_blob_get_data (blob, &length);
  if (length == 0)
    goto failed;

  /* libharu 2.3 reads a TrueType font only from a file */
  fd = g_file_open_tmp ("firegrid-font-XXXXXX.ttf", &face->subset_path, error);
  if (fd < 0)
    return FALSE;
  g_close (fd, NULL);
  if (!g_file_set_contents (face->subset_path, data, length, error))
    return FALSE;

  name = HPDF_LoadTTFontFromFile (doc, face->subset_path, HPDF_TRUE);
  if (name == NULL)
    goto failed;
  face->pdf_font = HPDF_GetFont (doc, name, "UTF-8");
  if (face->pdf_font == NULL)
    goto failed;
  write_to_unicode (face->pdf_font, mappings);

  return TRUE;

failed:
  g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_FONT,
               _("The font “%s” could not be prepared for the document. Choose another font in the "
                 "document settings."),
               face->family);
  return FALSE;
}

static int
compare_characters (gconstpointer a,
                    gconstpointer b)
{
  guint x = GPOINTER_TO_UINT (*(gpointer *) a);
  guint y = GPOINTER_TO_UINT (*(gpointer *) b);

  return x < y ? -1 : x > y;
}

/**
 * fg_pdf_faces_embed:
 * @used: (element-type gunichar): the characters the document draws,
 *   each of which a face of the chain has
 *
 * Embeds each face that draws some of @used, cut down to them.
 */
gboolean
fg_pdf_faces_embed (FgPdfFaces  *self,
                    HPDF_Doc     doc,
                    GHashTable  *used,
                    GError     **error)
{
  g_autoptr(GPtrArray) by_face = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, used);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      int face = fg_pdf_faces_lookup (self, GPOINTER_TO_UINT (key));

      g_assert (face >= 0);
      while (by_face->len <= (guint) face)
        g_ptr_array_add (by_face, g_ptr_array_new ());
      g_ptr_array_add (g_ptr_array_index (by_face, face), key);
    }

  for (guint i = 0; i < by_face->len; i++)
    {
      GPtrArray *chars = g_ptr_array_index (by_face, i);

      if (chars->len == 0)
        continue;
      g_ptr_array_sort (chars, compare_characters);
      if (!embed_face (g_ptr_array_index (self->faces, i), doc, chars, error))
        return FALSE;
    }

  return TRUE;
}

/* The embedded font of the @face'th face; NULL when it draws nothing. */
HPDF_Font
fg_pdf_faces_get_font (FgPdfFaces *self,
                       int         face)
{
  g_assert (face >= 0 && (guint) face < self->faces->len);

  return ((Face *) g_ptr_array_index (self->faces, face))->pdf_font;
}

/**
 * fg_pdf_faces_encode:
 * @text: a run of characters the @face'th face draws
 * @end: where the run ends
 *
 * Returns: (transfer full): the run as libharu takes it for the face's
 *   embedded font: UTF-8 of the codes of its cmap
 */
char *
fg_pdf_faces_encode (FgPdfFaces *self,
                     int         face,
                     const char *text,
                     const char *end)
{
  Face *f = g_ptr_array_index (self->faces, face);
  GString *encoded = g_string_sized_new (end - text);

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gpointer code;

      if (c > 0xFFFF && g_hash_table_lookup_extended (f->codes, GUINT_TO_POINTER (c), NULL, &code))
        c = GPOINTER_TO_UINT (code);
      g_string_append_unichar (encoded, c);
    }

  return g_string_free (encoded, FALSE);
}
