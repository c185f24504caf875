// The libcrypto headers Folio uses. Only libcrypto is linked: Folio does not use TLS.
#ifndef FOLIO_COPENSSL_SHIM_H
#define FOLIO_COPENSSL_SHIM_H
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/kdf.h>
#include <openssl/core_names.h>
#include <openssl/params.h>
#include <openssl/rand.h>
#include <openssl/sha.h>
#include <openssl/opensslv.h>
#endif
