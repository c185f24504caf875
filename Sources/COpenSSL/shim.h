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

// OpenSSL 3 deprecates the low-level SHA256_* calls in favour of EVP, but EVP_MD_CTX has no
// by-value copy: EVP_MD_CTX_copy_ex allocates, which a proof-of-work midstate cannot afford.
// These wrappers keep the low-level calls (still exported by libcrypto 3) and confine the
// deprecation to this header, so Swift code sees no deprecated symbol.
#if defined(__clang__) || defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#endif

static inline int folio_sha256_init(SHA256_CTX *ctx) {
    return SHA256_Init(ctx);
}

static inline int folio_sha256_update(SHA256_CTX *ctx, const void *data, size_t count) {
    return SHA256_Update(ctx, data, count);
}

static inline int folio_sha256_final(unsigned char *digest, SHA256_CTX *ctx) {
    return SHA256_Final(digest, ctx);
}

#if defined(__clang__) || defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

#endif
