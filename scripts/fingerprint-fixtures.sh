#!/usr/bin/env bash
# Regenerates the small PNG/JPEG reader fixtures in Tests/FolioFingerprintTests/Vectors/ with
# libpng and libjpeg themselves (the same system libraries the readers use). The pixel values
# are chosen so the tests can work out the expected greys by hand; see ImageReaderTests.swift.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/Tests/FolioFingerprintTests/Vectors"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat >"$work/gen.c" <<'C'
#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jpeglib.h>

static void write_png(const char *path, int w, int h, png_uint_32 format, const unsigned char *px) {
    png_image image;
    memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    image.width = w;
    image.height = h;
    image.format = format;
    if (!png_image_write_to_file(&image, path, 0, px, 0, NULL)) { fprintf(stderr, "%s\n", image.message); exit(1); }
}

static void write_jpeg(const char *path, int w, int h, int components, const unsigned char *px) {
    struct jpeg_compress_struct c;
    struct jpeg_error_mgr e;
    FILE *f = fopen(path, "wb");
    c.err = jpeg_std_error(&e);
    jpeg_create_compress(&c);
    jpeg_stdio_dest(&c, f);
    c.image_width = w;
    c.image_height = h;
    c.input_components = components;
    c.in_color_space = components == 3 ? JCS_RGB : JCS_GRAYSCALE;
    jpeg_set_defaults(&c);
    jpeg_set_quality(&c, 95, TRUE);
    jpeg_start_compress(&c, TRUE);
    while (c.next_scanline < c.image_height) {
        JSAMPROW row = (JSAMPROW)(px + c.next_scanline * w * components);
        jpeg_write_scanlines(&c, &row, 1);
    }
    jpeg_finish_compress(&c);
    jpeg_destroy_compress(&c);
    fclose(f);
}

int main(int argc, char **argv) {
    char path[4096];
    unsigned char rgb[8 * 4 * 3], ga[2 * 2], flat[16 * 16 * 3], grey[16 * 16];
    // gradient.png: 8x4 RGB, red = 32x, green = 64y, blue = 100.
    for (int y = 0; y < 4; y++) for (int x = 0; x < 8; x++) {
        unsigned char *p = rgb + 3 * (8 * y + x);
        p[0] = 32 * x; p[1] = 64 * y; p[2] = 100;
    }
    snprintf(path, sizeof path, "%s/gradient.png", argv[1]);
    write_png(path, 8, 4, PNG_FORMAT_RGB, rgb);
    // grey-alpha.png: 2x1 grey+alpha: (200, transparent), (100, opaque).
    ga[0] = 200; ga[1] = 0; ga[2] = 100; ga[3] = 255;
    snprintf(path, sizeof path, "%s/grey-alpha.png", argv[1]);
    write_png(path, 2, 1, PNG_FORMAT_GA, ga);
    // flat-colour.jpg: 16x16 of RGB (200, 100, 50).
    for (int i = 0; i < 256; i++) { flat[3 * i] = 200; flat[3 * i + 1] = 100; flat[3 * i + 2] = 50; }
    snprintf(path, sizeof path, "%s/flat-colour.jpg", argv[1]);
    write_jpeg(path, 16, 16, 3, flat);
    // flat-grey.jpg: 16x8 of grey 128 (zero after the level shift, so it decodes exactly).
    memset(grey, 128, sizeof grey);
    snprintf(path, sizeof path, "%s/flat-grey.jpg", argv[1]);
    write_jpeg(path, 16, 8, 1, grey);
    return 0;
}
C
gcc -O1 -o "$work/gen" "$work/gen.c" $(pkg-config --cflags --libs libpng) -ljpeg
"$work/gen" "$out"
echo "fingerprint fixtures written to $out"
