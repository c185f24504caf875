// Writes the benchmark's synthetic test images with the system libpng and libjpeg-turbo (the
// same libraries FolioFingerprint reads them with). Benchmark tooling only.
#ifndef FOLIO_CBENCHIMAGES_H
#define FOLIO_CBENCHIMAGES_H
#include <stddef.h>

/// Writes `rgb` (width × height × 3 bytes, rows top to bottom) as an 8-bit RGB PNG with
/// libpng's default compression. Returns 0 on success.
int bench_write_png(const char *path, const unsigned char *rgb, unsigned width, unsigned height);

/// Writes `rgb` as a baseline JPEG (4:2:0, libjpeg's defaults) at `quality` (1–100). Returns 0
/// on success; libjpeg exits the process on its own errors (acceptable for a benchmark tool
/// writing its own data).
int bench_write_jpeg(const char *path, const unsigned char *rgb, unsigned width, unsigned height, int quality);

#endif
