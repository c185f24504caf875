/* B1 reference: the PoW inner loop written directly against libcrypto.
 * Double SHA-256 of an 80-byte header from a reused midstate, nonce bumped per iteration.
 * Mode "ctx" copies a SHA256_CTX by value; mode "evp" copies an EVP_MD_CTX with
 * EVP_MD_CTX_copy_ex (to show why FolioCrypto uses the former).
 * Prints one JSON object: operations, CPU seconds (CLOCK_PROCESS_CPUTIME_ID), rate. */
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/evp.h>
#include <openssl/sha.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double cpu_seconds(void) {
    struct timespec now;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return (double)now.tv_sec + (double)now.tv_nsec / 1e9;
}

static unsigned char run_ctx(const unsigned char *header, long count) {
    SHA256_CTX mid, work;
    unsigned char tail[16], inner[32], outer[32], sink = 0;
    SHA256_Init(&mid);
    SHA256_Update(&mid, header, 64);
    memcpy(tail, header + 64, 16);
    for (uint32_t nonce = 0; count-- > 0; nonce++) {
        memcpy(tail + 12, &nonce, 4);
        work = mid;
        SHA256_Update(&work, tail, 16);
        SHA256_Final(inner, &work);
        SHA256_Init(&work);
        SHA256_Update(&work, inner, 32);
        SHA256_Final(outer, &work);
        sink ^= outer[31];
    }
    return sink;
}

static unsigned char run_evp(const unsigned char *header, long count) {
    EVP_MD_CTX *mid = EVP_MD_CTX_new(), *work = EVP_MD_CTX_new();
    const EVP_MD *md = EVP_sha256();
    unsigned char tail[16], inner[32], outer[32], sink = 0;
    unsigned int length;
    EVP_DigestInit_ex(mid, md, NULL);
    EVP_DigestUpdate(mid, header, 64);
    memcpy(tail, header + 64, 16);
    for (uint32_t nonce = 0; count-- > 0; nonce++) {
        memcpy(tail + 12, &nonce, 4);
        EVP_MD_CTX_copy_ex(work, mid);
        EVP_DigestUpdate(work, tail, 16);
        EVP_DigestFinal_ex(work, inner, &length);
        EVP_DigestInit_ex(work, md, NULL);
        EVP_DigestUpdate(work, inner, 32);
        EVP_DigestFinal_ex(work, outer, &length);
        sink ^= outer[31];
    }
    EVP_MD_CTX_free(work);
    EVP_MD_CTX_free(mid);
    return sink;
}

int main(int argc, char **argv) {
    const char *mode = argc > 1 ? argv[1] : "ctx";
    double seconds = argc > 2 ? atof(argv[2]) : 1.0;
    int evp = strcmp(mode, "evp") == 0;
    unsigned char header[80], sink = 0;
    for (int i = 0; i < 80; i++) header[i] = (unsigned char)(i * 7 + 1);
    long operations = 0, batch = 100000;
    double start = cpu_seconds(), elapsed;
    do {
        sink ^= evp ? run_evp(header, batch) : run_ctx(header, batch);
        operations += batch;
        elapsed = cpu_seconds() - start;
    } while (elapsed < seconds);
    printf("{\"benchmark\":\"c-midstate-%s\",\"operations\":%ld,\"cpu_seconds\":%f,\"per_cpu_second\":%f,\"sink\":%d}\n",
           mode, operations, elapsed, (double)operations / elapsed, sink);
    return 0;
}
