// libjpeg-turbo (Debian libjpeg62-turbo-dev), used by FolioFingerprint's JPEG reader.
#ifndef FOLIO_CLIBJPEG_SHIM_H
#define FOLIO_CLIBJPEG_SHIM_H
#include <setjmp.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jpeglib.h>

// libjpeg reports fatal errors through error_exit, which must not return; the default one
// calls exit(). Swift cannot setjmp, so the whole decode runs here in C: error_exit records
// the message and longjmps back to folio_jpeg_decode_grey, never across a Swift frame.

typedef struct {
    struct jpeg_error_mgr base;
    jmp_buf jump;
    char message[JMSG_LENGTH_MAX];
} folio_jpeg_error_mgr;

static void folio_jpeg_error_exit(j_common_ptr cinfo) {
    folio_jpeg_error_mgr *err = (folio_jpeg_error_mgr *)cinfo->err;
    (*cinfo->err->format_message)(cinfo, err->message);
    longjmp(err->jump, 1);
}

// Warnings (corrupt data, premature end) are fatal for Folio: a damaged file must not
// fingerprint as if it were whole. Trace messages (level > 0) are ignored.
static void folio_jpeg_emit_message(j_common_ptr cinfo, int level) {
    if (level < 0) {
        folio_jpeg_error_exit(cinfo);
    }
}

static void folio_jpeg_output_message(j_common_ptr cinfo) { (void)cinfo; }

/// Decodes a baseline or progressive JPEG to 8-bit greyscale (the Y channel, integer IDCT).
/// Returns 0 and a malloc'd buffer in *pixels (caller frees) on success. Returns 1 with a
/// message on a libjpeg error, 2 when the image exceeds max_side or max_pixels.
static inline int folio_jpeg_decode_grey(const unsigned char *data, unsigned long size,
                                         unsigned long max_side, unsigned long max_pixels,
                                         unsigned char **pixels, unsigned int *width,
                                         unsigned int *height, char *message, size_t capacity) {
    struct jpeg_decompress_struct cinfo;
    folio_jpeg_error_mgr err;
    unsigned char *volatile buffer = NULL;
    *pixels = NULL;
    *width = 0;
    *height = 0;
    memset(&cinfo, 0, sizeof cinfo);
    cinfo.err = jpeg_std_error(&err.base);
    err.base.error_exit = folio_jpeg_error_exit;
    err.base.emit_message = folio_jpeg_emit_message;
    err.base.output_message = folio_jpeg_output_message;
    err.message[0] = 0;
    if (setjmp(err.jump)) {
        if (capacity > 0) {
            strncpy(message, err.message, capacity - 1);
            message[capacity - 1] = 0;
        }
        jpeg_destroy_decompress(&cinfo);
        free(buffer);
        return 1;
    }
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, data, size);
    jpeg_read_header(&cinfo, TRUE);
    if (cinfo.image_width > max_side || cinfo.image_height > max_side ||
        (unsigned long)cinfo.image_width * cinfo.image_height > max_pixels) {
        *width = cinfo.image_width;
        *height = cinfo.image_height;
        jpeg_destroy_decompress(&cinfo);
        return 2;
    }
    cinfo.out_color_space = JCS_GRAYSCALE;
    cinfo.dct_method = JDCT_ISLOW;
    jpeg_start_decompress(&cinfo);
    size_t stride = cinfo.output_width;
    buffer = (unsigned char *)malloc(stride * cinfo.output_height);
    if (buffer == NULL) {
        snprintf(message, capacity, "out of memory for %ux%u pixels", cinfo.output_width,
                 cinfo.output_height);
        jpeg_destroy_decompress(&cinfo);
        return 1;
    }
    while (cinfo.output_scanline < cinfo.output_height) {
        JSAMPROW row = buffer + stride * cinfo.output_scanline;
        jpeg_read_scanlines(&cinfo, &row, 1);
    }
    jpeg_finish_decompress(&cinfo);
    *width = cinfo.output_width;
    *height = cinfo.output_height;
    *pixels = buffer;
    jpeg_destroy_decompress(&cinfo);
    return 0;
}
#endif
