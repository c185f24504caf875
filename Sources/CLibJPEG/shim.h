// libjpeg-turbo (Debian libjpeg62-turbo-dev), used by FolioFingerprint's JPEG reader.
#ifndef FOLIO_CLIBJPEG_SHIM_H
#define FOLIO_CLIBJPEG_SHIM_H
#include <stddef.h>
#include <stdio.h>
#include <jpeglib.h>
#endif
